import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BENEFIT_TYPES, BenefitType } from '../../candidates/candidate.entity';
import { Trim } from '../../../infra/http/validators';
import { ARRANGEMENT_STATUSES, ArrangementDetails, ArrangementStatus } from '../arrangement.entity';
import { ARRANGEMENT_KINDS, ArrangementKind, RuleConditions } from '../arrangement-rule.entity';

const ISO_DATE = { strict: true, strictSeparator: true } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const REQUESTABLE_KINDS = ARRANGEMENT_KINDS.filter((kind) => kind !== 'trial-placement');

export class CreateArrangementDto {
  @ApiProperty() @IsUUID() candidateId: string;

  @ApiProperty({
    enum: REQUESTABLE_KINDS,
    description: 'A trial placement is made through the nomination, not here',
  })
  @IsIn(REQUESTABLE_KINDS)
  kind: ArrangementKind;

  @ApiPropertyOptional({ description: 'The nomination (voordracht) this belongs to' })
  @IsOptional()
  @IsUUID()
  nominationId?: string;

  @ApiProperty({ format: 'date', example: '2027-01-04' })
  @IsISO8601(ISO_DATE)
  @Matches(DATE_ONLY, { message: 'startDate must be a date like 2027-01-04' })
  startDate: string;

  @ApiPropertyOptional({ format: 'date', description: 'Required for a jobcoach' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  @Matches(DATE_ONLY, { message: 'endDate must be a date like 2027-06-30' })
  endDate?: string;

  @ApiPropertyOptional({ description: 'Euros; required for the tailored budget' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  amountEur?: number;

  @ApiPropertyOptional({ description: 'Jobcoach hours per week' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(40)
  hoursPerWeek?: number;

  @ApiPropertyOptional({ description: 'Jobcoach provider' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200)
  provider?: string;

  @ApiPropertyOptional({ description: 'What the tailored budget pays for, e.g. "VCA-cursus"' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 500)
  purpose?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ArrangementDecisionDto {
  @ApiProperty({ description: 'true approves, false rejects' }) @IsBoolean() approve: boolean;

  @ApiPropertyOptional({ description: 'Required when rejecting' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 2000)
  note?: string;
}

export class EndArrangementDto {
  @ApiProperty({ format: 'date' })
  @IsISO8601(ISO_DATE)
  @Matches(DATE_ONLY, { message: 'endDate must be a date like 2027-06-30' })
  endDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RuleConditionsDto implements RuleConditions {
  @ApiPropertyOptional({ enum: BENEFIT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(BENEFIT_TYPES, { each: true })
  benefitTypes?: BenefitType[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() targetGroupRegister?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(15) @Max(80) minAge?: number;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'startsFrom must be a date like 2018-01-01' })
  startsFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'startsUntil must be a date like 2019-12-31' })
  startsUntil?: string;
}

/** A new version of a rule (a change in the law): the old version gets an end date. */
export class CreateArrangementRuleDto {
  @ApiProperty({ example: 'no-riskpolis-doelgroepregister' })
  @Matches(/^[a-z0-9-]{3,80}$/, { message: 'code may only contain a-z, 0-9 and -' })
  code: string;

  @ApiProperty({ enum: ARRANGEMENT_KINDS }) @IsIn(ARRANGEMENT_KINDS) kind: ArrangementKind;

  @ApiProperty() @Trim() @IsString() @Length(3, 200) label: string;

  @ApiProperty({ description: 'In Dutch: what it costs or saves the employer' })
  @Trim()
  @IsString()
  @Length(10, 1000)
  employerSummary: string;

  @ApiProperty({ format: 'date' })
  @Matches(DATE_ONLY, { message: 'validFrom must be a date like 2027-01-01' })
  validFrom: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'validTo must be a date like 2027-12-31' })
  validTo?: string;

  @ApiProperty({ type: RuleConditionsDto })
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions: RuleConditionsDto;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) maxAmountEur?: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(120) maxMonths?: number;

  @ApiProperty() @IsBoolean() requiresApproval: boolean;

  @ApiProperty({ description: 'The law or decision it comes from' })
  @Trim()
  @IsString()
  @Length(3, 500)
  source: string;
}

export class EligibilityQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Start date to check; default today' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'date must be a date like 2027-01-04' })
  date?: string;
}

// ---- responses ----

export class ArrangementRuleDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: ARRANGEMENT_KINDS }) kind: ArrangementKind;
  @ApiProperty() label: string;
  @ApiProperty() employerSummary: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo: string | null;
  @ApiProperty({ type: RuleConditionsDto }) conditions: RuleConditions;
  @ApiProperty({ type: Number, nullable: true }) maxAmountEur: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxMonths: number | null;
  @ApiProperty() requiresApproval: boolean;
  @ApiProperty() source: string;
}

export class EligibilityDto {
  @ApiProperty({ type: ArrangementRuleDto }) rule: ArrangementRuleDto;
  @ApiProperty() applies: boolean;
  @ApiProperty({
    type: [String],
    description: 'In Dutch: why it applies, or every reason it does not',
  })
  reasons: string[];
}

export class BudgetDto {
  @ApiProperty({ description: 'The tailored budget per client over the programme, in euros' })
  capEur: number;
  @ApiProperty() approvedEur: number;
  @ApiProperty({ description: 'Requested, waiting for a coordinator' }) requestedEur: number;
  @ApiProperty() remainingEur: number;
}

export class EligibilityResponse {
  @ApiProperty() candidateId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [EligibilityDto] }) items: EligibilityDto[];
  @ApiProperty({ type: BudgetDto }) budget: BudgetDto;
}

export class ArrangementDto {
  @ApiProperty() id: string;
  @ApiProperty() candidateId: string;
  @ApiProperty({ enum: ARRANGEMENT_KINDS }) kind: ArrangementKind;
  @ApiProperty({ type: ArrangementRuleDto }) rule: ArrangementRuleDto;
  @ApiProperty({ type: String, nullable: true }) nominationId: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ type: Number, nullable: true }) amountEur: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: ArrangementDetails;
  @ApiProperty({ enum: ARRANGEMENT_STATUSES }) status: ArrangementStatus;
  @ApiProperty() requestedById: string;
  @ApiProperty({ type: String, nullable: true }) decidedById: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty() version: number;
}

export class CandidateArrangementsResponse {
  @ApiProperty() candidateId: string;
  @ApiProperty({ type: BudgetDto }) budget: BudgetDto;
  @ApiProperty({ type: [ArrangementDto] }) items: ArrangementDto[];
}
