import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { EmployerEntity } from '../employers/employer.entity';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { JobhuntingRequestEntity } from './jobhunting-request.entity';

export const ACTIVITY_KINDS = [
  'employer-approached',
  'vacancy-considered',
  'nomination',
  'note',
] as const;
export type JobhuntingActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<JobhuntingActivityKind, string> = {
  'employer-approached': 'Werkgever benaderd',
  'vacancy-considered': 'Vacature bekeken',
  nomination: 'Voorgedragen',
  note: 'Notitie',
};

export const ACTIVITY_OUTCOMES = {
  pending: 'Wacht op antwoord',
  interested: 'Werkgever is geïnteresseerd',
  'interview-planned': 'Kennismakingsgesprek gepland',
  'not-interested': 'Werkgever heeft geen interesse',
  'not-suitable': 'Niet passend voor de klant',
} as const satisfies Record<string, string>;
export type ActivityOutcome = keyof typeof ACTIVITY_OUTCOMES;
export const ACTIVITY_OUTCOME_CODES = Object.keys(ACTIVITY_OUTCOMES) as ActivityOutcome[];

/**
 * What the accountmanager did for a request. A deleted employer or vacancy leaves the activity
 * in place without the reference (its text still says what happened).
 */
@Entity('jobhunting_request_activities')
@Index(['requestId', 'at'])
export class JobhuntingActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => JobhuntingRequestEntity, { onDelete: 'CASCADE' })
  request?: Relation<JobhuntingRequestEntity>;

  @Column({ type: 'text' })
  kind: JobhuntingActivityKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  @ManyToOne(() => EmployerEntity, { onDelete: 'SET NULL' })
  employer?: Relation<EmployerEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  vacancyId: string | null;

  @ManyToOne(() => VacancyEntity, { onDelete: 'SET NULL' })
  vacancy?: Relation<VacancyEntity>;

  @Column({ type: 'text', nullable: true })
  outcome: ActivityOutcome | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
