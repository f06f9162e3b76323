import { VacancyStatus } from './vacancy.entity';

/** Where a vacancy may go from each status; filled and closed are final. */
export const VACANCY_TRANSITIONS: Readonly<Record<VacancyStatus, readonly VacancyStatus[]>> = {
  draft: ['open', 'closed'],
  open: ['on-hold', 'filled', 'closed'],
  'on-hold': ['open', 'filled', 'closed'],
  filled: [],
  closed: [],
};

/** Statuses a new vacancy may start in. */
export const INITIAL_VACANCY_STATUSES = [
  'draft',
  'open',
] as const satisfies readonly VacancyStatus[];

/** Statuses in which a vacancy is visible for jobhunting (klantmanagers see only these). */
export const ACTIVE_VACANCY_STATUSES = [
  'open',
  'on-hold',
] as const satisfies readonly VacancyStatus[];

export function isFinalStatus(status: VacancyStatus): boolean {
  return VACANCY_TRANSITIONS[status].length === 0;
}

/**
 * Null when the move is allowed (staying in the same status is no move), otherwise the reason
 * in words, with the moves that are possible.
 */
export function transitionProblem(from: VacancyStatus, to: VacancyStatus): string | null {
  if (from === to || VACANCY_TRANSITIONS[from].includes(to)) return null;
  const allowed = VACANCY_TRANSITIONS[from];
  return allowed.length === 0
    ? `A ${from} vacancy is final and cannot become ${to}; create a new vacancy instead`
    : `A ${from} vacancy cannot become ${to}; from ${from} it can become ${allowed.join(', ')}`;
}
