/**
 * Calendar dates as `YYYY-MM-DD` strings (PostgreSQL `date` columns), with the arithmetic the
 * trial placement and outcome rules need. Days are counted in the proleptic calendar, with no
 * time of day or zone involved; "today" is the Dutch calendar day.
 */
const DAY_MS = 24 * 3600 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a date as YYYY-MM-DD: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar months later; the day is clamped to a shorter month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const start = new Date(toUtc(date));
  const index = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

const dutchDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Dutch calendar day of an instant. */
export function dutchDate(instant: Date = new Date()): string {
  return dutchDay.format(instant);
}

const dutchHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: 'numeric',
  hourCycle: 'h23',
});

/** 09:00 Dutch time on that day (CET or CEST): when a date-based follow-up falls due. */
export function dutchMorning(date: string): Date {
  return dutchTime(date, 9);
}

/** That wall-clock time in the Netherlands (CET or CEST) on that day. */
export function dutchTime(date: string, hour: number, minute = 0): Date {
  const guess = toUtc(date) + ((hour - 1) * 60 + minute) * 60 * 1000;
  const shown = Number(dutchHour.format(new Date(guess)));
  const correction = ((hour - shown + 36) % 24) - 12;
  return new Date(guess + correction * 3600 * 1000);
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2027-03-01" -> "1 maart 2027" */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
