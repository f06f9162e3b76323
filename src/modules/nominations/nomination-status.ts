/**
 * The nomination lifecycle (voordracht). One table decides every move; the service, the API
 * description and the tests all read it.
 */
export const NOMINATION_STATUSES = [
  'draft',
  'proposed',
  'interview-planned',
  'trial-placement',
  'hired',
  'not-hired',
  'rejected',
  'withdrawn',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  draft: 'concept',
  proposed: 'voorgedragen',
  'interview-planned': 'gesprek gepland',
  'trial-placement': 'proefplaatsing',
  hired: 'aangenomen',
  'not-hired': 'niet aangenomen',
  rejected: 'afgewezen',
  withdrawn: 'ingetrokken',
};

/**
 * Where a nomination may go from each status. `interview-planned -> interview-planned` plans
 * another interview (a new date or a second round). `rejected` is the employer's no before a
 * trial placement; after a trial placement the employer's no is `not-hired`. Final statuses
 * have no moves.
 */
export const NOMINATION_TRANSITIONS: Readonly<
  Record<NominationStatus, readonly NominationStatus[]>
> = {
  draft: ['proposed', 'withdrawn'],
  proposed: ['interview-planned', 'rejected', 'withdrawn'],
  'interview-planned': ['interview-planned', 'trial-placement', 'hired', 'rejected', 'withdrawn'],
  'trial-placement': ['hired', 'not-hired', 'withdrawn'],
  hired: [],
  'not-hired': [],
  rejected: [],
  withdrawn: [],
};

/** Endings without a hire: each needs a reason from the fixed list and free text. */
export const ENDINGS_WITHOUT_HIRE = [
  'not-hired',
  'rejected',
  'withdrawn',
] as const satisfies readonly NominationStatus[];

/** Statuses in which a nomination is still running (at most one per candidate and vacancy). */
export const OPEN_NOMINATION_STATUSES = NOMINATION_STATUSES.filter(
  (status) => NOMINATION_TRANSITIONS[status].length > 0,
);

export function isFinal(status: NominationStatus): boolean {
  return NOMINATION_TRANSITIONS[status].length === 0;
}

export function isEndingWithoutHire(status: NominationStatus): boolean {
  return (ENDINGS_WITHOUT_HIRE as readonly NominationStatus[]).includes(status);
}

/** Ending: a final status, hired included (the klantmanager hears of every one). */
export function isEnding(status: NominationStatus): boolean {
  return isFinal(status);
}

/** Null when the move is allowed, otherwise the reason in words naming the allowed moves. */
export function nominationTransitionProblem(
  from: NominationStatus,
  to: NominationStatus,
): string | null {
  const allowed = NOMINATION_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) {
    return `A nomination that is ${from} is final and cannot become ${to}; create a new nomination instead`;
  }
  return `A nomination that is ${from} cannot become ${to}; from ${from} it can become ${allowed.join(', ')}`;
}
