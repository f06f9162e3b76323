import { HttpStatusError } from '../lib/api';
import { meanOf, ndcgAt, precisionAt, reciprocalRank } from '../lib/ranking-metrics';
import { Report } from '../lib/report';
import { baselineCandidatesFor, baselineVacanciesFor } from './baseline';
import { CASES, Family, FAMILY_LABELS, FAMILIES, gradesOf, MatchCase } from './cases';
import { QualityPool } from './quality-data';

/** What the bench reads of the two matching answers (the rest is the explanation). */
interface VacancyMatchesBody {
  considered?: number;
  items: { candidate: { id: string }; score: number; label: string; crossSector: boolean }[];
}
interface CandidateMatchesBody {
  vacancies: { vacancy: { id: string }; score: number; label: string; crossSector: boolean }[];
  employers?: unknown[];
}

export const QUALITY_LIMIT = 20;
const K_PRECISION = 5;
const K_NDCG = 10;

export interface RankerFigures {
  /** Keys of the ranked items, best first (null: the ranker could not answer). */
  ranking: string[] | null;
  precision5: number;
  ndcg10: number;
  rr: number;
  /** mustNotRank keys found in the first 10 / anywhere in the ranking */
  forbiddenTop10: string[];
  forbiddenAnywhere: string[];
}

export interface CaseResult {
  case: MatchCase;
  grades: Record<string, number>;
  system: RankerFigures;
  baseline: RankerFigures;
  /** System answer details for the report: labels and cross-sector flags of the first 10. */
  systemTop: { key: string; label: string; crossSector: boolean; score: number }[];
  systemError?: string;
}

export interface QualityResult {
  cases: CaseResult[];
  /** Set when the endpoints are not there (every request answered 404). */
  endpointsMissing: boolean;
  requestMs: number[];
}

function figures(
  c: MatchCase,
  grades: Record<string, number>,
  ranking: string[] | null,
): RankerFigures {
  if (ranking === null)
    return {
      ranking,
      precision5: Number.NaN,
      ndcg10: Number.NaN,
      rr: Number.NaN,
      forbiddenTop10: [],
      forbiddenAnywhere: [],
    };
  const top = new Set(ranking.slice(0, K_NDCG));
  return {
    ranking,
    precision5: precisionAt(ranking, grades, K_PRECISION),
    ndcg10: ndcgAt(ranking, grades, K_NDCG),
    rr: reciprocalRank(ranking, grades),
    forbiddenTop10: c.mustNotRank.filter((k) => top.has(k)),
    forbiddenAnywhere: c.mustNotRank.filter((k) => ranking.includes(k)),
  };
}

/** Sends every case to the API once and ranks it with the keyword baseline. */
export async function runQuality(
  pool: QualityPool,
  get: (path: string) => Promise<unknown>,
  log: (message: string) => void,
): Promise<QualityResult> {
  const key = (id: string) => pool.keyById.get(id) ?? `?${id}`;
  const results: CaseResult[] = [];
  const requestMs: number[] = [];
  let notFound = 0;
  for (const c of CASES) {
    const grades = gradesOf(c);
    const subjectId = pool.idByKey.get(c.subject)!;
    let ranking: string[] | null = null;
    let systemTop: CaseResult['systemTop'] = [];
    let systemError: string | undefined;
    const started = performance.now();
    try {
      if (c.direction === 'vacancy') {
        const body = (await get(
          `/vacancies/${subjectId}/matches?limit=${QUALITY_LIMIT}&includeExcluded=false`,
        )) as VacancyMatchesBody;
        ranking = body.items.map((item) => key(item.candidate.id));
        systemTop = body.items.slice(0, K_NDCG).map((item) => ({
          key: key(item.candidate.id),
          label: item.label,
          crossSector: item.crossSector,
          score: item.score,
        }));
      } else {
        const body = (await get(
          `/candidates/${subjectId}/matches?limit=${QUALITY_LIMIT}`,
        )) as CandidateMatchesBody;
        ranking = body.vacancies.map((item) => key(item.vacancy.id));
        systemTop = body.vacancies.slice(0, K_NDCG).map((item) => ({
          key: key(item.vacancy.id),
          label: item.label,
          crossSector: item.crossSector,
          score: item.score,
        }));
      }
      requestMs.push(performance.now() - started);
    } catch (error) {
      if (error instanceof HttpStatusError && error.status === 404) notFound++;
      systemError = error instanceof Error ? error.message : String(error);
    }
    const baselineIds =
      c.direction === 'vacancy'
        ? baselineCandidatesFor(
            pool.vacancies.find((v) => v.id === subjectId)!,
            pool.candidates,
          )
        : baselineVacanciesFor(
            pool.candidates.find((x) => x.id === subjectId)!,
            pool.vacancies,
          );
    const baselineRanking = baselineIds.slice(0, QUALITY_LIMIT).map(key);
    results.push({
      case: c,
      grades,
      system: figures(c, grades, ranking),
      baseline: figures(c, grades, baselineRanking),
      systemTop,
      systemError,
    });
  }
  const failed = results.filter((r) => r.systemError).length;
  log(
    `quality: ${CASES.length} cases sent${failed ? `, ${failed} failed (${results.find((r) => r.systemError)?.systemError})` : ''}`,
  );
  return { cases: results, endpointsMissing: notFound === CASES.length, requestMs };
}

const f2 = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const signed = (value: number) =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(2)}` : 'n/a';

interface Aggregate {
  cases: number;
  /** The best P@5 possible: cases with fewer than 5 relevant items cannot reach 1. */
  idealP5: number;
  systemP5: number;
  baselineP5: number;
  systemNdcg: number;
  baselineNdcg: number;
  systemRr: number;
  baselineRr: number;
  systemForbidden: number;
  baselineForbidden: number;
}

function aggregate(results: readonly CaseResult[]): Aggregate {
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    cases: results.length,
    idealP5: meanOf(
      results.map(
        (r) =>
          Math.min(K_PRECISION, Object.values(r.grades).filter((g) => g >= 1).length) / K_PRECISION,
      ),
    ),
    systemP5: meanOf(results.map((r) => r.system.precision5)),
    baselineP5: meanOf(results.map((r) => r.baseline.precision5)),
    systemNdcg: meanOf(results.map((r) => r.system.ndcg10)),
    baselineNdcg: meanOf(results.map((r) => r.baseline.ndcg10)),
    systemRr: meanOf(results.map((r) => r.system.rr)),
    baselineRr: meanOf(results.map((r) => r.baseline.rr)),
    systemForbidden: sum(results.map((r) => r.system.forbiddenTop10.length)),
    baselineForbidden: sum(results.map((r) => r.baseline.forbiddenTop10.length)),
  };
}

function aggregateRow(label: string, a: Aggregate, forbiddenTotal: number): (string | number)[] {
  return [
    label,
    a.cases,
    f2(a.idealP5),
    f2(a.systemP5),
    f2(a.baselineP5),
    f2(a.systemNdcg),
    f2(a.baselineNdcg),
    signed(a.systemNdcg - a.baselineNdcg),
    f2(a.systemRr),
    f2(a.baselineRr),
    `${a.systemForbidden} / ${a.baselineForbidden} of ${forbiddenTotal}`,
  ];
}

/** The quality section of the report. */
export function qualityReport(report: Report, result: QualityResult): void {
  report.heading('Quality: ranking against labelled cases');
  report.text(
    [
      `${result.cases.length} cases over a hand-made pool (see bench/matching/pool.ts and cases.ts): graded labels`,
      '2 = strong fit, 1 = acceptable, unlabelled = 0, decided from the domain before any system output.',
      `Precision@${K_PRECISION} counts labels ≥ 1; nDCG@${K_NDCG} uses gains 2^grade − 1; MRR is the mean reciprocal rank of the`,
      'first relevant item. "Must-not-rank in top 10" counts people or vacancies that a hard constraint or the scope rules out',
      '(strong on skills: distance, hours, certificate, licence, work capacity, refused sector, paused, no consent, vacancy',
      'not open) found in the first 10. Baseline: keyword search on the vacancy title words plus a bonus for the same ESCO',
      'occupation, no hard constraints.',
    ].join('\n'),
  );
  if (result.endpointsMissing) {
    report.text(
      '**The matching endpoints answered 404: the system columns are empty (n/a). Baseline figures only.**',
    );
  }
  const headers = [
    'cases',
    'n',
    `P@${K_PRECISION} ideal`,
    `P@${K_PRECISION} system`,
    `P@${K_PRECISION} baseline`,
    `nDCG@${K_NDCG} system`,
    `nDCG@${K_NDCG} baseline`,
    'Δ nDCG',
    'MRR system',
    'MRR baseline',
    'must-not-rank in top 10 (system / baseline)',
  ];
  const rows: (string | number)[][] = [];
  const forbiddenTotal = (results: readonly CaseResult[]) =>
    results.reduce((s, r) => s + r.case.mustNotRank.length, 0);
  for (const direction of ['vacancy', 'candidate'] as const) {
    const inDirection = result.cases.filter((r) => r.case.direction === direction);
    const name = direction === 'vacancy' ? 'vacancy → candidates' : 'candidate → vacancies';
    for (const family of FAMILIES) {
      const group = inDirection.filter((r) => r.case.family === family);
      if (group.length > 0)
        rows.push(
          aggregateRow(`${name}: ${familyName(family)}`, aggregate(group), forbiddenTotal(group)),
        );
    }
    rows.push(
      aggregateRow(`**${name}: all**`, aggregate(inDirection), forbiddenTotal(inDirection)),
    );
  }
  const byFamily = FAMILIES.map((family) => result.cases.filter((r) => r.case.family === family));
  FAMILIES.forEach((family, i) => {
    if (byFamily[i].length > 0)
      rows.push(
        aggregateRow(
          `both: ${familyName(family)}`,
          aggregate(byFamily[i]),
          forbiddenTotal(byFamily[i]),
        ),
      );
  });
  rows.push(aggregateRow('**overall**', aggregate(result.cases), forbiddenTotal(result.cases)));
  report.table(headers, rows);

  const losses = result.cases.filter(
    (r) =>
      Number.isFinite(r.system.ndcg10) &&
      (r.system.ndcg10 < r.baseline.ndcg10 - 1e-9 ||
        r.system.precision5 < r.baseline.precision5 - 1e-9),
  );
  report.heading('Cases where the system loses to the baseline', 3);
  if (result.endpointsMissing) report.text('n/a (no system answers).');
  else if (losses.length === 0) report.text('None (on nDCG@10 and P@5).');
  else
    report.table(
      [
        'case',
        'family',
        'nDCG system',
        'nDCG baseline',
        'P@5 system',
        'P@5 baseline',
        'system top 5',
        'baseline top 5',
      ],
      losses.map((r) => [
        r.case.id,
        r.case.family,
        f2(r.system.ndcg10),
        f2(r.baseline.ndcg10),
        f2(r.system.precision5),
        f2(r.baseline.precision5),
        topWithGrades(r.system.ranking, r.grades),
        topWithGrades(r.baseline.ranking, r.grades),
      ]),
    );

  const violations = result.cases.filter((r) => r.system.forbiddenAnywhere.length > 0);
  report.heading('Hard-constraint or scope violations in the system ranking', 3);
  if (result.endpointsMissing) report.text('n/a (no system answers).');
  else if (violations.length === 0)
    report.text(
      'None: no must-not-rank person or vacancy appears anywhere in the system rankings.',
    );
  else
    report.table(
      ['case', 'ruled out but ranked (position)'],
      violations.map((r) => [
        r.case.id,
        r.system.forbiddenAnywhere
          .map((k) => `${k} (${r.system.ranking!.indexOf(k) + 1})`)
          .join(', '),
      ]),
    );

  report.heading('Per case', 3);
  report.table(
    [
      'case',
      'dir',
      'family',
      'labels 2/1',
      'P@5 sys',
      'P@5 base',
      'nDCG sys',
      'nDCG base',
      'system top 5 (grade)',
      'baseline top 5 (grade)',
    ],
    result.cases.map((r) => {
      const grades = Object.values(r.grades);
      return [
        r.case.id,
        r.case.direction === 'vacancy' ? 'v→c' : 'c→v',
        r.case.family,
        `${grades.filter((g) => g === 2).length}/${grades.filter((g) => g === 1).length}`,
        f2(r.system.precision5),
        f2(r.baseline.precision5),
        f2(r.system.ndcg10),
        f2(r.baseline.ndcg10),
        r.systemError
          ? `error: ${r.systemError.slice(0, 40)}`
          : topWithGrades(r.system.ranking, r.grades),
        topWithGrades(r.baseline.ranking, r.grades),
      ];
    }),
  );

  if (!result.endpointsMissing) {
    const tops = result.cases.flatMap((r) =>
      r.systemTop.slice(0, 5).map((t) => ({ ...t, grade: r.grades[t.key] ?? 0 })),
    );
    const labels = ['sterk', 'goed', 'mogelijk'];
    report.heading('System labels in the top 5 against the graded labels', 3);
    report.table(
      ['system label', 'items', 'grade 2', 'grade 1', 'grade 0', 'cross-sector flagged'],
      [...labels, ...new Set(tops.map((t) => t.label).filter((l) => !labels.includes(l)))].map(
        (label) => {
          const items = tops.filter((t) => t.label === label);
          return [
            label,
            items.length,
            items.filter((t) => t.grade === 2).length,
            items.filter((t) => t.grade === 1).length,
            items.filter((t) => t.grade === 0).length,
            items.filter((t) => t.crossSector).length,
          ];
        },
      ),
    );
  }
}

function familyName(family: Family): string {
  return `${family} (${FAMILY_LABELS[family]})`;
}

function topWithGrades(ranking: string[] | null, grades: Record<string, number>): string {
  if (ranking === null) return 'n/a';
  if (ranking.length === 0) return '(none)';
  return ranking
    .slice(0, 5)
    .map((k) => `${k.replace(/^[cv]-/, '')}(${grades[k] ?? 0})`)
    .join(' ');
}
