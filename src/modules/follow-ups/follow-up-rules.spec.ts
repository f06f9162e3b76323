import { actionProblem, snoozeProblem } from './follow-up-rules';

describe('follow-up rules', () => {
  it('allows complete, snooze and cancel on open follow-ups only', () => {
    for (const status of ['scheduled', 'due', 'snoozed'] as const)
      for (const action of ['complete', 'snooze', 'cancel'] as const)
        expect(actionProblem(status, action)).toBeNull();
    expect(actionProblem('done', 'complete')).toMatch(/already done and cannot be completed/);
    expect(actionProblem('cancelled', 'snooze')).toMatch(/cancelled and cannot be snoozed/);
    expect(actionProblem('done', 'cancel')).toMatch(/cannot be cancelled/);
  });

  it('snoozes into the future, at most 90 days', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(snoozeProblem(new Date('2026-11-24T10:00:00Z'), now)).toBeNull();
    expect(snoozeProblem(new Date('2026-11-23T09:00:00Z'), now)).toMatch(/future/);
    expect(snoozeProblem(new Date('2027-03-01T10:00:00Z'), now)).toMatch(/at most 90 days/);
    expect(snoozeProblem(new Date('nonsense'), now)).toMatch(/valid/);
  });
});
