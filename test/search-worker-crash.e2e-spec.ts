import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Role } from '../src/infra/auth/role';
import { createCandidate } from './factories/candidate.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const ROOT = join(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real worker entrypoint in its own process, as production runs it. */
async function spawnWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', TS_NODE_TRANSPILE_ONLY: '1' },
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

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('search index after the worker is killed', () => {
  let t: TestApp;
  /** two caseloads: one klantmanager may hold 25 clients */
  let klantmanagers: TestUser[];
  let worker: ChildProcess | undefined;
  const word = `crashtest${randomUUID()
    .slice(0, 6)
    .replace(/[0-9-]/g, 'q')}`;

  beforeAll(async () => {
    t = await createTestApp();
    klantmanagers = [await loginAs(t, Role.ClientManager), await loginAs(t, Role.ClientManager)];
  });

  afterAll(async () => {
    if (worker) await kill(worker);
    await t?.close();
  });

  const indexed = async (ids: string[]): Promise<number> => {
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM search_docs_candidates WHERE id = ANY($1::text[])`,
      [ids],
    );
    return n;
  };

  it('ends complete: changes committed while it ran, died and was down are all indexed', async () => {
    worker = await spawnWorker();
    const profile = (n: number) => ({
      activities: [{ kind: 'hobby', description: `${word} nummer ${n}`, years: 1 }],
    });
    const ids: string[] = [];
    // a stream of changes; the worker is killed (SIGKILL: no shutdown) as soon as indexing began
    for (let n = 0; n < 24; n++) {
      ids.push((await createCandidate(t, klantmanagers[n % 2], profile(n))).id);
      if (worker && (await indexed(ids)) > 0) {
        await kill(worker);
        worker = undefined;
      }
    }
    if (worker) {
      await kill(worker);
      worker = undefined;
    }
    // committed while no worker runs at all
    for (let n = 24; n < 32; n++)
      ids.push((await createCandidate(t, klantmanagers[n % 2], profile(n))).id);
    expect(await indexed(ids)).toBeLessThan(ids.length);

    worker = await spawnWorker();
    let count = 0;
    for (let waited = 0; waited < 60_000 && count < ids.length; waited += 200) {
      await sleep(200);
      count = await indexed(ids);
    }
    expect(count).toBe(ids.length);
    const [{ pending }] = await t.dataSource.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM outbox WHERE synced_at IS NULL AND aggregate_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(pending).toBe(0);
  }, 120_000);
});
