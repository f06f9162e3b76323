import { DataSource } from 'typeorm';
import { runLoad } from '../lib/concurrency';
import { Report, ratio } from '../lib/report';
import { formatMs, formatRate, medianOfRuns, summarize } from '../lib/stats';

/** The matching latency target of the issue: p95 per request. */
export const TARGET_P95_MS = 100;

export type SpeedEndpoint = 'vacancy' | 'candidate';

export interface SpeedOptions {
  sample: number;
  clients: readonly number[];
  runs: number;
  requestsOneClient: number;
  requestsPerClientOfMany: number;
  warmupPerClient: number;
  scenarioMs: number;
  limit: number;
  log: (message: string) => void;
}

export interface SpeedRun {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  throughput: number;
}

export interface SpeedScenario {
  endpoint: SpeedEndpoint;
  clients: number;
  runs: SpeedRun[];
  requests: number;
  errors: number;
  firstError?: string;
}

export interface SpeedResult {
  sampleSizes: Record<SpeedEndpoint, number>;
  /** The very first request of each endpoint after the API started (pool load, caches). */
  firstRequestMs: Record<SpeedEndpoint, number | null>;
  /** Items per answer over the measured requests. */
  averageItems: Record<SpeedEndpoint, number>;
  scenarios: SpeedScenario[];
  /** The slowest subjects at one client (median over their requests). */
  slowest: { endpoint: SpeedEndpoint; id: string; medianMs: number }[];
}

/**
 * A deterministic sample of open vacancies and of candidates available for matching (status
 * active or jobhunting): ordered by a hash of the id, so it is spread over the data set and the
 * same on every run of the same data set.
 */
export async function speedSample(
  dataSource: DataSource,
  size: number,
): Promise<Record<SpeedEndpoint, string[]>> {
  const vacancies = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM vacancies WHERE status = 'open' ORDER BY md5(id::text) LIMIT $1`,
    [size],
  );
  const candidates = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM candidates
      WHERE available_for_matching AND programme_status IN ('active', 'jobhunting')
      ORDER BY md5(id::text) LIMIT $1`,
    [size],
  );
  return { vacancy: vacancies.map((r) => r.id), candidate: candidates.map((r) => r.id) };
}

export function matchPath(endpoint: SpeedEndpoint, id: string, limit: number): string {
  return endpoint === 'vacancy'
    ? `/vacancies/${id}/matches?limit=${limit}`
    : `/candidates/${id}/matches?limit=${limit}`;
}

interface MatchAnswer {
  items?: unknown[];
  vacancies?: unknown[];
}

/**
 * First request per endpoint (timed on its own: pool load, caches), then run after run
 * each endpoint at each number of clients (closed loop, bench/lib/concurrency.ts).
 */
export async function runSpeed(
  sample: Record<SpeedEndpoint, string[]>,
  get: (path: string) => Promise<unknown>,
  options: SpeedOptions,
): Promise<SpeedResult> {
  const endpoints: SpeedEndpoint[] = ['vacancy', 'candidate'];
  const firstRequestMs: SpeedResult['firstRequestMs'] = { vacancy: null, candidate: null };
  const usable: Record<SpeedEndpoint, string[]> = { vacancy: [], candidate: [] };
  for (const endpoint of endpoints) {
    const ids = sample[endpoint];
    if (ids.length === 0) continue;
    const started = performance.now();
    try {
      await get(matchPath(endpoint, ids[0], options.limit));
      firstRequestMs[endpoint] = performance.now() - started;
      usable[endpoint] = ids;
    } catch (error) {
      options.log(
        `${endpoint}: first request failed, endpoint left out: ${(error as Error).message}`,
      );
      continue;
    }
    options.log(`${endpoint}: first request ${formatMs(firstRequestMs[endpoint] ?? Number.NaN)}`);
  }
  // answer sizes, counted on the measured requests
  const answers: Record<SpeedEndpoint, { requests: number; items: number }> = {
    vacancy: { requests: 0, items: 0 },
    candidate: { requests: 0, items: 0 },
  };

  const scenarios: SpeedScenario[] = [];
  const perSubject = new Map<string, number[]>();
  for (let run = 1; run <= options.runs; run++) {
    for (const endpoint of endpoints) {
      const operations = usable[endpoint];
      if (operations.length === 0) continue;
      for (const clients of options.clients) {
        let scenario = scenarios.find((s) => s.endpoint === endpoint && s.clients === clients);
        if (!scenario) {
          scenario = { endpoint, clients, runs: [], requests: 0, errors: 0 };
          scenarios.push(scenario);
        }
        const result = await runLoad<string>({
          clients,
          requestsPerClient:
            clients === 1 ? options.requestsOneClient : options.requestsPerClientOfMany,
          warmupPerClient: options.warmupPerClient,
          maxMs: options.scenarioMs,
          operations,
          startAt: Math.floor(((run - 1) * operations.length) / options.runs),
          execute: async (id) => {
            const body = (await get(matchPath(endpoint, id, options.limit))) as MatchAnswer;
            answers[endpoint].requests++;
            answers[endpoint].items +=
              (endpoint === 'vacancy' ? body.items : body.vacancies)?.length ?? 0;
          },
        });
        const s = summarize(result.latencies);
        scenario.runs.push({
          p50: s.p50,
          p95: s.p95,
          p99: s.p99,
          max: s.max,
          throughput: result.throughput,
        });
        scenario.requests += result.latencies.length;
        scenario.errors += result.errors;
        scenario.firstError ??= result.firstError;
        if (clients === 1)
          for (const [index, latencies] of result.byOperation) {
            const key = `${endpoint}:${operations[index]}`;
            perSubject.set(key, [...(perSubject.get(key) ?? []), ...latencies]);
          }
        options.log(
          `run ${run}/${options.runs} ${endpoint} ${clients} client(s): ${result.latencies.length} requests, p50 ${formatMs(s.p50)}, p95 ${formatMs(s.p95)}, p99 ${formatMs(s.p99)}, ${formatRate(result.throughput, 'req')}${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}`,
        );
      }
    }
  }
  const slowest = [...perSubject]
    .map(([key, latencies]) => {
      const [endpoint, id] = key.split(':') as [SpeedEndpoint, string];
      return { endpoint, id, medianMs: summarize(latencies).p50 };
    })
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  const averageItems = (endpoint: SpeedEndpoint) =>
    answers[endpoint].requests ? answers[endpoint].items / answers[endpoint].requests : Number.NaN;
  return {
    sampleSizes: { vacancy: usable.vacancy.length, candidate: usable.candidate.length },
    firstRequestMs,
    averageItems: { vacancy: averageItems('vacancy'), candidate: averageItems('candidate') },
    scenarios,
    slowest,
  };
}

const ENDPOINT_PATHS: Record<SpeedEndpoint, string> = {
  vacancy: 'GET /vacancies/:id/matches',
  candidate: 'GET /candidates/:id/matches',
};

/** The speed section of the report. */
export function speedReport(report: Report, result: SpeedResult, options: SpeedOptions): void {
  report.heading('Speed: matching latency through HTTP');
  report.text(
    [
      `Target: p95 ≤ ${TARGET_P95_MS} ms per request. limit=${options.limit}. Samples: ${result.sampleSizes.vacancy} open vacancies and`,
      `${result.sampleSizes.candidate} candidates available for matching (ordered by md5 of the id). Closed loop: each client sends its`,
      `next request when the previous one answered; ${options.warmupPerClient} warm-up requests per client; ${options.requestsOneClient} measured`,
      `requests at 1 client, ${options.requestsPerClientOfMany} per client at more; at most ${options.scenarioMs / 1000} s per run. Figures are the`,
      `median over ${options.runs} run(s) (spread = max/min of the runs' p95).`,
    ].join('\n'),
  );
  report.table(
    [
      'endpoint',
      'clients',
      'requests',
      'p50',
      'p95',
      'p99',
      'p95 / target',
      'throughput',
      'p95 spread',
      'errors',
    ],
    result.scenarios.map((s) => {
      const { median, spread } = medianOfRuns(s.runs.map((r) => ({ ...r })));
      return [
        ENDPOINT_PATHS[s.endpoint],
        s.clients,
        s.requests,
        formatMs(median.p50),
        formatMs(median.p95),
        formatMs(median.p99),
        `${ratio(median.p95, TARGET_P95_MS)} ${median.p95 <= TARGET_P95_MS ? '✓' : '✗'}`,
        formatRate(median.throughput, 'req'),
        Number.isFinite(spread.p95) ? `${spread.p95.toFixed(2)}×` : 'n/a',
        s.errors ? `${s.errors} (${(s.firstError ?? '').slice(0, 60)})` : 0,
      ];
    }),
  );
  report.table(
    ['endpoint', 'first request after boot', 'items per answer (mean)'],
    (['vacancy', 'candidate'] as const).map((e) => [
      ENDPOINT_PATHS[e],
      formatMs(result.firstRequestMs[e] ?? Number.NaN),
      Number.isFinite(result.averageItems[e]) ? result.averageItems[e].toFixed(1) : 'n/a',
    ]),
  );
  if (result.slowest.length > 0) {
    report.text('Slowest subjects at 1 client (median of their requests):');
    report.table(
      ['endpoint', 'id', 'median'],
      result.slowest.map((s) => [ENDPOINT_PATHS[s.endpoint], s.id, formatMs(s.medianMs)]),
    );
  }
}
