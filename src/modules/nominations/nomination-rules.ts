import { FieldError } from '../../infra/http/validation';
import { addMonths } from '../../infra/time/calendar-dates';
import { trialEndProblem } from '../placements/trial-placement-rules';
import { NominationTransitionDto } from './dto/nomination.dto';
import { NOMINATION_REASON_CODES } from './nomination-reasons';
import { ENDINGS_WITHOUT_HIRE, isEndingWithoutHire } from './nomination-status';

/** Dates entered for a trial or a hire lie within a year of today (a typing error otherwise). */
export const DATE_WINDOW_MONTHS = 12;

export type TransitionFields = Pick<
  NominationTransitionDto,
  'to' | 'reason' | 'reasonText' | 'interviewAt' | 'trialPlacement' | 'placement'
>;

class Problems {
  readonly list: FieldError[] = [];
  add(field: string, problem: string): void {
    const existing = this.list.find((error) => error.field === field);
    if (existing) existing.problems.push(problem);
    else this.list.push({ field, problems: [problem] });
  }
}

function withinWindow(problems: Problems, field: string, date: string, today: string): void {
  const earliest = addMonths(today, -DATE_WINDOW_MONTHS);
  const latest = addMonths(today, DATE_WINDOW_MONTHS);
  if (date < earliest || date > latest) {
    problems.add(
      field,
      `${field} must lie between ${earliest} and ${latest} (within a year of today)`,
    );
  }
}

/**
 * What the body of a move must and must not carry for its target status, every problem named by
 * field (400). Whether the move itself is allowed is the state machine's question (409).
 */
export function transitionFieldErrors(dto: TransitionFields, today: string): FieldError[] {
  const problems = new Problems();
  const { to } = dto;
  const endings = ENDINGS_WITHOUT_HIRE.join(', ');
  if (isEndingWithoutHire(to)) {
    if (dto.reason === undefined) {
      problems.add(
        'reason',
        `reason is required when a nomination becomes ${to}: one of ${NOMINATION_REASON_CODES.join(', ')}`,
      );
    }
    if (!dto.reasonText) {
      problems.add(
        'reasonText',
        `reasonText is required when a nomination becomes ${to}: say in a few words what happened; the klantmanager reads it`,
      );
    }
  } else {
    if (dto.reason !== undefined) {
      problems.add('reason', `reason is only for endings without a hire (${endings}); use note`);
    }
    if (dto.reasonText !== undefined) {
      problems.add(
        'reasonText',
        `reasonText is only for endings without a hire (${endings}); use note`,
      );
    }
  }

  if (to === 'interview-planned' && dto.interviewAt === undefined) {
    problems.add('interviewAt', 'interviewAt is required to plan an interview: the date and time');
  } else if (to !== 'interview-planned' && dto.interviewAt !== undefined) {
    problems.add('interviewAt', 'interviewAt is only for to=interview-planned');
  }

  if (to === 'trial-placement') {
    const trial = dto.trialPlacement;
    if (!trial) {
      problems.add(
        'trialPlacement',
        'trialPlacement is required to start a trial placement: startDate, hoursPerWeek, supervisorName, supervisorRole, employerIntentToOffer (true) and employerIntentDate',
      );
    } else {
      withinWindow(problems, 'trialPlacement.startDate', trial.startDate, today);
      if (trial.endDate !== undefined) {
        const problem = trialEndProblem(trial.startDate, trial.endDate);
        if (problem) problems.add('trialPlacement.endDate', problem);
      }
      if (trial.employerIntentDate > today) {
        problems.add(
          'trialPlacement.employerIntentDate',
          'trialPlacement.employerIntentDate is when the employer stated the intention: today or earlier',
        );
      }
    }
  } else if (dto.trialPlacement !== undefined) {
    problems.add('trialPlacement', 'trialPlacement is only for to=trial-placement');
  }

  if (to === 'hired') {
    const placement = dto.placement;
    if (!placement) {
      problems.add(
        'placement',
        'placement is required for a hire: startDate, hoursPerWeek, contractType and, for a fixed-term contract, endDate',
      );
    } else {
      withinWindow(problems, 'placement.startDate', placement.startDate, today);
      if (placement.contractType === 'fixed-term' && placement.endDate === undefined) {
        problems.add(
          'placement.endDate',
          'placement.endDate is required for a fixed-term contract',
        );
      }
      if (placement.contractType === 'permanent' && placement.endDate !== undefined) {
        problems.add(
          'placement.endDate',
          'a permanent contract has no end date; leave placement.endDate out (end a placement with POST /placements/{id}/end)',
        );
      }
      if (placement.endDate !== undefined && placement.endDate < placement.startDate) {
        problems.add(
          'placement.endDate',
          'placement.endDate must be on or after placement.startDate',
        );
      }
    }
  } else if (dto.placement !== undefined) {
    problems.add('placement', 'placement is only for to=hired');
  }
  return problems.list;
}
