import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
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
import {
  NotGreaterThan,
  OptionalNotNull,
  SORT_ORDERS,
  SortOrder,
  ToBoolean,
  Trim,
} from '../../../infra/http/validators';
import {
  CEFR_LEVELS,
  CERTIFICATE_CODES,
  CONTRACT_TYPES,
  CefrLevel,
  ContractType,
  DRIVING_LICENCES,
  LANGUAGE_CODES,
  SHIFTS,
  Shift,
} from '../../taxonomy/reference-lists';
import { SECTOR_CODES } from '../../taxonomy/sectors';
import { VACANCY_KINDS, VACANCY_STATUSES, VacancyKind, VacancyStatus } from '../vacancy.entity';
import { INITIAL_VACANCY_STATUSES } from '../vacancy-status';

export const MAX_HOURS_PER_WEEK = 40;
export const MAX_MINUTES_AT_A_STRETCH = 480;
export const MAX_LIFTING_KG = 50;

/** Compares list items by one key; items that are not objects compare as themselves. */
const byKey =
  (key: string) =>
  (item: unknown): unknown =>
    item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : item;

export class VacancySkillDto {
  @ApiProperty({
    example: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da',
    description: 'ESCO skill URI (look up with GET /taxonomy/skills?q=…)',
  })
  @IsString()
  @MaxLength(300)
  uri: string;

  @ApiProperty({ description: 'true: required; false: nice to have' })
  @IsBoolean()
  required: boolean;
}

export class LanguageRequirementDto {
  @ApiProperty({ enum: LANGUAGE_CODES, example: 'nl', description: 'ISO 639 code' })
  @IsIn(LANGUAGE_CODES, { message: `language must be one of ${LANGUAGE_CODES.join(', ')}` })
  language: string;

  @ApiProperty({ enum: CEFR_LEVELS, example: 'B1' })
  @IsIn(CEFR_LEVELS)
  minLevel: CefrLevel;
}

/** What the work demands at a stretch; every field optional. */
export class PhysicalDemandsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_MINUTES_AT_A_STRETCH })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES_AT_A_STRETCH)
  standingMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_MINUTES_AT_A_STRETCH })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES_AT_A_STRETCH)
  sittingMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_MINUTES_AT_A_STRETCH })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES_AT_A_STRETCH)
  walkingMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_LIFTING_KG, description: 'kg lifted regularly' })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(MAX_LIFTING_KG)
  liftingKg?: number;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  nightWork?: boolean;
}

export class CreateVacancyDto {
  @ApiProperty({ description: 'The employer; the vacancy takes its sector' })
  @IsUUID()
  employerId: string;

  @ApiProperty({ example: 'Heftruckchauffeur dagdienst' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ default: '', maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({
    enum: VACANCY_KINDS,
    default: 'posted',
    description: 'open-to-person: not posted, the employer is open to the right person',
  })
  @OptionalNotNull()
  @IsIn(VACANCY_KINDS)
  kind?: VacancyKind;

  @ApiProperty({
    example: 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755',
    description: 'ESCO occupation URI (look up with GET /taxonomy/occupations?q=…)',
  })
  @IsString()
  @MaxLength(300)
  occupationUri: string;

  @ApiPropertyOptional({ type: [VacancySkillDto], maxItems: 60 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique(byKey('uri'), { message: 'skills must name each skill uri only once' })
  @ValidateNested({ each: true })
  @Type(() => VacancySkillDto)
  skills?: VacancySkillDto[];

  @ApiPropertyOptional({ enum: CERTIFICATE_CODES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(CERTIFICATE_CODES, {
    each: true,
    message: `each certificate must be one of ${CERTIFICATE_CODES.join(', ')}`,
  })
  certificates?: string[];

  @ApiPropertyOptional({ enum: DRIVING_LICENCES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(DRIVING_LICENCES, {
    each: true,
    message: `each driving licence must be one of ${DRIVING_LICENCES.join(', ')}`,
  })
  drivingLicences?: string[];

  @ApiPropertyOptional({ type: [LanguageRequirementDto], maxItems: 10 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique(byKey('language'), { message: 'languages must name each language only once' })
  @ValidateNested({ each: true })
  @Type(() => LanguageRequirementDto)
  languages?: LanguageRequirementDto[];

  @ApiProperty({ minimum: 1, maximum: MAX_HOURS_PER_WEEK, example: 24 })
  @IsInt()
  @Min(1)
  @Max(MAX_HOURS_PER_WEEK)
  @NotGreaterThan('hoursMax')
  hoursMin: number;

  @ApiProperty({ minimum: 1, maximum: MAX_HOURS_PER_WEEK, example: 32 })
  @IsInt()
  @Min(1)
  @Max(MAX_HOURS_PER_WEEK)
  hoursMax: number;

  @ApiPropertyOptional({ enum: SHIFTS, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(SHIFTS, { each: true, message: `each shift must be one of ${SHIFTS.join(', ')}` })
  shifts?: Shift[];

  @ApiProperty({ example: '1334', description: 'Work location, Dutch 4-digit postcode' })
  @Matches(/^\d{4}$/, { message: 'pc4 must be a 4-digit Dutch postcode, e.g. 1334' })
  pc4: string;

  @ApiPropertyOptional({ type: PhysicalDemandsDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => PhysicalDemandsDto)
  physicalDemands?: PhysicalDemandsDto;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-09-01', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startDate must be an existing calendar date' })
  startDate?: string | null;

  @ApiPropertyOptional({ enum: INITIAL_VACANCY_STATUSES, default: 'draft' })
  @OptionalNotNull()
  @IsIn(INITIAL_VACANCY_STATUSES, { message: 'a new vacancy starts as draft or open' })
  status?: VacancyStatus;

  @ApiPropertyOptional({ default: false })
  @OptionalNotNull()
  @IsBoolean()
  trialPlacementPossible?: boolean;
}

/**
 * Every field optional; null only for startDate. The employer cannot change. `status` moves
 * along the lifecycle: draft -> open | closed; open -> on-hold | filled | closed;
 * on-hold -> open | filled | closed; filled and closed are final.
 */
export class UpdateVacancyDto extends PartialType(
  OmitType(CreateVacancyDto, ['employerId', 'status'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({ enum: VACANCY_STATUSES })
  @OptionalNotNull()
  @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;
}

export const VACANCY_SORT_FIELDS = ['createdAt', 'updatedAt', 'title', 'startDate'] as const;
export type VacancySortField = (typeof VACANCY_SORT_FIELDS)[number];

export class VacancyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VACANCY_STATUSES })
  @IsOptional()
  @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;

  @ApiPropertyOptional({ enum: SECTOR_CODES })
  @IsOptional()
  @IsIn(SECTOR_CODES, { message: 'sector must be a NACE section letter A-U' })
  sector?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ description: 'ESCO occupation URI' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  occupationUri?: string;

  @ApiPropertyOptional({ enum: VACANCY_KINDS })
  @IsOptional()
  @IsIn(VACANCY_KINDS)
  kind?: VacancyKind;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'trialPlacementPossible must be true or false' })
  trialPlacementPossible?: boolean;

  @ApiPropertyOptional({
    description: 'Part of the title, case-insensitive; empty means no filter',
  })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: VACANCY_SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(VACANCY_SORT_FIELDS)
  sort: VacancySortField = 'createdAt';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order: SortOrder = 'desc';
}

export class VacancySkillResponseDto {
  @ApiProperty() uri: string;
  @ApiProperty() required: boolean;
}

export class LanguageRequirementResponseDto {
  @ApiProperty() language: string;
  @ApiProperty({ enum: CEFR_LEVELS }) minLevel: CefrLevel;
}

export class PhysicalDemandsResponseDto {
  @ApiPropertyOptional() standingMinutes?: number;
  @ApiPropertyOptional() sittingMinutes?: number;
  @ApiPropertyOptional() walkingMinutes?: number;
  @ApiPropertyOptional() liftingKg?: number;
  @ApiPropertyOptional() nightWork?: boolean;
}

export class VacancyResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: VACANCY_KINDS }) kind: VacancyKind;
  @ApiProperty() occupationUri: string;
  @ApiProperty({ type: String, nullable: true, description: 'Dutch ESCO label' })
  occupationLabel: string | null;
  @ApiProperty({ enum: SECTOR_CODES, description: "The employer's sector" }) sector: string;
  @ApiProperty({ type: [VacancySkillResponseDto] }) skills: VacancySkillResponseDto[];
  @ApiProperty({ type: [String] }) certificates: string[];
  @ApiProperty({ type: [String] }) drivingLicences: string[];
  @ApiProperty({ type: [LanguageRequirementResponseDto] })
  languages: LanguageRequirementResponseDto[];
  @ApiProperty() hoursMin: number;
  @ApiProperty() hoursMax: number;
  @ApiProperty({ enum: SHIFTS, isArray: true }) shifts: Shift[];
  @ApiProperty() pc4: string;
  @ApiProperty({ type: PhysicalDemandsResponseDto }) physicalDemands: PhysicalDemandsResponseDto;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) startDate: string | null;
  @ApiProperty({ enum: VACANCY_STATUSES }) status: VacancyStatus;
  @ApiProperty() trialPlacementPossible: boolean;
  @ApiProperty() createdById: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class VacancyPageDto {
  @ApiProperty({ type: [VacancyResponseDto] }) items: VacancyResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
