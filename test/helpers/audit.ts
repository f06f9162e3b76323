import { randomUUID } from 'node:crypto';
import { AuditLogEntity } from '../../src/infra/audit/audit-log.entity';
import { TestApp } from './test-app';

/** A request id to send as X-Request-Id, so the audit rows of exactly that request can be found. */
export function newRequestId(): string {
  return `test-${randomUUID()}`;
}

/** The audit rows written while serving one request. */
export function auditRowsOf(t: TestApp, requestId: string): Promise<AuditLogEntity[]> {
  return t.dataSource
    .getRepository(AuditLogEntity)
    .find({ where: { requestId }, order: { id: 'ASC' } });
}
