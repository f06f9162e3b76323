import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { EmployerEntity } from './employer.entity';

/** A site of an employer; vacancies are located at a PC4. */
@Entity('employer_locations')
export class EmployerLocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => EmployerEntity, (employer) => employer.locations, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 4 })
  pc4: string;

  @Column({ type: 'text', nullable: true })
  city: string | null;
}
