import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What changed: the kind of record whose search document must follow. */
export const OUTBOX_TOPICS = ['candidate', 'vacancy', 'employer'] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/**
 * One change that must reach the search index, written in the same transaction as the change
 * itself: a rolled-back transaction leaves no row, a committed one always leaves one. The relay
 * in the worker turns rows into BullMQ jobs and marks them relayed; the indexer marks them
 * synced once the index holds the change. A row relayed but never synced (its job was lost with
 * Redis's data, or failed for good) is relayed again.
 */
@Entity('outbox')
@Index('IDX_outbox_unsynced', ['id'], { where: 'synced_at IS NULL' })
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

  /** Times relayed: part of the job id, so a relay again is a new job, not a duplicate. */
  @Column({ type: 'int', default: 0 })
  relays: number;

  @Column({ type: 'timestamptz', nullable: true })
  syncedAt: Date | null;
}
