import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Role } from '../src/infra/auth/role';
import { loadConfig } from '../src/infra/config/app-config';
import { FollowUpsService } from '../src/modules/follow-ups/follow-ups.service';
import { loginAs, TestUser } from './factories/user.factory';
import { startSmtpSink, SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * The three ways the issue says follow-ups must not get lost, each with a real worker process
 * (src/worker.ts, as production runs it) and a local SMTP server: every follow-up fires exactly
 * once and exactly one e-mail each reaches the server.
 */

const ROOT = join(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function spawnWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/worker.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      TS_NODE_TRANSPILE_ONLY: '1',
      FOLLOW_UP_RECONCILE_SECONDS: '2',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start in 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Worker running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.stdout?.resume();
  return child;
}

function kill(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A redis-server of our own (no persistence: a restart loses everything, the worst case). */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.resume();
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

interface Outcome {
  id: string;
  status: string;
  lateness_ms: number | null;
  emails: number;
  sent: number;
  message_ids: string[];
  /** Attempts of its e-mail: more than 1 when a send was interrupted (or refused). */
  attempts: number;
}

describe('follow-ups survive worker crashes and Redis losing its data', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let owner: TestUser;
  let service: FollowUpsService;
  let worker: ChildProcess | undefined;
  let redisServer: ChildProcess | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp();
    service = t.app.get(FollowUpsService);
    owner = await loginAs(t, Role.AccountManager);
  });

  afterAll(async () => {
    await kill(worker);
    await kill(redisServer);
    await t?.close();
    await sink?.close();
  });

  /** `count` follow-ups due from `fromMs` to `toMs` from now, committed in one transaction. */
  const scheduleSpread = (count: number, fromMs: number, toMs: number): Promise<string[]> =>
    t.dataSource.transaction(async (manager) => {
      const now = Date.now();
      const created = await service.scheduleMany(
        manager,
        Array.from({ length: count }, (_, i) => ({
          kind: 'nomination-no-answer' as const,
          subjectType: 'nomination' as const,
          subjectId: randomUUID(),
          ownerId: owner.id,
          dueAt: new Date(now + fromMs + ((toMs - fromMs) * i) / Math.max(1, count - 1)),
          title: `Duurzaamheidstest ${i}`,
        })),
      );
      return created.map((f) => f.id);
    });

  const outcomes = (ids: string[]): Promise<Outcome[]> =>
    t.dataSource.query<Outcome[]>(
      `SELECT f.id, f.status,
              (extract(epoch FROM f.fired_at - f.due_at) * 1000)::int AS lateness_ms,
              count(e.id)::int AS emails,
              count(e.id) FILTER (WHERE e.status = 'sent')::int AS sent,
              coalesce(array_agg(e.message_id) FILTER (WHERE e.id IS NOT NULL), '{}') AS message_ids,
              coalesce(max(e.attempts), 0)::int AS attempts
       FROM follow_ups f LEFT JOIN outgoing_emails e ON e.follow_up_id = f.id
       WHERE f.id = ANY($1::uuid[])
       GROUP BY f.id`,
      [ids],
    );

  /** Waits until every follow-up fired and its e-mail was sent; then checks "exactly once". */
  async function expectEachFiredAndMailedOnce(
    ids: string[],
    timeoutMs: number,
    options: { maxResent?: number } = {},
  ): Promise<Outcome[]> {
    const deadline = Date.now() + timeoutMs;
    let rows = await outcomes(ids);
    while (rows.some((r) => r.status !== 'due' || r.sent < 1) && Date.now() < deadline) {
      await sleep(200);
      rows = await outcomes(ids);
    }
    // a late duplicate would show up now
    await sleep(1500);
    rows = await outcomes(ids);
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((r) => r.status !== 'due').map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => r.emails !== 1 || r.sent !== 1).map((r) => r.id)).toEqual([]);
    const received = new Map<string, number>();
    for (const message of sink.messages)
      if (message.messageId)
        received.set(message.messageId, (received.get(message.messageId) ?? 0) + 1);
    // every e-mail reached the SMTP server ...
    expect(rows.filter((r) => !received.has(r.message_ids[0])).map((r) => r.id)).toEqual([]);
    // ... exactly once, except one whose send a SIGKILL cut off between the server's "250 OK"
    // and our commit: SMTP has no idempotency, so that one is sent again with the same Message-ID
    const twice = rows.filter((r) => received.get(r.message_ids[0]) !== 1);
    expect(twice.filter((r) => r.attempts === 1).map((r) => r.id)).toEqual([]);
    expect(twice.length).toBeLessThanOrEqual(options.maxResent ?? 0);
    return rows;
  }

  it('(a) a worker killed with SIGKILL mid-stream and restarted: each fires and mails once', async () => {
    const env = { SMTP_URL: sink.url };
    worker = await spawnWorker(env);
    const ids = await scheduleSpread(80, 300, 3000);
    // kill it (no shutdown at all) once firing is under way
    for (let waited = 0; waited < 10_000; waited += 20) {
      const [{ fired }] = await t.dataSource.query<{ fired: number }[]>(
        `SELECT count(*)::int AS fired FROM follow_ups WHERE id = ANY($1::uuid[]) AND status = 'due'`,
        [ids],
      );
      if (fired >= 10) break;
      await sleep(20);
    }
    await kill(worker);
    worker = undefined;
    // due and committed while no worker runs at all
    ids.push(...(await scheduleSpread(20, 0, 1000)));
    await sleep(1500);
    const before = await outcomes(ids);
    expect(before.filter((r) => r.status === 'due').length).toBeLessThan(ids.length);

    worker = await spawnWorker(env);
    // at most the sends that were in flight (4 SMTP connections) can have been cut off
    await expectEachFiredAndMailedOnce(ids, 45_000, { maxResent: 4 });
    await kill(worker, 'SIGTERM');
    worker = undefined;
  }, 90_000);

  it('(b) FLUSHDB while follow-ups wait as delayed jobs: the reconciler restores them', async () => {
    worker = await spawnWorker({ SMTP_URL: sink.url });
    const ids = await scheduleSpread(60, 2500, 4500);
    // wait until the worker has put every one on the queue
    for (let waited = 0; waited < 10_000; waited += 50) {
      const [{ pending }] = await t.dataSource.query<{ pending: number }[]>(
        `SELECT count(*)::int AS pending FROM follow_ups
         WHERE id = ANY($1::uuid[]) AND queued_version IS DISTINCT FROM version`,
        [ids],
      );
      if (pending === 0) break;
      await sleep(50);
    }
    const redis = new Redis(loadConfig().redis.url);
    try {
      const prefix = loadConfig().redis.queuePrefix;
      expect(await redis.zcard(`${prefix}:follow-ups:delayed`)).toBeGreaterThanOrEqual(60);
      await redis.flushdb();
      expect(await redis.zcard(`${prefix}:follow-ups:delayed`)).toBe(0);
    } finally {
      await redis.quit();
    }
    const rows = await expectEachFiredAndMailedOnce(ids, 30_000);
    // restored within the marker check (1 s), not at the next 30 s reconcile tick
    expect(Math.max(...rows.map((r) => r.lateness_ms ?? Infinity))).toBeLessThan(3000);
    // and the search index's one-at-a-time setting, which the flush took too, is back
    const check = new Redis(loadConfig().redis.url);
    try {
      const prefix = loadConfig().redis.queuePrefix;
      expect(await check.hget(`${prefix}:search-index:meta`, 'concurrency')).toBe('1');
    } finally {
      await check.quit();
    }
    await kill(worker, 'SIGTERM');
    worker = undefined;
  }, 60_000);

  it('(c) Redis restarted (without persistence) while follow-ups wait: none lost, none twice', async () => {
    const port = await freePort();
    redisServer = await startRedis(port);
    const env = { SMTP_URL: sink.url, REDIS_URL: `redis://127.0.0.1:${port}/0` };
    worker = await spawnWorker(env);
    const ids = await scheduleSpread(60, 1500, 4000);
    await sleep(1000);
    // killed: the data in memory is gone, every connection drops
    await kill(redisServer);
    redisServer = undefined;
    // scheduled while Redis is down
    ids.push(...(await scheduleSpread(20, 0, 2000)));
    await sleep(1500);
    redisServer = await startRedis(port);
    await expectEachFiredAndMailedOnce(ids, 45_000);
    await kill(worker, 'SIGTERM');
    worker = undefined;
  }, 90_000);
});
