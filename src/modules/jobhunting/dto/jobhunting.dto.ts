import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { NotGreaterThan, OptionalNotNull, ToBoolean, Trim } from '../../../infra/http/validators';
import { SECTOR_CODES } from '../../taxonomy/sectors';
import {
  ACTIVITY_KINDS,
  ACTIVITY_OUTCOME_CODES,
  ActivityOutcome,
  JobhuntingActivityKind,
} from '../jobhunting-activity.entity';
import {
  CLOSE_REASON_CODES,
  CLOSE_REASONS,
  CloseReason,
  JOBHUNTING_STATUSES,
  JobhuntingStatus,
} from '../jobhunting-status';
import { JOBHUNTING_EVENTS, JobhuntingEvent } from '../jobhunting-transition.entity';

export const MAX_HOURS_PER_WEEK = 40;
export const MAX_DISTANCE_KM = 200;

export class JobhuntingPreferencesDto {
  @ApiProperty({
    enum: SECTOR_CODES,
    isArray: true,
    example: ['H', 'G'],
    description:
      'NACE sections to search in, most wanted first; the first decides which accountmanager gets the request',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'preferences.sectors needs at least one sector (NACE letter A-U)' })
  @ArrayMaxSize(21)
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true, message: 'each sector must be a NACE section letter A-U' })
  sectors: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'ESCO occupation URIs worth trying (GET /taxonomy/occupations?q=…)',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  occupations?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HOURS_PER_WEEK, example: 24 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_HOURS_PER_WEEK)
  @NotGreaterThan('hoursMax')
  hoursMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HOURS_PER_WEEK, example: 32 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_HOURS_PER_WEEK)
  hoursMax?: number;

  @ApiPropertyOptional({
    example: '1315',
    description: "Where the search radius starts; defaults to the client's home PC4",
  })
  @OptionalNotNull()
  @Matches(/^\d{4}$/, { message: 'preferences.pc4 must be a 4-digit Dutch postcode, e.g. 1315' })
  pc4?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DISTANCE_KM, example: 15 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_DISTANCE_KM)
  maxDistanceKm?: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Liefst dagdienst; geen zwaar tilwerk.' })
  @OptionalNotNull()
  @IsString()
  @Trim()
  @MaxLength(2000)
  notes?: string;
}

export class CreateJobhuntingRequestDto {
  @ApiProperty({ description: "A client in the caller's caseload who agreed to be matched" })
  @IsUUID()
  candidateId: string;

  @ApiProperty({
    minLength: 20,
    maxLength: 5000,
    example:
      'Heer de Vries was 22 jaar offsetdrukker, is nauwkeurig en repareert fietsen voor de buurt; past bij orderpicken of een fietsenwerkplaats.',
    description: 'Why this person, what they can do',
  })
  @IsString()
  @Trim()
  @MinLength(20, {
    message: 'motivation needs at least 20 characters: why this person, what they can do',
  })
  @MaxLength(5000)
  motivation: string;

  @ApiProperty({ type: JobhuntingPreferencesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => JobhuntingPreferencesDto)
  preferences: JobhuntingPreferencesDto;

  @ApiPropertyOptional({
    description:
      'An accountmanager the klantmanager asks for (e.g. who knows the client); without it the sector decides',
  })
  @OptionalNotNull()
  @IsUUID()
  preferredAccountManagerId?: string;
}

export class AssignJobhuntingRequestDto {
  @ApiProperty({ description: 'An active accountmanager' })
  @IsUUID()
  accountManagerId: string;

  @ApiProperty({ description: 'The version you read; a changed request answers 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why this accountmanager' })
  @OptionalNotNull()
  @IsString()
  @Trim()
  @MaxLength(1000)
  note?: string;
}

export class JobhuntingTransitionDto {
  @ApiProperty({
    enum: JOBHUNTING_STATUSES,
    description:
      'open -> accepted | closed; accepted -> in-progress | closed; in-progress -> placed | closed. The first activity makes an accepted request in-progress by itself.',
  })
  @IsIn(JOBHUNTING_STATUSES)
  to: JobhuntingStatus;

  @ApiProperty({ description: 'The version you read; a changed request answers 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    enum: CLOSE_REASON_CODES,
    description: `Required for closed: ${CLOSE_REASON_CODES.map((code) => `${code} (${CLOSE_REASONS[code]})`).join('; ')}`,
  })
  @OptionalNotNull()
  @IsIn(CLOSE_REASON_CODES, { message: `reason must be one of ${CLOSE_REASON_CODES.join(', ')}` })
  reason?: CloseReason;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Explanation; required with reason other',
  })
  @OptionalNotNull()
  @IsString()
  @Trim()
  @MaxLength(2000)
  note?: string;
}

export class CreateJobhuntingActivityDto {
  @ApiProperty({
    enum: ACTIVITY_KINDS,
    description:
      'employer-approached needs employerId; vacancy-considered needs vacancyId; nomination needs employerId or vacancyId',
  })
  @IsIn(ACTIVITY_KINDS)
  kind: JobhuntingActivityKind;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ description: 'The vacancy; its employer is recorded with it' })
  @OptionalNotNull()
  @IsUUID()
  vacancyId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_OUTCOME_CODES })
  @OptionalNotNull()
  @IsIn(ACTIVITY_OUTCOME_CODES, {
    message: `outcome must be one of ${ACTIVITY_OUTCOME_CODES.join(', ')}`,
  })
  outcome?: ActivityOutcome;

  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'Gebeld met de vestigingsmanager.' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(5000)
  text: string;
}

export class JobhuntingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOBHUNTING_STATUSES })
  @IsOptional()
  @IsIn(JOBHUNTING_STATUSES)
  status?: JobhuntingStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Only the requests you answer for: accountmanager: assigned to you (without the open ones of your sectors); klantmanager: filed by you; coordinator: not yet assigned',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  candidateId?: string;
}

export class JobhuntingPreferencesResponseDto {
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ type: [String] }) occupations: string[];
  @ApiProperty({ type: Number, nullable: true }) hoursMin: number | null;
  @ApiProperty({ type: Number, nullable: true }) hoursMax: number | null;
  @ApiProperty({ type: String, nullable: true }) pc4: string | null;
  @ApiProperty({ type: Number, nullable: true }) maxDistanceKm: number | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
}

export class JobhuntingCandidateDto {
  @ApiProperty() id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for an accountmanager when the client no longer agrees to be matched',
  })
  name: string | null;
  @ApiProperty() klantmanagerId: string;
}

export class JobhuntingRequestResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: JobhuntingCandidateDto }) candidate: JobhuntingCandidateDto;
  @ApiProperty() filedById: string;
  @ApiProperty() motivation: string;
  @ApiProperty({ type: JobhuntingPreferencesResponseDto })
  preferences: JobhuntingPreferencesResponseDto;
  @ApiProperty({ enum: SECTOR_CODES }) primarySector: string;
  @ApiProperty({ type: String, nullable: true }) preferredAccountManagerId: string | null;
  @ApiProperty({ type: String, nullable: true }) accountManagerId: string | null;
  @ApiProperty({ type: String, nullable: true }) accountManagerName: string | null;
  @ApiProperty({ type: Date, nullable: true }) assignedAt: Date | null;
  @ApiProperty({ enum: JOBHUNTING_STATUSES }) status: JobhuntingStatus;
  @ApiProperty({ description: 'Dutch label of the status' }) statusLabel: string;
  @ApiProperty({ type: Date, nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastActivityAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) endedAt: Date | null;
  @ApiProperty({ enum: CLOSE_REASON_CODES, nullable: true }) closeReason: CloseReason | null;
  @ApiProperty({ type: String, nullable: true }) closeReasonLabel: string | null;
  @ApiProperty({ enum: JOBHUNTING_STATUSES, isArray: true, description: 'Where it can go next' })
  allowedTransitions: JobhuntingStatus[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class JobhuntingTransitionResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: JOBHUNTING_EVENTS }) event: JobhuntingEvent;
  @ApiProperty({ enum: JOBHUNTING_STATUSES, nullable: true }) fromStatus: JobhuntingStatus | null;
  @ApiProperty({ enum: JOBHUNTING_STATUSES }) toStatus: JobhuntingStatus;
  @ApiProperty({ type: String, nullable: true }) accountManagerId: string | null;
  @ApiProperty({ enum: CLOSE_REASON_CODES, nullable: true }) reason: CloseReason | null;
  @ApiProperty({ type: String, nullable: true }) reasonLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() actorId: string;
  @ApiProperty() at: Date;
}

export class JobhuntingActivityResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: JobhuntingActivityKind;
  @ApiProperty({ description: 'Dutch label of the kind' }) kindLabel: string;
  @ApiProperty({ type: String, nullable: true }) employerId: string | null;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty({ type: String, nullable: true }) vacancyId: string | null;
  @ApiProperty({ type: String, nullable: true }) vacancyTitle: string | null;
  @ApiProperty({ enum: ACTIVITY_OUTCOME_CODES, nullable: true }) outcome: ActivityOutcome | null;
  @ApiProperty({ type: String, nullable: true }) outcomeLabel: string | null;
  @ApiProperty() text: string;
  @ApiProperty() actorId: string;
  @ApiProperty() at: Date;
}

export class JobhuntingRequestDetailDto extends JobhuntingRequestResponseDto {
  @ApiProperty({ type: [JobhuntingTransitionResponseDto], description: 'Oldest first' })
  transitions: JobhuntingTransitionResponseDto[];
  @ApiProperty({ type: [JobhuntingActivityResponseDto], description: 'Newest first' })
  activities: JobhuntingActivityResponseDto[];
}

export class JobhuntingRequestPageDto {
  @ApiProperty({ type: [JobhuntingRequestResponseDto] }) items: JobhuntingRequestResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
