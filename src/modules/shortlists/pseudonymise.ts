/**
 * Candidate facts as the employer sees them: a letter instead of a name, bands instead of years,
 * kilometres and dates, every text in Dutch. Bands are deliberately coarse: ten years of
 * experience and thirty read the same ("10+ jaar"), so experience does not give age away.
 */
import { formatDate } from '../../infra/time/calendar-dates';
import type { SkillSource } from '../candidates/candidate.entity';
import type { ExperienceLine } from './employer-shortlist-view';

const ISO_DATE = /^(\d{4})-\d{2}-\d{2}$/;

function isoDate(date: string, what: string): string {
  const day = date.slice(0, 10);
  if (!ISO_DATE.test(day)) throw new RangeError(`${what} is not a date as YYYY-MM-DD: ${date}`);
  return day;
}

function checkAmount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a number of 0 or more, not ${value}`);
  }
}

/** 0 -> "Kandidaat A", 25 -> "Kandidaat Z", 26 -> "Kandidaat AA", 27 -> "Kandidaat AB", 702 -> "Kandidaat AAA" */
export function candidateLabel(index: number): string {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`a candidate's index must be a whole number of 0 or more, not ${index}`);
  }
  // Spreadsheet columns: A..Z, AA..AZ, BA..ZZ, AAA..
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `Kandidaat ${letters}`;
}

/** Years of experience as a band; 10 years and more is one band ("10+ jaar"). */
export function experienceBand(years: number): string {
  checkAmount(years, 'years of experience');
  if (years < 1) return 'minder dan 1 jaar';
  if (years < 2) return '1 tot 2 jaar';
  if (years < 5) return '2 tot 5 jaar';
  if (years < 10) return '5 tot 10 jaar';
  return '10+ jaar';
}

/**
 * Worked in it during the last five calendar years: this year and the four before
 * (on any day in 2026: 2022 to 2026). A year after today's counts as recent too.
 */
export function isRecent(lastYearWorked: number, today: string): boolean {
  const year = Number(isoDate(today, 'today').slice(0, 4));
  return lastYearWorked >= year - 4;
}

/** The commute as a band, or null when unknown. */
export function distanceBand(km: number | null): string | null {
  if (km === null) return null;
  checkAmount(km, 'a distance');
  if (km < 5) return 'minder dan 5 km';
  if (km < 10) return '5 tot 10 km';
  if (km < 20) return '10 tot 20 km';
  if (km < 40) return '20 tot 40 km';
  return '40 km of meer';
}

/** Dutch decimal comma: 24.5 -> "24,5" */
function dutchNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** "32 uur per week" when min and max are equal, else "24 tot 32 uur per week". */
export function hoursText(min: number, max: number): string {
  checkAmount(min, 'hours');
  checkAmount(max, 'hours');
  if (min > max)
    throw new RangeError(`hours from ${min} to ${max}: the minimum is above the maximum`);
  if (min === max) return `${dutchNumber(max)} uur per week`;
  return `${dutchNumber(min)} tot ${dutchNumber(max)} uur per week`;
}

/** "Direct beschikbaar" when available today or earlier (or no date), else "Beschikbaar vanaf 1 februari 2027". */
export function availabilityText(availableFrom: string | null, today: string): string {
  const day = isoDate(today, 'today');
  if (availableFrom === null) return 'Direct beschikbaar';
  const from = isoDate(availableFrom, 'availableFrom');
  return from <= day ? 'Direct beschikbaar' : `Beschikbaar vanaf ${formatDate(from)}`;
}

/** Where a skill comes from, in Dutch; never the candidate's own words. */
export function skillEvidence(source: SkillSource, occupationLabel: string | null): string {
  switch (source) {
    case 'work': {
      const label = occupationLabel?.trim();
      return label ? `uit werk als ${label}` : 'uit werkervaring';
    }
    case 'hobby':
      return 'uit een hobby';
    case 'volunteer':
      return 'uit vrijwilligerswerk';
    case 'course':
      return 'uit een cursus';
    case 'education':
      return 'uit een opleiding';
  }
}

export interface ExperienceFact {
  /** ESCO occupation, Dutch label */
  occupation: string;
  sector: string | null;
  years: number;
  lastYearWorked: number;
}

/**
 * One line per occupation: years summed (into a band), recent when the latest year worked in it
 * is recent, the sector of the longest stint (the first of equals; a known sector before null).
 * Sorted by total years, most first; equal years: recent first, then by occupation.
 */
export function mergeExperience(lines: ExperienceFact[], today: string): ExperienceLine[] {
  const merged = new Map<
    string,
    {
      occupation: string;
      years: number;
      lastYearWorked: number;
      sector: string | null;
      sectorYears: number;
    }
  >();
  for (const line of lines) {
    checkAmount(line.years, 'years of experience');
    const occupation = line.occupation.trim();
    const entry = merged.get(occupation);
    if (!entry) {
      merged.set(occupation, {
        occupation,
        years: line.years,
        lastYearWorked: line.lastYearWorked,
        sector: line.sector,
        sectorYears: line.sector === null ? -1 : line.years,
      });
      continue;
    }
    entry.years += line.years;
    entry.lastYearWorked = Math.max(entry.lastYearWorked, line.lastYearWorked);
    if (line.sector !== null && line.years > entry.sectorYears) {
      entry.sector = line.sector;
      entry.sectorYears = line.years;
    }
  }
  return [...merged.values()]
    .map((e) => ({ ...e, recent: isRecent(e.lastYearWorked, today) }))
    .sort(
      (a, b) =>
        b.years - a.years ||
        Number(b.recent) - Number(a.recent) ||
        a.occupation.localeCompare(b.occupation, 'nl'),
    )
    .map((e) => ({
      occupation: e.occupation,
      sector: e.sector,
      band: experienceBand(e.years),
      recent: e.recent,
    }));
}
