import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { CandidateEntity } from '../candidates/candidate.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { EmployerCandidateView } from './employer-shortlist-view';
import { ShortlistEntity } from './shortlist.entity';

/** What the employer saw of a candidate, frozen when the shortlist was sent. */
export type CandidateSnapshot = Omit<EmployerCandidateView, 'entryId' | 'revealedName' | 'answer'>;

/**
 * One candidate on a shortlist, in the accountmanager's order, with the pitch and (once sent)
 * the pseudonymised profile exactly as the employer sees it. Erasing the candidate erases it.
 */
@Entity('shortlist_entries')
@Index('UQ_shortlist_entries_candidate', ['shortlistId', 'candidateId'], { unique: true })
export class ShortlistEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  shortlistId: string;

  @ManyToOne(() => ShortlistEntity, { onDelete: 'CASCADE' })
  shortlist?: Relation<ShortlistEntity>;

  @Index()
  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate?: Relation<CandidateEntity>;

  /** 0-based order; the employer's letter follows it (A, B, ...). */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  pitch: string;

  /** From matching, when composed for a vacancy. */
  @Column({ type: 'real', nullable: true })
  matchScore: number | null;

  @Column({ type: 'text', nullable: true })
  matchLabel: string | null;

  @Column({ type: 'jsonb', nullable: true })
  snapshot: CandidateSnapshot | null;

  /** The candidate agreed to be introduced by name to this employer (recorded by staff). */
  @Column({ type: 'timestamptz', nullable: true })
  consentRecordedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  consentRecordedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  consentRecordedBy?: Relation<UserEntity>;

  @Column({ type: 'text', nullable: true })
  consentNote: string | null;

  /** The accountmanager showed the name to the employer. */
  @Column({ type: 'timestamptz', nullable: true })
  revealedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revealedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  revealedBy?: Relation<UserEntity>;

  /** The nomination an invitation created or advanced. */
  @Column({ type: 'uuid', nullable: true })
  nominationId: string | null;

  @ManyToOne(() => NominationEntity, { onDelete: 'SET NULL' })
  nomination?: Relation<NominationEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
