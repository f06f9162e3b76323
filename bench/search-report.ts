import { cpus, totalmem } from 'node:os';
import { RelationSize } from './lib/bench-db';
import { DatasetSpec, LoadResult } from './lib/data-load';
import { FreshnessFigures } from './lib/freshness';
import { ReindexFigures } from './lib/indexing';
import { MemorySampler, processPeakRss } from './lib/memory';
import { QUERY_KINDS } from './lib/query-mix';
import { ratio, Report } from './lib/report';
import { RunFigures, SearchLoadResult, SearchPath } from './lib/search-load';
import { formatBytes, formatMs, formatRate, median, medianOfRuns, summarize } from './lib/stats';

/** The targets for this 2-core machine with the PostgreSQL engine. */
export const TARGETS = { indexingDocsPerSecond: 2000, searchP95Ms: 50, freshnessP95Ms: 2000 };

export interface SearchReportInput {
  startedAt: Date;
  totalMs: number;
  settings: {
    runs: number;
    requestsOneClient: number;
    requestsPerClientOfMany: number;
    warmupPerClient: number;
    scenarioSeconds: number;
    clients: readonly number[];
  };
  engine: string;
  postgres: string;
  db: { state: string; setupMs: number };
  spec: DatasetSpec;
  generateMs: number;
  mixMs: number;
  load: LoadResult;
  /** Empty when the indexing phase was skipped. */
  indexing: ReindexFigures[];
  sizes: RelationSize[];
  perIndex: { index_name: string; documents: number; bytes: string }[];
  terms: { index_name: string; terms: number }[];
  freshness: FreshnessFigures | null;
  search: SearchLoadResult | null;
  apiBootMs: number | null;
  memory: MemorySampler;
}

export function searchReport(input: SearchReportInput): Report {
  const report = new Report();
  header(report, input);
  targets(report, input);
  indexing(report, input);
  freshness(report, input);
  search(report, input);
  memoryAndDisk(report, input);
  run(report, input);
  return report;
}

function header(report: Report, input: SearchReportInput): void {
  const cpu = cpus();
  const { settings, spec } = input;
  const count = (n: number) => n.toLocaleString('en-US');
  report
    .heading(
      `Search benchmark — ${input.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      1,
    )
    .text(
      [
        `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${formatBytes(totalmem())} RAM; Node ${process.version}; PostgreSQL: ${input.postgres}.`,
        `Engine ${input.engine}; data: ${count(spec.counts.candidates)} candidates, ${count(spec.counts.vacancies)} vacancies, ${count(spec.counts.employers)} employers (seed ${spec.seed}).`,
        `Search figures are the median of ${settings.runs} run(s); per run 1 client sends up to ${settings.requestsOneClient} requests and ${settings.clients.filter((c) => c > 1).join('/')} clients up to ${settings.requestsPerClientOfMany} each, after ${settings.warmupPerClient} warm-up requests per client, within ${settings.scenarioSeconds} s (the Requests column counts what was measured). The API and the engine-only calls run in the bench's Node process; the HTTP clients run in a worker thread of it (their own event loop), one keep-alive connection each over a raw socket, and read each answer to its end by its Content-Length and check its status without parsing it, as a load generator (wrk) does (the first pass over the queries parsed them); the worker runs as a child process. The search_docs_<index> tables are VACUUM ANALYZEd after the rebuild (as autovacuum would be soon after).`,
      ].join('\n'),
    );
}

function scenarioMedian(
  input: SearchReportInput,
  index: string,
  path: SearchPath,
  clients: number,
) {
  const s = input.search?.scenarios.find(
    (x) => x.index === index && x.path === path && x.clients === clients,
  );
  return s && s.runs.length > 0
    ? medianOfRuns(s.runs as unknown as Record<keyof RunFigures, number>[])
    : null;
}

function targets(report: Report, input: SearchReportInput): void {
  const rows: (string | number)[][] = [];
  const atLeast = (figure: number, target: number) => (figure >= target ? 'yes' : 'no');
  const atMost = (figure: number, target: number) => (figure <= target ? 'yes' : 'no');
  if (input.indexing.length > 0) {
    const docs = input.indexing.reduce((sum, f) => sum + f.documents, 0);
    const ms = input.indexing.reduce((sum, f) => sum + f.ms, 0);
    const all = (docs / ms) * 1000;
    const candidates =
      input.indexing.find((f) => f.index === 'candidates')?.docsPerSecond ?? Number.NaN;
    const target = TARGETS.indexingDocsPerSecond;
    for (const [what, rate] of [
      ['Bulk indexing, candidates', candidates],
      ['Bulk indexing, all indexes', all],
    ] as const)
      rows.push([
        what,
        formatRate(rate, 'docs'),
        '≥ 2,000 docs/s',
        ratio(rate, target),
        atLeast(rate, target),
      ]);
  }
  for (const clients of input.settings.clients) {
    for (const path of ['http', 'engine'] as const) {
      const p95 = scenarioMedian(input, 'candidates', path, clients)?.median.p95;
      if (p95 === undefined) continue;
      const what = `Search p95, candidates, ${path === 'http' ? 'HTTP' : 'engine only'}, ${clients} client${clients > 1 ? 's' : ''}`;
      rows.push([
        what,
        formatMs(p95),
        '≤ 50 ms',
        ratio(p95, TARGETS.searchP95Ms),
        atMost(p95, TARGETS.searchP95Ms),
      ]);
    }
  }
  if (input.freshness) {
    const p95 = summarize(input.freshness.result.samples.map((s) => s.ms)).p95;
    rows.push([
      'Freshness p95 (commit → searchable)',
      formatMs(p95),
      '≤ 2 s',
      ratio(p95, TARGETS.freshnessP95Ms),
      atMost(p95, TARGETS.freshnessP95Ms),
    ]);
  }
  report
    .heading('Against the targets')
    .table(['Measure', 'Figure', 'Target', 'Figure ÷ target', 'Within'], rows);
}

function indexing(report: Report, input: SearchReportInput): void {
  report.heading('Bulk indexing (SearchReindexService.reindex)');
  if (input.indexing.length === 0) {
    report.text('Not run (BENCH_PHASES).');
    return;
  }
  report.table(
    ['Index', 'Documents', 'Time', 'Docs/s', 'Waiting for documents', 'Engine writes'],
    input.indexing.map((f) => [
      f.index,
      f.documents.toLocaleString('en-US'),
      seconds(f.ms),
      formatRate(f.docsPerSecond, 'docs'),
      `${seconds(f.buildMs)} (${pct(f.buildMs / f.ms)})`,
      `${seconds(f.writeMs)} (${pct(f.writeMs / f.ms)})`,
    ]),
  );
  report.text(
    'Waiting for documents: the engine waiting for its next batch, i.e. the loading and building of documents not done while it wrote the batch before (the reindex reads one batch ahead).',
  );
}

function freshness(report: Report, input: SearchReportInput): void {
  report.heading('Freshness (commit → returned by the engine’s search)');
  const figures = input.freshness;
  if (!figures) {
    report.text('Not run (BENCH_PHASES).');
    return;
  }
  const { result, breakdown } = figures;
  const row = (what: string, values: number[]) => {
    const s = summarize(values);
    return [what, s.count, formatMs(s.p50), formatMs(s.p95), formatMs(s.p99), formatMs(s.max)];
  };
  report
    .text(
      `${result.samples.length} changes at ${figures.perSecond}/s (UPDATE + OutboxService.add in one transaction, two candidates to one vacancy), each followed by searches for its unique token (at most 2 searches at a time, each change checked at most every 10 ms; ${result.polls} searches in all); ${result.timeouts.length} not searchable within 30 s. The worker (child process) indexed its first change ${seconds(figures.workerStartMs)} after being started and stopped with ${figures.workerExit}.`,
    )
    .table(
      ['Changes', 'n', 'p50', 'p95', 'p99', 'max'],
      [
        row(
          'all',
          result.samples.map((s) => s.ms),
        ),
        ...['candidate', 'vacancy'].map((topic) =>
          row(
            topic,
            result.samples.filter((s) => s.topic === topic).map((s) => s.ms),
          ),
        ),
        row('of which: outbox row → relayed to BullMQ', breakdown.relayMs),
        row('of which: outbox row → indexer’s upsert began', breakdown.indexStartMs),
      ],
    );
}

function search(report: Report, input: SearchReportInput): void {
  report.heading('Search latency');
  const result = input.search;
  if (!result) {
    report.text('Not run (BENCH_PHASES).');
    return;
  }
  report.table(
    [
      'Index',
      'Path',
      'Clients',
      'p50',
      'p95',
      'p99',
      'Throughput',
      'p95 spread',
      'Requests',
      'Errors',
    ],
    result.scenarios.map((s) => {
      const m = medianOfRuns(s.runs as unknown as Record<keyof RunFigures, number>[]);
      return [
        s.index,
        s.path === 'http' ? 'HTTP' : 'engine only',
        s.clients,
        formatMs(m.median.p50),
        formatMs(m.median.p95),
        formatMs(m.median.p99),
        formatRate(m.median.throughput, 'req'),
        `${m.spread.p95.toFixed(2)}×`,
        s.requests,
        s.errors,
      ];
    }),
  );
  report.text(
    "CPU while measuring (median of the runs; cores busy on average, from `process.cpuUsage`, /proc/self/task for the threads of the Node process and /proc for every PostgreSQL process; the machine has 2). The Node process is split into its main thread (the API; engine only: also the clients), the HTTP clients' thread and the other threads (V8's garbage collection and compilation, libuv). CPU a request is the Node process and PostgreSQL together over the throughput:",
  );
  report.table(
    [
      'Index',
      'Path',
      'Clients',
      'Node process',
      'main thread',
      'HTTP clients',
      'other threads',
      'PostgreSQL',
      'CPU a request',
    ],
    result.scenarios.map((s) => {
      const m = medianOfRuns(s.runs as unknown as Record<keyof RunFigures, number>[]).median;
      const cores = (value: number) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)} cores`);
      const perRequest = ((m.nodeCores + m.postgresCores) / m.throughput) * 1000;
      return [
        s.index,
        s.path === 'http' ? 'HTTP' : 'engine only',
        s.clients,
        cores(m.nodeCores),
        cores(m.mainThreadCores),
        s.path === 'http' ? cores(m.clientsThreadCores) : '',
        cores(m.helperThreadsCores),
        cores(m.postgresCores),
        Number.isNaN(perRequest) ? 'n/a' : formatMs(perRequest),
      ];
    }),
  );
  const errors = result.scenarios.filter((s) => s.firstError);
  if (errors.length > 0)
    report.text(
      errors.map((s) => `- ${s.index} ${s.path} ${s.clients}: ${s.firstError}`).join('\n'),
    );

  const indexes = [...new Set(result.scenarios.map((s) => s.index))];
  const [one, many] = [input.settings.clients[0], input.settings.clients.at(-1) ?? 1];
  const ratios: (string | number)[][] = [];
  for (const index of indexes) {
    for (const clients of input.settings.clients) {
      const http = scenarioMedian(input, index, 'http', clients)?.median;
      const engine = scenarioMedian(input, index, 'engine', clients)?.median;
      if (http && engine)
        ratios.push([
          index,
          `${clients}: HTTP ÷ engine only`,
          times(http.p50 / engine.p50),
          times(http.p95 / engine.p95),
          formatMs(http.p50 - engine.p50),
        ]);
    }
    const a = scenarioMedian(input, index, 'http', one)?.median;
    const b = scenarioMedian(input, index, 'http', many)?.median;
    if (a && b && many !== one)
      ratios.push([
        index,
        `HTTP: ${many} ÷ ${one} client`,
        times(b.p50 / a.p50),
        times(b.p95 / a.p95),
        `throughput ${times(b.throughput / a.throughput)}`,
      ]);
  }
  report
    .text(
      'Ratios. HTTP over engine only is what routing, auth (a user lookup), validation, reference checks, facet labels, relaxations and JSON add:',
    )
    .table(['Index', 'Compared', 'p50', 'p95', 'Difference'], ratios);

  report
    .text('Engine searches made inside the HTTP requests (timed around the engine’s `search`):')
    .table(
      ['Index', 'Clients', 'Engine searches per request', 'p50', 'p95'],
      result.scenarios
        .filter((s) => s.path === 'http')
        .map((s) => {
          const inside = summarize(s.engineInside);
          return [
            s.index,
            s.clients,
            (s.engineInside.length / Math.max(1, s.requests)).toFixed(2),
            formatMs(inside.p50),
            formatMs(inside.p95),
          ];
        }),
    );

  for (const index of indexes) {
    const prepared = result.prepared[index];
    const find = (path: SearchPath) =>
      result.scenarios.find((s) => s.index === index && s.path === path && s.clients === 1);
    const [http, engine] = [find('http'), find('engine')];
    report.text(`Per kind of query, ${index}, 1 client (all runs pooled):`).table(
      [
        'Kind',
        'Queries',
        'Median hits',
        'No hits',
        'HTTP p50',
        'HTTP p95',
        'Engine p50',
        'Engine p95',
      ],
      QUERY_KINDS.map((kind) => {
        const ofKind = prepared.filter((p) => p.query.kind === kind);
        const h = summarize(http?.byKind.get(kind) ?? []);
        const e = summarize(engine?.byKind.get(kind) ?? []);
        const none = ofKind.filter((p) => p.total === 0).length;
        return [
          kind,
          ofKind.length,
          median(ofKind.map((p) => p.total)),
          pct(none / Math.max(1, ofKind.length)),
          formatMs(h.p50),
          formatMs(h.p95),
          formatMs(e.p50),
          formatMs(e.p95),
        ];
      }),
    );
  }

  const slowest = result.scenarios
    .filter((s) => s.clients === 1 && s.path === 'http')
    .flatMap((s) =>
      [...s.byQuery].map(([i, latencies]) => ({
        prepared: result.prepared[s.index][i],
        p50: median(latencies),
      })),
    )
    .sort((a, b) => b.p50 - a.p50)
    .slice(0, 8);
  report.text('Slowest queries (HTTP, 1 client, median over all runs):').table(
    ['Query', 'Kind', 'Hits', 'Extra searches', 'p50'],
    slowest.map(({ prepared, p50 }) => [
      `\`${decodeURIComponent(prepared.path)}\``,
      prepared.query.kind,
      prepared.total,
      prepared.extraSearches,
      formatMs(p50),
    ]),
  );
  if (result.refused.length > 0) {
    report.text(`Queries the API refused (left out of the load): ${result.refused.length}`).text(
      result.refused
        .slice(0, 10)
        .map((r) => `- \`${r.path}\`: ${r.error}`)
        .join('\n'),
    );
  }
}

function memoryAndDisk(report: Report, input: SearchReportInput): void {
  const { memory } = input;
  const peak = (phase: string) => formatBytes(memory.peaks.get(phase) ?? Number.NaN);
  const settled = [...memory.settledHeap]
    .map(([label, bytes]) => `${label} ${formatBytes(bytes)}`)
    .join(', ');
  const sampled = [...memory.peaks]
    .map(([phase, bytes]) => `${phase} ${formatBytes(bytes)}`)
    .join(', ');
  report
    .heading('Memory and disk')
    .table(
      ['What', 'Size'],
      [
        [
          'Bench process peak RSS (getrusage: data generator, API, load generator and ts-node together)',
          formatBytes(processPeakRss()),
        ],
        ['Bench process RSS, sampled peak while serving searches', peak('search')],
        [
          'Worker process peak RSS (VmHWM, during the freshness phase)',
          formatBytes(input.freshness?.workerPeakRss ?? Number.NaN),
        ],
        ...input.sizes.map((s) => [
          `Table ${s.relation} on disk, incl. free space (of which indexes)`,
          `${formatBytes(s.totalBytes)} (${formatBytes(s.indexBytes)})`,
        ]),
        ...input.perIndex.map((r) => [
          `Index ${r.index_name}: ${r.documents.toLocaleString('en-US')} documents, search_docs_${r.index_name} row bytes`,
          formatBytes(Number(r.bytes)),
        ]),
        ...input.terms.map((r) => [
          `Index ${r.index_name}: vocabulary (search_terms)`,
          `${r.terms.toLocaleString('en-US')} words`,
        ]),
      ],
    )
    .text(
      [
        `Sampled RSS peaks per phase (a phase starts with what the one before left on the heap): ${sampled}.`,
        `Heap in use after a full garbage collection: ${settled || 'not measured (run node with --expose-gc)'}. V8 lets garbage pile up while the heap limit allows and RSS does not shrink back, so the RSS peaks are an upper bound.`,
      ].join('\n'),
    );
}

function run(report: Report, input: SearchReportInput): void {
  const rows = Object.values(input.load.rows).reduce((a, b) => a + b, 0);
  report.heading('Run').table(
    ['Step', 'Time'],
    [
      ['Database (create/migrate/taxonomy)', `${seconds(input.db.setupMs)} (${input.db.state})`],
      ['Generate data', seconds(input.generateMs)],
      [
        'Insert data',
        input.load.inserted
          ? `${seconds(input.load.insertMs)} (${formatRate(rows / (input.load.insertMs / 1000), 'rows')})`
          : `skipped: same data set (took ${seconds(input.load.insertMs)} when loaded)`,
      ],
      ['Build query mix', seconds(input.mixMs)],
      ['API boot', input.apiBootMs === null ? 'n/a' : seconds(input.apiBootMs)],
      ['Whole run', seconds(input.totalMs)],
    ],
  );
}

export function seconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a';
}

function pct(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)} %` : 'n/a';
}

function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}
