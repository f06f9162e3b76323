import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

export const REPORT_GROUPINGS = ['employer', 'sector'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export class RejectionReportQueryDto {
  @ApiProperty({ enum: REPORT_GROUPINGS })
  @IsIn(REPORT_GROUPINGS, { message: 'groupBy must be employer or sector' })
  groupBy: ReportGrouping;

  @ApiPropertyOptional({ format: 'date', description: 'Nominations created on or after' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be an existing calendar date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Nominations created on or before' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be an existing calendar date' })
  to?: string;
}

export class ReasonCountDto {
  @ApiProperty() reason: string;
  @ApiProperty() label: string;
  @ApiProperty() rejected: number;
  @ApiProperty() notHired: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() total: number;
}

export class ExperienceBandDto {
  @ApiProperty({ example: '20-29', description: 'Total years of work experience' }) band: string;
  @ApiProperty() nominations: number;
  @ApiProperty({ description: 'rejected or not hired' }) turnedDown: number;
  @ApiProperty() hired: number;
}

export class MedianYearsDto {
  @ApiProperty({ type: Number, nullable: true }) turnedDown: number | null;
  @ApiProperty({ type: Number, nullable: true }) hired: number | null;
}

export class RejectionGroupDto {
  @ApiProperty({ description: 'Employer id or sector letter' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Nominations that reached the employer (were proposed)' })
  nominations: number;
  @ApiProperty() open: number;
  @ApiProperty() hired: number;
  @ApiProperty() rejected: number;
  @ApiProperty() notHired: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(rejected + not hired) / (rejected + not hired + hired)',
  })
  rejectionRate: number | null;
  @ApiProperty({
    type: MedianYearsDto,
    description:
      'Median total years of work experience (never age) of turned-down and hired candidates',
  })
  medianYearsExperience: MedianYearsDto;
  @ApiProperty({ type: [ExperienceBandDto] }) experienceBands: ExperienceBandDto[];
  @ApiProperty({ type: [ReasonCountDto] }) reasons: ReasonCountDto[];
}

export class RejectionReportDto {
  @ApiProperty({ enum: REPORT_GROUPINGS }) groupBy: ReportGrouping;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty({ type: [RejectionGroupDto] }) groups: RejectionGroupDto[];
}
