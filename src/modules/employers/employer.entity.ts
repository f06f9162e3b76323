import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { EmployerContactEntity } from './employer-contact.entity';
import { EmployerLocationEntity } from './employer-location.entity';

export const OPENNESS_TO_45_PLUS = ['unknown', 'open', 'hesitant', 'not-open'] as const;
export type OpennessTo45Plus = (typeof OPENNESS_TO_45_PLUS)[number];

/** werkgever: an organisation the municipality's employer service works with. */
@Entity('employers')
@Index(['kvkNumber'], { unique: true, where: 'kvk_number IS NOT NULL' })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Chamber of Commerce number (8 digits): keeps one record per organisation. */
  @Column({ type: 'text', nullable: true })
  kvkNumber: string | null;

  /** NACE Rev. 2 / SBI section letter (A-U). */
  @Index()
  @Column({ type: 'char', length: 1 })
  sector: string;

  /** SBI code, e.g. `5210` (warehousing), optional detail below the section. */
  @Column({ type: 'text', nullable: true })
  sbiCode: string | null;

  /** The accountmanager who owns the relation. */
  @Index()
  @Column({ type: 'uuid' })
  accountManagerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  accountManager?: Relation<UserEntity>;

  @Column({ type: 'text', default: 'unknown' })
  opennessTo45Plus: OpennessTo45Plus;

  /** Willing to offer trial placements (proefplaatsingen). */
  @Column({ type: 'boolean', default: false })
  acceptsTrialPlacements: boolean;

  /** Has done trial placements with the municipality before. */
  @Column({ type: 'boolean', default: false })
  trialPlacementExperience: boolean;

  /** Interested in a diversity / age-inclusive hiring workshop. */
  @Column({ type: 'boolean', default: false })
  diversityWorkshopInterest: boolean;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @OneToMany(() => EmployerLocationEntity, (location) => location.employer, { cascade: true })
  locations: Relation<EmployerLocationEntity>[];

  @OneToMany(() => EmployerContactEntity, (contact) => contact.employer, { cascade: true })
  contacts: Relation<EmployerContactEntity>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
