import { EntityManager } from 'typeorm';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException } from '../../infra/http/domain.exception';
import { NominationAccess, NominationScope } from './nomination-access';

/** The facts the access rules need, read in one query (null when the nomination does not exist). */
export async function loadNominationScope(
  manager: EntityManager,
  nominationId: string,
): Promise<NominationScope | null> {
  const rows = await manager.query<NominationScope[]>(
    `SELECT n.account_manager_id AS "accountManagerId",
            e.account_manager_id AS "employerAccountManagerId",
            e.sector AS "employerSector",
            c.klantmanager_id AS "candidateKlantmanagerId"
       FROM nominations n
       JOIN employers e ON e.id = n.employer_id
       JOIN candidates c ON c.id = n.candidate_id
      WHERE n.id = $1`,
    [nominationId],
  );
  return rows[0] ?? null;
}

/** The sectors an accountmanager serves, read fresh (a coordinator's change counts at once). */
export async function sectorsOf(manager: EntityManager, actor: Actor): Promise<string[]> {
  if (actor.role !== Role.AccountManager) return [];
  const rows = await manager.query<{ sectors: string[] }[]>(
    'SELECT sectors FROM users WHERE id = $1',
    [actor.userId],
  );
  return rows[0]?.sectors ?? [];
}

/** Turns a denial into a 403 naming the object, so the exception filter audits it. */
export function assertAccess(access: NominationAccess, objectType: string, objectId: string): void {
  if (!access.allowed) throw DomainException.forbidden(access.reason, objectType, objectId);
}
