import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull, Trim } from '../../../infra/http/validators';
import { CONTACT_CHANNELS, ContactChannel } from '../employer-note.entity';

export class CreateEmployerNoteDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  @ApiPropertyOptional({
    description: 'When the contact took place (ISO date-time, not in the future); defaults to now',
    example: '2025-03-14T10:30:00+01:00',
  })
  @OptionalNotNull()
  @IsISO8601(
    { strict: true },
    { message: 'occurredAt must be an ISO date-time, e.g. 2025-03-14T10:30:00+01:00' },
  )
  occurredAt?: string;

  @ApiProperty({
    example: 'Gebeld met HR: staan open voor een proefplaatsing orderpicker, 2 maanden.',
    maxLength: 4000,
  })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(4000)
  summary: string;
}

export class EmployerNoteResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() authorId: string;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel: ContactChannel;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() summary: string;
  @ApiProperty() createdAt: Date;
}

export class EmployerNotePageDto {
  @ApiProperty({ type: [EmployerNoteResponseDto] }) items: EmployerNoteResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
