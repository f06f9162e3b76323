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
import { EmployerEntity } from '../employers/employer.entity';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { NominationStatus } from './nomination-status';

/** The open statuses, as SQL, for the partial unique indexes (kept equal to OPEN_NOMINATION_STATUSES). */
const OPEN = `status IN ('draft', 'proposed', 'interview-planned', 'trial-placement')`;

/**
 * voordracht: a candidate proposed to an employer, for a vacancy or (without one) to an
 * employer open to the right person. Erasing the candidate erases their nominations.
 */
@Entity('nominations')
@Index('UQ_nominations_open_per_vacancy', ['candidateId', 'vacancyId'], {
  unique: true,
  where: `${OPEN} AND vacancy_id IS NOT NULL`,
})
@Index('UQ_nominations_open_per_employer', ['candidateId', 'employerId'], {
  unique: true,
  where: `${OPEN} AND vacancy_id IS NULL`,
})
export class NominationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate?: Relation<CandidateEntity>;

  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity)
  employer?: Relation<EmployerEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  vacancyId: string | null;

  @ManyToOne(() => VacancyEntity)
  vacancy?: Relation<VacancyEntity>;

  /** The accountmanager who nominates and follows it up. */
  @Index()
  @Column({ type: 'uuid' })
  accountManagerId: string;

  @ManyToOne(() => UserEntity)
  accountManager?: Relation<UserEntity>;

  @Index()
  @Column({ type: 'text', default: 'draft' })
  status: NominationStatus;

  /** Why this person fits: the personal recommendation to the employer. */
  @Column({ type: 'text' })
  motivation: string;

  @Column({ type: 'timestamptz', nullable: true })
  interviewAt: Date | null;

  /** For an ending without a hire: a code from NOMINATION_REASONS. */
  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Column({ type: 'text', nullable: true })
  endReasonText: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
