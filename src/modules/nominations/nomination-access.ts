import { Actor, Role } from '../../infra/auth/role';
import { NominationStatus } from './nomination-status';

/** What the access rules need to know of a nomination. */
export interface NominationScope {
  accountManagerId: string;
  employerAccountManagerId: string;
  employerSector: string;
  candidateKlantmanagerId: string;
}

export type NominationAccess = { allowed: true } | { allowed: false; reason: string };

const EMPLOYER =
  'Employer contacts cannot see nominations yet; they answer through shortlists (issue 6)';

/**
 * An accountmanager's own nominations: those they made, those to employers they own, and those
 * to employers in the sectors they serve.
 */
function isAccountManagersOwn(
  actor: Pick<Actor, 'userId'>,
  actorSectors: readonly string[],
  scope: NominationScope,
): boolean {
  return (
    scope.accountManagerId === actor.userId ||
    scope.employerAccountManagerId === actor.userId ||
    actorSectors.includes(scope.employerSector)
  );
}

/** Who may read a nomination and its history. */
export function nominationReadAccess(
  actor: Pick<Actor, 'userId' | 'role'>,
  actorSectors: readonly string[],
  scope: NominationScope,
): NominationAccess {
  switch (actor.role) {
    case Role.Coordinator:
      return { allowed: true };
    case Role.AccountManager:
      return isAccountManagersOwn(actor, actorSectors, scope)
        ? { allowed: true }
        : {
            allowed: false,
            reason:
              'You see the nominations you made and those to employers you own or in your sectors; this one is none of those',
          };
    case Role.ClientManager:
      return scope.candidateKlantmanagerId === actor.userId
        ? { allowed: true }
        : {
            allowed: false,
            reason:
              "This nomination is of a client in another klantmanager's caseload: you see your own clients' nominations only",
          };
    case Role.Employer:
      return { allowed: false, reason: EMPLOYER };
  }
}

/**
 * Who may move a nomination to `to`: coordinators, and the accountmanagers who may read it; a
 * klantmanager only withdraws their own client's nomination (the client stops, found work, …).
 */
export function nominationChangeAccess(
  actor: Pick<Actor, 'userId' | 'role'>,
  actorSectors: readonly string[],
  scope: NominationScope,
  to: NominationStatus | null,
): NominationAccess {
  const read = nominationReadAccess(actor, actorSectors, scope);
  if (!read.allowed) return read;
  if (actor.role === Role.ClientManager && to !== 'withdrawn') {
    return {
      allowed: false,
      reason: `A klantmanager can only withdraw their client's nomination; ask the accountmanager to move it to ${to ?? 'another status'}`,
    };
  }
  return { allowed: true };
}
