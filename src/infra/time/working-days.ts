/**
 * Working days in the Netherlands: Monday to Friday, without the national holidays
 * (Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Koningsdag, Bevrijdingsdag in
 * lustrum years, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag).
 *
 * Dates are judged by their calendar day in Europe/Amsterdam (a follow-up at 09:00 Dutch time
 * is on that Dutch day, whatever the server's time zone); the time of day is kept.
 */

const DAY_MS = 24 * 3600 * 1000;
const ZONE = 'Europe/Amsterdam';

/** Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher) as [month 1-12, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/** A calendar day as a UTC-midnight timestamp (for day arithmetic only). */
const dayKey = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day);

const holidayCache = new Map<number, Map<number, string>>();

/** The Dutch national holidays of a year: day key -> name. */
export function dutchHolidays(year: number): Map<number, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const [em, ed] = easterSunday(year);
  const easter = dayKey(year, em, ed);
  const kingsDay = dayKey(year, 4, 27);
  const holidays = new Map<number, string>([
    [dayKey(year, 1, 1), 'Nieuwjaarsdag'],
    [easter - 2 * DAY_MS, 'Goede Vrijdag'],
    [easter, 'Eerste Paasdag'],
    [easter + DAY_MS, 'Tweede Paasdag'],
    // on a Sunday, Koningsdag moves to Saturday the 26th
    [new Date(kingsDay).getUTCDay() === 0 ? kingsDay - DAY_MS : kingsDay, 'Koningsdag'],
    [easter + 39 * DAY_MS, 'Hemelvaartsdag'],
    [easter + 49 * DAY_MS, 'Eerste Pinksterdag'],
    [easter + 50 * DAY_MS, 'Tweede Pinksterdag'],
    [dayKey(year, 12, 25), 'Eerste Kerstdag'],
    [dayKey(year, 12, 26), 'Tweede Kerstdag'],
  ]);
  if (year % 5 === 0) holidays.set(dayKey(year, 5, 5), 'Bevrijdingsdag');
  holidayCache.set(year, holidays);
  return holidays;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(date: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(date))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts as unknown as LocalParts;
}

/** The instant of a Dutch local wall-clock time (handles the CET/CEST switch). */
function fromLocal(parts: LocalParts, ms: number): Date {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    ms,
  );
  // the offset at the guessed instant, then once more at the corrected one
  let instant = wall - offsetMs(new Date(wall));
  instant = wall - offsetMs(new Date(instant));
  return new Date(instant);
}

function offsetMs(date: Date): number {
  const p = localParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** True when the date's Dutch calendar day is a working day (Mon-Fri, not a holiday). */
export function isWorkingDay(date: Date): boolean {
  const p = localParts(date);
  return isWorkingDayKey(dayKey(p.year, p.month, p.day));
}

function isWorkingDayKey(key: number): boolean {
  const weekday = new Date(key).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !dutchHolidays(new Date(key).getUTCFullYear()).has(key);
}

/**
 * `days` working days after `from` (or before, when negative), at the same Dutch time of day.
 * Starting on a weekend or holiday counts from that day: Saturday + 1 is Monday.
 * `addWorkingDays(d, 0)` returns `d` unchanged.
 */
export function addWorkingDays(from: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  if (Number.isNaN(from.getTime())) throw new RangeError('from is not a valid date');
  if (days === 0) return new Date(from.getTime());
  const p = localParts(from);
  let key = dayKey(p.year, p.month, p.day);
  const step = days > 0 ? DAY_MS : -DAY_MS;
  for (let left = Math.abs(days); left > 0;) {
    key += step;
    if (isWorkingDayKey(key)) left--;
  }
  const target = new Date(key);
  return fromLocal(
    {
      ...p,
      year: target.getUTCFullYear(),
      month: target.getUTCMonth() + 1,
      day: target.getUTCDate(),
    },
    from.getUTCMilliseconds(),
  );
}
