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
import { CefrLevel, EducationLevel, PhysicalLoad } from '../taxonomy/reference-lists';

export const SKILL_SOURCES = ['work', 'hobby', 'volunteer', 'course', 'education'] as const;
export type SkillSource = (typeof SKILL_SOURCES)[number];

export const PROGRAMME_STATUSES = [
  'intake',
  'active',
  'jobhunting',
  'trial-placement',
  'placed',
  'paused',
  'exited',
] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
  intake: 'intake',
  active: 'actief',
  jobhunting: 'jobhunting',
  'trial-placement': 'proefplaatsing',
  placed: 'geplaatst',
  paused: 'gepauzeerd',
  exited: 'uitgestroomd',
};

/** The benefit a client receives (uitkering): decides which arrangements apply. */
export const BENEFIT_TYPES = ['bijstand', 'ww', 'wia', 'none'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const BENEFIT_TYPE_LABELS: Record<BenefitType, string> = {
  bijstand: 'bijstandsuitkering (Participatiewet)',
  ww: 'WW-uitkering',
  wia: 'WIA-uitkering',
  none: 'geen uitkering',
};

export interface WorkExperience {
  /** ESCO occupation URI */
  occupationUri: string;
  /** The job title as the person says it, e.g. "drukkerijmedewerker bij Roto Smeets" */
  title: string;
  /** NACE section of the employer then */
  sector: string;
  years: number;
  lastYearWorked: number;
  description?: string;
}

export interface CandidateSkill {
  /** ESCO skill URI */
  uri: string;
  source: SkillSource;
  /** The evidence in words: "repareert al 20 jaar fietsen voor de buurt" */
  evidence?: string;
}

export interface CandidateLanguage {
  language: string;
  level: CefrLevel;
}

export const ACTIVITY_KINDS = ['hobby', 'volunteer'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface Activity {
  kind: ActivityKind;
  description: string;
  years?: number;
}

export interface Diploma {
  name: string;
  level: EducationLevel;
  year?: number;
}

/** Work-capacity limits needed for matching (belastbaarheid). Never a diagnosis. */
export type WorkCapacity = PhysicalLoad;

/**
 * kandidaatprofiel: the competence profile of one client of a klantmanager.
 * Personal and sensitive fields are marked; reads of sensitive fields are audited.
 */
@Entity('candidates')
@Index(['klantmanagerId', 'programmeStatus'])
export class CandidateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The municipality's client number: keeps one profile per client. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  clientNumber: string;

  /** HMAC-SHA256 of the BSN with a server-side pepper; the BSN itself is never stored. */
  @Index({ unique: true, where: 'bsn_hash IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  bsnHash: string | null;

  /** personal */
  @Column({ type: 'text' })
  firstName: string;

  /** personal */
  @Column({ type: 'text' })
  lastName: string;

  /** personal */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** personal */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** sensitive: for programme eligibility (45+) only; never shown to employers nor used in ranking */
  @Column({ type: 'smallint' })
  birthYear: number;

  @Index()
  @Column({ type: 'uuid' })
  klantmanagerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  klantmanager?: Relation<UserEntity>;

  @Column({ type: 'char', length: 4 })
  homePc4: string;

  @Column({ type: 'smallint', nullable: true })
  maxCommuteKm: number | null;

  @Column({ type: 'smallint', nullable: true })
  maxCommuteMinutes: number | null;

  @Column({ type: 'smallint' })
  hoursMin: number;

  @Column({ type: 'smallint' })
  hoursMax: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  experiences: WorkExperience[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  skills: CandidateSkill[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  languages: CandidateLanguage[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  activities: Activity[];

  @Column({ type: 'text' })
  educationLevel: EducationLevel;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  diplomas: Diploma[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  certificates: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  drivingLicences: string[];

  /** sensitive (health-derived): limits for matching only */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  workCapacity: WorkCapacity;

  /** sensitive: the klantmanager's own notes on work capacity; never a diagnosis; klantmanager and coordinator only */
  @Column({ type: 'text', nullable: true })
  workCapacityNotes: string | null;

  @Column({ type: 'date', nullable: true })
  availableFrom: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectorsOfInterest: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectorsRefused: string[];

  /** The programme serves clients on social assistance; arrangements depend on the benefit. */
  @Column({ type: 'text', default: 'bijstand' })
  benefitType: BenefitType;

  /**
   * sensitive (implies a work-related disability): registered in the doelgroepregister, which
   * gives the employer a no-risk policy and wage-cost subsidy; klantmanager and coordinator only.
   */
  @Column({ type: 'boolean', default: false })
  targetGroupRegister: boolean;

  /** participatieladder trede 1-5; the programme serves rungs 3-4 */
  @Column({ type: 'smallint' })
  participationRung: number;

  @Index()
  @Column({ type: 'text', default: 'intake' })
  programmeStatus: ProgrammeStatus;

  /** The client agreed to be matched and proposed (anonymously) to employers. */
  @Column({ type: 'boolean', default: false })
  availableForMatching: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Indexed: the matching pool reads what changed since its last refresh. */
  @Index('IDX_candidates_updated_at')
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
