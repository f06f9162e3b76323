import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DemoData } from '../scripts/demo/demo-data';
import { Role } from '../src/infra/auth/role';
import { Activity } from '../src/modules/candidates/candidate.entity';
import { loadConfig } from '../src/infra/config/app-config';
import { SEARCH_INDEXES } from '../src/infra/search/search-engine';
import { createSearchEngine } from '../src/infra/search/search.module';
import { httpClient, startApi } from './lib/api';
import { HttpLoadClients } from './lib/http-load';
import { prepareDatabase, relationSizes } from './lib/bench-db';
import { applyBenchEnv, phasesSetting, wholeSetting } from './lib/bench-env';
import { DatasetSpec, generateDataset, loadDataset, LONG_TAIL_VERSION } from './lib/data-load';
import { EngineProbe } from './lib/engine-probe';
import { FreshnessFigures, FreshnessTarget, freshnessWithWorker } from './lib/freshness';
import { measureReindex, ReindexFigures } from './lib/indexing';
import { MemorySampler } from './lib/memory';
import { buildQueryMix, loadLabels } from './lib/query-mix';
import { runSearchLoad, SearchLoadResult } from './lib/search-load';
import { formatMs, formatRate, percentile } from './lib/stats';
import { searchReport, seconds } from './search-report';

/**
 * `npm run bench:search`: bulk indexing throughput, commit-to-searchable latency (freshness) and
 * search latency — through HTTP and engine-only, at 1 and 8 clients, over a varied query mix —
 * on a deterministic data set of 100,000 candidates and 20,000 vacancies, with peak memory and
 * index size. Prints a markdown report and writes it to bench/results/search-<date>.md. Figures
 * are set against the issue's targets; the run never fails on them.
 *
 * Settings (environment): see SETTINGS; BENCH_<NAME> also overrides the bench environment
 * (bench/lib/bench-env.ts), e.g. BENCH_DATABASE_URL.
 */

const PHASES = ['index', 'freshness', 'search'] as const;

const SETTINGS = {
  seed: wholeSetting('BENCH_SEED', 4545),
  candidates: wholeSetting('BENCH_CANDIDATES', 100_000),
  vacancies: wholeSetting('BENCH_VACANCIES', 20_000),
  employers: wholeSetting('BENCH_EMPLOYERS', 2_000),
  /** Repetitions of every search scenario; the report gives the median run. */
  runs: wholeSetting('BENCH_RUNS', 3),
  /** Measured requests of the one client, per scenario and run. */
  requestsOneClient: wholeSetting('BENCH_REQUESTS_1', 400),
  /** Measured requests of each of the 8 clients, per scenario and run. */
  requestsPerClientOfMany: wholeSetting('BENCH_REQUESTS_8', 100),
  warmupPerClient: wholeSetting('BENCH_WARMUP', 10),
  /** Time budget of one scenario run: fewer requests are measured when it runs out. */
  scenarioSeconds: wholeSetting('BENCH_SCENARIO_SECONDS', 30),
  freshnessChanges: wholeSetting('BENCH_FRESHNESS_CHANGES', 240),
  freshnessPerSecond: wholeSetting('BENCH_FRESHNESS_RATE', 20),
  clients: [1, 8] as const,
  /** BENCH_PHASES=search (comma list) runs only some phases; skipping `index` needs a built index. */
  phases: phasesSetting(PHASES),
  /** BENCH_RESET=1 drops and recreates the bench database first. */
  reset: process.env.BENCH_RESET === '1',
};

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const memory = new MemorySampler().start();
  applyBenchEnv();
  const config = loadConfig();
  log(`database ${new URL(config.database.url).pathname.slice(1)}, engine ${config.search.engine}`);

  memory.enter('setup');
  const db = await prepareDatabase(config, { reset: SETTINGS.reset });
  const { dataSource } = db;
  log(
    `database ${db.state}, ${db.migrations} migration(s) applied, taxonomy ${db.taxonomy} (${seconds(db.setupMs)})`,
  );
  try {
    // ---- data: generated every run (deterministic), inserted only when not there yet ----
    memory.enter('generate data');
    const spec: DatasetSpec = {
      seed: SETTINGS.seed,
      counts: {
        employers: SETTINGS.employers,
        vacancies: SETTINGS.vacancies,
        candidates: SETTINGS.candidates,
      },
      longTail: LONG_TAIL_VERSION,
    };
    let t = performance.now();
    let data: DemoData | null = await generateDataset(dataSource, spec);
    const generateMs = performance.now() - t;
    log(
      `generated ${data.candidates.length} candidates, ${data.vacancies.length} vacancies, ${data.employers.length} employers (${seconds(generateMs)})`,
    );
    memory.enter('insert data');
    const load = await loadDataset(dataSource, spec, data);
    log(
      load.inserted
        ? `inserted (${seconds(load.insertMs)})`
        : 'same data set already loaded: insert skipped',
    );
    memory.enter('query mix');
    t = performance.now();
    const mix = buildQueryMix(data, await loadLabels(dataSource, data), spec.seed);
    const mixMs = performance.now() - t;
    log(
      `query mix: ${mix.candidates.length} candidate and ${mix.vacancies.length} vacancy queries (${seconds(mixMs)})`,
    );
    const coordinator = data.users.find((u) => u.role === Role.Coordinator);
    if (!coordinator) throw new Error('The data set has no coordinator');
    const targets = freshnessTargets(data, SETTINGS.freshnessChanges + 1);
    data = null; // the generated rows are not needed any more: let the collector have them
    memory.settle('after generating the data and the query mix');

    // ---- bulk indexing ----
    memory.enter('indexing');
    let indexing: ReindexFigures[] = [];
    if (SETTINGS.phases.has('index')) {
      log('reindexing candidates, vacancies, employers …');
      indexing = await measureReindex([...SEARCH_INDEXES]);
      for (const f of indexing)
        log(
          `  ${f.index}: ${f.documents} documents in ${seconds(f.ms)} (${formatRate(f.docsPerSecond, 'docs')})`,
        );
      // what autovacuum would do a minute or so later (the rebuild leaves the old rows dead and
      // the statistics stale); done here so that every run plans and measures alike
      await dataSource.query(
        `VACUUM ANALYZE ${SEARCH_INDEXES.map((index) => `search_docs_${index}`).join(', ')}, search_terms`,
      );
    } else {
      const engine = createSearchEngine(config, dataSource);
      const { documents } = await engine.stats('candidates');
      if (documents !== SETTINGS.candidates)
        throw new Error(`The candidates index holds ${documents} documents: run the index phase`);
    }
    memory.settle('after indexing');
    const sizes = await relationSizes(dataSource, [
      ...SEARCH_INDEXES.flatMap((index) => [`search_docs_${index}`, `search_fields_${index}`]),
      'search_terms',
      'candidates',
      'vacancies',
      'employers',
    ]);
    const perIndex: { index_name: string; documents: number; bytes: string }[] = [];
    for (const index of [...SEARCH_INDEXES].sort())
      perIndex.push(
        ...(await dataSource.query<{ index_name: string; documents: number; bytes: string }[]>(
          `SELECT $1::text AS index_name, count(*)::int AS documents,
             coalesce(sum(pg_column_size(d.*)), 0)::bigint AS bytes
           FROM search_docs_${index} d`,
          [index],
        )),
      );
    const terms = await dataSource.query<{ index_name: string; terms: number }[]>(
      `SELECT index_name, count(*)::int AS terms FROM search_terms GROUP BY index_name ORDER BY index_name`,
    );

    // ---- freshness ----
    memory.enter('freshness');
    let freshness: FreshnessFigures | null = null;
    if (SETTINGS.phases.has('freshness')) {
      // a clean start for the worker: the rebuild covered everything, older jobs are moot
      await dataSource.query(`DELETE FROM outbox`);
      await flushRedis(config.redis.url);
      freshness = await freshnessWithWorker({
        dataSource,
        engine: createSearchEngine(config, dataSource),
        targets,
        perSecond: SETTINGS.freshnessPerSecond,
        log,
      });
      const p95 = percentile(
        freshness.result.samples.map((s) => s.ms),
        95,
      );
      log(`freshness: ${freshness.result.samples.length} changes, p95 ${formatMs(p95)}`);
    }

    // ---- search ----
    memory.enter('search');
    let search: SearchLoadResult | null = null;
    let apiBootMs: number | null = null;
    if (SETTINGS.phases.has('search')) {
      t = performance.now();
      const api = await startApi();
      apiBootMs = performance.now() - t;
      const token = api.tokenFor(coordinator.id, Role.Coordinator);
      const clientsThread = new HttpLoadClients(api.baseUrl, token);
      try {
        search = await runSearchLoad(
          mix,
          httpClient(api.baseUrl, token),
          clientsThread,
          new EngineProbe(api.engine),
          {
            indexes: ['candidates', 'vacancies'],
            clients: SETTINGS.clients,
            runs: SETTINGS.runs,
            requestsOneClient: SETTINGS.requestsOneClient,
            requestsPerClientOfMany: SETTINGS.requestsPerClientOfMany,
            warmupPerClient: SETTINGS.warmupPerClient,
            scenarioMs: SETTINGS.scenarioSeconds * 1000,
            log,
          },
        );
        memory.settle('after the search load (API still up)');
      } finally {
        await clientsThread.close();
        await api.close();
      }
    }
    memory.stop();

    const text = searchReport({
      startedAt,
      totalMs: performance.now() - started,
      settings: SETTINGS,
      engine: config.search.engine,
      postgres: await postgresSettings(dataSource),
      db: { state: db.state, setupMs: db.setupMs },
      spec,
      generateMs,
      mixMs,
      load,
      indexing,
      sizes,
      perIndex,
      terms,
      freshness,
      search,
      apiBootMs,
      memory,
    }).toString();
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `search-${startedAt.toISOString().slice(0, 10)}.md`);
    writeFileSync(file, text);
    console.log(`\n${text}`);
    log(`written to ${file}`);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Two candidates to one vacancy, spread over the data set, deterministic. Each write sets the
 * generated value plus the token, so reruns do not pile tokens up in the data set.
 */
function freshnessTargets(data: DemoData, count: number): FreshnessTarget[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 !== 2) {
      const { id, activities } = data.candidates[(i * 397) % data.candidates.length];
      return candidateTarget(id, activities);
    }
    const { id, title } = data.vacancies[(i * 211) % data.vacancies.length];
    return vacancyTarget(id, title);
  });
}

// The write functions are made out here: a closure made inside freshnessTargets would keep
// its `data` (the whole generated data set) alive as long as the targets live.

function candidateTarget(id: string, activities: Activity[]): FreshnessTarget {
  return {
    topic: 'candidate',
    index: 'candidates',
    id,
    write: (manager, token) =>
      manager.query(
        `UPDATE candidates SET activities = $2::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, JSON.stringify([...activities, { kind: 'hobby', description: token }])],
      ),
  };
}

function vacancyTarget(id: string, title: string): FreshnessTarget {
  return {
    topic: 'vacancy',
    index: 'vacancies',
    id,
    write: (manager, token) =>
      manager.query(
        `UPDATE vacancies SET title = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, `${title} ${token}`],
      ),
  };
}

async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

async function postgresSettings(dataSource: DataSource): Promise<string> {
  const rows = await dataSource.query<{ name: string; setting: string }[]>(
    `SELECT name, current_setting(name) AS setting
     FROM unnest(ARRAY['server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'synchronous_commit']) AS name`,
  );
  return rows.map((r) => `${r.name} ${r.setting}`).join(', ');
}

function log(message: string): void {
  console.error(`[bench:search] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
