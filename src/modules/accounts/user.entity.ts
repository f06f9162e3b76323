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
import { Role } from '../../infra/auth/role';
import { EmployerEntity } from '../employers/employer.entity';

/** A person who logs in: staff of the municipality or an employer contact. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  displayName: string;

  /** For accountmanagers: NACE sections (A-U) of the sectors they serve. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  /** For employer contacts: the employer they speak for. */
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  @ManyToOne(() => EmployerEntity, { onDelete: 'RESTRICT' })
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
