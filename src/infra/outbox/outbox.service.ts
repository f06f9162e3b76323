import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEntity, OutboxTopic } from './outbox.entity';

/** Writes outbox rows inside the caller's transaction (pass its EntityManager). */
@Injectable()
export class OutboxService {
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
