import { ApiProperty } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Trim } from '../../../infra/http/validators';
import { CONTRACT_TYPES, ContractType } from '../../taxonomy/reference-lists';
import { MEASURE_LABELS, MeasureKey } from '../outcome-measures';
import { PLACEMENT_END_REASON_CODES, PlacementEndReason } from '../placement-end-reasons';
import { EVALUATION_OUTCOMES, EvaluationOutcome } from '../trial-placement-evaluation.entity';
import { TRIAL_PLACEMENT_STATUSES, TrialPlacementStatus } from '../trial-placement.entity';

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

export class ExtendTrialPlacementDto {
  @ApiProperty({
    format: 'date',
    description: 'The new last day; the trial lasts at most 6 months from its start in total',
  })
  @Matches(DATE_FORMAT, { message: 'endDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endDate must be an existing calendar date' })
  endDate: string;

  @ApiProperty({ example: 'Werkgever wil de heftruckvaardigheid nog een maand zien groeien.' })
  @IsString()
  @Trim()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ description: 'The version of the trial placement you read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CreateEvaluationDto {
  @ApiProperty({ enum: EVALUATION_OUTCOMES })
  @IsIn(EVALUATION_OUTCOMES)
  outcome: EvaluationOutcome;

  @ApiProperty({ example: 'Goed ingewerkt; tempo nog iets omhoog. Begeleider tevreden.' })
  @IsString()
  @Trim()
  @MinLength(3)
  @MaxLength(4000)
  notes: string;
}

export class EndPlacementDto {
  @ApiProperty({ format: 'date', description: 'The last day worked' })
  @Matches(DATE_FORMAT, { message: 'endedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endedOn must be an existing calendar date' })
  endedOn: string;

  @ApiProperty({ enum: PLACEMENT_END_REASON_CODES })
  @IsIn(PLACEMENT_END_REASON_CODES, {
    message: `reason must be one of ${PLACEMENT_END_REASON_CODES.join(', ')}`,
  })
  reason: PlacementEndReason;

  @ApiProperty()
  @IsString()
  @Trim()
  @MinLength(3)
  @MaxLength(2000)
  reasonText: string;

  @ApiProperty({ description: 'The version of the placement you read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class EvaluationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date' }) evaluatedOn: string;
  @ApiProperty({ enum: EVALUATION_OUTCOMES }) outcome: EvaluationOutcome;
  @ApiProperty() notes: string;
  @ApiProperty() createdById: string;
  @ApiProperty() createdAt: Date;
}

export class TrialExtensionResponseDto {
  @ApiProperty({ format: 'date' }) fromEndDate: string;
  @ApiProperty({ format: 'date' }) toEndDate: string;
  @ApiProperty() reason: string;
  @ApiProperty() byId: string;
  @ApiProperty() at: string;
}

export class TrialPlacementResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() nominationId: string;
  @ApiProperty() candidateId: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ enum: TRIAL_PLACEMENT_STATUSES }) status: TrialPlacementStatus;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', description: 'Last day (inclusive)' }) endDate: string;
  @ApiProperty({ format: 'date' }) originalEndDate: string;
  @ApiProperty({ format: 'date', description: 'The latest possible last day (6 months)' })
  latestEndDate: string;
  @ApiProperty({ format: 'date', description: 'Week 4' }) midwayEvaluationDue: string;
  @ApiProperty({ format: 'date', description: 'One week before the end' }) decisionDue: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() supervisorName: string;
  @ApiProperty() supervisorRole: string;
  @ApiProperty() employerIntentToOffer: boolean;
  @ApiProperty({ format: 'date' }) employerIntentDate: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endedOn: string | null;
  @ApiProperty({ type: [TrialExtensionResponseDto] }) extensions: TrialExtensionResponseDto[];
  @ApiProperty({ type: [EvaluationResponseDto] }) evaluations: EvaluationResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The contract it converted into' })
  placementId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class PlacementResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() nominationId: string;
  @ApiProperty() candidateId: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty({ type: String, nullable: true }) vacancyId: string | null;
  @ApiProperty({ type: String, nullable: true }) trialPlacementId: string | null;
  @ApiProperty() accountManagerId: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endDate: string | null;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ type: String, nullable: true }) endReasonLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) endReasonText: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class MeasureEvidenceDto {
  @ApiProperty() placementId: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', description: 'The last day counted: the end, or today' })
  countedUntil: string;
  @ApiProperty() running: boolean;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ description: 'hours per week x 52 / 12' }) hoursPerMonth: number;
  @ApiProperty() weeks: number;
  @ApiProperty({ format: 'date', description: 'The day this placement met the measure' })
  metSince: string;
}

export class MeasureDto {
  @ApiProperty({ enum: Object.keys(MEASURE_LABELS) }) key: MeasureKey;
  @ApiProperty() label: string;
  @ApiProperty() achieved: boolean;
  @ApiProperty({ description: 'A placement meeting it is still running today' }) current: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) since: string | null;
  @ApiProperty({ type: [MeasureEvidenceDto] }) evidence: MeasureEvidenceDto[];
}

export class CandidateOutcomesDto {
  @ApiProperty() candidateId: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [MeasureDto] }) measures: MeasureDto[];
  @ApiProperty({ type: [PlacementResponseDto] }) placements: PlacementResponseDto[];
}

export class PlacementEndReasonDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}
