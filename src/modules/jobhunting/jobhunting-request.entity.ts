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
import { UserEntity } from '../accounts/user.entity';
import { CandidateEntity } from '../candidates/candidate.entity';
import { CloseReason, JobhuntingStatus, OPEN_JOBHUNTING_CONDITION } from './jobhunting-status';

/** What the klantmanager asks the accountmanager to look for. */
export interface JobhuntingPreferences {
  /** NACE sections, in order of preference; the first decides the accountmanager */
  sectors: string[];
  /** ESCO occupation URIs */
  occupations: string[];
  hoursMin: number | null;
  hoursMax: number | null;
  /** PC4 the search radius starts from (usually the client's home) */
  pc4: string | null;
  maxDistanceKm: number | null;
  notes: string | null;
}

/**
 * jobhuntverzoek: a klantmanager asks an accountmanager to search actively for a job for one
 * client. Erasing the candidate erases their requests (with history and activities).
 */
@Entity('jobhunting_requests')
@Index('UQ_jobhunting_requests_open_candidate', ['candidateId'], {
  unique: true,
  where: OPEN_JOBHUNTING_CONDITION,
})
@Index(['status', 'primarySector'])
export class JobhuntingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate?: Relation<CandidateEntity>;

  /** The klantmanager (or coordinator) who filed it. */
  @Column({ type: 'uuid' })
  filedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  filedBy?: Relation<UserEntity>;

  /** Why this person, what they can do. */
  @Column({ type: 'text' })
  motivation: string;

  @Column({ type: 'jsonb' })
  preferences: JobhuntingPreferences;

  /** preferences.sectors[0], as a column for listing by sector */
  @Column({ type: 'char', length: 1 })
  primarySector: string;

  /** The accountmanager the klantmanager asked for, if any. */
  @Column({ type: 'uuid', nullable: true })
  preferredAccountManagerId: string | null;

  /** The assigned accountmanager. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  accountManagerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  accountManager?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ type: 'text', default: 'open' })
  status: JobhuntingStatus;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** The last activity; with acceptedAt the start of the no-progress period. */
  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  /** When it became placed or closed. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  closeReason: CloseReason | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
