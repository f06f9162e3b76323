import { FieldError } from '../../infra/http/validation';
import { ProgrammeStatus } from './candidate.entity';

/** The programme serves people who are 45 or older this year (Aanpak 45+). */
export const MIN_PROGRAMME_AGE = 45;
/** Older than this is a typing error: social assistance ends at the state pension age. */
export const MAX_PROGRAMME_AGE = 80;

/** A klantmanager's caseload holds at most this many clients (weekly contact). */
export const MAX_CASELOAD = 25;

/** Statuses that occupy a place in the klantmanager's caseload; placed and exited clients do not. */
export const CASELOAD_STATUSES: readonly ProgrammeStatus[] = [
  'intake',
  'active',
  'jobhunting',
  'trial-placement',
  'paused',
];

/** Statuses in which an accountmanager may see and match a profile (with the client's consent). */
export const MATCHABLE_STATUSES: readonly ProgrammeStatus[] = [
  'active',
  'jobhunting',
  'trial-placement',
];

export function birthYearBounds(now: Date = new Date()): { earliest: number; latest: number } {
  const year = now.getFullYear();
  return { earliest: year - MAX_PROGRAMME_AGE, latest: year - MIN_PROGRAMME_AGE };
}

export function birthYearProblem(value: unknown, now: Date = new Date()): string | null {
  const { earliest, latest } = birthYearBounds(now);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return 'birthYear must be a whole year, e.g. 1968';
  }
  if (value > latest) {
    return `birthYear must be ${latest} or earlier: the programme serves people who are ${MIN_PROGRAMME_AGE} or older this year`;
  }
  if (value < earliest) {
    return `birthYear must be ${earliest} or later: check the year (older than ${MAX_PROGRAMME_AGE} is outside the programme)`;
  }
  return null;
}

/** The fields of a profile that rules across fields look at. */
export interface ProfileShape {
  hoursMin: number;
  hoursMax: number;
  maxCommuteKm: number | null;
  maxCommuteMinutes: number | null;
  sectorsOfInterest: string[];
  sectorsRefused: string[];
}

export function hoursProblem(hoursMin: unknown, hoursMax: unknown): string | null {
  if (typeof hoursMin !== 'number' || typeof hoursMax !== 'number') return null;
  return hoursMax < hoursMin
    ? `hoursMax (${hoursMax}) must be at least hoursMin (${hoursMin})`
    : null;
}

export function sectorOverlapProblem(interest: unknown, refused: unknown): string | null {
  if (!Array.isArray(interest) || !Array.isArray(refused)) return null;
  const both = refused.filter((sector) => interest.includes(sector));
  return both.length > 0
    ? `sectorsRefused and sectorsOfInterest both contain ${both.join(', ')}: a sector can be one or the other`
    : null;
}

export const COMMUTE_REQUIRED =
  'give maxCommuteKm or maxCommuteMinutes (or both): matching needs a travel limit';

/**
 * Rules across fields on the whole profile (after a partial update is merged), named per field
 * so the answer is the same 400 as for a bad request body.
 */
export function profileRuleErrors(profile: ProfileShape): FieldError[] {
  const errors: FieldError[] = [];
  const hours = hoursProblem(profile.hoursMin, profile.hoursMax);
  if (hours) errors.push({ field: 'hoursMax', problems: [hours] });
  if (profile.maxCommuteKm === null && profile.maxCommuteMinutes === null) {
    errors.push({ field: 'maxCommuteKm', problems: [COMMUTE_REQUIRED] });
  }
  const overlap = sectorOverlapProblem(profile.sectorsOfInterest, profile.sectorsRefused);
  if (overlap) errors.push({ field: 'sectorsRefused', problems: [overlap] });
  return errors;
}

/** Values that occur more than once under `key`, for "no duplicate language" style rules. */
export function duplicateKeys<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
}
