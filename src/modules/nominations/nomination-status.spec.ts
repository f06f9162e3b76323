import { transitionFieldErrors } from './nomination-rules';
import {
  isEndingWithoutHire,
  NOMINATION_STATUSES,
  NOMINATION_TRANSITIONS,
  nominationTransitionProblem,
  OPEN_NOMINATION_STATUSES,
} from './nomination-status';

const ALLOWED: Record<string, string[]> = {
  draft: ['proposed', 'withdrawn'],
  proposed: ['interview-planned', 'rejected', 'withdrawn'],
  'interview-planned': ['interview-planned', 'trial-placement', 'hired', 'rejected', 'withdrawn'],
  'trial-placement': ['hired', 'not-hired', 'withdrawn'],
  hired: [],
  'not-hired': [],
  rejected: [],
  withdrawn: [],
};

describe('nomination state machine', () => {
  const pairs = NOMINATION_STATUSES.flatMap((from) =>
    NOMINATION_STATUSES.map((to) => [from, to] as const),
  );

  it.each(pairs)('%s -> %s', (from, to) => {
    const problem = nominationTransitionProblem(from, to);
    if (ALLOWED[from].includes(to)) {
      expect(problem).toBeNull();
    } else if (ALLOWED[from].length === 0) {
      expect(problem).toBe(
        `A nomination that is ${from} is final and cannot become ${to}; create a new nomination instead`,
      );
    } else {
      expect(problem).toBe(
        `A nomination that is ${from} cannot become ${to}; from ${from} it can become ${ALLOWED[from].join(', ')}`,
      );
    }
  });

  it('is the documented table, with the open statuses being those with moves', () => {
    expect(NOMINATION_TRANSITIONS).toEqual(ALLOWED);
    expect(OPEN_NOMINATION_STATUSES).toEqual([
      'draft',
      'proposed',
      'interview-planned',
      'trial-placement',
    ]);
    expect(NOMINATION_STATUSES.filter(isEndingWithoutHire)).toEqual([
      'not-hired',
      'rejected',
      'withdrawn',
    ]);
  });
});

describe('what a move must carry', () => {
  const today = '2026-03-01';
  const fields = (dto: Parameters<typeof transitionFieldErrors>[0]) =>
    transitionFieldErrors(dto, today).map((e) => e.field);

  it.each(['rejected', 'withdrawn', 'not-hired'] as const)(
    'needs reason and reasonText to become %s',
    (to) => {
      expect(fields({ to })).toEqual(['reason', 'reasonText']);
      expect(fields({ to, reason: 'skills-gap', reasonText: '' })).toEqual(['reasonText']);
      expect(fields({ to, reason: 'skills-gap', reasonText: 'geen heftruckcertificaat' })).toEqual(
        [],
      );
    },
  );

  it('refuses a reason on moves that are not endings without a hire', () => {
    expect(fields({ to: 'proposed', reason: 'other', reasonText: 'x' })).toEqual([
      'reason',
      'reasonText',
    ]);
  });

  it('needs interviewAt, trialPlacement or placement for their moves, and only there', () => {
    expect(fields({ to: 'interview-planned' })).toEqual(['interviewAt']);
    expect(fields({ to: 'trial-placement' })).toEqual(['trialPlacement']);
    expect(fields({ to: 'hired' })).toEqual(['placement']);
    expect(fields({ to: 'proposed', interviewAt: '2026-03-10T10:00:00Z' })).toEqual([
      'interviewAt',
    ]);
  });

  const trial = {
    startDate: '2026-03-02',
    hoursPerWeek: 24,
    supervisorName: 'Jan Smit',
    supervisorRole: 'teamleider',
    employerIntentToOffer: true,
    employerIntentDate: '2026-02-20',
  };

  it('caps a trial placement at six months and wants the intent stated by today', () => {
    expect(fields({ to: 'trial-placement', trialPlacement: trial })).toEqual([]);
    expect(
      fields({ to: 'trial-placement', trialPlacement: { ...trial, endDate: '2026-09-02' } }),
    ).toEqual(['trialPlacement.endDate']);
    expect(
      fields({
        to: 'trial-placement',
        trialPlacement: { ...trial, employerIntentDate: '2026-03-02' },
      }),
    ).toEqual(['trialPlacement.employerIntentDate']);
  });

  it('wants an end date for fixed-term contracts and none for permanent ones', () => {
    const placement = { startDate: '2026-03-02', hoursPerWeek: 24 };
    expect(
      fields({ to: 'hired', placement: { ...placement, contractType: 'fixed-term' } }),
    ).toEqual(['placement.endDate']);
    expect(
      fields({
        to: 'hired',
        placement: { ...placement, contractType: 'permanent', endDate: '2026-09-01' },
      }),
    ).toEqual(['placement.endDate']);
    expect(fields({ to: 'hired', placement: { ...placement, contractType: 'permanent' } })).toEqual(
      [],
    );
    expect(
      fields({
        to: 'hired',
        placement: { ...placement, startDate: '2028-01-01', contractType: 'permanent' },
      }),
    ).toEqual(['placement.startDate']);
  });
});
