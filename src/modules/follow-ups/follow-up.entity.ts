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
import { UserEntity } from '../accounts/user.entity';

/** What a follow-up is about: decides nothing in the worker, tells the owner what to do. */
export const FOLLOW_UP_KINDS = [
  'nomination-no-answer',
  'trial-midway-evaluation',
  'trial-decision-due',
  'trial-last-day',
  'placement-check-1m',
  'placement-check-3m',
  'placement-check-6m',
  'jobhunting-unanswered',
  'jobhunting-no-progress',
  'shortlist-no-answer',
  'shortlist-invitation',
  'shortlist-question',
  'notification',
  'manual',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_SUBJECTS = [
  'nomination',
  'trial-placement',
  'placement',
  'jobhunting-request',
  'candidate',
  'shortlist',
  /** One candidate on a shortlist: what the employer answered about them (erased with them). */
  'shortlist-entry',
  'employer',
] as const;
export type FollowUpSubject = (typeof FOLLOW_UP_SUBJECTS)[number];

/**
 * scheduled -> due (fired by the worker at due_at) -> done | snoozed | cancelled;
 * snoozed -> due again at snoozed_until. done and cancelled are final.
 */
export const FOLLOW_UP_STATUSES = ['scheduled', 'due', 'done', 'snoozed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const OPEN_FOLLOW_UP_STATUSES: FollowUpStatus[] = ['scheduled', 'snoozed', 'due'];

/**
 * A durable follow-up (opvolging). The row is the truth; the BullMQ job that fires it is derived
 * from it (job id = id + version) and re-created from the row when Redis lost it.
 */
@Entity('follow_ups')
@Index('IDX_follow_ups_owner_status_due', ['ownerId', 'status', 'dueAt'])
@Index('IDX_follow_ups_status_due', ['status', 'dueAt'])
@Index('IDX_follow_ups_subject', ['subjectType', 'subjectId'])
/** Changed follow-ups whose delayed job the worker has not added (or removed) yet. */
@Index('IDX_follow_ups_unqueued', ['id'], { where: `queued_version IS DISTINCT FROM version` })
/** Follow-ups that will still fire: what the reconciler walks. */
@Index('IDX_follow_ups_pending', ['id'], { where: `status IN ('scheduled', 'snoozed')` })
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: FollowUpKind;

  @Column({ type: 'text' })
  subjectType: FollowUpSubject;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  owner?: Relation<UserEntity>;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'scheduled' })
  status: FollowUpStatus;

  /** Dutch, shown in the task list and e-mailed: no client names or other personal data. */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  details: string | null;

  /** When the worker last fired it (status became due). */
  @Column({ type: 'timestamptz', nullable: true })
  firedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  snoozedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelledReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** +1 on every change of status, due time or snooze: part of the firing job's id. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /**
   * The version the worker has brought the queue in line with (a delayed job added for an open
   * follow-up, the old job removed for a closed one); differs from `version` until it has.
   */
  @Column({ type: 'int', nullable: true })
  queuedVersion: number | null;
}
