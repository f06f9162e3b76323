import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../http/pagination';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'candidate' })
  @IsOptional()
  @Matches(/^[a-z-]{1,40}$/)
  objectType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) objectId?: string;
  @ApiPropertyOptional({ example: 'candidate.read-sensitive' })
  @IsOptional()
  @Matches(/^[a-z.-]{1,60}$/)
  action?: string;
  @ApiPropertyOptional({ enum: ['allowed', 'denied'] })
  @IsOptional()
  @IsIn(['allowed', 'denied'])
  result?: 'allowed' | 'denied';
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

export class AuditRowDto {
  @ApiProperty() id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) objectType: string | null;
  @ApiProperty({ type: String, nullable: true }) objectId: string | null;
  @ApiProperty({ type: String, nullable: true }) purpose: string | null;
  @ApiProperty({ enum: ['allowed', 'denied'] }) result: string;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: Object, nullable: true }) details: Record<string, unknown> | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditRowDto] }) items: AuditRowDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
