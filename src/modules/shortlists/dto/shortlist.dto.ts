import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../infra/http/pagination';
import { OptionalNotNull, Trim } from '../../../infra/http/validators';
import { MatchCandidateRefDto } from '../../matching/dto/matching-response.dto';
import {
  ANSWER_KINDS,
  AnswerKind,
  SHORTLIST_STATUSES,
  ShortlistStatus,
} from '../employer-shortlist-view';
import { FINDING_KINDS, FindingKind } from '../identifying-details';
import { NOT_SUITABLE_REASON_CODES, NotSuitableReason } from '../shortlist-rules';
import { ANSWER_CHANNELS, AnswerChannel } from '../shortlist-answer.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_SHORTLIST_CANDIDATES = 10;
export const PITCH_MAX = 1500;
export const INTRODUCTION_MAX = 2000;
export const ANSWER_TEXT_MAX = 2000;

export class CreateShortlistDto {
  @ApiPropertyOptional({ description: 'The vacancy; its employer receives the shortlist' })
  @OptionalNotNull()
  @IsUUID()
  vacancyId?: string;

  @ApiPropertyOptional({ description: 'Without a vacancy: the employer open to the right person' })
  @OptionalNotNull()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Default: "Kandidaten voor <vacancy title>" or "Kandidaten voor <employer>"',
  })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: INTRODUCTION_MAX, description: 'Your words to the employer' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(INTRODUCTION_MAX)
  introduction?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day the employer can open it; default 30 days after sending; at most 90',
  })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY, { message: 'expiresOn must be a date like 2027-01-31' })
  expiresOn?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_SHORTLIST_CANDIDATES,
    description:
      'Candidates to start with, in this order (e.g. from GET /vacancies/{id}/matches); each pitch is prefilled from the match explanation',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_SHORTLIST_CANDIDATES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  candidateIds?: string[];
}

export class UpdateShortlistDto {
  @ApiProperty({ description: 'The version you read (optimistic locking)' })
  @IsInt()
  version: number;

  @ApiPropertyOptional({ maxLength: 200, description: 'Drafts only' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: INTRODUCTION_MAX, nullable: true, description: 'Drafts only' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(INTRODUCTION_MAX)
  introduction?: string | null;

  @ApiPropertyOptional({ format: 'date', description: 'Also to extend a sent shortlist' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY, { message: 'expiresOn must be a date like 2027-01-31' })
  expiresOn?: string;
}

export class AddShortlistEntryDto {
  @ApiProperty() @IsUUID() candidateId: string;

  @ApiPropertyOptional({
    maxLength: PITCH_MAX,
    description: 'Default: prefilled from the match explanation',
  })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(PITCH_MAX)
  pitch?: string;
}

export class UpdateShortlistEntryDto {
  @ApiProperty({ maxLength: PITCH_MAX })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'pitch must not be empty: say in a few sentences why this person fits' })
  @MaxLength(PITCH_MAX)
  pitch: string;
}

export class ReorderShortlistDto {
  @ApiProperty({ type: [String], description: 'Every entry id of the shortlist, in the new order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SHORTLIST_CANDIDATES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  entryIds: string[];
}

export class VersionDto {
  @ApiProperty({ description: 'The version you read (optimistic locking)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CloseShortlistDto extends VersionDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RecordConsentDto {
  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Telefonisch akkoord gegeven op 3 december',
    description: 'How and when the candidate agreed to be introduced by name to this employer',
  })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class EmployerAnswerDto {
  @ApiProperty({ enum: ANSWER_KINDS })
  @IsIn(ANSWER_KINDS, { message: `kind must be one of ${ANSWER_KINDS.join(', ')}` })
  kind: AnswerKind;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-01-14T10:00:00+01:00',
    description:
      'For invite: the proposed moment; a time without zone is Dutch time (as from a datetime-local field)',
  })
  @ValidateIf((dto: EmployerAnswerDto) => dto.kind === 'invite' || dto.interviewAt !== undefined)
  @IsISO8601(
    { strict: true },
    { message: 'interviewAt is required for an invitation: a date and time like 2027-01-14T10:00' },
  )
  interviewAt?: string;

  @ApiPropertyOptional({ enum: NOT_SUITABLE_REASON_CODES, description: 'For not-suitable' })
  @ValidateIf((dto: EmployerAnswerDto) => dto.kind === 'not-suitable' || dto.reason !== undefined)
  @IsIn(NOT_SUITABLE_REASON_CODES, {
    message: `reason is required for not-suitable: one of ${NOT_SUITABLE_REASON_CODES.join(', ')}`,
  })
  reason?: NotSuitableReason;

  @ApiPropertyOptional({
    maxLength: ANSWER_TEXT_MAX,
    description: 'The question; the explanation for not-suitable (required); a note with an invite',
  })
  @ValidateIf((dto: EmployerAnswerDto) => dto.kind !== 'invite' || dto.text !== undefined)
  @Trim()
  @IsString({ message: 'text is required: write the question or explain why' })
  @MinLength(2, { message: 'text is required: write the question or explain why' })
  @MaxLength(ANSWER_TEXT_MAX)
  text?: string;
}

export class ShortlistQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHORTLIST_STATUSES })
  @IsOptional()
  @IsIn(SHORTLIST_STATUSES)
  status?: ShortlistStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID() employerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vacancyId?: string;
}

// ---- responses

export class IdentifyingFindingDto {
  @ApiProperty({ enum: FINDING_KINDS }) kind: FindingKind;
  @ApiProperty({ description: 'The text found, as written' }) match: string;
  @ApiProperty() index: number;
  @ApiProperty({ description: 'In Dutch: what to rephrase' }) message: string;
}

export class ShortlistAnswerDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ANSWER_KINDS }) kind: AnswerKind;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: Date, nullable: true }) interviewAt: Date | null;
  @ApiProperty({ enum: ANSWER_CHANNELS }) channel: AnswerChannel;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty() at: Date;
}

export class ShortlistEntryResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty({ example: 'Kandidaat A', description: 'What the employer calls this candidate' })
  label: string;
  @ApiProperty({ type: MatchCandidateRefDto }) candidate: MatchCandidateRefDto;
  @ApiProperty() pitch: string;
  @ApiProperty({ type: [IdentifyingFindingDto], description: 'Must be empty before sending' })
  pitchFindings: IdentifyingFindingDto[];
  @ApiProperty({ type: Number, nullable: true }) matchScore: number | null;
  @ApiProperty({ type: String, nullable: true }) matchLabel: string | null;
  @ApiProperty({ type: Date, nullable: true }) consentRecordedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) consentRecordedById: string | null;
  @ApiProperty({ type: Date, nullable: true }) revealedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) nominationId: string | null;
  @ApiProperty({ type: [ShortlistAnswerDto] }) answers: ShortlistAnswerDto[];
}

export class ShortlistRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ShortlistLinkDto {
  @ApiProperty() id: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastOpenedAt: Date | null;
  @ApiProperty({
    description: 'Opens the shortlist now (not revoked, shortlist open, not expired)',
  })
  active: boolean;
}

export class ShortlistResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: ShortlistRefDto }) employer: ShortlistRefDto;
  @ApiProperty({ type: ShortlistRefDto, nullable: true, description: 'name: the vacancy title' })
  vacancy: ShortlistRefDto | null;
  @ApiProperty() accountManagerId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) introduction: string | null;
  @ApiProperty({ enum: SHORTLIST_STATUSES }) status: ShortlistStatus;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty({ description: 'Past its last day: links and accounts no longer open it' })
  expired: boolean;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty() candidates: number;
  @ApiProperty({ description: 'Candidates with an invitation or a not-suitable answer' })
  answered: number;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ShortlistDetailDto extends ShortlistResponseDto {
  @ApiProperty({ type: [IdentifyingFindingDto] }) introductionFindings: IdentifyingFindingDto[];
  @ApiProperty({ type: [ShortlistEntryResponseDto] }) entries: ShortlistEntryResponseDto[];
  @ApiProperty({ type: [ShortlistLinkDto] }) links: ShortlistLinkDto[];
}

export class ShortlistPageDto {
  @ApiProperty({ type: [ShortlistResponseDto] }) items: ShortlistResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class NewShortlistLinkDto {
  @ApiProperty({
    description: 'Give this to the employer; it is shown once (only its hash is kept)',
    example: 'https://werkspoor.example.nl/s/2hH0…',
  })
  url: string;
  @ApiProperty() token: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;
}

export class SentShortlistDto {
  @ApiProperty({ type: ShortlistDetailDto }) shortlist: ShortlistDetailDto;
  @ApiProperty({ type: NewShortlistLinkDto }) link: NewShortlistLinkDto;
}
