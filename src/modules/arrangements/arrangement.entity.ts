import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CandidateEntity } from '../candidates/candidate.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { ArrangementKind, ArrangementRuleEntity } from './arrangement-rule.entity';

export const ARRANGEMENT_STATUSES = ['requested', 'active', 'rejected', 'ended'] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];

/** What one arrangement holds beyond its dates, by kind. */
export interface ArrangementDetails {
  /** jobcoach */
  hoursPerWeek?: number;
  provider?: string;
  /** tailored budget: what it pays for */
  purpose?: string;
  note?: string;
}

/** An arrangement for one client, attached to a nomination or placement when there is one. */
@Entity('arrangements')
@Index('IDX_arrangements_candidate_kind', ['candidateId', 'kind'])
export class ArrangementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_arrangements' })
  id: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_arrangements_candidate' })
  candidate?: Relation<CandidateEntity>;

  @Column({ type: 'uuid' })
  ruleId: string;

  @ManyToOne(() => ArrangementRuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rule_id', foreignKeyConstraintName: 'FK_arrangements_rule' })
  rule?: Relation<ArrangementRuleEntity>;

  @Column({ type: 'text' })
  kind: ArrangementKind;

  /** voordracht this belongs to, if any */
  @Column({ type: 'uuid', nullable: true })
  nominationId: string | null;

  @ManyToOne(() => NominationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'FK_arrangements_nomination' })
  nomination?: Relation<NominationEntity>;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  /** Euros (tailored budget, travel costs) */
  @Column({ type: 'integer', nullable: true })
  amountEur: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: ArrangementDetails;

  @Column({ type: 'text' })
  status: ArrangementStatus;

  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
