import { Client, Pool } from 'pg';
import request from 'supertest';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AuthUsers, USER_CHANGES_APPLICATION } from '../src/infra/auth/auth-users';
import { Role } from '../src/infra/auth/role';
import { AppConfig } from '../src/infra/config/app-config';
import { APP_CONFIG } from '../src/infra/config/config.module';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Polls until `check` holds or `ms` passed; returns how long it took, or null. */
async function within(ms: number, check: () => Promise<boolean> | boolean): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started <= ms) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

describe('the user behind a token, kept in memory while changes are notified', () => {
  let t: TestApp;
  let users: AuthUsers;
  /** Another connection than the app's, as another process or a database administrator. */
  let elsewhere: Client;
  let coordinator: TestUser;

  const me = (user: TestUser) => request(t.http).get('/auth/me').set(user.auth);
  const setActive = (user: TestUser, active: boolean) =>
    elsewhere.query('UPDATE users SET active = $2 WHERE id = $1', [user.id, active]);
  const listening = async () => {
    await me(coordinator).expect(200); // the first lookup starts the listener
    return (await within(5000, () => users.listening)) !== null;
  };

  beforeAll(async () => {
    t = await createTestApp();
    users = t.app.get(AuthUsers);
    elsewhere = new Client({ connectionString: t.app.get<AppConfig>(APP_CONFIG).database.url });
    await elsewhere.connect();
    coordinator = await loginAs(t, Role.Coordinator);
  });
  afterAll(async () => {
    await elsewhere.end();
    await t.close();
  });

  it('reads a user from the database once while listening, not on every request', async () => {
    expect(await listening()).toBe(true);
    const user = await loginAs(t, Role.ClientManager);
    const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const queries = jest.spyOn(pool, 'query');
    try {
      for (let i = 0; i < 5; i++) await me(user).expect(200);
      const lookups = queries.mock.calls.filter(
        ([config]) => (config as { name?: string }).name === 'auth-user',
      );
      expect(lookups).toHaveLength(1);
    } finally {
      queries.mockRestore();
    }
  });

  it('refuses the token within a second of a deactivation committed elsewhere', async () => {
    expect(await listening()).toBe(true);
    const user = await loginAs(t, Role.AccountManager);
    await me(user).expect(200);
    await me(user).expect(200); // answered from memory
    await setActive(user, false);
    const refusedAfter = await within(1000, async () => (await me(user)).status === 401);
    expect(refusedAfter).not.toBeNull();
    await setActive(user, true);
    expect(await within(1000, async () => (await me(user)).status === 200)).not.toBeNull();
  });

  it('refuses the old token at the very next request after a change through the API', async () => {
    const user = await loginAs(t, Role.ClientManager);
    await me(user).expect(200);
    await request(t.http)
      .patch(`/users/${user.id}`)
      .set(coordinator.auth)
      .send({ role: Role.AccountManager })
      .expect(200);
    const refused = await me(user).expect(401);
    expect(refused.body.message).toMatch(/role changed: log in again/);
  });

  it('never answers from memory when its test notice does not arrive (a listener elsewhere)', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const otherDatabase = new URL(config.database.url);
    otherDatabase.pathname = '/postgres';
    // as behind a pooler that accepts LISTEN but does not deliver: the pool's notices go elsewhere
    const astray = new AuthUsers(t.dataSource, {
      ...config,
      database: { ...config.database, url: otherDatabase.toString() },
    });
    try {
      const user = await loginAs(t, Role.ClientManager);
      expect(await astray.find(user.id)).toMatchObject({ active: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(astray.listening).toBe(false);
      await setActive(user, false);
      expect(await astray.find(user.id)).toMatchObject({ active: false });
    } finally {
      await astray.onApplicationShutdown();
    }
  });

  it('reads every request from the database while the listener is lost, and listens again', async () => {
    expect(await listening()).toBe(true);
    const user = await loginAs(t, Role.ClientManager);
    await me(user).expect(200);

    const killed = await elsewhere.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
       WHERE application_name = $1 AND datname = current_database()`,
      [USER_CHANGES_APPLICATION],
    );
    expect(killed.rowCount).toBeGreaterThan(0);
    expect(await within(2000, () => !users.listening)).not.toBeNull();

    // no notice can arrive now: the change counts at the next request all the same
    await setActive(user, false);
    await me(user).expect(401);
    await setActive(user, true);
    await me(user).expect(200);

    // back (after half a second): notices count again
    expect(await within(5000, () => users.listening)).not.toBeNull();
    await me(user).expect(200);
    await setActive(user, false);
    expect(await within(1000, async () => (await me(user)).status === 401)).not.toBeNull();
  });
});
