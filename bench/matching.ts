import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '../src/infra/auth/role';
import { loadConfig } from '../src/infra/config/app-config';
import { jsonClient, startApi } from './lib/api';
import { prepareDatabase, recreateDatabase } from './lib/bench-db';
import { applyBenchEnv, phasesSetting, wholeSetting } from './lib/bench-env';
import { DatasetSpec, generateDataset, loadDataset, LONG_TAIL_VERSION } from './lib/data-load';
import { Report } from './lib/report';
import { formatMs } from './lib/stats';
import { CASES, FAMILIES } from './matching/cases';
import { caseCounts, insertQualityPool, QUALITY_USERS } from './matching/quality-data';
import { qualityReport, QualityResult, runQuality } from './matching/quality';
import { runSpeed, SpeedOptions, speedReport, SpeedResult, speedSample } from './matching/speed';
import { CANDIDATES, EMPLOYERS, VACANCIES } from './matching/pool';
import { formatAgreement, transitionAgreement } from './matching/transition-agreement';

/**
 * `npm run bench:matching`: the quality and the speed of two-way matching, through the HTTP API.
 *
 * - quality: a hand-made pool (bench/matching/pool.ts) with labelled cases (cases.ts) in its own
 *   database, recreated every run; each case is ranked by the API and by a keyword baseline;
 *   precision@5, nDCG@10, MRR and hard-constraint violations per case family.
 * - speed: the search benchmark's data set (100,000 candidates, 20,000 vacancies in
 *   werkspoor_bench); latency of both endpoints at 1 and 8 clients against p95 ≤ 100 ms.
 *
 * Prints a markdown report and writes it to bench/results/matching-<date>.md. The run never fails
 * on a figure. Settings: see SETTINGS (BENCH_PHASES=quality,speed chooses phases).
 */

const PHASES = ['quality', 'speed'] as const;

const SETTINGS = {
  /** The quality phase's database: dropped and created again on every run. */
  qualityDatabaseUrl:
    process.env.BENCH_MATCHING_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/werkspoor_bench_matching',
  seed: wholeSetting('BENCH_SEED', 4545),
  candidates: wholeSetting('BENCH_CANDIDATES', 100_000),
  vacancies: wholeSetting('BENCH_VACANCIES', 20_000),
  employers: wholeSetting('BENCH_EMPLOYERS', 2_000),
  /** Open vacancies and available candidates in the speed sample. */
  sample: wholeSetting('BENCH_MATCH_SAMPLE', 200),
  runs: wholeSetting('BENCH_RUNS', 3),
  requestsOneClient: wholeSetting('BENCH_REQUESTS_1', 200),
  requestsPerClientOfMany: wholeSetting('BENCH_REQUESTS_8', 50),
  warmupPerClient: wholeSetting('BENCH_WARMUP', 10),
  scenarioSeconds: wholeSetting('BENCH_SCENARIO_SECONDS', 30),
  limit: 20,
  clients: [1, 8] as const,
  phases: phasesSetting(PHASES),
  reset: process.env.BENCH_RESET === '1',
};

interface TransitionSection {
  status: 'done' | 'failed';
  text: string;
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const env = applyBenchEnv();
  const report = new Report();
  report.heading(
    `Matching benchmark — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    1,
  );

  let quality: QualityResult | null = null;
  let transitions: TransitionSection | null = null;
  if (SETTINGS.phases.has('quality')) {
    ({ quality, transitions } = await qualityPhase());
  }
  let speed: {
    result: SpeedResult;
    options: SpeedOptions;
    spec: DatasetSpec;
    apiBootMs: number;
  } | null = null;
  if (SETTINGS.phases.has('speed')) {
    process.env.DATABASE_URL = env.DATABASE_URL;
    speed = await speedPhase();
  }

  report.text(
    [
      `Phases: ${[...SETTINGS.phases].join(', ')}. Total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      [
        quality
          ? `quality database ${dbName(SETTINGS.qualityDatabaseUrl)} (recreated every run)`
          : '',
        speed ? `speed database ${dbName(env.DATABASE_URL)}` : '',
      ]
        .filter(Boolean)
        .join('; ')
        .replace(/^q|^s/, (first) => first.toUpperCase()) + '.',
    ].join('\n'),
  );
  if (quality) {
    const counts = caseCounts(CASES);
    report.text(
      `Pool: ${EMPLOYERS.length} employers, ${VACANCIES.length} vacancies (${VACANCIES.filter((v) => (v.status ?? 'open') === 'open').length} open), ${CANDIDATES.length} candidates around Almere. ` +
        `Cases: ${CASES.length} — ` +
        ['vacancy', 'candidate']
          .map(
            (d) =>
              `${d} → ${d === 'vacancy' ? 'candidates' : 'vacancies'}: ` +
              FAMILIES.filter((f) => counts.has(`${d}/${f}`))
                .map((f) => `${f} ${counts.get(`${d}/${f}`)}`)
                .join(', '),
          )
          .join('; ') +
        '.',
    );
    qualityReport(report, quality);
    if (quality.requestMs.length > 0) {
      const sorted = [...quality.requestMs].sort((a, b) => a - b);
      report.text(
        `Quality requests on the small pool: median ${formatMs(sorted[Math.floor(sorted.length / 2)])}, max ${formatMs(sorted[sorted.length - 1])}.`,
      );
    }
  }
  if (transitions) {
    report.heading('Agreement with published occupation transitions');
    report.text(transitions.text);
  }
  if (speed) {
    report.text(
      `Speed data set: seed ${speed.spec.seed}, ${speed.spec.counts.candidates.toLocaleString('en-US')} candidates, ${speed.spec.counts.vacancies.toLocaleString('en-US')} vacancies, ${speed.spec.counts.employers.toLocaleString('en-US')} employers; API boot ${formatMs(speed.apiBootMs)}.`,
    );
    speedReport(report, speed.result, speed.options);
  }

  const text = report.toString();
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `matching-${startedAt.toISOString().slice(0, 10)}.md`);
  writeFileSync(file, text);
  console.log(`\n${text}`);
  log(`written to ${file}`);
}

async function qualityPhase(): Promise<{ quality: QualityResult; transitions: TransitionSection }> {
  process.env.DATABASE_URL = SETTINGS.qualityDatabaseUrl;
  const config = loadConfig();
  // a fresh database every run: no state of an earlier run (caches, derived tables) carries over
  let t = performance.now();
  await recreateDatabase(config.database.url);
  const db = await prepareDatabase(config);
  log(
    `quality database ${dbName(config.database.url)} recreated: ${db.migrations} migration(s), taxonomy ${db.taxonomy} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const { dataSource } = db;
  try {
    t = performance.now();
    const pool = await insertQualityPool(dataSource);
    log(
      `pool: ${pool.candidates.length} candidates, ${pool.vacancies.length} vacancies, ${EMPLOYERS.length} employers inserted, ${CASES.length} cases checked (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const api = await startApi();
    try {
      const get = jsonClient<unknown>(
        api.baseUrl,
        api.tokenFor(QUALITY_USERS.coordinator, Role.Coordinator),
      );
      const quality = await runQuality(pool, get, log);
      const transitions = await transitionAgreementSection(dataSource);
      return { quality, transitions };
    } finally {
      await api.close();
    }
  } finally {
    await dataSource.destroy();
  }
}

async function speedPhase() {
  const config = loadConfig();
  const db = await prepareDatabase(config, { reset: SETTINGS.reset });
  const { dataSource } = db;
  log(`speed database ${dbName(config.database.url)} ${db.state}, taxonomy ${db.taxonomy}`);
  try {
    const spec: DatasetSpec = {
      seed: SETTINGS.seed,
      counts: {
        employers: SETTINGS.employers,
        vacancies: SETTINGS.vacancies,
        candidates: SETTINGS.candidates,
      },
      longTail: LONG_TAIL_VERSION,
    };
    let data: Awaited<ReturnType<typeof generateDataset>> | null = await generateDataset(
      dataSource,
      spec,
    );
    const load = await loadDataset(dataSource, spec, data);
    log(
      load.inserted ? `data set inserted (${formatMs(load.insertMs)})` : 'data set already loaded',
    );
    const coordinator = data.users.find((u) => u.role === Role.Coordinator);
    if (!coordinator) throw new Error('The data set has no coordinator');
    data = null; // let the collector have the generated rows
    const sample = await speedSample(dataSource, SETTINGS.sample);
    const t = performance.now();
    const api = await startApi();
    const apiBootMs = performance.now() - t;
    const options: SpeedOptions = {
      sample: SETTINGS.sample,
      clients: SETTINGS.clients,
      runs: SETTINGS.runs,
      requestsOneClient: SETTINGS.requestsOneClient,
      requestsPerClientOfMany: SETTINGS.requestsPerClientOfMany,
      warmupPerClient: SETTINGS.warmupPerClient,
      scenarioMs: SETTINGS.scenarioSeconds * 1000,
      limit: SETTINGS.limit,
      log,
    };
    try {
      const get = jsonClient<unknown>(api.baseUrl, api.tokenFor(coordinator.id, Role.Coordinator));
      const result = await runSpeed(sample, get, options);
      return { result, options, spec, apiBootMs };
    } finally {
      await api.close();
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * How the system's occupation transitions agree with published ones
 * (bench/matching/transition-agreement.ts), on the quality database's taxonomy.
 */
async function transitionAgreementSection(dataSource: DataSource): Promise<TransitionSection> {
  try {
    const t = performance.now();
    const agreement = await transitionAgreement(dataSource);
    log(
      `transition agreement: ${agreement.summary.checked} of ${agreement.summary.pairs} pairs checked (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    return { status: 'done', text: formatAgreement(agreement) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`transition agreement failed: ${message}`);
    return { status: 'failed', text: `Failed: ${message}` };
  }
}

function dbName(url: string): string {
  return new URL(url).pathname.slice(1);
}

function log(message: string): void {
  console.error(`[bench:matching] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
