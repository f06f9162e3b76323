import {
  GraphOccupation,
  OPTIONAL_WEIGHT,
  SHARED_MIN_CREDIT,
  TaxonomyGraph,
} from './taxonomy-graph';

/**
 * Bump when the scoring below changes: `ensureTransitions` recomputes the stored transitions when
 * this or the taxonomy version differs from what they were computed from.
 */
export const TRANSITIONS_ALGORITHM_VERSION = 'skills-coverage-2';

/** The most transitions the API returns at once; also how many are kept per list. */
export const TRANSITIONS_PER_OCCUPATION = 50;
/** Below this score a "transition" is mostly generic skills: not kept. */
export const MIN_TRANSITION_SCORE = 0.1;
/**
 * A destination needs at least this many of its skills covered well (credit >= SHARED_MIN_CREDIT)
 * by the origin: a score made only of small partial credits has nothing to tell the worker.
 */
export const MIN_SHARED_SKILLS = 2;
/** Shared skills and gaps the API lists per transition, heaviest first. */
export const LISTED_SKILLS = 5;

/**
 * Viability labels (Dutch, as shown to accountmanagers), by transition score:
 * >= 0.45 'zeer goed haalbaar', >= 0.3 'haalbaar', lower 'met scholing'. See docs/decisions.md.
 */
export const VIABILITY_THRESHOLDS = { veryGood: 0.45, good: 0.3 } as const;
export type Viability = 'zeer goed haalbaar' | 'haalbaar' | 'met scholing';

export function viability(score: number): Viability {
  if (score >= VIABILITY_THRESHOLDS.veryGood) return 'zeer goed haalbaar';
  if (score >= VIABILITY_THRESHOLDS.good) return 'haalbaar';
  return 'met scholing';
}

/**
 * A move of two or more ISCO skill levels up (for example from elementary work to a
 * professional occupation) needs formal education that skills overlap does not show: its score
 * is multiplied by this.
 */
export const SKILL_LEVEL_JUMP_FACTOR = 0.75;

/** ISCO-08 skill level (1-4) of a major group, taking the lower level where ISCO gives two. */
const ISCO_SKILL_LEVEL: Record<string, number> = {
  '1': 3,
  '2': 4,
  '3': 3,
  '4': 2,
  '5': 2,
  '6': 2,
  '7': 2,
  '8': 2,
  '9': 1,
  '0': 2,
};

export function skillLevelFactor(from: GraphOccupation, to: GraphOccupation): number {
  return iscoSkillLevel(to) - iscoSkillLevel(from) >= 2 ? SKILL_LEVEL_JUMP_FACTOR : 1;
}

function iscoSkillLevel(occupation: GraphOccupation): number {
  return ISCO_SKILL_LEVEL[occupation.iscoGroup.charAt(0)] ?? 2;
}

/**
 * Whether `to` lies in another sector than `from`: the destination's main NACE section (its
 * first, most typical one) is none of the origin's sections. When either has no NACE sections,
 * the Nesta skills-based sectors are compared instead; when those are missing too, it is not.
 */
export function isOtherSector(from: GraphOccupation, to: GraphOccupation): boolean {
  if (from.sectors.length > 0 && to.sectors.length > 0) {
    return !from.sectors.includes(to.sectors[0]);
  }
  if (from.skillsBasedSector && to.skillsBasedSector) {
    return from.skillsBasedSector !== to.skillsBasedSector;
  }
  return false;
}

export interface TransitionRow {
  fromUri: string;
  toUri: string;
  /** 1 = best, among all destinations of `fromUri` */
  rank: number;
  /** 0..1 */
  score: number;
  otherSector: boolean;
}

/**
 * For every occupation, the occupations a worker from it could move to, best first. The score
 * is `graph.occupationSimilarity(from, to)` (the IDF-weighted share of `to`'s essential and
 * optional skills that `from`'s skills cover, with partial credit through the skills hierarchy)
 * times `skillLevelFactor`. Destinations below MIN_TRANSITION_SCORE, or with fewer than
 * MIN_SHARED_SKILLS skills covered well, are left out.
 *
 * Kept per origin: the best `perOccupation` destinations, and also the best `perOccupation` in
 * another sector (`isOtherSector`), so a request for other-sector transitions only fills up to
 * that limit too. `rank` is the position among all destinations.
 *
 * All pairs are scored through an inverted index skill -> occupations over each origin's
 * coverage vector: 3,007 ESCO occupations take a few seconds. Only scores are computed here; the
 * shared skills and gaps of a transition are `graph.occupationSimilarity(from, to)`, for the few
 * the API returns. `origins` limits the origins (URIs) computed, for tools; the ranks are the same
 * as in the full run.
 */
export function computeTransitions(
  graph: TaxonomyGraph,
  perOccupation = TRANSITIONS_PER_OCCUPATION,
  origins?: ReadonlySet<string>,
): TransitionRow[] {
  const occupations = [...graph.occupations()];
  const count = occupations.length;
  const skillCount = graph.skillCount;

  // inverted index in CSR form: for skill s, postings[start[s]..start[s+1]) are (occupation, weight)
  const perSkill = new Int32Array(skillCount + 1);
  const lists = occupations.map((occupation) => ({
    essential: graph.skillIndexes(occupation.uri, true),
    optional: graph.skillIndexes(occupation.uri, false),
  }));
  for (const { essential, optional } of lists) {
    for (const s of essential) perSkill[s + 1]++;
    for (const s of optional) perSkill[s + 1]++;
  }
  for (let s = 0; s < skillCount; s++) perSkill[s + 1] += perSkill[s];
  const postingOccupation = new Int32Array(perSkill[skillCount]);
  const postingWeight = new Float64Array(perSkill[skillCount]);
  const fill = Int32Array.from(perSkill.subarray(0, skillCount));
  const denominator = new Float64Array(count);
  lists.forEach(({ essential, optional }, o) => {
    for (const [ids, factor] of [
      [essential, 1],
      [optional, OPTIONAL_WEIGHT],
    ] as const) {
      for (const s of ids) {
        const weight = graph.skillWeightAt(s) * factor;
        postingOccupation[fill[s]] = o;
        postingWeight[fill[s]] = weight;
        fill[s]++;
        denominator[o] += weight;
      }
    }
  });

  // per destination: the ISCO skill level, and the position by ESCO code (the tie-break)
  const levels = Int8Array.from(occupations, iscoSkillLevel);
  const codeOrder = new Int32Array(count);
  occupations
    .map((occupation, index) => ({ code: occupation.code, index }))
    .sort((a, b) => compareCodes(a.code, b.code))
    .forEach(({ index }, position) => (codeOrder[index] = position));

  const rows: TransitionRow[] = [];
  const numerator = new Float64Array(count);
  const scores = new Float64Array(count);
  const candidates: number[] = [];
  const byScore = (a: number, b: number) => scores[b] - scores[a] || codeOrder[a] - codeOrder[b];
  for (let o = 0; o < count; o++) {
    const from = occupations[o];
    if (origins && !origins.has(from.uri)) continue;
    const coverage = graph.coverage(from.uri, false)!;
    numerator.fill(0);
    for (let s = 0; s < skillCount; s++) {
      const credit = coverage[s];
      if (credit === 0) continue;
      for (let p = perSkill[s]; p < perSkill[s + 1]; p++) {
        numerator[postingOccupation[p]] += credit * postingWeight[p];
      }
    }
    candidates.length = 0;
    for (let t = 0; t < count; t++) {
      if (t === o || denominator[t] === 0 || numerator[t] === 0) continue;
      // as skillLevelFactor
      const factor = levels[t] - levels[o] >= 2 ? SKILL_LEVEL_JUMP_FACTOR : 1;
      const score = Math.min(1, numerator[t] / denominator[t]) * factor;
      if (score < MIN_TRANSITION_SCORE) continue;
      scores[t] = score;
      candidates.push(t);
    }
    candidates.sort(byScore);
    let rank = 0;
    let otherSectorKept = 0;
    for (const to of candidates) {
      if (rank >= perOccupation && otherSectorKept >= perOccupation) break;
      if (countCovered(coverage, lists[to].essential, lists[to].optional) < MIN_SHARED_SKILLS) {
        continue;
      }
      rank++;
      const destination = occupations[to];
      const otherSector = isOtherSector(from, destination);
      if (rank > perOccupation && !otherSector) continue;
      if (otherSector) {
        if (otherSectorKept >= perOccupation) continue;
        otherSectorKept++;
      }
      rows.push({
        fromUri: from.uri,
        toUri: destination.uri,
        rank,
        score: scores[to],
        otherSector,
      });
    }
  }
  return rows;
}

/** How many of the skills `coverage` covers well (>= SHARED_MIN_CREDIT): counted, not listed. */
function countCovered(coverage: Float64Array, essential: Int32Array, optional: Int32Array): number {
  let covered = 0;
  for (const s of essential) if (coverage[s] >= SHARED_MIN_CREDIT) covered++;
  for (const s of optional) if (coverage[s] >= SHARED_MIN_CREDIT) covered++;
  return covered;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
