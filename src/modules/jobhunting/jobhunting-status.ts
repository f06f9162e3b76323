import { Role } from '../../infra/auth/role';

/**
 * jobhuntverzoek lifecycle: filed `open` (assigned or not), `accepted` by the assigned
 * accountmanager, `in-progress` from the first activity, and then `placed` or `closed`.
 * A request can be closed (with a reason) from any status that is not final.
 */
export const JOBHUNTING_STATUSES = ['open', 'accepted', 'in-progress', 'placed', 'closed'] as const;
export type JobhuntingStatus = (typeof JOBHUNTING_STATUSES)[number];

export const JOBHUNTING_STATUS_LABELS: Record<JobhuntingStatus, string> = {
  open: 'open (nog niet geaccepteerd)',
  accepted: 'geaccepteerd',
  'in-progress': 'in behandeling',
  placed: 'geplaatst',
  closed: 'gesloten',
};

/** Where a request may go from each status; placed and closed are final. */
export const JOBHUNTING_TRANSITIONS: Readonly<
  Record<JobhuntingStatus, readonly JobhuntingStatus[]>
> = {
  open: ['accepted', 'closed'],
  accepted: ['in-progress', 'closed'],
  'in-progress': ['placed', 'closed'],
  placed: [],
  closed: [],
};

/** Statuses of a request that is still running: at most one per candidate. */
export const OPEN_JOBHUNTING_STATUSES = [
  'open',
  'accepted',
  'in-progress',
] as const satisfies readonly JobhuntingStatus[];

/** The SQL condition of the partial unique index "one running request per candidate". */
export const OPEN_JOBHUNTING_CONDITION = `status IN ('open', 'accepted', 'in-progress')`;

/** Why a request was closed without a placement; Dutch labels for the klantmanager. */
export const CLOSE_REASONS = {
  'client-found-work': 'Klant heeft zelf werk gevonden',
  'client-unavailable': 'Klant is (tijdelijk) niet beschikbaar, bijv. door ziekte of zorgtaken',
  'client-withdrew': 'Klant ziet af van jobhunting',
  'consent-withdrawn': 'Klant heeft de toestemming voor bemiddeling ingetrokken',
  'no-suitable-employer': 'Geen passende werkgever of vacature gevonden',
  'preferences-not-feasible': 'Wensen (uren, regio, sector) niet haalbaar; bijstellen met de klant',
  'referred-elsewhere': 'Doorverwezen naar een ander traject (bijv. scholing)',
  other: 'Anders (toelichting verplicht)',
} as const satisfies Record<string, string>;
export type CloseReason = keyof typeof CLOSE_REASONS;
export const CLOSE_REASON_CODES = Object.keys(CLOSE_REASONS) as CloseReason[];

export function isFinalJobhuntingStatus(status: JobhuntingStatus): boolean {
  return JOBHUNTING_TRANSITIONS[status].length === 0;
}

export function isOpenJobhuntingStatus(status: JobhuntingStatus): boolean {
  return (OPEN_JOBHUNTING_STATUSES as readonly JobhuntingStatus[]).includes(status);
}

/**
 * Null when the move is allowed, otherwise the reason in words with the moves that are
 * possible. Unlike a vacancy, staying in the same status is refused too: a transition is an
 * event in the request's history.
 */
export function jobhuntingTransitionProblem(
  from: JobhuntingStatus,
  to: JobhuntingStatus,
): string | null {
  const allowed = JOBHUNTING_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) {
    return `A ${from} jobhunting request is final and cannot become ${to}; file a new request for the client instead`;
  }
  const hint =
    to === 'in-progress' && from === 'open'
      ? ' (the assigned accountmanager accepts first; the first activity then makes it in-progress)'
      : to === 'placed' && from !== 'in-progress'
        ? ' (a placement follows at least one activity: record it first)'
        : '';
  return from === to
    ? `The jobhunting request is already ${from}; from ${from} it can become ${allowed.join(', ')}`
    : `A ${from} jobhunting request cannot become ${to}${hint}; from ${from} it can become ${allowed.join(', ')}`;
}

/** The people around one request, for the rules on who may move it. */
export interface TransitionParties {
  /** the assigned accountmanager, if any */
  accountManagerId: string | null;
  /** the client's klantmanager */
  klantmanagerId: string;
  /** the request's first preferred sector */
  primarySector: string;
}

/**
 * Null when `actor` may make this move, otherwise why not. Coordinators may make every move;
 * the assigned accountmanager accepts, works and closes; an accountmanager serving the request's
 * sector may accept an unassigned request (and so takes it); the client's klantmanager may only
 * withdraw it (close).
 */
export function transitionActorProblem(
  actor: { userId: string; role: Role; sectors: readonly string[] },
  to: JobhuntingStatus,
  parties: TransitionParties,
): string | null {
  switch (actor.role) {
    case Role.Coordinator:
      return null;
    case Role.AccountManager:
      if (parties.accountManagerId === actor.userId) return null;
      if (parties.accountManagerId === null && to === 'accepted') {
        return actor.sectors.includes(parties.primarySector)
          ? null
          : `This unassigned request is for sector ${parties.primarySector}, which you do not serve (your sectors: ${actor.sectors.join(', ') || 'none'}); ask a coordinator to assign it`;
      }
      return parties.accountManagerId === null
        ? 'This request is not assigned yet: accept it first (accountmanagers of its sector) or ask a coordinator to assign it'
        : 'This request is assigned to another accountmanager; only they (or a coordinator) can change its status';
    case Role.ClientManager:
      if (parties.klantmanagerId !== actor.userId) {
        return "This client is in another klantmanager's caseload: you can act on your own clients' requests only";
      }
      return to === 'closed'
        ? null
        : 'A klantmanager can only withdraw a request (to: closed, with a reason); the accountmanager accepts it and records progress';
    case Role.Employer:
      return 'Employer contacts have no access to jobhunting requests';
  }
}
