import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BenefitType } from '../candidates/candidate.entity';

export const ARRANGEMENT_KINDS = [
  'trial-placement',
  'no-risk-policy',
  'jobcoach',
  'wage-cost-subsidy',
  'travel-costs',
  'tailored-budget',
] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];

export const ARRANGEMENT_KIND_LABELS: Record<ArrangementKind, string> = {
  'trial-placement': 'proefplaatsing',
  'no-risk-policy': 'no-riskpolis',
  jobcoach: 'jobcoach',
  'wage-cost-subsidy': 'loonkostensubsidie',
  'travel-costs': 'reiskosten',
  'tailored-budget': 'maatwerkbudget',
};

/** Who a rule covers. Every condition given must hold; an empty object covers everyone. */
export interface RuleConditions {
  benefitTypes?: BenefitType[];
  /** true: only clients in the doelgroepregister */
  targetGroupRegister?: boolean;
  /** age reached in the year the arrangement starts */
  minAge?: number;
  /** the arrangement (hire) must start within these dates (ISO) */
  startsFrom?: string;
  startsUntil?: string;
}

/**
 * One version of a rule for an arrangement, as the law or the municipality sets it: valid from
 * a date, until a date or open-ended. A change in the law is a new row, not an edit, so the
 * rules that applied to an earlier arrangement stay visible.
 */
@Entity('arrangement_rules')
@Index('IDX_arrangement_rules_code_valid_from', ['code', 'validFrom'], { unique: true })
export class ArrangementRuleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_arrangement_rules' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  kind: ArrangementKind;

  /** Dutch name */
  @Column({ type: 'text' })
  label: string;

  /** In Dutch, what it costs or saves the employer: shown in shortlists. */
  @Column({ type: 'text' })
  employerSummary: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  conditions: RuleConditions;

  @Column({ type: 'integer', nullable: true })
  maxAmountEur: number | null;

  @Column({ type: 'smallint', nullable: true })
  maxMonths: number | null;

  /** A coordinator approves each use (the tailored budget). */
  @Column({ type: 'boolean', default: false })
  requiresApproval: boolean;

  /** Where the rule comes from (law, regulation, programme decision). */
  @Column({ type: 'text' })
  source: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
