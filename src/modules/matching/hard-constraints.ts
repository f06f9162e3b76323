import {
  CERTIFICATES,
  DRIVING_LICENCE_LABELS,
  DrivingLicence,
  PhysicalLoad,
  PHYSICAL_LOAD_LABELS,
  Shift,
} from '../taxonomy/reference-lists';
import { sectorLabel } from '../taxonomy/sectors';
import { distanceKm } from '../../infra/search/search-text';
import { formatDate } from '../../infra/time/calendar-dates';

/** Used when a profile leaves the maximum commute open: a reasonable daily commute by bike or bus. */
export const DEFAULT_MAX_COMMUTE_KM = 25;

/** Certificates that a short course (days, paid from the maatwerkbudget) brings within reach. */
export const SHORT_COURSE_CERTIFICATES: ReadonlySet<string> = new Set([
  'vca-basis',
  'vca-vol',
  'heftruck',
  'reachtruck',
  'epm-pallettruck',
  'bhv',
  'ehbo',
  'haccp',
  'sociale-hygiene',
  'svh-barista',
  'digitale-vaardigheden',
]);

export const CONSTRAINTS = [
  'hours',
  'distance',
  'certificate',
  'drivingLicence',
  'workCapacity',
  'refusedSector',
  'availability',
] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

export interface Point {
  lat: number;
  lng: number;
}

/** What the hard constraints read of a candidate profile. */
export interface CandidateFacts {
  hoursMin: number;
  hoursMax: number;
  home: Point | null;
  maxCommuteKm: number | null;
  certificates: readonly string[];
  drivingLicences: readonly string[];
  workCapacity: PhysicalLoad;
  sectorsRefused: readonly string[];
  /** ISO date or null (available now) */
  availableFrom: string | null;
}

/** What the hard constraints read of a vacancy. */
export interface VacancyFacts {
  hoursMin: number;
  hoursMax: number;
  location: Point | null;
  certificates: readonly string[];
  drivingLicences: readonly string[];
  physicalDemands: PhysicalLoad;
  shifts: readonly Shift[];
  sector: string;
  /** ISO date or null (as soon as possible) */
  startDate: string | null;
}

export interface FailedConstraint {
  constraint: Constraint;
  /** In Dutch, what would make it fit: "zou passen als de werkgever 24 uur per week accepteert". */
  message: string;
  /** True when a short course (from the maatwerkbudget) could lift it, e.g. a VCA certificate. */
  bridgeable: boolean;
}

export interface ConstraintCheck {
  failed: FailedConstraint[];
  /** Home to work, when both points are known. */
  distanceKm: number | null;
}

const MINUTE_LIMITS = ['standingMinutes', 'sittingMinutes', 'walkingMinutes'] as const;

type Problem = Omit<FailedConstraint, 'constraint'>;

/** One hard constraint: a cheap test (run on every profile) and the problems in words. */
interface Rule {
  constraint: Constraint;
  fails(candidate: CandidateFacts, vacancy: VacancyFacts, distance: number | null): boolean;
  problems(candidate: CandidateFacts, vacancy: VacancyFacts, distance: number | null): Problem[];
}

const problem = (message: string, bridgeable = false): Problem => ({ message, bridgeable });

const maxCommuteKm = (candidate: CandidateFacts) =>
  candidate.maxCommuteKm ?? DEFAULT_MAX_COMMUTE_KM;

function missing(have: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((code) => !have.includes(code));
}

/** Plain loops: these run for every profile in the first pass of matching. */
function lacksAny(have: readonly string[], wanted: readonly string[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (!have.includes(wanted[i])) return true;
  return false;
}

function hasLimits(capacity: PhysicalLoad): boolean {
  return (
    capacity.standingMinutes !== undefined ||
    capacity.sittingMinutes !== undefined ||
    capacity.walkingMinutes !== undefined ||
    capacity.liftingKg !== undefined ||
    capacity.nightWork !== undefined
  );
}

const LOAD_LIMITS = [...MINUTE_LIMITS, 'liftingKg'] as const;

/**
 * Whether the work asks more than the work-capacity limits allow; `report` gets each problem in
 * words. Health-derived: the words name the kind of load, never the limit itself.
 */
function exceedsCapacity(
  capacity: PhysicalLoad,
  vacancy: VacancyFacts,
  report?: (message: string) => void,
): boolean {
  const demands = vacancy.physicalDemands;
  let exceeded = false;
  for (const key of LOAD_LIMITS) {
    const limit = capacity[key];
    const demand = demands[key];
    if (limit !== undefined && demand !== undefined && demand > limit) {
      exceeded = true;
      report?.(`het werk vraagt meer dan de belastbaarheid toelaat: ${PHYSICAL_LOAD_LABELS[key]}`);
    }
  }
  if (
    capacity.nightWork === false &&
    (demands.nightWork === true || vacancy.shifts.includes('night'))
  ) {
    exceeded = true;
    report?.('het werk vraagt nachtdiensten, die passen niet bij de belastbaarheid');
  }
  return exceeded;
}

const RULES: Rule[] = [
  {
    constraint: 'hours',
    fails: (c, v) => c.hoursMax < v.hoursMin || c.hoursMin > v.hoursMax,
    problems: (c, v) => [
      problem(
        c.hoursMax < v.hoursMin
          ? `zou passen als de werkgever ${c.hoursMax} uur per week accepteert (vraagt ${v.hoursMin}-${v.hoursMax})`
          : `zou passen bij ${c.hoursMin} uur per week of meer (de baan biedt ${v.hoursMin}-${v.hoursMax})`,
      ),
    ],
  },
  {
    constraint: 'distance',
    fails: (c, _v, distance) => distance !== null && distance > maxCommuteKm(c),
    problems: (c, _v, distance) => [
      problem(`woont ${formatKm(distance!)} van het werk, reist maximaal ${maxCommuteKm(c)} km`),
    ],
  },
  {
    constraint: 'certificate',
    fails: (c, v) => lacksAny(c.certificates, v.certificates),
    problems: (c, v) =>
      missing(c.certificates, v.certificates).map((code) => {
        const name = CERTIFICATES[code] ?? code;
        return SHORT_COURSE_CERTIFICATES.has(code)
          ? problem(`mist ${name}; te halen met een korte cursus (maatwerkbudget)`, true)
          : problem(`mist ${name}`);
      }),
  },
  {
    constraint: 'drivingLicence',
    fails: (c, v) => lacksAny(c.drivingLicences, v.drivingLicences),
    problems: (c, v) =>
      missing(c.drivingLicences, v.drivingLicences).map((code) =>
        problem(`mist ${DRIVING_LICENCE_LABELS[code as DrivingLicence] ?? `rijbewijs ${code}`}`),
      ),
  },
  {
    constraint: 'workCapacity',
    fails: (c, v) => hasLimits(c.workCapacity) && exceedsCapacity(c.workCapacity, v),
    problems: (c, v) => {
      const found: Problem[] = [];
      exceedsCapacity(c.workCapacity, v, (message) => found.push(problem(message)));
      return found;
    },
  },
  {
    constraint: 'refusedSector',
    fails: (c, v) => c.sectorsRefused.includes(v.sector),
    problems: (_c, v) => [
      problem(`wil niet werken in de sector ${sectorLabel(v.sector).toLowerCase()}`),
    ],
  },
  {
    constraint: 'availability',
    fails: (c, v) => !!c.availableFrom && !!v.startDate && c.availableFrom > v.startDate,
    problems: (c, v) => [
      problem(
        `beschikbaar vanaf ${formatDate(c.availableFrom!)}, de baan begint ${formatDate(v.startDate!)}`,
      ),
    ],
  },
];

export function commuteKm(candidate: CandidateFacts, vacancy: VacancyFacts): number | null {
  return candidate.home && vacancy.location ? distanceKm(candidate.home, vacancy.location) : null;
}

/**
 * The hard constraints a candidate fails as a bit mask (bit i = CONSTRAINTS[i]): the cheap test
 * run on every profile in the first pass of matching.
 */
export function failedMask(candidate: CandidateFacts, vacancy: VacancyFacts): number {
  const distance = commuteKm(candidate, vacancy);
  let mask = 0;
  for (let i = 0; i < RULES.length; i++) {
    if (RULES[i].fails(candidate, vacancy, distance)) mask |= 1 << i;
  }
  return mask;
}

/** The constraints in a mask from failedMask. */
export function maskConstraints(mask: number): Constraint[] {
  return RULES.filter((_rule, i) => mask & (1 << i)).map((rule) => rule.constraint);
}

/**
 * The hard constraints of a match, all of them (not only the first that fails), so a candidate
 * who fails one can be shown with what would make them fit.
 */
export function checkConstraints(
  candidate: CandidateFacts,
  vacancy: VacancyFacts,
): ConstraintCheck {
  const distance = commuteKm(candidate, vacancy);
  const failed = RULES.filter((rule) => rule.fails(candidate, vacancy, distance)).flatMap((rule) =>
    rule.problems(candidate, vacancy, distance).map((p) => ({ constraint: rule.constraint, ...p })),
  );
  return { failed, distanceKm: distance };
}

/** 8.25 -> "8,3 km", 23 -> "23 km" (without toLocaleString, which is slow in a loop). */
export function formatKm(km: number): string {
  return `${(Math.round(km * 10) / 10).toString().replace('.', ',')} km`;
}
