import { Role } from '../../infra/auth/role';
import { JobhuntingStatus } from './jobhunting-status';

/** The caller, with the sectors they serve (accountmanagers). */
export interface JobhuntingActor {
  userId: string;
  role: Role;
  sectors: readonly string[];
}

/** What the access rules need to know of a request. */
export interface JobhuntingScope {
  /** the client's (current) klantmanager */
  klantmanagerId: string;
  accountManagerId: string | null;
  status: JobhuntingStatus;
  primarySector: string;
}

const OTHER_CASELOAD =
  "This client is in another klantmanager's caseload: you see the jobhunting requests of your own clients only";

/**
 * Null when `actor` may read the request (with its history and activities), otherwise why not.
 * Both sides see progress: the client's klantmanager and the assigned accountmanager; an
 * accountmanager also sees open requests in the sectors they serve (to pick one up);
 * coordinators see all; employer contacts none.
 */
export function readProblem(actor: JobhuntingActor, request: JobhuntingScope): string | null {
  switch (actor.role) {
    case Role.Coordinator:
      return null;
    case Role.ClientManager:
      return request.klantmanagerId === actor.userId ? null : OTHER_CASELOAD;
    case Role.AccountManager:
      if (request.accountManagerId === actor.userId) return null;
      if (request.status === 'open' && actor.sectors.includes(request.primarySector)) return null;
      return request.status === 'open'
        ? `This open request is for sector ${request.primarySector}, which you do not serve, and is not assigned to you`
        : 'This request is assigned to another accountmanager; only they, the klantmanager and coordinators follow it';
    case Role.Employer:
      return 'Employer contacts have no access to jobhunting requests';
  }
}

/** Null when `actor` may record an activity on the request: the assigned accountmanager or a coordinator. */
export function activityProblem(actor: JobhuntingActor, request: JobhuntingScope): string | null {
  switch (actor.role) {
    case Role.Coordinator:
      return null;
    case Role.AccountManager:
      if (request.accountManagerId === actor.userId) return null;
      return request.accountManagerId === null
        ? 'This request is not assigned yet: accept it first (POST /jobhunting-requests/{id}/transitions {"to":"accepted"})'
        : 'Only the assigned accountmanager (or a coordinator) records activities on this request';
    case Role.ClientManager:
      return 'Klantmanagers follow the progress; the assigned accountmanager records the activities';
    case Role.Employer:
      return 'Employer contacts have no access to jobhunting requests';
  }
}
