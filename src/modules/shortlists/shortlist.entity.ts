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
import { EmployerEntity } from '../employers/employer.entity';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { ShortlistStatus } from './employer-shortlist-view';

/**
 * A curated shortlist: candidates an accountmanager recommends to one employer, for a vacancy
 * or (without one) for an employer open to the right person. The employer sees it pseudonymised
 * through a link or their account until it expires or is closed.
 */
@Entity('shortlists')
@Index(['employerId', 'status'])
export class ShortlistEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity, { onDelete: 'RESTRICT' })
  employer?: Relation<EmployerEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  vacancyId: string | null;

  @ManyToOne(() => VacancyEntity, { onDelete: 'RESTRICT' })
  vacancy?: Relation<VacancyEntity>;

  /** The accountmanager who composes it, sends it and follows it up. */
  @Index()
  @Column({ type: 'uuid' })
  accountManagerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  accountManager?: Relation<UserEntity>;

  @Column({ type: 'text' })
  title: string;

  /** The accountmanager's words to the employer, checked for identifying details. */
  @Column({ type: 'text', nullable: true })
  introduction: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: ShortlistStatus;

  /** The last day the employer can open it (Dutch calendar date). */
  @Column({ type: 'date' })
  expiresOn: string;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  closeNote: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
