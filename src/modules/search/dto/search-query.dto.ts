import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../infra/http/pagination';
import { NotGreaterThan, ToBoolean, Trim } from '../../../infra/http/validators';
import { PROGRAMME_STATUSES, ProgrammeStatus } from '../../candidates/candidate.entity';
import { OPENNESS_TO_45_PLUS, OpennessTo45Plus } from '../../employers/employer.entity';
import {
  CEFR_LEVELS,
  CERTIFICATE_CODES,
  CONTRACT_TYPES,
  ContractType,
  DRIVING_LICENCES,
  EDUCATION_LEVELS,
  EducationLevel,
  LANGUAGE_CODES,
} from '../../taxonomy/reference-lists';
import { SECTOR_CODES } from '../../taxonomy/sectors';
import {
  VACANCY_KINDS,
  VACANCY_STATUSES,
  VacancyKind,
  VacancyStatus,
} from '../../vacancies/vacancy.entity';

const MAX_LIST = 20;
const OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
const SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/(skill|isced-f)\/[0-9a-f-]{36,}$/;
const LANGUAGE_REQUIREMENT = new RegExp(
  `^(${LANGUAGE_CODES.join('|')})(:(${CEFR_LEVELS.join('|')}))?$`,
);

/** `a,b,c` or a repeated parameter -> a list of trimmed, non-empty values. */
const CsvList = () =>
  Transform(({ value }: { value: unknown }): unknown[] =>
    (Array.isArray(value) ? (value as unknown[]) : [value])
      .flatMap((item): unknown[] => (typeof item === 'string' ? item.split(',') : [item]))
      .map((item): unknown => (typeof item === 'string' ? item.trim() : item))
      .filter((item) => item !== ''),
  );

const listOf = (values: readonly string[], what: string) => ({
  each: true,
  message: `each ${what} must be one of ${values.join(', ')}`,
});

/** What every search takes: text, distance from a PC4, facets and a page. */
export class SearchQueryBaseDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Free text; every word must match, typos are tolerated' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Distance is measured from this PC4 postcode area' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{3}$/, { message: 'nearPc4 must be the 4 digits of a Dutch postcode' })
  nearPc4?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 15 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  radiusKm?: number;

  @ApiPropertyOptional({ description: 'Comma list of facet fields to count', type: String })
  @IsOptional()
  @CsvList()
  @IsString({ each: true })
  facets?: string[];
}

/** Searches of candidates and vacancies add hours and the ESCO taxonomy. */
export class ProfileSearchQueryDto extends SearchQueryBaseDto {
  @ApiPropertyOptional({ description: 'Hours per week wanted: ranges must overlap' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  @NotGreaterThan('hoursMax')
  hoursMin?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  hoursMax?: number;

  @ApiPropertyOptional({ description: 'ESCO occupation URIs (any of), comma list', type: String })
  @IsOptional()
  @CsvList()
  @ArrayMaxSize(MAX_LIST)
  @Matches(OCCUPATION_URI, {
    each: true,
    message: 'each occupation must be an ESCO occupation URI',
  })
  occupation?: string[];

  @ApiPropertyOptional({ description: 'ISCO unit groups, 4 digits (any of)', type: String })
  @IsOptional()
  @CsvList()
  @ArrayMaxSize(MAX_LIST)
  @Matches(/^[0-9]{4}$/, { each: true, message: 'each iscoGroup must be 4 digits' })
  iscoGroup?: string[];

  @ApiPropertyOptional({ description: 'ESCO skill URIs (all of), comma list', type: String })
  @IsOptional()
  @CsvList()
  @ArrayMaxSize(MAX_LIST)
  @Matches(SKILL_URI, { each: true, message: 'each skill must be an ESCO skill URI' })
  skill?: string[];

  @ApiPropertyOptional({
    description:
      'Candidates: languages spoken at this level or higher (all of). Vacancies: languages asked for (any of). E.g. `tr:B1,nl`',
    type: String,
  })
  @IsOptional()
  @CsvList()
  @ArrayMaxSize(MAX_LIST)
  @Matches(LANGUAGE_REQUIREMENT, {
    each: true,
    message: `each language must be a code (${LANGUAGE_CODES.join(', ')}) optionally followed by :level (${CEFR_LEVELS.join(', ')})`,
  })
  language?: string[];
}

export const CANDIDATE_SORTS = ['relevance', 'distance', 'availableFrom', 'updatedAt'] as const;

export class CandidateSearchQueryDto extends ProfileSearchQueryDto {
  @ApiPropertyOptional({ description: 'Available on or before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'availableBy must be a date YYYY-MM-DD' })
  availableBy?: string;

  @ApiPropertyOptional({ description: 'Sectors worked in (NACE A-U, any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(SECTOR_CODES, listOf(SECTOR_CODES, 'sector'))
  sector?: string[];

  @ApiPropertyOptional({ description: 'Programme statuses (any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(PROGRAMME_STATUSES, listOf(PROGRAMME_STATUSES, 'status'))
  status?: ProgrammeStatus[];

  @ApiPropertyOptional({ description: 'Certificates held (all of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(CERTIFICATE_CODES, listOf(CERTIFICATE_CODES, 'certificate'))
  certificate?: string[];

  @ApiPropertyOptional({ description: 'Driving licences held (all of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(DRIVING_LICENCES, listOf(DRIVING_LICENCES, 'drivingLicence'))
  drivingLicence?: string[];

  @ApiPropertyOptional({ description: 'Education levels (any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(EDUCATION_LEVELS, listOf(EDUCATION_LEVELS, 'educationLevel'))
  educationLevel?: EducationLevel[];

  @ApiPropertyOptional({ enum: CANDIDATE_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(CANDIDATE_SORTS)
  sort: (typeof CANDIDATE_SORTS)[number] = 'relevance';
}

export const VACANCY_SORTS = ['relevance', 'distance', 'startDate', 'updatedAt'] as const;

export class VacancySearchQueryDto extends ProfileSearchQueryDto {
  @ApiPropertyOptional({ description: 'Starting on or before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'startBy must be a date YYYY-MM-DD' })
  startBy?: string;

  @ApiPropertyOptional({ description: 'Sectors (NACE A-U, any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(SECTOR_CODES, listOf(SECTOR_CODES, 'sector'))
  sector?: string[];

  @ApiPropertyOptional({ description: 'Statuses (any of); default open', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(VACANCY_STATUSES, listOf(VACANCY_STATUSES, 'status'))
  status?: VacancyStatus[];

  @ApiPropertyOptional({ description: 'Contract types (any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(CONTRACT_TYPES, listOf(CONTRACT_TYPES, 'contractType'))
  contractType?: ContractType[];

  @ApiPropertyOptional({ enum: VACANCY_KINDS })
  @IsOptional()
  @IsIn(VACANCY_KINDS)
  kind?: VacancyKind;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  trialPlacementPossible?: boolean;

  @ApiPropertyOptional({ enum: VACANCY_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(VACANCY_SORTS)
  sort: (typeof VACANCY_SORTS)[number] = 'relevance';
}

export const EMPLOYER_SORTS = ['relevance', 'distance', 'openVacancies', 'updatedAt'] as const;

export class EmployerSearchQueryDto extends SearchQueryBaseDto {
  @ApiPropertyOptional({ description: 'Sectors (NACE A-U, any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(SECTOR_CODES, listOf(SECTOR_CODES, 'sector'))
  sector?: string[];

  @ApiPropertyOptional({ description: 'Openness to 45+ (any of)', type: String })
  @IsOptional()
  @CsvList()
  @IsIn(OPENNESS_TO_45_PLUS, listOf(OPENNESS_TO_45_PLUS, 'opennessTo45Plus'))
  opennessTo45Plus?: OpennessTo45Plus[];

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  acceptsTrialPlacements?: boolean;

  @ApiPropertyOptional({
    description: 'true: only employers with an open vacancy; false: only without',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  hasOpenVacancies?: boolean;

  @ApiPropertyOptional({ enum: EMPLOYER_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(EMPLOYER_SORTS)
  sort: (typeof EMPLOYER_SORTS)[number] = 'relevance';
}
