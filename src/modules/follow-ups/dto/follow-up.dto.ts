import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../infra/http/pagination';
import { OptionalNotNull, ToBoolean, Trim } from '../../../infra/http/validators';
import {
  OUTGOING_EMAIL_STATUSES,
  OutgoingEmailStatus,
} from '../../../infra/mail/outgoing-email.entity';
import {
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_SUBJECTS,
  FollowUpKind,
  FollowUpStatus,
  FollowUpSubject,
} from '../follow-up.entity';
import { FOLLOW_UP_DETAILS_MAX, FOLLOW_UP_TITLE_MAX } from '../follow-ups.service';

const ISO = {
  message: (field: string) => `${field} must be an ISO date-time, e.g. 2026-12-01T09:00:00+01:00`,
};

export class FollowUpQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: FOLLOW_UP_STATUSES,
    description: 'Only this status; without it the open ones (scheduled, due, snoozed)',
  })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({
    description:
      'Only my own follow-ups. Coordinators see everyone’s without it; everyone else always sees only their own.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: FOLLOW_UP_SUBJECTS })
  @IsOptional()
  @IsIn(FOLLOW_UP_SUBJECTS)
  subjectType?: FollowUpSubject;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

export class CreateFollowUpDto {
  @ApiProperty({ enum: FOLLOW_UP_SUBJECTS })
  @IsIn(FOLLOW_UP_SUBJECTS)
  subjectType: FollowUpSubject;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The colleague who must act (an active staff user); defaults to the caller',
  })
  @OptionalNotNull()
  @IsUUID()
  ownerId?: string;

  @ApiProperty({ example: '2026-12-01T09:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: ISO.message('dueAt') })
  dueAt: string;

  @ApiProperty({
    example: 'Werkgever bellen: besluit over de proefplaatsing',
    maxLength: FOLLOW_UP_TITLE_MAX,
    description: 'Shown in the task list and e-mailed: refer to records, do not name clients',
  })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(FOLLOW_UP_TITLE_MAX)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: FOLLOW_UP_DETAILS_MAX })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(FOLLOW_UP_DETAILS_MAX)
  details?: string | null;
}

export class SnoozeFollowUpDto {
  @ApiProperty({
    example: '2026-12-01T09:00:00+01:00',
    description: 'In the future, at most 90 days ahead; it fires (and mails) again then',
  })
  @IsISO8601({ strict: true }, { message: ISO.message('until') })
  until: string;
}

export class CancelFollowUpDto {
  @ApiProperty({ example: 'Werkgever heeft al gebeld', maxLength: 1000 })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class FollowUpResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: FollowUpKind;
  @ApiProperty({ enum: FOLLOW_UP_SUBJECTS }) subjectType: FollowUpSubject;
  @ApiProperty() subjectId: string;
  @ApiProperty() ownerId: string;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) details: string | null;
  @ApiProperty({ type: Date, nullable: true }) firedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) completedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) snoozedUntil: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelledReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpResponseDto] }) items: FollowUpResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class FollowUpEmailDto {
  @ApiProperty() id: string;
  @ApiProperty() toAddress: string;
  @ApiProperty() subject: string;
  @ApiProperty({
    enum: OUTGOING_EMAIL_STATUSES,
    description: 'queued, sent (the SMTP server accepted it) or failed (after the last attempt)',
  })
  status: OutgoingEmailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The SMTP server’s answer' })
  smtpResponse: string | null;
  @ApiProperty() messageId: string;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty() createdAt: Date;
}
