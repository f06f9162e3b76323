import { noProgressFollowUp, outcomeNotice, unansweredFollowUp } from './jobhunting-follow-ups';

describe('jobhunting follow-ups', () => {
  // Thursday 20 November 2025, 10:00 in Amsterdam
  const thursday = new Date('2025-11-20T09:00:00Z');

  it('asks after an unanswered request 2 working days later, over the weekend', () => {
    const planned = unansweredFollowUp(thursday, true);
    expect(planned.kind).toBe('jobhunting-unanswered');
    expect(planned.dueAt.toISOString()).toBe('2025-11-24T09:00:00.000Z');
    expect(planned.details).toMatch(/na toewijzing nog niet geaccepteerd/);
    expect(unansweredFollowUp(thursday, false).details).toMatch(/nog geen accountmanager/);
  });

  it('asks after progress 10 working days after the last progress', () => {
    const planned = noProgressFollowUp(thursday);
    expect(planned.kind).toBe('jobhunting-no-progress');
    expect(planned.dueAt.toISOString()).toBe('2025-12-04T09:00:00.000Z');
  });

  it('skips Christmas and New Year', () => {
    // Tuesday 23 December 2025: 25 and 26 December and 1 January are holidays
    expect(noProgressFollowUp(new Date('2025-12-23T09:00:00Z')).dueAt.toISOString()).toBe(
      '2026-01-09T09:00:00.000Z',
    );
  });

  it('tells the outcome in Dutch without naming the client', () => {
    expect(outcomeNotice('placed', null, 'accountmanager')).toEqual({
      title: 'Jobhuntverzoek afgerond: klant geplaatst',
      details: expect.stringContaining('De accountmanager heeft het jobhuntverzoek afgerond'),
    });
    const closed = outcomeNotice('closed', 'Klant heeft zelf werk gevonden', 'klantmanager');
    expect(closed.title).toBe('Jobhuntverzoek gesloten: Klant heeft zelf werk gevonden');
    expect(closed.details).toMatch(/^De klantmanager heeft het jobhuntverzoek gesloten/);
  });
});
