import { Actor, Role } from '../../infra/auth/role';
import { CandidateEntity } from './candidate.entity';
import { MATCHABLE_STATUSES } from './candidate-rules';

export type ProfileView = 'full' | 'matching';

export type Access = { allowed: true; view: ProfileView } | { allowed: false; reason: string };

type Subject = Pick<CandidateEntity, 'klantmanagerId' | 'availableForMatching' | 'programmeStatus'>;

const OTHER_CASELOAD =
  "This client is in another klantmanager's caseload: you can open and change your own clients only. Ask a coordinator to reassign the client if you take over.";
const EMPLOYER =
  'Employer contacts cannot see candidate profiles; candidates reach employers through shortlists';

/** Whether an accountmanager may see this profile: the client agreed and is in the programme. */
export function isMatchable(candidate: Subject): boolean {
  return candidate.availableForMatching && MATCHABLE_STATUSES.includes(candidate.programmeStatus);
}

/** Who may read a profile, and which view they get (least privilege per role). */
export function readAccess(actor: Pick<Actor, 'userId' | 'role'>, candidate: Subject): Access {
  switch (actor.role) {
    case Role.Coordinator:
      return { allowed: true, view: 'full' };
    case Role.ClientManager:
      return candidate.klantmanagerId === actor.userId
        ? { allowed: true, view: 'full' }
        : { allowed: false, reason: OTHER_CASELOAD };
    case Role.AccountManager:
      return isMatchable(candidate)
        ? { allowed: true, view: 'matching' }
        : {
            allowed: false,
            reason: `This profile is not available for matching (the client has not agreed, or is not in status ${MATCHABLE_STATUSES.join(', ')}); ask the klantmanager`,
          };
    case Role.Employer:
      return { allowed: false, reason: EMPLOYER };
  }
}

/** Who may change or export a profile: its klantmanager and coordinators. */
export function ownerAccess(actor: Pick<Actor, 'userId' | 'role'>, candidate: Subject): Access {
  switch (actor.role) {
    case Role.Coordinator:
      return { allowed: true, view: 'full' };
    case Role.ClientManager:
      return candidate.klantmanagerId === actor.userId
        ? { allowed: true, view: 'full' }
        : { allowed: false, reason: OTHER_CASELOAD };
    case Role.AccountManager:
      return {
        allowed: false,
        reason:
          "Accountmanagers cannot change or export candidate profiles; ask the client's klantmanager",
      };
    case Role.Employer:
      return { allowed: false, reason: EMPLOYER };
  }
}
