import { PhysicalLoad } from '../../src/modules/taxonomy/reference-lists';
import { PoolCandidate, PoolEmployer, PoolVacancy } from './pool';

/**
 * The hard constraints of the matching contract, evaluated by the bench on the pool itself:
 * used only to check the labelled cases for consistency (a labelled pair must pass, a pair
 * listed as must-not-rank must fail or be out of scope), never to rank.
 */

export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle distance in km between two PC4 centroids. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const LOAD_KEYS = ['standingMinutes', 'sittingMinutes', 'walkingMinutes', 'liftingKg'] as const;

/** Reasons a candidate cannot be matched to a vacancy (empty: the pair passes). */
export function failedConstraints(
  candidate: PoolCandidate,
  vacancy: PoolVacancy,
  employer: PoolEmployer,
  coordinates: ReadonlyMap<string, LatLon>,
): string[] {
  const failed: string[] = [];
  if (
    candidate.available === false ||
    !['active', 'jobhunting', undefined].includes(candidate.status)
  )
    failed.push('scope: not available for matching');
  if ((vacancy.status ?? 'open') !== 'open') failed.push(`scope: vacancy ${vacancy.status}`);
  if (candidate.hours[0] > vacancy.hours[1] || vacancy.hours[0] > candidate.hours[1])
    failed.push(`hours ${candidate.hours.join('-')} vs ${vacancy.hours.join('-')}`);
  const home = coordinates.get(candidate.pc4);
  const work = coordinates.get(employer.pc4);
  if (!home || !work) throw new Error(`Unknown PC4 ${home ? employer.pc4 : candidate.pc4}`);
  const km = distanceKm(home, work);
  if (km > candidate.maxKm) failed.push(`distance ${km.toFixed(1)} km > ${candidate.maxKm} km`);
  for (const certificate of vacancy.certificates ?? [])
    if (!(candidate.certificates ?? []).includes(certificate))
      failed.push(`certificate ${certificate}`);
  for (const licence of vacancy.licences ?? [])
    if (!(candidate.licences ?? []).includes(licence)) failed.push(`driving licence ${licence}`);
  failed.push(...capacityFailures(candidate.capacity ?? {}, vacancy.demands));
  if ((candidate.refused ?? []).includes(employer.sector))
    failed.push(`refused sector ${employer.sector}`);
  return failed;
}

function capacityFailures(limits: PhysicalLoad, demands: PhysicalLoad): string[] {
  const failed: string[] = [];
  for (const key of LOAD_KEYS) {
    const limit = limits[key];
    const demand = demands[key];
    if (limit !== undefined && demand !== undefined && demand > limit)
      failed.push(`${key} ${demand} > ${limit}`);
  }
  if (demands.nightWork && limits.nightWork === false) failed.push('night work');
  return failed;
}
