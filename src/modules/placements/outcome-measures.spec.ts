import { lastDayWorked, outcomeMeasures, PlacementFacts } from './outcome-measures';

const base: PlacementFacts = {
  id: 'p1',
  employerId: 'e1',
  employerName: 'Testlogistiek',
  startDate: '2026-01-05',
  endDate: null,
  endedOn: null,
  hoursPerWeek: 24,
};

const byKey = (placements: PlacementFacts[], today: string) =>
  Object.fromEntries(outcomeMeasures(placements, today).map((m) => [m.key, m]));

describe('outcome measures', () => {
  it('has none without placements, and none for a placement that has not started', () => {
    const none = byKey([{ ...base, startDate: '2026-02-01' }], '2026-01-20');
    expect(Object.values(none).map((m) => m.achieved)).toEqual([false, false, false]);
  });

  it('counts 1 hour a week from the start; 48 hours a month from 12 hours a week (11 is 47.7)', () => {
    const eleven = byKey([{ ...base, hoursPerWeek: 11 }], '2026-01-05');
    expect(eleven.workOneHourPerWeek).toMatchObject({
      achieved: true,
      current: true,
      since: '2026-01-05',
    });
    expect(eleven.work48HoursPerMonth.achieved).toBe(false);
    const twelve = byKey([{ ...base, hoursPerWeek: 12 }], '2026-01-05');
    expect(twelve.work48HoursPerMonth).toMatchObject({ achieved: true, since: '2026-01-05' });
    expect(twelve.work48HoursPerMonth.evidence[0]).toMatchObject({ hoursPerMonth: 52 });
  });

  it('calls work durable from 26 weeks (182 days), counted up to today', () => {
    expect(byKey([base], '2026-07-04').durableWork.achieved).toBe(false); // day 181
    const durable = byKey([base], '2026-07-05').durableWork; // day 182
    expect(durable).toMatchObject({ achieved: true, current: true, since: '2026-07-05' });
    expect(durable.evidence[0]).toMatchObject({ placementId: 'p1', weeks: 26, running: true });
  });

  it('counts an ended placement up to its last day, and keeps the achievement after it ended', () => {
    const short = { ...base, endedOn: '2026-06-30' };
    expect(byKey([short], '2026-12-01').durableWork.achieved).toBe(false);
    const long = { ...base, endDate: '2026-07-31' };
    const measures = byKey([long], '2026-12-01');
    expect(measures.durableWork).toMatchObject({ achieved: true, current: false });
    expect(measures.workOneHourPerWeek).toMatchObject({ achieved: true, current: false });
    expect(measures.durableWork.evidence[0]).toMatchObject({ countedUntil: '2026-07-31' });
  });

  it('takes the earliest of the contract end and the actual end', () => {
    expect(
      lastDayWorked({ ...base, endDate: '2026-06-30', endedOn: '2026-03-01' }, '2026-12-01'),
    ).toBe('2026-03-01');
    expect(lastDayWorked({ ...base, endDate: '2027-06-30' }, '2026-12-01')).toBeNull();
  });

  it('lists every qualifying placement as evidence, the earliest first', () => {
    const measures = byKey(
      [
        { ...base, id: 'late', startDate: '2026-03-01', hoursPerWeek: 8 },
        { ...base, id: 'early', startDate: '2026-01-05', endedOn: '2026-02-01', hoursPerWeek: 4 },
      ],
      '2026-04-01',
    );
    expect(measures.workOneHourPerWeek.evidence.map((e) => e.placementId)).toEqual([
      'early',
      'late',
    ]);
    expect(measures.workOneHourPerWeek).toMatchObject({ since: '2026-01-05', current: true });
    expect(measures.work48HoursPerMonth.achieved).toBe(false);
  });
});
