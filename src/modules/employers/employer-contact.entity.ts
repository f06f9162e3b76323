import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { EmployerEntity } from './employer.entity';

/** A person at the employer; may have a werkgever login (userId). */
@Entity('employer_contacts')
export class EmployerContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity, (employer) => employer.contacts, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'text' })
  name: string;

  /** e.g. HR-adviseur, vestigingsmanager */
  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;
}
