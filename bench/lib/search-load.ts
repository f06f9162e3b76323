import { SearchIndexName, SearchQuery } from '../../src/infra/search/search-engine';
import { SearchBody } from './api';
import { runLoad } from './concurrency';
import { coresSince, cpuSnapshot } from './cpu-usage';
import { EngineProbe } from './engine-probe';
import { HttpLoadClients } from './http-load';
import { BenchQuery, searchPath } from './query-mix';
import { formatMs, formatRate, summarize } from './stats';

export type SearchPath = 'http' | 'engine';

/** A query of the mix as sent once through HTTP: what the engine was asked, and what it found. */
export interface PreparedQuery {
  query: BenchQuery;
  path: string;
  engine: { index: SearchIndexName; query: SearchQuery };
  total: number;
  /** Extra engine searches the API made for it (relaxations when nothing is found). */
  extraSearches: number;
}

export interface RunFigures {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  /**
   * Cores busy while measuring: the bench's Node process (API, load generator), split into its
   * main thread, the HTTP clients' thread and the others (V8, libuv), and PostgreSQL.
   */
  nodeCores: number;
  mainThreadCores: number;
  clientsThreadCores: number;
  helperThreadsCores: number;
  postgresCores: number;
}

export interface ScenarioResult {
  index: BenchQuery['index'];
  path: SearchPath;
  clients: number;
  /** One entry per run. */
  runs: RunFigures[];
  errors: number;
  firstError?: string;
  /** Measured requests over all runs. */
  requests: number;
  /** Latencies per query kind over all runs (1 client only). */
  byKind: Map<string, number[]>;
  /** Latencies per query (index into the prepared list) over all runs (1 client only). */
  byQuery: Map<number, number[]>;
  /** Durations of the engine searches made inside the HTTP requests (HTTP only). */
  engineInside: number[];
}

export interface SearchLoadOptions {
  indexes: BenchQuery['index'][];
  clients: readonly number[];
  runs: number;
  requestsOneClient: number;
  requestsPerClientOfMany: number;
  warmupPerClient: number;
  scenarioMs: number;
  log: (message: string) => void;
}

export interface SearchLoadResult {
  prepared: Record<BenchQuery['index'], PreparedQuery[]>;
  /** Queries the API answered with an error in the first pass (left out of the load). */
  refused: { path: string; error: string }[];
  scenarios: ScenarioResult[];
}

/**
 * Sends every query once, alone, to learn what each asks the engine; then, run after run,
 * loads each index through HTTP (the clients in a worker thread, see http-load.ts) and through
 * the engine directly (the same engine queries), at each number of clients. HTTP and
 * engine-only alternate within a run so drift hits both alike.
 */
export async function runSearchLoad(
  mix: Record<BenchQuery['index'], BenchQuery[]>,
  get: (path: string) => Promise<SearchBody>,
  clientsThread: HttpLoadClients,
  probe: EngineProbe,
  options: SearchLoadOptions,
): Promise<SearchLoadResult> {
  const prepared = { candidates: [] as PreparedQuery[], vacancies: [] as PreparedQuery[] };
  const refused: SearchLoadResult['refused'] = [];
  const started = performance.now();
  for (const index of options.indexes) {
    for (const query of mix[index]) {
      const path = searchPath(query);
      try {
        const { result, calls } = await probe.record(() => get(path));
        prepared[index].push({
          query,
          path,
          engine: { index: calls[0].index, query: calls[0].query },
          total: result.total,
          extraSearches: calls.length - 1,
        });
      } catch (error) {
        refused.push({ path, error: (error as Error).message });
      }
    }
  }
  options.log(
    `each query sent once (${((performance.now() - started) / 1000).toFixed(1)} s); ${refused.length} refused`,
  );

  const scenarios: ScenarioResult[] = [];
  const scenario = (index: ScenarioResult['index'], path: SearchPath, clients: number) => {
    let found = scenarios.find(
      (s) => s.index === index && s.path === path && s.clients === clients,
    );
    if (!found) {
      found = {
        index,
        path,
        clients,
        runs: [],
        errors: 0,
        requests: 0,
        byKind: new Map(),
        byQuery: new Map(),
        engineInside: [],
      };
      scenarios.push(found);
    }
    return found;
  };

  for (let run = 1; run <= options.runs; run++) {
    for (const index of options.indexes) {
      const operations = prepared[index];
      if (operations.length === 0) continue;
      for (const clients of options.clients) {
        for (const path of ['http', 'engine'] as const) {
          const target = scenario(index, path, clients);
          let cpu = cpuSnapshot();
          const onMeasureStart = () => {
            if (path === 'http') probe.calls = [];
            cpu = cpuSnapshot();
          };
          const load = {
            clients,
            requestsPerClient:
              clients === 1 ? options.requestsOneClient : options.requestsPerClientOfMany,
            warmupPerClient: options.warmupPerClient,
            maxMs: options.scenarioMs,
            // each run starts at another part of the list: runs cut short by the time budget
            // still cover all of it together
            startAt: Math.floor(((run - 1) * operations.length) / options.runs),
          };
          const result =
            path === 'http'
              ? await clientsThread.run(
                  { ...load, paths: operations.map((op) => op.path) },
                  onMeasureStart,
                )
              : await runLoad<PreparedQuery>({
                  ...load,
                  operations,
                  onMeasureStart,
                  execute: async (op) => {
                    await probe.search(op.engine.index, op.engine.query);
                  },
                });
          const cores = coresSince(cpu, path === 'http' ? clientsThread.threadId : null);
          if (path === 'http') {
            target.engineInside.push(...(probe.calls ?? []).map((call) => call.ms));
            probe.calls = null;
          }
          const s = summarize(result.latencies);
          target.runs.push({
            p50: s.p50,
            p95: s.p95,
            p99: s.p99,
            throughput: result.throughput,
            nodeCores: cores.node,
            mainThreadCores: cores.mainThread,
            clientsThreadCores: cores.clientsThread,
            helperThreadsCores: cores.helperThreads,
            postgresCores: cores.postgres,
          });
          target.errors += result.errors;
          target.firstError ??= result.firstError;
          target.requests += result.latencies.length;
          if (clients === 1) {
            for (const [i, latencies] of result.byOperation) {
              const kind = operations[i].query.kind;
              target.byKind.set(kind, [...(target.byKind.get(kind) ?? []), ...latencies]);
              target.byQuery.set(i, [...(target.byQuery.get(i) ?? []), ...latencies]);
            }
          }
          options.log(
            `run ${run}/${options.runs} ${index} ${path} ${clients} client(s): ${result.latencies.length} requests, p50 ${formatMs(s.p50)}, p95 ${formatMs(s.p95)}, ${formatRate(result.throughput, 'req')}${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}`,
          );
        }
      }
    }
  }
  return { prepared, refused, scenarios };
}
