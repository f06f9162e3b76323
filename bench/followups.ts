import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/infra/audit/audit.service';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';
import { QueueName } from '../src/infra/queue/jobs';
import { FollowUpsService, ScheduleFollowUp } from '../src/modules/follow-ups/follow-ups.service';
import { recreateDatabase } from './lib/bench-db';
import { applyBenchEnv, wholeSetting } from './lib/bench-env';
import { MemorySampler } from './lib/memory';
import { formatBytes, formatMs, summarize, Summary } from './lib/stats';
import { Report, ratio } from './lib/report';
import { startWorkerProcess, WorkerProcess } from './lib/worker-process';
import { startCountingSink } from './followups/counting-sink';

/**
 * `npm run bench:followups`: durable follow-ups under load. Schedules BENCH_FOLLOWUPS (50,000)
 * follow-ups through FollowUpsService in transactions of BENCH_BATCH, due over a window of
 * BENCH_WINDOW_SECONDS starting BENCH_LEAD_SECONDS after the start; a real worker process
 * (src/worker.ts) fires them and mails each owner over SMTP to a local sink (the `smtp-server`
 * package in this process, counting Message-IDs). Measures scheduling throughput, firing
 * lateness (fired_at - due_at), Redis memory per pending delayed job, the recovery after a
 * FLUSHDB in the middle of the window, and lost and duplicated firings and e-mails. Prints a
 * markdown report and writes bench/results/followups-<date>.md; never fails on a figure.
 *
 * Its own database (dropped and created every run) and Redis database: BENCH_DATABASE_URL
 * (default werkspoor_bench_fu), BENCH_REDIS_URL (default db 9), BENCH_QUEUE_PREFIX.
 */

process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/werkspoor_bench_fu';
process.env.BENCH_REDIS_URL ??= 'redis://127.0.0.1:6379/9';
process.env.BENCH_QUEUE_PREFIX ??= 'werkspoor-bench-fu';

const SETTINGS = {
  followUps: wholeSetting('BENCH_FOLLOWUPS', 50_000),
  batch: wholeSetting('BENCH_BATCH', 1_000),
  leadSeconds: wholeSetting('BENCH_LEAD_SECONDS', 30),
  windowSeconds: wholeSetting('BENCH_WINDOW_SECONDS', 60),
  /** BENCH_FLUSH=0 leaves Redis alone; otherwise FLUSHDB a third into the window. */
  flush: process.env.BENCH_FLUSH !== '0',
  /** How long to wait for the stragglers after the window, in seconds. */
  drainSeconds: wholeSetting('BENCH_DRAIN_SECONDS', 120),
};

const TARGETS = { schedulingPerSecond: 2000, p99LatenessMs: 2000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) =>
  console.log(`[bench:followups ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function count(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await dataSource.query<{ n: number }[]>(sql, params);
  return n;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Deterministic shuffle (so batches do not line up with due times). */
function shuffled(n: number, seed = 4545): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

interface FlushFigures {
  pendingAtFlush: number;
  delayedBefore: number;
  recoveryMs: number | null;
  latenessAround: Summary;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const memory = new MemorySampler().start();
  applyBenchEnv();
  const sink = await startCountingSink();
  // the worker process inherits it
  process.env.SMTP_URL = sink.url;
  const config = loadConfig();
  log(
    `database ${new URL(config.database.url).pathname.slice(1)}, redis ${config.redis.url}, SMTP sink ${sink.url}`,
  );

  await recreateDatabase(config.database.url);
  const dataSource = new DataSource(typeormOptions(config));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const redis = new Redis(config.redis.url);
  await redis.flushdb();
  const queue = new Queue(QueueName.FollowUps, {
    connection: new Redis(config.redis.url, { maxRetriesPerRequest: null }),
    prefix: config.redis.queuePrefix,
  });
  let worker: WorkerProcess | undefined;
  try {
    const [{ id: ownerId }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, password_hash, role, display_name)
       VALUES ('bench-owner@werkspoor.bench', 'not-a-hash', 'accountmanager', 'Bench owner')
       RETURNING id`,
    );

    // ---- a real worker process ----
    worker = startWorkerProcess();
    const markerKey = `${config.redis.queuePrefix}:follow-ups-reconciler:marker`;
    for (let waited = 0; !(await redis.exists(markerKey)); waited += 100) {
      if (waited > 60_000) throw new Error(`worker did not start: ${worker.stderr()}`);
      await sleep(100);
    }
    log(`worker ${worker.pid} ready`);
    const memoryBefore = await usedMemory(redis);

    // ---- scheduling through FollowUpsService, in transactions ----
    memory.enter('schedule');
    const service = new FollowUpsService(dataSource, new AuditService(dataSource));
    const n = SETTINGS.followUps;
    const order = shuffled(n);
    const firstDue = Date.now() + SETTINGS.leadSeconds * 1000;
    const windowMs = SETTINGS.windowSeconds * 1000;
    const batchMs: number[] = [];
    const scheduleStart = performance.now();
    for (let from = 0; from < n; from += SETTINGS.batch) {
      const specs: ScheduleFollowUp[] = order.slice(from, from + SETTINGS.batch).map((i) => ({
        kind: 'placement-check-1m',
        subjectType: 'placement',
        subjectId: uuidOf(i),
        ownerId,
        dueAt: new Date(firstDue + (windowMs * i) / n),
        title: `Plaatsing ${i}: controle na 1 maand`,
        details: 'Bench: bel de werkgever en de kandidaat.',
      }));
      const batchStart = performance.now();
      await dataSource.transaction((manager) => service.scheduleMany(manager, specs));
      batchMs.push(performance.now() - batchStart);
    }
    const scheduleMs = performance.now() - scheduleStart;
    const schedulingRate = n / (scheduleMs / 1000);
    log(`scheduled ${n} in ${formatMs(scheduleMs)} (${Math.round(schedulingRate)}/s)`);
    const lateCommits = await count(
      dataSource,
      `SELECT count(*)::int AS n FROM follow_ups WHERE created_at > due_at`,
    );

    // ---- the worker puts every one on the queue as a delayed job ----
    const queuedStart = performance.now();
    while (
      (await count(
        dataSource,
        `SELECT count(*)::int AS n FROM follow_ups WHERE queued_version IS DISTINCT FROM version`,
      )) > 0
    )
      await sleep(50);
    const queuedAfterMs = performance.now() - queuedStart;
    const delayedJobs = await queue.getDelayedCount();
    const memoryAfter = await usedMemory(redis);
    const bytesPerJob = (memoryAfter - memoryBefore) / Math.max(1, delayedJobs);
    log(
      `all queued ${formatMs(queuedAfterMs)} after the last commit; ${delayedJobs} delayed jobs, ${formatBytes(memoryAfter - memoryBefore)} (${Math.round(bytesPerJob)} B/job)`,
    );

    // ---- FLUSHDB a third into the window ----
    memory.enter('fire');
    let flush: FlushFigures | null = null;
    let flushAt = 0;
    if (SETTINGS.flush) {
      await sleep(Math.max(0, firstDue + windowMs / 3 - Date.now()));
      const pendingAtFlush = await count(
        dataSource,
        `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'scheduled'`,
      );
      const delayedBefore = await queue.getDelayedCount();
      const firedBefore = await count(
        dataSource,
        `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'due'`,
      );
      flushAt = Date.now();
      await redis.flushdb();
      log(`FLUSHDB with ${pendingAtFlush} follow-ups pending (${delayedBefore} delayed jobs)`);
      let recoveryMs: number | null = null;
      while (Date.now() - flushAt < 120_000) {
        const counts = await queue.getJobCounts('delayed', 'waiting', 'active', 'prioritized');
        const jobs = Object.values(counts).reduce((sum, c) => sum + c, 0);
        const firedSince =
          (await count(
            dataSource,
            `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'due'`,
          )) - firedBefore;
        if (jobs + firedSince >= pendingAtFlush) {
          recoveryMs = Date.now() - flushAt;
          break;
        }
        await sleep(50);
      }
      log(`recovered ${recoveryMs === null ? 'NOT within 120 s' : `in ${formatMs(recoveryMs)}`}`);
      flush = { pendingAtFlush, delayedBefore, recoveryMs, latenessAround: summarize([]) };
    }

    // ---- every follow-up fires, every e-mail is sent ----
    const deadline = firstDue + windowMs + SETTINGS.drainSeconds * 1000;
    while (Date.now() < deadline) {
      const open = await count(
        dataSource,
        `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'scheduled'`,
      );
      const queuedEmails = await count(
        dataSource,
        `SELECT count(*)::int AS n FROM outgoing_emails WHERE status = 'queued'`,
      );
      if (Date.now() > firstDue + windowMs && open === 0 && queuedEmails === 0) break;
      await sleep(500);
    }
    // late duplicates would show now
    await sleep(2000);
    memory.stop();
    const workerMemory = worker.memory();

    const lateness = await dataSource.query<{ ms: number; due: Date }[]>(
      `SELECT extract(epoch FROM fired_at - due_at) * 1000 AS ms, due_at AS due
       FROM follow_ups WHERE fired_at IS NOT NULL`,
    );
    const all = summarize(lateness.map((r) => Number(r.ms)));
    if (flush && flush.recoveryMs !== null) {
      const to = flushAt + flush.recoveryMs + 2000;
      flush.latenessAround = summarize(
        lateness
          .filter((r) => r.due.getTime() >= flushAt && r.due.getTime() <= to)
          .map((r) => Number(r.ms)),
      );
    }
    const lost = await count(
      dataSource,
      `SELECT count(*)::int AS n FROM follow_ups WHERE status <> 'due'`,
    );
    const duplicateEmailRows = await count(
      dataSource,
      `SELECT count(*)::int AS n FROM (SELECT follow_up_id FROM outgoing_emails
         GROUP BY follow_up_id HAVING count(*) > 1) d`,
    );
    const firedWithoutEmail = await count(
      dataSource,
      `SELECT count(*)::int AS n FROM follow_ups f WHERE f.status = 'due'
       AND NOT EXISTS (SELECT 1 FROM outgoing_emails e WHERE e.follow_up_id = f.id)`,
    );
    const emailStates = await dataSource.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM outgoing_emails GROUP BY status ORDER BY status`,
    );
    const sentIds = await dataSource.query<{ message_id: string }[]>(
      `SELECT message_id FROM outgoing_emails WHERE status = 'sent'`,
    );
    const notReceived = sentIds.filter((r) => !sink.received.has(r.message_id)).length;
    const receivedTwice = [...sink.received.values()].filter((c) => c > 1).length;
    const mailDelay = summarize(
      (
        await dataSource.query<{ ms: number }[]>(
          `SELECT extract(epoch FROM e.sent_at - f.fired_at) * 1000 AS ms
           FROM outgoing_emails e JOIN follow_ups f ON f.id = e.follow_up_id
           WHERE e.status = 'sent'`,
        )
      ).map((r) => Number(r.ms)),
    );
    const retried = await count(
      dataSource,
      `SELECT count(*)::int AS n FROM outgoing_emails WHERE attempts > 1`,
    );

    // ---- report ----
    const report = new Report()
      .heading(
        `Follow-ups benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        1,
      )
      .text(
        `${n.toLocaleString('en')} follow-ups scheduled through \`FollowUpsService.scheduleMany\` in transactions of ${SETTINGS.batch}, due over ${SETTINGS.windowSeconds} s starting ${SETTINGS.leadSeconds} s after the start; one real worker process (\`src/worker.ts\`, follow-ups and e-mail queues at concurrency 8 each) fires them and e-mails the owner over SMTP (nodemailer pool of 4 connections) to a local \`smtp-server\` sink in the bench process that counts Message-IDs. PostgreSQL and Redis on the shared 2-core development machine. ${SETTINGS.flush ? 'FLUSHDB on the bench Redis database a third into the window.' : 'No FLUSHDB (BENCH_FLUSH=0).'}`,
      )
      .table(
        ['measure', 'figure', 'target', 'figure ÷ target'],
        [
          [
            'scheduling throughput',
            `${Math.round(schedulingRate).toLocaleString('en')}/s`,
            `≥ ${TARGETS.schedulingPerSecond.toLocaleString('en')}/s`,
            ratio(schedulingRate, TARGETS.schedulingPerSecond),
          ],
          [
            'firing lateness p50 / p95 / p99',
            `${formatMs(all.p50)} / ${formatMs(all.p95)} / ${formatMs(all.p99)}`,
            `p99 ≤ ${formatMs(TARGETS.p99LatenessMs)}`,
            ratio(all.p99, TARGETS.p99LatenessMs),
          ],
          ['firing lateness max', formatMs(all.max), '', ''],
          [
            'fired → accepted by the SMTP server, p50 / p95 / p99',
            `${formatMs(mailDelay.p50)} / ${formatMs(mailDelay.p95)} / ${formatMs(mailDelay.p99)}`,
            '',
            '',
          ],
          [
            'Redis memory per pending delayed job',
            `${Math.round(bytesPerJob).toLocaleString('en')} B (${formatBytes(memoryAfter - memoryBefore)} for ${delayedJobs.toLocaleString('en')})`,
            '',
            '',
          ],
          [
            'recovery after FLUSHDB (every pending job back)',
            flush
              ? flush.recoveryMs === null
                ? 'not within 120 s'
                : formatMs(flush.recoveryMs)
              : 'not run',
            '',
            '',
          ],
          [
            'lateness of those due during the recovery, p50 / p99 / max',
            flush && flush.latenessAround.count > 0
              ? `${formatMs(flush.latenessAround.p50)} / ${formatMs(flush.latenessAround.p99)} / ${formatMs(flush.latenessAround.max)} (${flush.latenessAround.count})`
              : 'n/a',
            '',
            '',
          ],
          ['lost (never fired)', lost, '0', ''],
          ['duplicated (more than 1 e-mail row per firing)', duplicateEmailRows, '0', ''],
          ['fired without an e-mail row', firedWithoutEmail, '0', ''],
          ['e-mails sent but not received by the SMTP sink', notReceived, '0', ''],
          ['e-mails received more than once by the SMTP sink', receivedTwice, '0', ''],
        ],
      )
      .heading('Details', 2)
      .table(
        ['detail', 'figure'],
        [
          ['scheduling: total', formatMs(scheduleMs)],
          [
            `scheduling: one transaction of ${SETTINGS.batch}, p50 / p95 / max`,
            (() => {
              const s = summarize(batchMs);
              return `${formatMs(s.p50)} / ${formatMs(s.p95)} / ${formatMs(s.max)}`;
            })(),
          ],
          ['committed after their due time', lateCommits],
          ['all on the queue, after the last commit', formatMs(queuedAfterMs)],
          ['delayed jobs before the flush', flush ? flush.delayedBefore : 'n/a'],
          ['follow-ups pending at the flush', flush ? flush.pendingAtFlush : 'n/a'],
          ['fired', all.count],
          ['e-mail rows by status', emailStates.map((s) => `${s.status} ${s.n}`).join(', ')],
          ['e-mails that needed more than one attempt', retried],
          ['messages received by the sink', sink.total()],
          [
            'peak RSS: bench process / worker',
            `${formatBytes(memory.peaks.get('fire') ?? NaN)} / ${formatBytes(workerMemory?.peak ?? NaN)}`,
          ],
          ['total run time', formatMs(performance.now() - started)],
        ],
      );
    const text = report.toString();
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `followups-${startedAt.toISOString().slice(0, 10)}.md`);
    writeFileSync(file, text);
    console.log(`\n${text}`);
    log(`written to ${file}`);
  } finally {
    if (worker) await worker.stop();
    await queue.close();
    await redis.quit();
    await dataSource.destroy();
    await sink.close();
  }
}

/** A stable uuid per index (the subject of follow-up i). */
function uuidOf(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
