import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxTopic } from '../../src/infra/outbox/outbox.entity';
import { OutboxService } from '../../src/infra/outbox/outbox.service';
import { SearchEngine, SearchIndexName } from '../../src/infra/search/search-engine';
import { startWorkerProcess } from './worker-process';

/** One record whose change is followed from commit to search result. */
export interface FreshnessTarget {
  topic: OutboxTopic;
  index: SearchIndexName;
  id: string;
  /** Writes the token into a searchable field (inside the transaction). */
  write(manager: EntityManager, token: string): Promise<void>;
}

export interface FreshnessSample {
  topic: OutboxTopic;
  id: string;
  token: string;
  /** Commit acknowledged -> first search that returns the record, ms. */
  ms: number;
}

export interface FreshnessResult {
  samples: FreshnessSample[];
  timeouts: FreshnessSample[];
  /** Searches made while waiting (they load the database too). */
  polls: number;
  wallMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A word that occurs nowhere else and is not close to any other token (typo tolerance). */
export function uniqueToken(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zq${Array.from({ length: 10 }, () => letters[randomInt(letters.length)]).join('')}`;
}

/**
 * Commits one change per target at a steady rate (each: update + outbox row in one transaction,
 * as the services do) and searches for each change's unique token until the record is returned.
 * The searches are paced so that they cannot swamp the database however many changes are
 * pending: at most `pollers` searches at a time, each change checked at most every `pollMs`.
 * The worker must be running.
 */
export async function measureFreshness(options: {
  dataSource: DataSource;
  search: SearchEngine['search'];
  targets: FreshnessTarget[];
  perSecond: number;
  pollMs?: number;
  pollers?: number;
  timeoutMs?: number;
}): Promise<FreshnessResult> {
  const { dataSource, search, targets, perSecond } = options;
  const pollMs = options.pollMs ?? 10;
  const timeoutMs = options.timeoutMs ?? 30000;
  const outbox = new OutboxService(dataSource);
  const samples: FreshnessSample[] = [];
  const timeouts: FreshnessSample[] = [];
  let polls = 0;

  interface Pending {
    target: FreshnessTarget;
    token: string;
    committed: number;
    nextCheck: number;
  }
  const pending: Pending[] = [];
  let producing = true;

  const produce = async () => {
    const started = performance.now();
    for (const [i, target] of targets.entries()) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await sleep(wait);
      const token = uniqueToken();
      await dataSource.transaction(async (manager) => {
        await target.write(manager, token);
        await outbox.add(manager, target.topic, [target.id]);
      });
      const committed = performance.now();
      pending.push({ target, token, committed, nextCheck: committed });
    }
    producing = false;
  };

  const poll = async () => {
    while (producing || pending.length > 0) {
      // the change waiting longest for its check; claimed by moving its next check on
      const now = performance.now();
      const due = pending.reduce<Pending | undefined>(
        (first, p) => (p.nextCheck <= now && (!first || p.nextCheck < first.nextCheck) ? p : first),
        undefined,
      );
      if (!due) {
        await sleep(2);
        continue;
      }
      due.nextCheck = Infinity;
      const { target, token, committed } = due;
      const result = await search(target.index, { text: token, offset: 0, limit: 10 });
      polls++;
      const ms = performance.now() - committed;
      const sample = { topic: target.topic, id: target.id, token, ms };
      const found = result.hits.some((hit) => hit.id === target.id);
      if (found || ms > timeoutMs) {
        pending.splice(pending.indexOf(due), 1);
        (found ? samples : timeouts).push(sample);
      } else {
        due.nextCheck = performance.now() + pollMs;
      }
    }
  };

  const started = performance.now();
  await Promise.all([produce(), ...Array.from({ length: options.pollers ?? 2 }, poll)]);
  return { samples, timeouts, polls, wallMs: performance.now() - started };
}

/** Waits until one change is searchable: the worker is up (its start takes a few seconds). */
export async function waitUntilIndexing(
  options: Parameters<typeof measureFreshness>[0] & { deadlineMs: number },
): Promise<number> {
  const started = performance.now();
  const result = await measureFreshness({
    ...options,
    targets: options.targets.slice(0, 1),
    timeoutMs: options.deadlineMs,
  });
  if (result.samples.length === 0) throw new Error('The worker did not index a change in time');
  return performance.now() - started;
}

export interface FreshnessBreakdown {
  /** outbox row written -> relayed to BullMQ, ms (database clock). */
  relayMs: number[];
  /** outbox row written -> indexer's upsert transaction started, ms (database clock). */
  indexStartMs: number[];
}

/** Where the time went, from the outbox rows and the documents' indexed_at. */
export async function freshnessBreakdown(
  dataSource: DataSource,
  samples: FreshnessSample[],
  since: Date,
): Promise<FreshnessBreakdown> {
  const rows = await dataSource.query<{ relay_ms: number | null; index_ms: number | null }[]>(
    `SELECT extract(epoch FROM o.relayed_at - o.created_at) * 1000 AS relay_ms,
            extract(epoch FROM d.indexed_at - o.created_at) * 1000 AS index_ms
     FROM outbox o
     LEFT JOIN LATERAL (
       SELECT indexed_at FROM search_docs_candidates WHERE o.topic = 'candidate' AND id = o.aggregate_id::text
       UNION ALL
       SELECT indexed_at FROM search_docs_vacancies WHERE o.topic = 'vacancy' AND id = o.aggregate_id::text
       UNION ALL
       SELECT indexed_at FROM search_docs_employers WHERE o.topic = 'employer' AND id = o.aggregate_id::text
     ) d ON true
     WHERE o.created_at >= $1 AND o.aggregate_id = ANY($2::uuid[])`,
    [since, samples.map((s) => s.id)],
  );
  const numbers = (values: (number | null)[]) =>
    values.filter((v): v is number => v !== null).map(Number);
  return {
    relayMs: numbers(rows.map((r) => r.relay_ms)),
    indexStartMs: numbers(rows.map((r) => r.index_ms)),
  };
}

export interface FreshnessFigures {
  result: FreshnessResult;
  breakdown: FreshnessBreakdown;
  perSecond: number;
  /** From starting the worker process to its first change being searchable. */
  workerStartMs: number;
  workerPeakRss: number | null;
  workerExit: string;
}

/**
 * The whole freshness measurement: starts the real worker as a child process, waits until it
 * indexes (the first target), follows the other targets' changes, reads where the time went
 * and stops the worker.
 */
export async function freshnessWithWorker(options: {
  dataSource: DataSource;
  engine: SearchEngine;
  targets: FreshnessTarget[];
  perSecond: number;
  log: (message: string) => void;
}): Promise<FreshnessFigures> {
  const { dataSource, engine, targets, perSecond, log } = options;
  const search = engine.search.bind(engine);
  log('starting the worker (child process) …');
  const worker = startWorkerProcess();
  try {
    const workerStartMs = await waitUntilIndexing({
      dataSource,
      search,
      targets,
      perSecond: 1,
      deadlineMs: 120_000,
    }).catch((error: Error) => {
      throw new Error(`${error.message}\nworker stderr:\n${worker.stderr()}`);
    });
    log(
      `worker indexing ${(workerStartMs / 1000).toFixed(1)} s after its start; ${targets.length - 1} changes at ${perSecond}/s …`,
    );
    const [{ now: since }] = await dataSource.query<{ now: Date }[]>(`SELECT now()`);
    const result = await measureFreshness({
      dataSource,
      search,
      targets: targets.slice(1),
      perSecond,
    });
    const breakdown = await freshnessBreakdown(dataSource, result.samples, since);
    const workerPeakRss = worker.memory()?.peak ?? null;
    const workerExit = await worker.stop();
    return { result, breakdown, perSecond, workerStartMs, workerPeakRss, workerExit };
  } finally {
    await worker.stop();
  }
}
