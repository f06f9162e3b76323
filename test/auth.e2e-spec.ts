import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { AuditLogEntity } from '../src/infra/audit/audit-log.entity';
import { TokenService } from '../src/infra/auth/token.service';
import { createUser, loginAs, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

describe('accounts, login and the audit log', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
  });
  afterAll(() => t.close());

  it('logs in with e-mail and password and returns an expiring bearer token', async () => {
    const user = await createUser(t.dataSource, Role.ClientManager);
    const login = await request(t.http)
      .post('/auth/login')
      .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: expect.any(Number),
      user: { id: user.id, role: 'klantmanager' },
    });
    expect(login.body.user).not.toHaveProperty('passwordHash');

    const me = await request(t.http)
      .get('/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email });
  });

  it('refuses a wrong password, a forged token and an expired token', async () => {
    const user = await createUser(t.dataSource, Role.AccountManager);
    const wrong = await request(t.http)
      .post('/auth/login')
      .send({ email: user.email, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body.message).toMatch(/password is wrong/);

    await request(t.http).get('/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const expired = t.app.get(TokenService);
    const jwt = (expired as unknown as { jwt: { sign(p: object, o: object): string } }).jwt.sign(
      { sub: user.id, role: user.role },
      { expiresIn: -10 },
    );
    const response = await request(t.http)
      .get('/auth/me')
      .set('Authorization', `Bearer ${jwt}`)
      .expect(401);
    expect(response.body.message).toMatch(/expired/);
  });

  it('locks an account after repeated failed logins, even for the right password', async () => {
    const user = await createUser(t.dataSource, Role.AccountManager);
    for (let i = 0; i < 5; i++) {
      await request(t.http)
        .post('/auth/login')
        .send({ email: user.email, password: `guess-${i}` })
        .expect(401);
    }
    const locked = await request(t.http)
      .post('/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(429);
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('stops a deactivated account at once, also with a token issued before', async () => {
    const user = await loginAs(t, Role.ClientManager);
    await request(t.http)
      .patch(`/users/${user.id}`)
      .set(coordinator.auth)
      .send({ active: false })
      .expect(200);
    await request(t.http).get('/auth/me').set(user.auth).expect(401);
  });

  it('lets only coordinators manage accounts and logs the denied attempt', async () => {
    const suffix = randomUUID().slice(0, 8);
    const klantmanager = await loginAs(t, Role.ClientManager);
    await request(t.http).get('/users').set(klantmanager.auth).expect(403);
    const denied = await t.dataSource.getRepository(AuditLogEntity).findOne({
      where: { actorId: klantmanager.id, result: 'denied' },
      order: { id: 'DESC' },
    });
    expect(denied).toMatchObject({
      action: 'access.denied',
      actorRole: 'klantmanager',
      details: expect.objectContaining({ route: '/users' }),
    });

    const created = await request(t.http)
      .post('/users')
      .set(coordinator.auth)
      .send({
        email: `New.Colleague.${suffix}@Werkspoor.test`,
        password: 'long-enough-password',
        role: 'accountmanager',
        displayName: 'Nieuwe collega',
        sectors: ['H', 'C'],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      email: `new.colleague.${suffix}@werkspoor.test`,
      sectors: ['H', 'C'],
      active: true,
    });
    await request(t.http)
      .post('/users')
      .set(coordinator.auth)
      .send({
        email: `new.colleague.${suffix}@werkspoor.test`,
        password: 'long-enough-password',
        role: 'accountmanager',
        displayName: 'Dubbel',
      })
      .expect(409);
  });

  it('answers bad input with 400 naming every bad field, and writes nothing', async () => {
    const response = await request(t.http)
      .post('/users')
      .set(coordinator.auth)
      .send({
        email: 'not-an-email',
        password: 'short',
        role: 'boss',
        displayName: 'X',
        sectors: ['Z'],
        isAdmin: true,
      })
      .expect(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'isAdmin', 'password', 'role', 'sectors'].sort());
    const count = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE display_name = 'X'`,
    );
    expect(count[0].n).toBe(0);
  });

  it('refuses null for a required field on update, naming it', async () => {
    const user = await createUser(t.dataSource, Role.AccountManager);
    const response = await request(t.http)
      .patch(`/users/${user.id}`)
      .set(coordinator.auth)
      .send({ displayName: null })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['displayName']);
  });

  it('requires a werkgever account to belong to an employer', async () => {
    const response = await request(t.http)
      .post('/users')
      .set(coordinator.auth)
      .send({
        email: 'contact@bedrijf.test',
        password: 'long-enough-password',
        role: 'werkgever',
        displayName: 'Contact',
      })
      .expect(400);
    expect(response.body.message).toMatch(/employerId/);
  });

  it('keeps the audit log append-only, also against direct SQL', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('lets coordinators query the audit log and nobody else', async () => {
    const rows = await request(t.http)
      .get('/audit-log')
      .query({ action: 'user.create' })
      .set(coordinator.auth)
      .expect(200);
    expect(rows.body.items.length).toBeGreaterThan(0);
    expect(rows.body.items.every((r: { action: string }) => r.action === 'user.create')).toBe(true);
    const accountmanager = await loginAs(t, Role.AccountManager);
    await request(t.http).get('/audit-log').set(accountmanager.auth).expect(403);
    await request(t.http).get('/audit-log').expect(401);
  });

  it('reports health of database, Redis and search engine', async () => {
    const response = await request(t.http).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        redis: { status: 'up' },
        search: { status: 'up', engine: 'postgres' },
      },
    });
  });

  it('echoes a request id so a user can quote it', async () => {
    const response = await request(t.http)
      .get('/health')
      .set('X-Request-Id', 'support-case-12345')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('support-case-12345');
  });
});
