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
import { FollowUpEntity } from '../../modules/follow-ups/follow-up.entity';

export const OUTGOING_EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type OutgoingEmailStatus = (typeof OUTGOING_EMAIL_STATUSES)[number];

/**
 * One e-mail on its way out. The row is the truth: the send-email job (job id = row id) only
 * executes it, and the worker's reconciler re-queues rows still `queued`. `sent` means the SMTP
 * server accepted the message (its answer is kept); after the last attempt the row is `failed`.
 */
@Entity('outgoing_emails')
@Index('IDX_outgoing_emails_queued', ['createdAt'], { where: `status = 'queued'` })
@Index('UQ_outgoing_emails_follow_up_firing', ['followUpId', 'followUpVersion'], { unique: true })
export class OutgoingEmailEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The follow-up whose firing wrote this e-mail (at most one e-mail per firing). */
  @Column({ type: 'uuid', nullable: true })
  followUpId: string | null;

  @ManyToOne(() => FollowUpEntity, { onDelete: 'CASCADE' })
  followUp?: Relation<FollowUpEntity>;

  /** The follow-up's version at the firing. */
  @Column({ type: 'int', nullable: true })
  followUpVersion: number | null;

  @Column({ type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', default: 'queued' })
  status: OutgoingEmailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The Message-ID header we set (stable per row: a resend after a crash carries the same id). */
  @Column({ type: 'text' })
  messageId: string;

  /** A send in progress until then: no second sender starts (a crashed one is retried after). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** The SMTP server's answer to the accepted message, e.g. "250 2.0.0 Ok: queued as …". */
  @Column({ type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
