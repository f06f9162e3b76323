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
import { EmployerEntity } from '../employers/employer.entity';
import { OccupationEntity } from '../taxonomy/occupation.entity';
import { CefrLevel, ContractType, PhysicalLoad, Shift } from '../taxonomy/reference-lists';

export const VACANCY_STATUSES = ['draft', 'open', 'on-hold', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** `posted`: a published vacancy; `open-to-person`: not posted, an employer open to the right person. */
export const VACANCY_KINDS = ['posted', 'open-to-person'] as const;
export type VacancyKind = (typeof VACANCY_KINDS)[number];

export interface VacancySkill {
  /** ESCO skill URI */
  uri: string;
  required: boolean;
}

export interface LanguageRequirement {
  /** ISO 639 code, see LANGUAGES */
  language: string;
  minLevel: CefrLevel;
}

/** vacature */
@Entity('vacancies')
@Index(['status', 'sector'])
export class VacancyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity, { onDelete: 'RESTRICT' })
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: 'posted' })
  kind: VacancyKind;

  /** ESCO occupation URI */
  @Index()
  @Column({ type: 'text' })
  occupationUri: string;

  @ManyToOne(() => OccupationEntity, { onDelete: 'RESTRICT' })
  occupation?: Relation<OccupationEntity>;

  /** NACE section of the employer, copied for filtering and matching. */
  @Column({ type: 'char', length: 1 })
  sector: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  skills: VacancySkill[];

  /** codes from CERTIFICATES */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  certificates: string[];

  /** codes from DRIVING_LICENCES */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  drivingLicences: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  languages: LanguageRequirement[];

  @Column({ type: 'smallint' })
  hoursMin: number;

  @Column({ type: 'smallint' })
  hoursMax: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  shifts: Shift[];

  /** Work location */
  @Column({ type: 'char', length: 4 })
  pc4: string;

  /** What the work demands at a stretch; matched against candidates' work-capacity limits. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  physicalDemands: PhysicalLoad;

  @Column({ type: 'text' })
  contractType: ContractType;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Index()
  @Column({ type: 'text', default: 'draft' })
  status: VacancyStatus;

  /** The employer accepts a trial placement (proefplaatsing) for this job. */
  @Column({ type: 'boolean', default: false })
  trialPlacementPossible: boolean;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Indexed: the matching pool reads what changed since its last refresh. */
  @Index('IDX_vacancies_updated_at')
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
