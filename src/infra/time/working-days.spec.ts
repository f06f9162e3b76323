import { addWorkingDays, dutchHolidays, easterSunday, isWorkingDay } from './working-days';

/** A Dutch wall-clock time as an instant (the tests run in any server time zone). */
const nl = (local: string, offset = '+01:00') => new Date(`${local}${offset}`);
const holidayNames = (year: number) =>
  [...dutchHolidays(year)]
    .sort(([a], [b]) => a - b)
    .map(([key, name]) => `${new Date(key).toISOString().slice(0, 10)} ${name}`);

describe('working days', () => {
  it('computes Easter', () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2027)).toEqual([3, 28]);
    expect(easterSunday(2038)).toEqual([4, 25]);
  });

  it('lists the Dutch national holidays, Bevrijdingsdag only in lustrum years', () => {
    expect(holidayNames(2025)).toEqual([
      '2025-01-01 Nieuwjaarsdag',
      '2025-04-18 Goede Vrijdag',
      '2025-04-20 Eerste Paasdag',
      '2025-04-21 Tweede Paasdag',
      '2025-04-26 Koningsdag', // the 27th is a Sunday
      '2025-05-05 Bevrijdingsdag',
      '2025-05-29 Hemelvaartsdag',
      '2025-06-08 Eerste Pinksterdag',
      '2025-06-09 Tweede Pinksterdag',
      '2025-12-25 Eerste Kerstdag',
      '2025-12-26 Tweede Kerstdag',
    ]);
    expect(holidayNames(2026)).toContain('2026-04-27 Koningsdag');
    expect(holidayNames(2026).some((h) => h.includes('Bevrijdingsdag'))).toBe(false);
    expect(holidayNames(2030)).toContain('2030-05-05 Bevrijdingsdag');
  });

  it('skips weekends and keeps the Dutch time of day', () => {
    // Friday 9:00 + 1 = Monday 9:00
    expect(addWorkingDays(nl('2026-11-20T09:00:00'), 1)).toEqual(nl('2026-11-23T09:00:00'));
    // Monday + 5 = next Monday
    expect(addWorkingDays(nl('2026-11-23T14:30:00'), 5)).toEqual(nl('2026-11-30T14:30:00'));
    // Saturday + 1 = Monday
    expect(addWorkingDays(nl('2026-11-21T10:00:00'), 1)).toEqual(nl('2026-11-23T10:00:00'));
    expect(addWorkingDays(nl('2026-11-21T10:00:00'), 0)).toEqual(nl('2026-11-21T10:00:00'));
  });

  it('skips Easter, Koningsdag, Hemelvaart, Pinksteren and Christmas', () => {
    // Thursday 2 April 2026 + 1 = Tuesday 7 April (Goede Vrijdag, weekend, Tweede Paasdag)
    expect(addWorkingDays(nl('2026-04-02T09:00:00', '+02:00'), 1)).toEqual(
      nl('2026-04-07T09:00:00', '+02:00'),
    );
    // Friday 24 April 2026 + 1 = Tuesday 28 April (Koningsdag on Monday 27)
    expect(addWorkingDays(nl('2026-04-24T09:00:00', '+02:00'), 1)).toEqual(
      nl('2026-04-28T09:00:00', '+02:00'),
    );
    // Wednesday 13 May 2026 + 1 = Friday 15 May (Hemelvaartsdag Thursday 14)
    expect(addWorkingDays(nl('2026-05-13T09:00:00', '+02:00'), 1)).toEqual(
      nl('2026-05-15T09:00:00', '+02:00'),
    );
    // Friday 22 May 2026 + 1 = Tuesday 26 May (Tweede Pinksterdag)
    expect(addWorkingDays(nl('2026-05-22T09:00:00', '+02:00'), 1)).toEqual(
      nl('2026-05-26T09:00:00', '+02:00'),
    );
    // Thursday 24 December 2026 + 1 = Monday 28 December; + 5 = Monday 4 January 2027
    expect(addWorkingDays(nl('2026-12-24T09:00:00'), 1)).toEqual(nl('2026-12-28T09:00:00'));
    expect(addWorkingDays(nl('2026-12-24T09:00:00'), 5)).toEqual(nl('2027-01-04T09:00:00'));
  });

  it('skips Bevrijdingsdag in 2025 but not in 2026', () => {
    expect(addWorkingDays(nl('2025-05-02T09:00:00', '+02:00'), 1)).toEqual(
      nl('2025-05-06T09:00:00', '+02:00'),
    );
    expect(addWorkingDays(nl('2026-05-04T09:00:00', '+02:00'), 1)).toEqual(
      nl('2026-05-05T09:00:00', '+02:00'),
    );
  });

  it('keeps 9:00 across the change to summer time', () => {
    // Friday 27 March 2026 09:00 CET + 1 = Monday 30 March 09:00 CEST
    expect(addWorkingDays(nl('2026-03-27T09:00:00', '+01:00'), 1)).toEqual(
      nl('2026-03-30T09:00:00', '+02:00'),
    );
  });

  it('counts backwards too, and judges the Dutch calendar day', () => {
    expect(addWorkingDays(nl('2026-11-23T09:00:00'), -1)).toEqual(nl('2026-11-20T09:00:00'));
    // 00:30 on Saturday in the Netherlands is Friday 23:30 UTC: still a Saturday here
    expect(isWorkingDay(nl('2026-11-21T00:30:00'))).toBe(false);
    expect(isWorkingDay(nl('2026-11-20T23:30:00'))).toBe(true);
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});
