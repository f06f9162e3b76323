import {
  addDays,
  addMonths,
  daysBetween,
  dutchDate,
  dutchMorning,
  dutchTime,
} from './calendar-dates';

describe('calendar dates', () => {
  it('adds days and months, clamping to the end of a shorter month', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-07-02')).toBe(182);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the switch to summer time
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('puts date-based follow-ups at 09:00 Dutch time in winter and summer', () => {
    expect(dutchMorning('2026-01-15').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(dutchMorning('2026-07-15').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(dutchDate(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
  });
});

describe('dutchTime', () => {
  it('is the wall-clock time in the Netherlands, winter (CET) and summer (CEST)', () => {
    expect(dutchTime('2027-01-14', 10, 30).toISOString()).toBe('2027-01-14T09:30:00.000Z');
    expect(dutchTime('2027-07-14', 10, 30).toISOString()).toBe('2027-07-14T08:30:00.000Z');
  });

  it('handles the first and last hour of the day', () => {
    expect(dutchTime('2027-01-14', 0).toISOString()).toBe('2027-01-13T23:00:00.000Z');
    expect(dutchTime('2027-07-14', 23, 45).toISOString()).toBe('2027-07-14T21:45:00.000Z');
  });
});
