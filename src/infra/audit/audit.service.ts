import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/role';
import { AuditLogEntity, AuditResult } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: AuditResult;
  details?: Record<string, unknown> | null;
}

/** Writes audit rows; pass the transaction's manager so a rolled-back change leaves no row. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    actor: Partial<Actor> | null,
    entry: AuditEntry,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(AuditLogEntity);
    await repo.insert({
      // jsonb column: TypeORM's deep-partial type does not fit free-form objects
      details: (entry.details ?? null) as object,
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      purpose: actor?.purpose ?? null,
      requestId: actor?.requestId ?? null,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      result: entry.result ?? 'allowed',
    });
  }
}
