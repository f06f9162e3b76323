import { addDays, daysBetween, minDate } from '../../infra/time/calendar-dates';

/**
 * The research's outcome measures per client, derived from placements (trial placements are
 * not paid work and do not count): work of at least 1 hour a week, work of at least 48 hours a
 * month (hours per week x 52 / 12), and durable work (one placement lasting 26 weeks or more,
 * counted up to today or its last day).
 */
export const DURABLE_WEEKS = 26;
export const DURABLE_DAYS = DURABLE_WEEKS * 7;
export const MIN_HOURS_PER_WEEK = 1;
export const MIN_HOURS_PER_MONTH = 48;

export const MEASURE_LABELS = {
  workOneHourPerWeek: 'Werk van minstens 1 uur per week',
  work48HoursPerMonth: 'Werk van minstens 48 uur per maand',
  durableWork: `Duurzaam werk: ${DURABLE_WEEKS} weken of langer`,
} as const;
export type MeasureKey = keyof typeof MEASURE_LABELS;

export interface PlacementFacts {
  id: string;
  employerId: string;
  employerName: string | null;
  startDate: string;
  /** The contract's end (fixed-term) */
  endDate: string | null;
  /** When the work actually ended */
  endedOn: string | null;
  hoursPerWeek: number;
}

export interface MeasureEvidence {
  placementId: string;
  employerId: string;
  employerName: string | null;
  startDate: string;
  /** The last day counted: the end when it has passed, otherwise today */
  countedUntil: string;
  running: boolean;
  hoursPerWeek: number;
  hoursPerMonth: number;
  weeks: number;
  /** The day this placement met the measure */
  metSince: string;
}

export interface Measure {
  key: MeasureKey;
  label: string;
  achieved: boolean;
  /** A placement meeting it is still running today */
  current: boolean;
  /** The earliest day a placement met it */
  since: string | null;
  evidence: MeasureEvidence[];
}

export function hoursPerMonth(hoursPerWeek: number): number {
  return (hoursPerWeek * 52) / 12;
}

/** The last day of the work when it has ended by `today`, else null (still running). */
export function lastDayWorked(placement: PlacementFacts, today: string): string | null {
  const ends = [placement.endedOn, placement.endDate].filter((d): d is string => d !== null);
  if (ends.length === 0) return null;
  const end = ends.reduce(minDate);
  return end < today ? end : null;
}

function facts(placement: PlacementFacts, today: string) {
  const ended = lastDayWorked(placement, today);
  const countedUntil = ended ?? today;
  const days = daysBetween(placement.startDate, countedUntil) + 1;
  return { countedUntil, running: ended === null, days };
}

export function outcomeMeasures(placements: readonly PlacementFacts[], today: string): Measure[] {
  const started = placements.filter((p) => p.startDate <= today);
  const measure = (
    key: MeasureKey,
    qualifies: (p: PlacementFacts, days: number) => boolean,
    metSince: (p: PlacementFacts) => string,
  ): Measure => {
    const evidence: MeasureEvidence[] = [];
    for (const placement of started) {
      const { countedUntil, running, days } = facts(placement, today);
      if (days <= 0 || !qualifies(placement, days)) continue;
      evidence.push({
        placementId: placement.id,
        employerId: placement.employerId,
        employerName: placement.employerName,
        startDate: placement.startDate,
        countedUntil,
        running,
        hoursPerWeek: placement.hoursPerWeek,
        hoursPerMonth: Math.round(hoursPerMonth(placement.hoursPerWeek) * 10) / 10,
        weeks: Math.floor(days / 7),
        metSince: metSince(placement),
      });
    }
    evidence.sort((a, b) => a.metSince.localeCompare(b.metSince));
    return {
      key,
      label: MEASURE_LABELS[key],
      achieved: evidence.length > 0,
      current: evidence.some((e) => e.running),
      since: evidence[0]?.metSince ?? null,
      evidence,
    };
  };
  return [
    measure(
      'workOneHourPerWeek',
      (p) => p.hoursPerWeek >= MIN_HOURS_PER_WEEK,
      (p) => p.startDate,
    ),
    measure(
      'work48HoursPerMonth',
      (p) => hoursPerMonth(p.hoursPerWeek) >= MIN_HOURS_PER_MONTH,
      (p) => p.startDate,
    ),
    measure(
      'durableWork',
      (p, days) => p.hoursPerWeek >= MIN_HOURS_PER_WEEK && days >= DURABLE_DAYS,
      (p) => addDays(p.startDate, DURABLE_DAYS - 1),
    ),
  ];
}
