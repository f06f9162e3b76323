import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { TaxonomyGraph } from '../../src/modules/matching/taxonomy-graph';
import { computeTransitions, TransitionRow } from '../../src/modules/matching/transitions';
import { PUBLISHED_TRANSITIONS, PublishedTransition } from './published-transitions';

/** Source essential-skills similarity from which a pair counts as skill-based. */
const SKILL_BASED_MIN = 0.2;

export interface PairAgreement {
  pair: PublishedTransition;
  /** position of `to` among all transitions of `from` (1 = best); null when not listed at all */
  rank: number | null;
  score: number | null;
  otherSector: boolean | null;
  /** why the pair could not be checked */
  problem?: string;
}

export interface TransitionAgreement {
  pairs: PairAgreement[];
  summary: {
    pairs: number;
    /** pairs whose occupations are both in our taxonomy */
    checked: number;
    /** share of checked pairs with `to` in the first 10 / 50 transitions of `from` */
    top10: number;
    top50: number;
    /** median rank over checked pairs; a pair not listed counts as worse than any rank */
    medianRank: number | null;
    /** the same over the pairs whose source essential-skills similarity is at least 0.2 */
    skillBased: { pairs: number; top10: number; top50: number; medianRank: number | null };
  };
}

/**
 * For each published transition (`published-transitions.ts`), where its destination ranks among
 * our transitions of its origin (all destinations, not only the stored best 50), and summary
 * figures. Takes the graph, or a database with the taxonomy to load it from.
 */
export async function transitionAgreement(
  source: TaxonomyGraph | DataSource,
  pairs: PublishedTransition[] = PUBLISHED_TRANSITIONS,
): Promise<TransitionAgreement> {
  const graph = source instanceof TaxonomyGraph ? source : await TaxonomyGraph.load(source.manager);
  const resolve = (id: string) => graph.occupation(id) ?? graph.occupationByCode(id);
  const origins = new Set(pairs.flatMap((pair) => resolve(pair.from)?.uri ?? []));
  const byOrigin = new Map<string, Map<string, TransitionRow>>();
  for (const row of computeTransitions(graph, graph.occupationCount, origins)) {
    let rows = byOrigin.get(row.fromUri);
    if (!rows) byOrigin.set(row.fromUri, (rows = new Map<string, TransitionRow>()));
    rows.set(row.toUri, row);
  }

  const results = pairs.map((pair): PairAgreement => {
    const from = resolve(pair.from);
    const to = resolve(pair.to);
    if (!from || !to) {
      const missing = !from ? `${pair.from} (${pair.fromLabel})` : `${pair.to} (${pair.toLabel})`;
      return { pair, rank: null, score: null, otherSector: null, problem: `unknown ${missing}` };
    }
    const row = byOrigin.get(from.uri)?.get(to.uri);
    return {
      pair,
      rank: row?.rank ?? null,
      score: row ? Math.round(row.score * 1000) / 1000 : null,
      otherSector: row?.otherSector ?? null,
    };
  });

  const checked = results.filter((result) => !result.problem);
  const figures = (subset: PairAgreement[]) => {
    const share = (limit: number) =>
      subset.length === 0
        ? 0
        : subset.filter((result) => result.rank !== null && result.rank <= limit).length /
          subset.length;
    return {
      top10: share(10),
      top50: share(50),
      medianRank: median(subset.map((result) => result.rank ?? Number.POSITIVE_INFINITY)),
    };
  };
  const skillBased = checked.filter(
    (result) => (result.pair.sourceEssentialSimilarity ?? 0) >= SKILL_BASED_MIN,
  );
  return {
    pairs: results,
    summary: {
      pairs: results.length,
      checked: checked.length,
      ...figures(checked),
      skillBased: { pairs: skillBased.length, ...figures(skillBased) },
    },
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const value = Number.isInteger(middle)
    ? (sorted[middle - 1] + sorted[middle]) / 2
    : sorted[Math.floor(middle)];
  return Number.isFinite(value) ? value : null;
}

/** A markdown table of the agreement, for the console or a report. */
export function formatAgreement(agreement: TransitionAgreement): string {
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const { summary } = agreement;
  const lines = [
    `Published transitions found among ours: ${summary.checked} of ${summary.pairs} pairs checked; ` +
      `top 10 ${percent(summary.top10)}, top 50 ${percent(summary.top50)}, ` +
      `median rank ${summary.medianRank ?? 'not listed'}`,
    `Of which skill-based (source essential-skills similarity >= ${SKILL_BASED_MIN}): ` +
      `${summary.skillBased.pairs} pairs; top 10 ${percent(summary.skillBased.top10)}, ` +
      `top 50 ${percent(summary.skillBased.top50)}, median rank ${summary.skillBased.medianRank ?? 'not listed'}`,
    '',
    '| from | to | source similarity (essential skills) | our rank | our score | other sector |',
    '| --- | --- | --- | --- | --- | --- |',
    ...agreement.pairs.map(
      ({ pair, rank, score, otherSector, problem }) =>
        `| ${pair.from} ${pair.fromLabel} | ${pair.to} ${pair.toLabel} | ${pair.sourceSimilarity}` +
        `${pair.sourceEssentialSimilarity === null ? '' : ` (${pair.sourceEssentialSimilarity})`} | ` +
        `${problem ?? rank ?? 'not listed'} | ${score ?? ''} | ${otherSector === null ? '' : otherSector ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}

/** `npx ts-node --transpile-only bench/matching/transition-agreement.ts` with DATABASE_URL set. */
async function main(): Promise<void> {
  const { loadConfig } = await import('../../src/infra/config/app-config');
  const { typeormOptions } = await import('../../src/infra/database/typeorm-options');
  const dataSource = new DataSource({ ...typeormOptions(loadConfig()), entities: [] });
  await dataSource.initialize();
  try {
    console.log(formatAgreement(await transitionAgreement(dataSource)));
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
