import { addDays, addMonths } from '../../infra/time/calendar-dates';

/** A trial placement usually lasts two months and never more than six in total. */
export const TRIAL_DEFAULT_MONTHS = 2;
export const TRIAL_MAX_MONTHS = 6;
/** The mid-way evaluation is due at the end of week 4. */
export const MIDWAY_EVALUATION_DAYS = 28;
/** The employer's decision is due one week before the last day. */
export const DECISION_DAYS_BEFORE_END = 7;

/** End dates are the last day of the trial (inclusive): 1 March + 2 months ends on 30 April. */
export function defaultTrialEnd(startDate: string): string {
  return addDays(addMonths(startDate, TRIAL_DEFAULT_MONTHS), -1);
}

export function latestTrialEnd(startDate: string): string {
  return addDays(addMonths(startDate, TRIAL_MAX_MONTHS), -1);
}

/** Null when the end date fits the start date and the six-month cap. */
export function trialEndProblem(startDate: string, endDate: string): string | null {
  if (endDate < startDate) {
    return `endDate (${endDate}) must be on or after startDate (${startDate})`;
  }
  const latest = latestTrialEnd(startDate);
  if (endDate > latest) {
    return `a trial placement lasts at most ${TRIAL_MAX_MONTHS} months in total: from ${startDate} the last day can be ${latest} at the latest`;
  }
  return null;
}

export interface TrialSchedule {
  midwayEvaluationDue: string;
  decisionDue: string;
  lastDay: string;
}

/** The dates the follow-ups and the API show; the decision is never due before the start. */
export function trialSchedule(trial: { startDate: string; endDate: string }): TrialSchedule {
  const decisionDue = addDays(trial.endDate, -DECISION_DAYS_BEFORE_END);
  return {
    midwayEvaluationDue: addDays(trial.startDate, MIDWAY_EVALUATION_DAYS),
    decisionDue: decisionDue < trial.startDate ? trial.startDate : decisionDue,
    lastDay: trial.endDate,
  };
}
