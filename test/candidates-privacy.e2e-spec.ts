import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { In } from 'typeorm';
import { AuditLogEntity } from '../src/infra/audit/audit-log.entity';
import { Role } from '../src/infra/auth/role';
import {
  candidateInput,
  candidateReferences,
  createCandidate,
  generateBsn,
} from './factories/candidate.factory';
import { createUser, loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const THIS_YEAR = new Date().getFullYear();
const NOT_FOR_ACCOUNTMANAGERS = [
  'birthYear',
  'bsn',
  'bsnHash',
  'bsnRecorded',
  'clientNumber',
  'email',
  'phone',
  'workCapacityNotes',
];

describe('candidate profiles: least privilege per role, audit, export and erasure', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  let coordinator: TestUser;
  let accountmanager: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    [owner, other, coordinator, accountmanager] = await Promise.all([
      loginAs(t, Role.ClientManager),
      loginAs(t, Role.ClientManager),
      loginAs(t, Role.Coordinator),
      loginAs(t, Role.AccountManager, { sectors: ['H', 'C'] }),
    ]);
  });
  afterAll(() => t.close());

  const audit = () => t.dataSource.getRepository(AuditLogEntity);

  /** What an audit row says beyond ids and times: where a leaked value would show. */
  const auditText = (rows: AuditLogEntity[]): string =>
    JSON.stringify(rows.map((row) => [row.action, row.purpose, row.details]));

  function auditRows(objectId: string, action?: string): Promise<AuditLogEntity[]> {
    return t.dataSource.getRepository(AuditLogEntity).find({
      where: { objectType: 'candidate', objectId, ...(action ? { action } : {}) },
      order: { id: 'ASC' },
    });
  }

  it('shows a klantmanager only their own caseload', async () => {
    const mine = await createCandidate(t, owner);
    const theirs = await createCandidate(t, other);
    const list = await request(t.http)
      .get('/candidates')
      .query({ pageSize: 100 })
      .set(owner.auth)
      .expect(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.id);
    // personal data: kept by no browser or proxy cache
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers.etag).toBeUndefined();
    expect(ids).not.toContain(theirs.id);
    expect(
      list.body.items.every((c: { klantmanagerId: string }) => c.klantmanagerId === owner.id),
    ).toBe(true);

    // filtering on someone else's caseload is for coordinators
    await request(t.http)
      .get('/candidates')
      .query({ klantmanagerId: other.id })
      .set(owner.auth)
      .expect(403);
    const byCoordinator = await request(t.http)
      .get('/candidates')
      .query({ klantmanagerId: other.id, pageSize: 100 })
      .set(coordinator.auth)
      .expect(200);
    expect(byCoordinator.body.items.map((c: { id: string }) => c.id)).toEqual([theirs.id]);
  });

  it('refuses a klantmanager another klantmanager’s client (403) and audits each denial', async () => {
    const theirs = await createCandidate(t, other);
    const denials = [
      request(t.http).get(`/candidates/${theirs.id}`).set(owner.auth),
      request(t.http)
        .patch(`/candidates/${theirs.id}`)
        .set(owner.auth)
        .send({ hoursMax: 40, workCapacityNotes: 'gewijzigd door een ander' }),
      request(t.http).get(`/candidates/${theirs.id}/export`).set(owner.auth),
    ];
    for (const denial of denials) {
      const response = await denial.expect(403);
      expect(response.body.message).toMatch(/another klantmanager's caseload/);
      expect(JSON.stringify(response.body)).not.toContain(theirs.lastName);
    }
    const denied = await audit().find({
      where: { objectId: theirs.id, result: 'denied', actorId: owner.id },
      order: { id: 'ASC' },
    });
    expect(denied.map((row) => [row.action, row.objectType, row.details?.method])).toEqual([
      ['access.denied', 'candidate', 'GET'],
      ['access.denied', 'candidate', 'PATCH'],
      ['access.denied', 'candidate', 'GET'],
    ]);
    const [row] = await t.dataSource.query(
      'SELECT hours_max, work_capacity_notes, version FROM candidates WHERE id = $1',
      [theirs.id],
    );
    expect(row).toEqual({
      hours_max: theirs.hoursMax,
      work_capacity_notes: theirs.workCapacityNotes,
      version: 1,
    });
    // no sensitive read was recorded for the refused reads
    await expect(auditRows(theirs.id, 'candidate.read-sensitive')).resolves.toHaveLength(1); // creation only
  });

  it('refuses an employer contact on every candidate route (403), audited', async () => {
    const [employer] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO employers (name, sector, account_manager_id, version)
       VALUES ($1, 'H', $2, 1) RETURNING id`,
      [`Transportbedrijf ${randomUUID().slice(0, 6)}`, accountmanager.id],
    );
    const werkgever = await loginAs(t, Role.Employer, { employerId: employer.id });
    const candidate = await createCandidate(t, owner);
    const body = await candidateInput(t.dataSource);
    const calls = [
      request(t.http).get('/candidates').set(werkgever.auth),
      request(t.http).get(`/candidates/${candidate.id}`).set(werkgever.auth),
      request(t.http).post('/candidates').set(werkgever.auth).send(body),
      request(t.http)
        .patch(`/candidates/${candidate.id}`)
        .set(werkgever.auth)
        .send({ hoursMax: 30 }),
      request(t.http)
        .put(`/candidates/${candidate.id}/klantmanager`)
        .set(werkgever.auth)
        .send({ klantmanagerId: other.id }),
      request(t.http).get(`/candidates/${candidate.id}/export`).set(werkgever.auth),
      request(t.http).delete(`/candidates/${candidate.id}`).set(werkgever.auth),
    ];
    for (const call of calls) {
      const response = await call.expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(response.body).not.toHaveProperty('items');
      expect(response.body).not.toHaveProperty('firstName');
    }
    const denied = await audit().find({ where: { actorId: werkgever.id, result: 'denied' } });
    expect(denied).toHaveLength(calls.length);
    await request(t.http).get(`/candidates/${candidate.id}`).set(owner.auth).expect(200);
  });

  it('gives an accountmanager the matching view of available profiles only', async () => {
    const available = await createCandidate(t, owner, { bsn: generateBsn() });
    const notAgreed = await createCandidate(t, owner, { availableForMatching: false });
    const paused = await createCandidate(t, owner, { programmeStatus: 'paused' });

    const view = await request(t.http)
      .get(`/candidates/${available.id}`)
      .set(accountmanager.auth)
      .set('X-Purpose', 'vacature orderpicker Almere')
      .expect(200);
    expect(view.body).toMatchObject({
      view: 'matching',
      id: available.id,
      firstName: available.firstName,
      lastName: available.lastName,
      homePc4: available.homePc4,
      hoursMin: 24,
      hoursMax: 32,
      maxCommuteKm: 15,
      workCapacity: { standingMinutes: 30, liftingKg: 15 },
      experiences: available.experiences,
      skills: available.skills,
      languages: available.languages,
      certificates: ['vca-basis'],
      sectorsRefused: ['I'],
    });
    for (const field of NOT_FOR_ACCOUNTMANAGERS) expect(view.body).not.toHaveProperty(field);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain(String(available.birthYear));
    expect(text).not.toContain(available.email);

    const [read] = await auditRows(available.id, 'candidate.read-sensitive').then((rows) =>
      rows.filter((row) => row.actorId === accountmanager.id),
    );
    expect(read).toMatchObject({
      actorRole: 'accountmanager',
      purpose: 'vacature orderpicker Almere',
      details: { fields: ['workCapacity'], view: 'matching' },
    });

    for (const hidden of [notAgreed, paused]) {
      await request(t.http).get(`/candidates/${hidden.id}`).set(accountmanager.auth).expect(403);
    }

    const list = await request(t.http)
      .get('/candidates')
      .query({ q: available.lastName, pageSize: 100 })
      .set(accountmanager.auth)
      .expect(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(available.id);
    expect(ids).not.toContain(notAgreed.id);
    expect(ids).not.toContain(paused.id);
    for (const item of list.body.items) {
      expect(item.availableForMatching).toBe(true);
      expect(['active', 'jobhunting', 'trial-placement']).toContain(item.programmeStatus);
      for (const field of [...NOT_FOR_ACCOUNTMANAGERS, 'workCapacity']) {
        expect(item).not.toHaveProperty(field);
      }
    }
    // client numbers are not searchable for accountmanagers
    const byNumber = await request(t.http)
      .get('/candidates')
      .query({ q: available.clientNumber })
      .set(accountmanager.auth)
      .expect(200);
    expect(byNumber.body.total).toBe(0);
  });

  it('does not let an accountmanager create, change, reassign, export or erase profiles', async () => {
    const candidate = await createCandidate(t, owner);
    const body = await candidateInput(t.dataSource);
    await request(t.http).post('/candidates').set(accountmanager.auth).send(body).expect(403);
    await request(t.http)
      .patch(`/candidates/${candidate.id}`)
      .set(accountmanager.auth)
      .send({ hoursMax: 40 })
      .expect(403);
    await request(t.http)
      .put(`/candidates/${candidate.id}/klantmanager`)
      .set(accountmanager.auth)
      .send({ klantmanagerId: other.id })
      .expect(403);
    await request(t.http)
      .get(`/candidates/${candidate.id}/export`)
      .set(accountmanager.auth)
      .expect(403);
    await request(t.http)
      .delete(`/candidates/${candidate.id}`)
      .set(accountmanager.auth)
      .expect(403);
    const rows = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM candidates WHERE client_number = $1',
      [body.clientNumber],
    );
    expect(rows[0].n).toBe(0);
    const [row] = await t.dataSource.query('SELECT version FROM candidates WHERE id = $1', [
      candidate.id,
    ]);
    expect(row.version).toBe(1);
  });

  it('audits every read of sensitive fields by name and purpose, never the values', async () => {
    const candidate = await createCandidate(t, owner, {
      workCapacityNotes: 'Tillen tot 10 kilo; geen nachtdiensten.',
    });
    await request(t.http)
      .get(`/candidates/${candidate.id}`)
      .set(owner.auth)
      .set('X-Purpose', 'voorbereiding sollicitatiegesprek')
      .expect(200);
    await request(t.http).get(`/candidates/${candidate.id}`).set(coordinator.auth).expect(200);

    const reads = await auditRows(candidate.id, 'candidate.read-sensitive');
    // creation answered with the full view, then two reads
    expect(reads.map((row) => [row.actorId, row.purpose])).toEqual([
      [owner.id, null],
      [owner.id, 'voorbereiding sollicitatiegesprek'],
      [coordinator.id, null],
    ]);
    for (const row of reads) {
      expect(row.details).toEqual({
        fields: ['birthYear', 'workCapacity', 'workCapacityNotes', 'targetGroupRegister'],
        view: 'full',
      });
    }
    const text = auditText(await auditRows(candidate.id));
    for (const value of [
      'Tillen tot 10 kilo',
      candidate.lastName,
      candidate.clientNumber,
      candidate.email,
      String(candidate.birthYear),
    ]) {
      expect(text).not.toContain(value);
    }

    // lists hold no sensitive fields, so they need no such row
    const before = await audit().count({ where: { action: 'candidate.read-sensitive' } });
    await request(t.http).get('/candidates').set(coordinator.auth).expect(200);
    await expect(audit().count({ where: { action: 'candidate.read-sensitive' } })).resolves.toBe(
      before,
    );
  });

  it('lets a coordinator reassign a client to another active klantmanager', async () => {
    const candidate = await createCandidate(t, owner);
    await request(t.http)
      .put(`/candidates/${candidate.id}/klantmanager`)
      .set(owner.auth)
      .send({ klantmanagerId: other.id })
      .expect(403);

    const inactive = await createUser(t.dataSource, Role.ClientManager, { active: false });
    const refused = await request(t.http)
      .put(`/candidates/${candidate.id}/klantmanager`)
      .set(coordinator.auth)
      .send({ klantmanagerId: inactive.id })
      .expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['klantmanagerId']);

    const moved = await request(t.http)
      .put(`/candidates/${candidate.id}/klantmanager`)
      .set(coordinator.auth)
      .send({ klantmanagerId: other.id })
      .expect(200);
    expect(moved.body).toMatchObject({ id: candidate.id, klantmanagerId: other.id });
    expect(moved.body).not.toHaveProperty('birthYear');

    await request(t.http).get(`/candidates/${candidate.id}`).set(other.auth).expect(200);
    await request(t.http).get(`/candidates/${candidate.id}`).set(owner.auth).expect(403);
    const [reassigned] = await auditRows(candidate.id, 'candidate.reassign');
    expect(reassigned).toMatchObject({
      actorId: coordinator.id,
      details: { fields: ['klantmanagerId'], from: owner.id, to: other.id },
    });
  });

  it('caps a caseload at 25 active clients on create, reassign and reactivation (422)', async () => {
    const full = await loginAs(t, Role.ClientManager);
    const clients = [];
    for (let i = 0; i < 25; i++) {
      clients.push(
        await createCandidate(t, full, { programmeStatus: i % 2 ? 'active' : 'intake' }),
      );
    }
    const body = await candidateInput(t.dataSource);
    const refused = await request(t.http).post('/candidates').set(full.auth).send(body).expect(422);
    expect(refused.body.message).toMatch(/already has 25 active clients.*maximum caseload of 25/);
    const written = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM candidates WHERE client_number = $1',
      [body.clientNumber],
    );
    expect(written[0].n).toBe(0);

    const elsewhere = await createCandidate(t, owner);
    const notMoved = await request(t.http)
      .put(`/candidates/${elsewhere.id}/klantmanager`)
      .set(coordinator.auth)
      .send({ klantmanagerId: full.id })
      .expect(422);
    expect(notMoved.body.message).toMatch(/maximum caseload/);

    // a placed client leaves the caseload and makes room; coming back needs room again
    await request(t.http)
      .patch(`/candidates/${clients[0].id}`)
      .set(full.auth)
      .send({ programmeStatus: 'placed' })
      .expect(200);
    await request(t.http)
      .put(`/candidates/${elsewhere.id}/klantmanager`)
      .set(coordinator.auth)
      .send({ klantmanagerId: full.id })
      .expect(200);
    const back = await request(t.http)
      .patch(`/candidates/${clients[0].id}`)
      .set(full.auth)
      .send({ programmeStatus: 'active' })
      .expect(422);
    expect(back.body.message).toMatch(/maximum caseload/);
  });

  it('exports all stored data of one person for its klantmanager, audited', async () => {
    const refs = await candidateReferences(t.dataSource);
    const candidate = await createCandidate(t, owner, { bsn: generateBsn() });
    await request(t.http).get(`/candidates/${candidate.id}/export`).set(other.auth).expect(403);

    const exported = await request(t.http)
      .get(`/candidates/${candidate.id}/export`)
      .set(owner.auth)
      .set('X-Purpose', 'inzageverzoek van de klant')
      .expect(200);
    expect(exported.body.profile).toEqual({ ...candidate, bsnRecorded: true });
    expect(exported.body.profile).not.toHaveProperty('bsnHash');
    expect(exported.body.klantmanager).toEqual({ id: owner.id, displayName: 'Test klantmanager' });
    expect(exported.body.occupations).toEqual([
      { uri: refs.occupations.offsetPrinter, label: 'offsetdrukker' },
    ]);
    expect(exported.body.skills.map((s: { uri: string }) => s.uri).sort()).toEqual(
      [
        refs.skills.operatePrintingMachinery,
        refs.skills.bicycleMechanics,
        refs.skills.communicateWithCustomers,
      ].sort(),
    );
    expect(exported.body.accessLog.map((row: { action: string }) => row.action)).toEqual(
      expect.arrayContaining(['candidate.create', 'access.denied']),
    );

    const [row] = await auditRows(candidate.id, 'candidate.export');
    expect(row).toMatchObject({ actorId: owner.id, purpose: 'inzageverzoek van de klant' });
    expect(JSON.stringify(row.details)).not.toContain(candidate.lastName);
  });

  it('exports and erases what the placement pipeline holds about the person too', async () => {
    const candidate = await createCandidate(t, owner);
    const hunt = await request(t.http)
      .post('/jobhunting-requests')
      .set(owner.auth)
      .send({
        candidateId: candidate.id,
        motivation: 'Zoekt werk in de logistiek, heeft twintig jaar ervaring als drukker.',
        preferences: { sectors: ['H'] },
      })
      .expect(201);
    await request(t.http)
      .post('/arrangements')
      .set(owner.auth)
      .send({
        candidateId: candidate.id,
        kind: 'tailored-budget',
        startDate: '2027-02-01',
        amountEur: 350,
        purpose: 'VCA-cursus',
      })
      .expect(201);
    const exported = await request(t.http)
      .get(`/candidates/${candidate.id}/export`)
      .set(owner.auth)
      .expect(200);
    const pipeline = exported.body.pipeline as Record<string, { id: string }[]>;
    expect(pipeline.jobhunting_requests.map((r) => r.id)).toEqual([hunt.body.id]);
    expect(pipeline.arrangements).toHaveLength(1);
    expect(pipeline.follow_ups.length).toBeGreaterThan(0);

    await request(t.http).delete(`/candidates/${candidate.id}`).set(coordinator.auth).expect(204);
    const [left] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM follow_ups WHERE subject_id = $2)::int AS follow_ups,
              (SELECT count(*) FROM jobhunting_requests WHERE candidate_id = $1)::int AS requests,
              (SELECT count(*) FROM arrangements WHERE candidate_id = $1)::int AS arrangements`,
      [candidate.id, hunt.body.id],
    );
    expect(left).toEqual({ follow_ups: 0, requests: 0, arrangements: 0 });
  });

  it('erases a person on a coordinator’s request, leaving only id-bearing audit rows', async () => {
    const bsn = generateBsn();
    const candidate = await createCandidate(t, owner, { bsn });
    await request(t.http).get(`/candidates/${candidate.id}`).set(owner.auth).expect(200);
    await request(t.http).delete(`/candidates/${candidate.id}`).set(owner.auth).expect(403);

    await request(t.http).delete(`/candidates/${candidate.id}`).set(coordinator.auth).expect(204);
    await request(t.http).get(`/candidates/${candidate.id}`).set(coordinator.auth).expect(404);
    await request(t.http).get(`/candidates/${candidate.id}`).set(owner.auth).expect(404);
    await request(t.http).delete(`/candidates/${candidate.id}`).set(coordinator.auth).expect(404);
    const remaining = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM candidates WHERE id = $1 OR client_number = $2',
      [candidate.id, candidate.clientNumber],
    );
    expect(remaining[0].n).toBe(0);

    const rows = await auditRows(candidate.id);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['candidate.create', 'candidate.erase']),
    );
    expect(rows.find((r) => r.action === 'candidate.erase')).toMatchObject({
      actorId: coordinator.id,
      details: null,
    });
    const text = auditText(rows);
    for (const value of [
      candidate.firstName + ' ' + candidate.lastName,
      candidate.lastName,
      candidate.clientNumber,
      candidate.email,
      bsn,
      String(THIS_YEAR - 56),
      candidate.workCapacityNotes,
    ]) {
      expect(text).not.toContain(value);
    }

    // the same client can be registered again after erasure
    const again = await createCandidate(t, owner, { clientNumber: candidate.clientNumber, bsn });
    expect(again.id).not.toBe(candidate.id);
    await expect(
      audit().count({
        where: { objectId: In([candidate.id, again.id]), action: 'candidate.create' },
      }),
    ).resolves.toBe(2);
  });
});
