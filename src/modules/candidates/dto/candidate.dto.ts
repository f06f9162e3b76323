import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../infra/http/pagination';
import { OptionalNotNull, ToBoolean, Trim } from '../../../infra/http/validators';
import {
  CEFR_LEVELS,
  CERTIFICATE_CODES,
  CefrLevel,
  DRIVING_LICENCES,
  EDUCATION_LEVELS,
  EducationLevel,
  LANGUAGE_CODES,
} from '../../taxonomy/reference-lists';
import { SECTOR_CODES } from '../../taxonomy/sectors';
import {
  ACTIVITY_KINDS,
  BENEFIT_TYPES,
  BenefitType,
  ActivityKind,
  PROGRAMME_STATUSES,
  ProgrammeStatus,
  SKILL_SOURCES,
  SkillSource,
} from '../candidate.entity';
import { MAX_PROGRAMME_AGE, MIN_PROGRAMME_AGE } from '../candidate-rules';
import {
  IsAtLeastHoursMin,
  IsBsn,
  IsCommuteKm,
  IsNotAfterThisYear,
  IsProgrammeBirthYear,
  SharesNothingWith,
  UniqueBy,
} from './candidate.validators';

const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;
const PC4 = /^[1-9][0-9]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkExperienceDto {
  @ApiProperty({
    description: 'ESCO occupation URI (GET /taxonomy/occupations?q=…)',
    example: 'http://data.europa.eu/esco/occupation/ea4aff10-4d20-4a2b-886b-299c2bd349f1',
  })
  @Matches(ESCO_OCCUPATION_URI, { message: 'occupationUri must be an ESCO occupation URI' })
  occupationUri: string;

  @ApiProperty({
    description: 'The job title as the person says it',
    example: 'drukker bij Roto Smeets',
  })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: SECTOR_CODES, description: 'NACE section of the employer then' })
  @IsIn(SECTOR_CODES)
  sector: string;

  @ApiProperty({ minimum: 0, maximum: 50, description: 'Years in this work' })
  @IsInt()
  @Min(0)
  @Max(50)
  years: number;

  @ApiProperty({ example: 2016 })
  @IsInt()
  @Min(1950)
  @IsNotAfterThisYear()
  lastYearWorked: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class CandidateSkillDto {
  @ApiProperty({
    description: 'ESCO skill URI (GET /taxonomy/skills?q=…)',
    example: 'http://data.europa.eu/esco/skill/98221b4f-1f4f-435f-b895-eeb7d4c6561c',
  })
  @Matches(ESCO_SKILL_URI, { message: 'uri must be an ESCO skill URI' })
  uri: string;

  @ApiProperty({ enum: SKILL_SOURCES, description: 'Where the skill comes from' })
  @IsIn(SKILL_SOURCES)
  source: SkillSource;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'The evidence in words',
    example: 'repareert al 20 jaar fietsen voor de buurt',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  evidence?: string;
}

export class CandidateLanguageDto {
  @ApiProperty({ enum: LANGUAGE_CODES, example: 'tr' })
  @IsIn(LANGUAGE_CODES)
  language: string;

  @ApiProperty({ enum: CEFR_LEVELS, example: 'B2' })
  @IsIn(CEFR_LEVELS)
  level: CefrLevel;
}

export class ActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @ApiProperty({ example: 'repareert fietsen voor buren en de kringloopwinkel' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  years?: number;
}

export class DiplomaDto {
  @ApiProperty({ example: 'MBO 2 Drukwerk' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  level: EducationLevel;

  @ApiPropertyOptional({ example: 1990 })
  @IsOptional()
  @IsInt()
  @Min(1940)
  @IsNotAfterThisYear()
  year?: number;
}

/** Work-capacity limits (belastbaarheid) needed for matching: limits only, never a diagnosis. */
export class WorkCapacityDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 480, description: 'Minutes standing at a stretch' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(480)
  standingMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 480, description: 'Minutes sitting at a stretch' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(480)
  sittingMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 480, description: 'Minutes walking at a stretch' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(480)
  walkingMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 50, description: 'Kilograms lifted regularly' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  liftingKg?: number;

  @ApiPropertyOptional({ description: 'Can work night shifts' })
  @IsOptional()
  @IsBoolean()
  nightWork?: boolean;
}

export class CreateCandidateDto {
  @ApiProperty({ description: "The municipality's client number", example: 'ALM-204518' })
  @IsString()
  @Trim()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, {
    message: 'clientNumber must be 1-32 letters, digits or dashes',
  })
  clientNumber: string;

  @ApiPropertyOptional({
    description:
      'Citizen service number (BSN), 9 digits passing the 11-proef. Only a keyed hash is stored, to keep one profile per person; it is never returned.',
    writeOnly: true,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/[\s.]/g, '') : value,
  )
  @IsBsn()
  bsn?: string | null;

  @ApiProperty({ example: 'Henk' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'de Vries' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '06 12345678' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{5,19}$/, {
    message: 'phone must be a phone number of digits, spaces, dashes or brackets',
  })
  phone?: string | null;

  @ApiProperty({
    description: `Birth year, for programme eligibility only (${MIN_PROGRAMME_AGE} or older this year, at most ${MAX_PROGRAMME_AGE}). Never shown to employers nor used in ranking.`,
    example: 1968,
  })
  @IsProgrammeBirthYear()
  birthYear: number;

  @ApiPropertyOptional({
    description:
      'The owning klantmanager. Coordinators must give it; a klantmanager creates profiles in their own caseload (omit it or give your own id).',
  })
  @IsOptional()
  @IsUUID()
  klantmanagerId?: string;

  @ApiProperty({ description: 'Home postcode, 4 digits', example: '1315' })
  @Matches(PC4, { message: 'homePc4 must be a 4-digit Dutch postcode, e.g. 1315' })
  homePc4: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 150,
    description: 'Give maxCommuteKm, maxCommuteMinutes or both',
  })
  @IsCommuteKm((o) => o instanceof CreateCandidateDto && o.maxCommuteMinutes == null)
  maxCommuteKm?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 5, maximum: 180 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(180)
  maxCommuteMinutes?: number | null;

  @ApiProperty({ minimum: 1, maximum: 40, description: 'Hours per week wanted, at least' })
  @IsInt()
  @Min(1)
  @Max(40)
  hoursMin: number;

  @ApiProperty({ minimum: 1, maximum: 40, description: 'Hours per week wanted, at most' })
  @IsInt()
  @Min(1)
  @Max(40)
  @IsAtLeastHoursMin()
  hoursMax: number;

  @ApiPropertyOptional({ type: [WorkExperienceDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => WorkExperienceDto)
  experiences?: WorkExperienceDto[];

  @ApiPropertyOptional({ type: [CandidateSkillDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CandidateSkillDto)
  @UniqueBy<CandidateSkillDto>(
    (skill) => `${skill.uri} (${skill.source})`,
    (duplicates) => `skills lists the same skill and source twice: ${duplicates.join(', ')}`,
  )
  skills?: CandidateSkillDto[];

  @ApiPropertyOptional({ type: [CandidateLanguageDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CandidateLanguageDto)
  @UniqueBy<CandidateLanguageDto>(
    (language) => language.language,
    (duplicates) =>
      `languages lists ${duplicates.join(', ')} more than once: give each language once, with its level`,
  )
  languages?: CandidateLanguageDto[];

  @ApiPropertyOptional({ type: [ActivityDto], description: 'Hobbies and volunteer work' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ActivityDto)
  activities?: ActivityDto[];

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  educationLevel: EducationLevel;

  @ApiPropertyOptional({ type: [DiplomaDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DiplomaDto)
  diplomas?: DiplomaDto[];

  @ApiPropertyOptional({ enum: CERTIFICATE_CODES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(CERTIFICATE_CODES, { each: true })
  certificates?: string[];

  @ApiPropertyOptional({ enum: DRIVING_LICENCES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(DRIVING_LICENCES, { each: true })
  drivingLicences?: string[];

  @ApiPropertyOptional({
    type: WorkCapacityDto,
    description: 'Work-capacity limits needed for matching. Limits only, never a diagnosis.',
  })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkCapacityDto)
  workCapacity?: WorkCapacityDto;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    description:
      'Notes on work capacity for the klantmanager and coordinator. Describe limits only (what the person can and cannot do), never a diagnosis or medical details.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  workCapacityNotes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2025-09-01' })
  @IsOptional()
  @Matches(DATE, { message: 'availableFrom must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'availableFrom must be a real date as YYYY-MM-DD' })
  availableFrom?: string | null;

  @ApiPropertyOptional({ enum: SECTOR_CODES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true })
  sectorsOfInterest?: string[];

  @ApiPropertyOptional({ enum: SECTOR_CODES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true })
  @SharesNothingWith('sectorsOfInterest')
  sectorsRefused?: string[];

  @ApiProperty({
    minimum: 1,
    maximum: 5,
    description: 'Participation ladder rung (trede); the programme serves 3-4',
  })
  @IsInt()
  @Min(1)
  @Max(5)
  participationRung: number;

  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES, default: 'intake' })
  @OptionalNotNull()
  @IsIn(PROGRAMME_STATUSES)
  programmeStatus?: ProgrammeStatus;

  @ApiPropertyOptional({
    default: false,
    description: 'The client agreed to be matched and proposed (anonymously) to employers',
  })
  @OptionalNotNull()
  @IsBoolean()
  availableForMatching?: boolean;

  @ApiPropertyOptional({
    enum: BENEFIT_TYPES,
    default: 'bijstand',
    description: 'The benefit the client receives; decides which arrangements apply',
  })
  @OptionalNotNull()
  @IsIn(BENEFIT_TYPES)
  benefitType?: BenefitType;

  @ApiPropertyOptional({
    default: false,
    description:
      'sensitive: registered in the doelgroepregister (no-risk policy, wage-cost subsidy); reading it is audited',
  })
  @OptionalNotNull()
  @IsBoolean()
  targetGroupRegister?: boolean;
}

/**
 * Omit a field to keep it; `null` clears the optional ones (email, phone, bsn, maxCommuteKm,
 * maxCommuteMinutes, workCapacityNotes, availableFrom). The klantmanager changes through
 * PUT /candidates/:id/klantmanager.
 */
export class UpdateCandidateDto extends PartialType(
  OmitType(CreateCandidateDto, ['klantmanagerId'] as const),
  { skipNullProperties: false },
) {}

export class ReassignCandidateDto {
  @ApiProperty({ description: 'The active klantmanager who takes over the client' })
  @IsUUID()
  klantmanagerId: string;
}

export const CANDIDATE_SORTS = [
  'lastName',
  '-lastName',
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
  'availableFrom',
  '-availableFrom',
  'participationRung',
  '-participationRung',
] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export class CandidateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  programmeStatus?: ProgrammeStatus;

  @ApiPropertyOptional({ description: 'Coordinators only: the owning klantmanager' })
  @IsOptional()
  @IsUUID()
  klantmanagerId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  availableForMatching?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  participationRung?: number;

  @ApiPropertyOptional({
    description:
      'Part of the name or of the client number (accountmanagers: the name only), case-insensitive',
  })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: CANDIDATE_SORTS,
    default: 'lastName',
    description: 'Field to sort on; a leading - sorts descending',
  })
  @IsOptional()
  @IsIn(CANDIDATE_SORTS)
  sort: CandidateSort = 'lastName';
}
