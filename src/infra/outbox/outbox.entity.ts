import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What changed: the kind of record whose search document must follow. */
export const OUTBOX_TOPICS = ['candidate', 'vacancy', 'employer'] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/**
 * One change that must reach the search index, written in the same transaction as the change
 * itself: a rolled-back transaction leaves no row, a committed one always leaves one. The relay
 * in the worker turns pending rows into BullMQ jobs and marks them relayed.
 */
@Entity('outbox')
@Index('IDX_outbox_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  topic: OutboxTopic;

  @Column({ type: 'uuid' })
  aggregateId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;
}
