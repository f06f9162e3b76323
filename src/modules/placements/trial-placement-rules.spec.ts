import {
  defaultTrialEnd,
  latestTrialEnd,
  trialEndProblem,
  trialSchedule,
} from './trial-placement-rules';

describe('trial placement rules', () => {
  it('lasts two months by default, ending the day before the same date two months on', () => {
    expect(defaultTrialEnd('2026-03-01')).toBe('2026-04-30');
    expect(defaultTrialEnd('2026-12-31')).toBe('2027-02-27');
  });

  it('caps the total at six months', () => {
    expect(latestTrialEnd('2026-03-01')).toBe('2026-08-31');
    expect(trialEndProblem('2026-03-01', '2026-08-31')).toBeNull();
    expect(trialEndProblem('2026-03-01', '2026-09-01')).toMatch(
      /at most 6 months.*2026-08-31 at the latest/,
    );
    expect(trialEndProblem('2026-03-01', '2026-02-28')).toMatch(/on or after startDate/);
  });

  it('plans the mid-way evaluation in week 4 and the decision a week before the end', () => {
    expect(trialSchedule({ startDate: '2026-03-02', endDate: '2026-05-01' })).toEqual({
      midwayEvaluationDue: '2026-03-30',
      decisionDue: '2026-04-24',
      lastDay: '2026-05-01',
    });
    expect(trialSchedule({ startDate: '2026-03-02', endDate: '2026-03-05' }).decisionDue).toBe(
      '2026-03-02',
    );
  });
});
