/**
 * Ranking quality metrics for labelled benchmark cases. Labels are graded gains per item id
 * (e.g. 2 = strong fit, 1 = acceptable); an item without a label has gain 0.
 */

export type Grades = Readonly<Record<string, number>>;

/** Share of the first k ranked items with a grade of at least `minGrade` (k in the denominator). */
export function precisionAt(
  ranking: readonly string[],
  grades: Grades,
  k: number,
  minGrade = 1,
): number {
  if (k <= 0) throw new Error('k must be positive');
  const hits = ranking.slice(0, k).filter((id) => (grades[id] ?? 0) >= minGrade).length;
  return hits / k;
}

/** Share of the items with a grade of at least `minGrade` found in the first k (NaN when none). */
export function recallAt(
  ranking: readonly string[],
  grades: Grades,
  k: number,
  minGrade = 1,
): number {
  const relevant = Object.values(grades).filter((g) => g >= minGrade).length;
  if (relevant === 0) return Number.NaN;
  const hits = ranking.slice(0, k).filter((id) => (grades[id] ?? 0) >= minGrade).length;
  return hits / relevant;
}

/**
 * Discounted cumulative gain of the first k items, with the exponential gain 2^grade - 1 and
 * the discount log2(rank + 1) (rank from 1), as in Järvelin & Kekäläinen / the usual IR tools.
 * An id repeated in the ranking counts once (its first place).
 */
export function dcgAt(ranking: readonly string[], grades: Grades, k: number): number {
  const seen = new Set<string>();
  let dcg = 0;
  ranking.slice(0, k).forEach((id, index) => {
    if (seen.has(id)) return;
    seen.add(id);
    const grade = grades[id] ?? 0;
    dcg += (2 ** grade - 1) / Math.log2(index + 2);
  });
  return dcg;
}

/** DCG of the best possible ranking of the labelled items. */
export function idealDcgAt(grades: Grades, k: number): number {
  const ideal = Object.entries(grades)
    .filter(([, grade]) => grade > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([id]) => id);
  return dcgAt(ideal, grades, k);
}

/** DCG over the ideal DCG, 0..1; NaN when the case has no item with a positive grade. */
export function ndcgAt(ranking: readonly string[], grades: Grades, k: number): number {
  const ideal = idealDcgAt(grades, k);
  return ideal === 0 ? Number.NaN : dcgAt(ranking, grades, k) / ideal;
}

/** 1 / rank of the first item with a grade of at least `minGrade`, 0 when there is none. */
export function reciprocalRank(ranking: readonly string[], grades: Grades, minGrade = 1): number {
  const index = ranking.findIndex((id) => (grades[id] ?? 0) >= minGrade);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** How many of `forbidden` appear in the first k. */
export function countInTop(
  ranking: readonly string[],
  forbidden: readonly string[],
  k: number,
): number {
  const top = new Set(ranking.slice(0, k));
  return forbidden.filter((id) => top.has(id)).length;
}

/** Mean of the finite values (NaN when there are none). */
export function meanOf(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((s, v) => s + v, 0) / finite.length;
}
