import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CandidateEntity, ProgrammeStatus } from '../candidates/candidate.entity';
import { EmployerEntity } from '../employers/employer.entity';
import { NominationEntity } from '../nominations/nomination.entity';

export const TRIAL_PLACEMENT_STATUSES = ['active', 'hired', 'not-hired', 'withdrawn'] as const;
export type TrialPlacementStatus = (typeof TRIAL_PLACEMENT_STATUSES)[number];

export interface TrialExtension {
  fromEndDate: string;
  toEndDate: string;
  reason: string;
  byId: string;
  at: string;
}

/**
 * proefplaatsing: working on trial with the benefit retained, started by moving a nomination to
 * `trial-placement` and ended by moving it on (hired, not-hired, withdrawn).
 */
@Entity('trial_placements')
export class TrialPlacementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  nomination?: Relation<NominationEntity>;

  @Index()
  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate?: Relation<CandidateEntity>;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity)
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'date' })
  startDate: string;

  /** The last day of the trial (inclusive); moved by extensions. */
  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'date' })
  originalEndDate: string;

  @Column({ type: 'smallint' })
  hoursPerWeek: number;

  @Column({ type: 'text' })
  supervisorName: string;

  @Column({ type: 'text' })
  supervisorRole: string;

  /** The employer stated the intention to offer a contract of at least 6 months afterwards. */
  @Column({ type: 'boolean' })
  employerIntentToOffer: boolean;

  @Column({ type: 'date' })
  employerIntentDate: string;

  @Index()
  @Column({ type: 'text', default: 'active' })
  status: TrialPlacementStatus;

  /** The actual last day when the trial ended (early or on time). */
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  /** The candidate's programme status before the trial, restored when it ends without a hire. */
  @Column({ type: 'text', nullable: true })
  previousProgrammeStatus: ProgrammeStatus | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  extensions: TrialExtension[];

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
