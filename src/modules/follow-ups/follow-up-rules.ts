import { FollowUpStatus } from './follow-up.entity';

export type FollowUpAction = 'complete' | 'snooze' | 'cancel';

/** From which statuses each action is allowed; done and cancelled are final. */
export const FOLLOW_UP_ACTIONS: Readonly<Record<FollowUpAction, readonly FollowUpStatus[]>> = {
  complete: ['scheduled', 'due', 'snoozed'],
  snooze: ['scheduled', 'due', 'snoozed'],
  cancel: ['scheduled', 'due', 'snoozed'],
};

/** Snoozing further ahead than this is a reschedule, not a snooze: cancel and create one. */
export const MAX_SNOOZE_DAYS = 90;

/** Null when the action is allowed in this status, otherwise why not, in words. */
export function actionProblem(status: FollowUpStatus, action: FollowUpAction): string | null {
  if (FOLLOW_UP_ACTIONS[action].includes(status)) return null;
  const what = status === 'done' ? 'already done' : 'cancelled';
  return `This follow-up is ${what} and cannot be ${action === 'complete' ? 'completed' : action === 'snooze' ? 'snoozed' : 'cancelled'} any more; create a new follow-up if something is still to be done`;
}

/** Null when `until` is a valid snooze time at `now`, otherwise why not. */
export function snoozeProblem(until: Date, now: Date): string | null {
  if (Number.isNaN(until.getTime())) return 'until must be a valid date-time';
  if (until.getTime() <= now.getTime()) return 'until must be in the future';
  if (until.getTime() > now.getTime() + MAX_SNOOZE_DAYS * 24 * 3600 * 1000)
    return `until may be at most ${MAX_SNOOZE_DAYS} days ahead; cancel this follow-up and create a new one for a later date`;
  return null;
}
