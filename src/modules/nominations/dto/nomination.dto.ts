import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { OptionalNotNull, Trim } from '../../../infra/http/validators';
import { CONTRACT_TYPES, ContractType } from '../../taxonomy/reference-lists';
import { NOMINATION_REASON_CODES, NominationReason } from '../nomination-reasons';
import { NOMINATION_STATUSES, NominationStatus } from '../nomination-status';

export const MAX_HOURS_PER_WEEK = 40;

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const dateOnly = (field: string) => [
  Matches(DATE_FORMAT, { message: `${field} must be a date as YYYY-MM-DD` }),
  IsISO8601({ strict: true }, { message: `${field} must be an existing calendar date` }),
];
function IsDateOnly(field: string): PropertyDecorator {
  return (target, key) => dateOnly(field).forEach((decorate) => decorate(target, key));
}

export class CreateNominationDto {
  @ApiProperty({ description: 'The candidate (kandidaatprofiel); must be available for matching' })
  @IsUUID()
  candidateId: string;

  @ApiPropertyOptional({
    description: 'The vacancy (open or on hold); leave out to nominate to an employer without one',
  })
  @OptionalNotNull()
  @IsUUID()
  vacancyId?: string;

  @ApiPropertyOptional({
    description: "Required without a vacancy; with one, it must be the vacancy's employer",
  })
  @OptionalNotNull()
  @IsUUID()
  employerId?: string;

  @ApiProperty({
    example: 'Heeft 22 jaar aan drukpersen gestaan en repareert fietsen: precies en technisch.',
    description: 'Why this person fits: the personal recommendation to the employer',
  })
  @IsString()
  @Trim()
  @MinLength(10)
  @MaxLength(4000)
  motivation: string;
}

export class TrialPlacementInputDto {
  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsDateOnly('trialPlacement.startDate')
  startDate: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Last day (inclusive); default start + 2 months - 1 day; at most start + 6 months - 1 day',
  })
  @OptionalNotNull()
  @IsDateOnly('trialPlacement.endDate')
  endDate?: string;

  @ApiProperty({ minimum: 1, maximum: MAX_HOURS_PER_WEEK, example: 24 })
  @IsInt()
  @Min(1)
  @Max(MAX_HOURS_PER_WEEK)
  hoursPerWeek: number;

  @ApiProperty({ example: 'Jan Smit' })
  @IsString()
  @Trim()
  @MinLength(2)
  @MaxLength(200)
  supervisorName: string;

  @ApiProperty({ example: 'teamleider magazijn' })
  @IsString()
  @Trim()
  @MinLength(2)
  @MaxLength(200)
  supervisorRole: string;

  @ApiProperty({
    description:
      'The employer states the intention to offer a contract of at least 6 months after a successful trial; must be true',
  })
  @IsBoolean()
  @Equals(true, {
    message:
      'employerIntentToOffer must be true: a trial placement needs the employer’s statement of intent to offer a contract of at least 6 months afterwards',
  })
  employerIntentToOffer: boolean;

  @ApiProperty({ format: 'date', description: 'When the employer stated it' })
  @IsDateOnly('trialPlacement.employerIntentDate')
  employerIntentDate: string;
}

export class PlacementInputDto {
  @ApiProperty({ format: 'date', example: '2026-05-04' })
  @IsDateOnly('placement.startDate')
  startDate: string;

  @ApiPropertyOptional({ format: 'date', description: 'Required for a fixed-term contract' })
  @OptionalNotNull()
  @IsDateOnly('placement.endDate')
  endDate?: string;

  @ApiProperty({ minimum: 1, maximum: MAX_HOURS_PER_WEEK, example: 24 })
  @IsInt()
  @Min(1)
  @Max(MAX_HOURS_PER_WEEK)
  hoursPerWeek: number;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;
}

/**
 * One move of the lifecycle. `version` is the version you read: a nomination changed by someone
 * else meanwhile is refused (409). Endings without a hire (rejected, withdrawn, not-hired) need
 * `reason` and `reasonText`; `interview-planned` needs `interviewAt`; `trial-placement` needs
 * `trialPlacement`; `hired` needs `placement`.
 */
export class NominationTransitionDto {
  @ApiProperty({ enum: NOMINATION_STATUSES })
  @IsIn(NOMINATION_STATUSES)
  to: NominationStatus;

  @ApiProperty({ description: 'The version of the nomination you read (optimistic locking)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: NOMINATION_REASON_CODES })
  @OptionalNotNull()
  @IsIn(NOMINATION_REASON_CODES, {
    message: `reason must be one of ${NOMINATION_REASON_CODES.join(', ')}`,
  })
  reason?: NominationReason;

  @ApiPropertyOptional({ example: 'Heftruckcertificaat ontbreekt; werkgever wil het bij start.' })
  @OptionalNotNull()
  @IsString()
  @Trim()
  @MaxLength(2000)
  reasonText?: string;

  @ApiPropertyOptional({ description: 'Free note on any move' })
  @OptionalNotNull()
  @IsString()
  @Trim()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-03-10T10:00:00+01:00' })
  @OptionalNotNull()
  @IsISO8601({ strict: true }, { message: 'interviewAt must be a date and time (ISO 8601)' })
  interviewAt?: string;

  @ApiPropertyOptional({ type: TrialPlacementInputDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => TrialPlacementInputDto)
  trialPlacement?: TrialPlacementInputDto;

  @ApiPropertyOptional({ type: PlacementInputDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => PlacementInputDto)
  placement?: PlacementInputDto;
}

export class NominationQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  candidateId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  vacancyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ enum: NOMINATION_STATUSES })
  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  status?: NominationStatus;
}

export class NominationTransitionResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOMINATION_STATUSES, nullable: true, type: String })
  from: NominationStatus | null;
  @ApiProperty({ enum: NOMINATION_STATUSES }) to: NominationStatus;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonText: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null: the employer, answering through a shortlist link',
  })
  actorId: string | null;
  @ApiProperty() actorRole: string;
  @ApiProperty() at: Date;
}

export class NominationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() candidateId: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty({ type: String, nullable: true }) vacancyId: string | null;
  @ApiProperty({ type: String, nullable: true }) vacancyTitle: string | null;
  @ApiProperty() accountManagerId: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status: NominationStatus;
  @ApiProperty({ description: 'Dutch label of the status' }) statusLabel: string;
  @ApiProperty({ enum: NOMINATION_STATUSES, isArray: true, description: 'Moves possible now' })
  allowedTransitions: NominationStatus[];
  @ApiProperty() motivation: string;
  @ApiProperty({ type: Date, nullable: true }) interviewAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ type: String, nullable: true }) endReasonLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) endReasonText: string | null;
  @ApiProperty({ type: Date, nullable: true }) endedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The trial placement, if any' })
  trialPlacementId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The placement after a hire' })
  placementId: string | null;
  @ApiProperty() createdById: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class NominationDetailDto extends NominationResponseDto {
  @ApiProperty({ type: [NominationTransitionResponseDto], description: 'Oldest first' })
  transitions: NominationTransitionResponseDto[];
}

export class NominationPageDto {
  @ApiProperty({ type: [NominationResponseDto] }) items: NominationResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class NominationReasonDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}
