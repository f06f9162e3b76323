import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxEntity, OutboxTopic } from './outbox.entity';

/** Writes outbox rows inside the caller's transaction (pass its EntityManager). */
@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The index holds these rows' changes: they are done (called after a sync job succeeded). */
  async markSynced(rowIds: string[]): Promise<void> {
    if (rowIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox SET synced_at = now() WHERE id = ANY($1::bigint[]) AND synced_at IS NULL`,
      [rowIds],
    );
  }

  async add(manager: EntityManager, topic: OutboxTopic, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEntity)
      .values(unique.map((aggregateId) => ({ topic, aggregateId })))
      .execute();
  }
}
