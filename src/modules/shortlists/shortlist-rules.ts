import { addDays } from '../../infra/time/calendar-dates';
import { NOMINATION_REASONS, NominationReason } from '../nominations/nomination-reasons';
import { AnswerKind, ShortlistStatus } from './employer-shortlist-view';

/** Why an employer finds a candidate not suitable: the nomination reasons an employer gives. */
export const NOT_SUITABLE_REASON_CODES = [
  'skills-gap',
  'experience-mismatch',
  'hours-mismatch',
  'schedule-mismatch',
  'distance-travel',
  'language-level',
  'employment-conditions',
  'other-candidate',
  'other',
] as const satisfies readonly NominationReason[];
export type NotSuitableReason = (typeof NOT_SUITABLE_REASON_CODES)[number];

export const NOT_SUITABLE_REASONS = NOT_SUITABLE_REASON_CODES.map((code) => ({
  code,
  label: NOMINATION_REASONS[code],
}));

/** Days a sent shortlist stays open by default, and at most. */
export const DEFAULT_VALID_DAYS = 30;
export const MAX_VALID_DAYS = 90;
/** Working days an employer has to answer before the accountmanager follows up. */
export const SHORTLIST_NO_ANSWER_WORKING_DAYS = 5;
/** Working days the accountmanager has to confirm an invitation or answer a question. */
export const ANSWER_FOLLOW_UP_WORKING_DAYS = 1;
/** An interview is proposed for the coming months, not the past. */
export const INTERVIEW_MAX_DAYS_AHEAD = 180;

/** Answers that decide about a candidate; a question does not. */
export const DECISIVE_ANSWERS: readonly AnswerKind[] = ['invite', 'not-suitable'];

export function isDecisive(kind: AnswerKind): boolean {
  return DECISIVE_ANSWERS.includes(kind);
}

/** Statuses in which the employer can open the shortlist (until it expires). */
export const OPEN_TO_EMPLOYER: readonly ShortlistStatus[] = ['sent', 'answered'];

/**
 * Why the employer cannot open a shortlist now, in Dutch, or null when they can. Only the
 * reason is shown: no data of the shortlist.
 */
export function closedToEmployer(
  shortlist: { status: ShortlistStatus; expiresOn: string },
  today: string,
): { title: string; message: string } | null {
  if (shortlist.status === 'closed') {
    return {
      title: 'Deze shortlist is gesloten',
      message:
        'De accountmanager heeft deze shortlist gesloten. Neem contact op met uw accountmanager als u nog vragen hebt.',
    };
  }
  if (!OPEN_TO_EMPLOYER.includes(shortlist.status)) {
    return {
      title: 'Deze link bestaat niet',
      message:
        'Controleer of u de hele link hebt overgenomen, of vraag uw accountmanager om een nieuwe.',
    };
  }
  if (today > shortlist.expiresOn) {
    return {
      title: 'Deze link is verlopen',
      message:
        'De termijn om deze shortlist te bekijken is voorbij. Vraag uw accountmanager om een nieuwe link als u de kandidaten nog wilt zien.',
    };
  }
  return null;
}

/** The problem with a last day for a shortlist sent on `today`, or null. */
export function expiryProblem(expiresOn: string, today: string): string | null {
  const latest = addDays(today, MAX_VALID_DAYS);
  if (expiresOn < today) return `expiresOn must be today (${today}) or later`;
  if (expiresOn > latest) {
    return `expiresOn may lie at most ${MAX_VALID_DAYS} days ahead (${latest}): personal data is shown for a short time only`;
  }
  return null;
}
