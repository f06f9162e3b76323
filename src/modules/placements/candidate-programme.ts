import { EntityManager } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor } from '../../infra/auth/role';
import { DomainException } from '../../infra/http/domain.exception';
import { OutboxService } from '../../infra/outbox/outbox.service';
import { CandidateEntity, ProgrammeStatus } from '../candidates/candidate.entity';

/** Locks the candidate's row for the rest of the transaction. */
export async function lockCandidate(manager: EntityManager, id: string): Promise<CandidateEntity> {
  const candidate = await manager
    .getRepository(CandidateEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!candidate) throw DomainException.notFound('candidate', id);
  return candidate;
}

/**
 * Moves a (locked) candidate's programme status because of a nomination, in the caller's
 * transaction: an outbox row keeps the search index in step, an audit row says why. The moves
 * made here (to trial-placement or placed, back from trial-placement) never add to a caseload.
 */
export async function changeProgrammeStatus(
  manager: EntityManager,
  services: { audit: AuditService; outbox: OutboxService },
  actor: Actor,
  candidate: CandidateEntity,
  to: ProgrammeStatus,
  nominationId: string,
): Promise<void> {
  const from = candidate.programmeStatus;
  if (from === to) return;
  candidate.programmeStatus = to;
  await manager.getRepository(CandidateEntity).save(candidate);
  await services.outbox.add(manager, 'candidate', [candidate.id]);
  await services.audit.record(
    actor,
    {
      action: 'candidate.update',
      objectType: 'candidate',
      objectId: candidate.id,
      details: { fields: ['programmeStatus'], programmeStatus: { from, to }, nominationId },
    },
    manager,
  );
}
