import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { loadConfig } from '../src/infra/config/app-config';
import { REDIS } from '../src/infra/redis/redis.module';
import { createCandidate } from './factories/candidate.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';
import { startWorker, TestWorker } from './helpers/worker';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface OutboxRow {
  relays: number;
  relayed: boolean;
  synced: boolean;
}

/**
 * A change whose job never runs (Redis lost its data after the relay handed the job over, or
 * the job failed all its attempts) still reaches the index: the relay sends it again.
 */
describe('search sync recovers jobs lost after the relay', () => {
  let t: TestApp;
  let km: TestUser;
  let am: TestUser;
  let worker: TestWorker | undefined;
  const markerKey = `${loadConfig().redis.queuePrefix}:outbox-relay:marker`;

  beforeAll(async () => {
    t = await createTestApp();
    km = await loginAs(t, Role.ClientManager);
    am = await loginAs(t, Role.AccountManager);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function start(resyncSeconds: number): Promise<TestWorker> {
    process.env.SEARCH_RESYNC_SECONDS = String(resyncSeconds);
    worker = await startWorker(t.dataSource);
    return worker;
  }

  async function stop(): Promise<void> {
    await worker?.close();
    worker = undefined;
  }

  const outboxRow = async (candidateId: string): Promise<OutboxRow> => {
    const [row] = await t.dataSource.query<OutboxRow[]>(
      `SELECT max(relays)::int AS relays, bool_and(relayed_at IS NOT NULL) AS relayed,
              bool_and(synced_at IS NOT NULL) AS synced
       FROM outbox WHERE aggregate_id = $1`,
      [candidateId],
    );
    return row;
  };

  /** What an accountmanager finds for the word. */
  const found = async (word: string): Promise<string[]> => {
    const response = await request(t.http)
      .get('/candidates/search')
      .query({ q: word })
      .set(am.auth)
      .expect(200);
    return (response.body as { items: { id: string }[] }).items.map((item) => item.id);
  };

  /** A committed change whose job was handed to Redis and then lost: relayed, never run. */
  async function changeWithLostJob(): Promise<{ id: string; word: string }> {
    const word = `verloren${randomUUID()
      .replace(/[0-9-]/g, '')
      .slice(0, 8)}`;
    const candidate = await createCandidate(t, km, {
      activities: [{ kind: 'hobby', description: `${word} bouwen`, years: 2 }],
    });
    await t.dataSource.query(
      `UPDATE outbox SET relayed_at = now(), relays = 1 WHERE aggregate_id = $1`,
      [candidate.id],
    );
    return { id: candidate.id, word };
  }

  async function waitUntilFound(word: string, id: string, timeoutMs: number): Promise<string[]> {
    let ids = await found(word);
    for (let waited = 0; waited < timeoutMs && !ids.includes(id); waited += 200) {
      await sleep(200);
      ids = await found(word);
    }
    return ids;
  }

  it('Redis lost its data (the relay marker is gone): every unsynced change is relayed again at once', async () => {
    // a worker ran before, so Redis holds the relay marker
    await start(3600);
    await worker!.settled();
    const redis = worker!.app.get<Redis>(REDIS);
    expect(await redis.exists(markerKey)).toBe(1);
    await stop();

    const lost = await changeWithLostJob();
    // Redis loses its data (only this suite's key is removed: other suites share the database)
    const probe = new Redis(loadConfig().redis.url, { lazyConnect: true });
    await probe.connect();
    await probe.del(markerKey);
    await probe.quit();

    // the resync interval (an hour) is not what brings it back: the missing marker is
    await start(3600);
    expect(await waitUntilFound(lost.word, lost.id, 15_000)).toContain(lost.id);
    await worker!.settled();
    expect(await outboxRow(lost.id)).toEqual({ relays: 2, relayed: true, synced: true });
    await stop();
  }, 60_000);

  it('a job that never ran (failed for good) is relayed again after SEARCH_RESYNC_SECONDS', async () => {
    await start(1);
    await worker!.settled();
    const lost = await changeWithLostJob();
    expect(await found(lost.word)).toEqual([]);
    expect(await waitUntilFound(lost.word, lost.id, 15_000)).toContain(lost.id);
    await worker!.settled();
    expect(await outboxRow(lost.id)).toEqual({ relays: 2, relayed: true, synced: true });

    // a change whose job ran is synced and never relayed again, however long it waits
    const word = `gewoon${randomUUID()
      .replace(/[0-9-]/g, '')
      .slice(0, 8)}`;
    const healthy = await createCandidate(t, km, {
      activities: [{ kind: 'hobby', description: `${word} zingen`, years: 2 }],
    });
    await worker!.settled();
    expect(await found(word)).toEqual([healthy.id]);
    await sleep(2500);
    expect(await outboxRow(healthy.id)).toEqual({ relays: 1, relayed: true, synced: true });
    await stop();
  }, 60_000);
});
