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
import { CandidateEntity } from '../candidates/candidate.entity';
import { EmployerEntity } from '../employers/employer.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { ContractType } from '../taxonomy/reference-lists';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { TrialPlacementEntity } from './trial-placement.entity';

/** plaatsing: a hire, made by moving a nomination to `hired`. */
@Entity('placements')
export class PlacementEntity {
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

  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity)
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'uuid', nullable: true })
  vacancyId: string | null;

  @ManyToOne(() => VacancyEntity)
  vacancy?: Relation<VacancyEntity>;

  /** The trial placement this hire converts into a contract, if there was one. */
  @Column({ type: 'uuid', nullable: true })
  trialPlacementId: string | null;

  @ManyToOne(() => TrialPlacementEntity)
  trialPlacement?: Relation<TrialPlacementEntity>;

  /** Owner of the placement checks. */
  @Column({ type: 'uuid' })
  accountManagerId: string;

  @Column({ type: 'date' })
  startDate: string;

  /** The contract's end date (fixed-term); null for an open-ended contract. */
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'smallint' })
  hoursPerWeek: number;

  @Column({ type: 'text' })
  contractType: ContractType;

  /** The actual last day when the work ended before or apart from the contract's end. */
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Column({ type: 'text', nullable: true })
  endReasonText: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
