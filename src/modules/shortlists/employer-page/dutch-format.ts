import { formatDate } from '../../../infra/time/calendar-dates';

const amsterdamParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: string): Record<string, string> | null {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(amsterdamParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2027-01-04" -> "4 januari 2027" */
export function dutchDate(isoDate: string): string {
  return formatDate(isoDate);
}

/** An ISO timestamp as Dutch wall-clock time: "10 december 2026 om 10:00". */
export function dutchDateTime(instant: string): string {
  const p = parts(instant);
  if (!p) return instant;
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} om ${p.hour}:${p.minute}`;
}

/** "Geldig tot en met 4 januari 2027" (the last day the link works). */
export function validUntil(expiresOn: string): string {
  return `geldig tot en met ${dutchDate(expiresOn)}`;
}
