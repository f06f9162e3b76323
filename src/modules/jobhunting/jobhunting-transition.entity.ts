import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { JobhuntingRequestEntity } from './jobhunting-request.entity';
import { CloseReason, JobhuntingStatus } from './jobhunting-status';

/** `filed`: the request was made; `assigned`: an accountmanager was (re)assigned; `status`: a status move. */
export const JOBHUNTING_EVENTS = ['filed', 'assigned', 'status'] as const;
export type JobhuntingEvent = (typeof JOBHUNTING_EVENTS)[number];

/**
 * The history of a request: who did what, when and why. Never changed after it is written. The
 * id is a sequence, so rows written in one transaction (same `at`) keep their order.
 */
@Entity('jobhunting_request_transitions')
@Index(['requestId', 'id'])
export class JobhuntingTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => JobhuntingRequestEntity, { onDelete: 'CASCADE' })
  request?: Relation<JobhuntingRequestEntity>;

  @Column({ type: 'text' })
  event: JobhuntingEvent;

  @Column({ type: 'text', nullable: true })
  fromStatus: JobhuntingStatus | null;

  @Column({ type: 'text' })
  toStatus: JobhuntingStatus;

  /** For `assigned`: the accountmanager the request went to. */
  @Column({ type: 'uuid', nullable: true })
  accountManagerId: string | null;

  /** For `closed`: the reason code. */
  @Column({ type: 'text', nullable: true })
  reason: CloseReason | null;

  /** Free text: why (the closing explanation, the basis of an assignment). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
