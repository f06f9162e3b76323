import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { addWorkingDays } from '../src/infra/time/working-days';
import { JOBHUNTING_STATUSES, JobhuntingStatus } from '../src/modules/jobhunting/jobhunting-status';
import { createCandidate } from './factories/candidate.factory';
import { ApiEmployer, createEmployer } from './factories/employer.factory';
import {
  ApiJobhuntingRequest,
  fileJobhuntingRequest,
  jobhuntingInput,
} from './factories/jobhunting.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { ApiVacancy, createVacancy } from './factories/vacancy.factory';
import { auditRowsOf, newRequestId } from './helpers/audit';
import { createTestApp, TestApp } from './helpers/test-app';

interface FieldError {
  field: string;
  problems: string[];
}

interface FollowUpRow {
  id: string;
  kind: string;
  ownerId: string;
  dueAt: Date;
  status: string;
  title: string;
  details: string | null;
}

const fieldsOf = (body: { errors?: FieldError[] }): string[] =>
  (body.errors ?? []).map((error) => error.field).sort();

/** Sectors this spec controls: B has exactly the two accountmanagers made here, U none. */
const SECTOR_TWO_AMS = 'B';
const SECTOR_NO_AM = 'U';

describe('jobhunting requests', () => {
  let t: TestApp;
  let coordinator: TestUser;
  /** klantmanager of the clients used in most tests */
  let km: TestUser;
  let kmOther: TestUser;
  /** klantmanager of the clients of the transition matrix */
  let kmMatrix: TestUser;
  /** serves H; the preferred accountmanager of most requests */
  let amWork: TestUser;
  /** serves H too, not assigned */
  let amColleague: TestUser;
  /** serves C only */
  let amOther: TestUser;
  let werkgever: TestUser;
  let employer: ApiEmployer;
  let vacancy: ApiVacancy;

  beforeAll(async () => {
    t = await createTestApp();
    // accountmanagers left by earlier runs would take part in the assignment by sector
    await t.dataSource.query(
      `UPDATE users SET active = false
        WHERE role = 'accountmanager' AND email LIKE '%@test.werkspoor'
          AND sectors && $1::text[]`,
      [[SECTOR_TWO_AMS, SECTOR_NO_AM]],
    );
    coordinator = await loginAs(t, Role.Coordinator);
    km = await loginAs(t, Role.ClientManager);
    kmOther = await loginAs(t, Role.ClientManager);
    kmMatrix = await loginAs(t, Role.ClientManager);
    amWork = await loginAs(t, Role.AccountManager, { sectors: ['H'] });
    amColleague = await loginAs(t, Role.AccountManager, { sectors: ['H'] });
    amOther = await loginAs(t, Role.AccountManager, { sectors: ['C'] });
    employer = await createEmployer(t, coordinator, { sector: 'H' });
    vacancy = await createVacancy(t, coordinator, { employerId: employer.id });
    werkgever = await loginAs(t, Role.Employer, { employerId: employer.id });
  });
  afterAll(() => t.close());

  const newClient = async (owner: TestUser = km, overrides: Record<string, unknown> = {}) =>
    (await createCandidate(t, owner, overrides)).id;

  /** Files for a new client of `owner`, preferring amWork unless overridden. */
  const file = async (
    overrides: Record<string, unknown> = {},
    owner: TestUser = km,
  ): Promise<ApiJobhuntingRequest> =>
    fileJobhuntingRequest(t, owner, await newClient(owner), {
      preferredAccountManagerId: amWork.id,
      ...overrides,
    });

  const get = (id: string, as: TestUser = coordinator) =>
    request(t.http).get(`/jobhunting-requests/${id}`).set(as.auth);

  const current = async (id: string): Promise<ApiJobhuntingRequest> =>
    (await get(id).expect(200)).body as ApiJobhuntingRequest;

  /** POST a transition with the request's current version (unless given). */
  const move = async (
    id: string,
    to: string,
    as: TestUser = amWork,
    extra: Record<string, unknown> = {},
    requestId = newRequestId(),
  ) => {
    const { version } = await current(id);
    return request(t.http)
      .post(`/jobhunting-requests/${id}/transitions`)
      .set(as.auth)
      .set('X-Request-Id', requestId)
      .send({ to, version, ...extra });
  };

  const activity = (
    id: string,
    body: Record<string, unknown> = {
      kind: 'note',
      text: 'Cv doorgenomen en zoekprofiel gemaakt.',
    },
    as: TestUser = amWork,
    requestId = newRequestId(),
  ) =>
    request(t.http)
      .post(`/jobhunting-requests/${id}/activities`)
      .set(as.auth)
      .set('X-Request-Id', requestId)
      .send(body);

  /** Open follow-ups of a request through the follow-ups API (as a coordinator, who sees all). */
  const followUpsOf = async (id: string): Promise<FollowUpRow[]> => {
    const response = await request(t.http)
      .get('/follow-ups')
      .query({ subjectType: 'jobhunting-request', subjectId: id, pageSize: '100' })
      .set(coordinator.auth)
      .expect(200);
    return (response.body as { items: (Omit<FollowUpRow, 'dueAt'> & { dueAt: string })[] }).items
      .map((item) => ({ ...item, dueAt: new Date(item.dueAt) }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  };

  /** Every follow-up of a request, cancelled ones too, in the order they were made (database). */
  const followUpHistoryOf = async (id: string): Promise<FollowUpRow[]> =>
    t.dataSource.query(
      `SELECT id, kind, owner_id AS "ownerId", due_at AS "dueAt", status, title, details
         FROM follow_ups
        WHERE subject_type = 'jobhunting-request' AND subject_id = $1
        ORDER BY created_at, id`,
      [id],
    );

  const listIds = async (as: TestUser, query: Record<string, string> = {}) => {
    const response = await request(t.http)
      .get('/jobhunting-requests')
      .query({ pageSize: '100', ...query })
      .set(as.auth)
      .expect(200);
    return (response.body as { items: ApiJobhuntingRequest[] }).items.map((item) => item.id);
  };

  /** A request brought into `status` through the API. */
  const requestIn = async (status: JobhuntingStatus): Promise<ApiJobhuntingRequest> => {
    const filed = await file({}, kmMatrix);
    if (status === 'closed') {
      await move(filed.id, 'closed', amWork, { reason: 'no-suitable-employer' }).then((r) =>
        expect(r.status).toBe(200),
      );
    }
    if (status === 'accepted' || status === 'in-progress' || status === 'placed') {
      expect((await move(filed.id, 'accepted')).status).toBe(200);
    }
    if (status === 'in-progress' || status === 'placed') {
      expect((await activity(filed.id)).status).toBe(201);
    }
    if (status === 'placed') expect((await move(filed.id, 'placed')).status).toBe(200);
    const now = await current(filed.id);
    expect(now.status).toBe(status);
    return now;
  };

  describe('filing', () => {
    it('files a request for a client of the own caseload, with history, audit row and follow-up', async () => {
      const candidateId = await newClient();
      const requestId = newRequestId();
      const response = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .set('X-Request-Id', requestId)
        .send(jobhuntingInput(candidateId, { preferredAccountManagerId: amWork.id }))
        .expect(201);
      const filed = response.body as ApiJobhuntingRequest;
      expect(filed).toMatchObject({
        candidate: { id: candidateId, klantmanagerId: km.id },
        filedById: km.id,
        primarySector: 'H',
        preferences: {
          sectors: ['H', 'G'],
          occupations: [],
          hoursMin: 24,
          hoursMax: 32,
          maxDistanceKm: 15,
          notes: 'Liefst dagdienst; maximaal 30 minuten achter elkaar staan.',
        },
        preferredAccountManagerId: amWork.id,
        accountManagerId: amWork.id,
        status: 'open',
        statusLabel: 'open (nog niet geaccepteerd)',
        allowedTransitions: ['accepted', 'closed'],
        closeReason: null,
        version: 1,
        activities: [],
      });
      expect(filed.candidate.name).toEqual(expect.any(String));
      // the search radius starts at the client's home unless given
      expect(filed.preferences.pc4).toMatch(/^\d{4}$/);
      expect(filed.transitions).toEqual([
        expect.objectContaining({
          event: 'filed',
          fromStatus: null,
          toStatus: 'open',
          actorId: km.id,
        }),
        expect.objectContaining({
          event: 'assigned',
          toStatus: 'open',
          accountManagerId: amWork.id,
          note: 'Voorkeur van de klantmanager',
        }),
      ]);
      expect(await auditRowsOf(t, requestId)).toEqual([
        expect.objectContaining({
          action: 'jobhunting-request.create',
          objectType: 'jobhunting-request',
          objectId: filed.id,
          actorId: km.id,
          result: 'allowed',
          details: expect.objectContaining({ candidateId, assignedBy: 'preference' }),
        }),
      ]);
      const followUps = await followUpsOf(filed.id);
      expect(followUps).toEqual([
        expect.objectContaining({
          kind: 'jobhunting-unanswered',
          ownerId: amWork.id,
          status: 'scheduled',
          title: 'Jobhuntverzoek nog niet geaccepteerd',
        }),
      ]);
      expect(followUps[0].dueAt.toISOString()).toBe(
        addWorkingDays(new Date(filed.assignedAt as string), 2).toISOString(),
      );
    });

    it("puts the unanswered follow-up in the accountmanager's own task list", async () => {
      const filed = await file();
      const response = await request(t.http)
        .get('/follow-ups')
        .query({ subjectType: 'jobhunting-request', subjectId: filed.id })
        .set(amWork.auth)
        .expect(200);
      expect(response.body.items).toEqual([
        expect.objectContaining({ kind: 'jobhunting-unanswered', ownerId: amWork.id }),
      ]);
    });

    it("refuses a client of another klantmanager's caseload (403, audited)", async () => {
      const candidateId = await newClient(kmOther);
      const requestId = newRequestId();
      const response = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .set('X-Request-Id', requestId)
        .send(jobhuntingInput(candidateId))
        .expect(403);
      expect(response.body.message).toMatch(/another klantmanager's caseload/);
      expect(await auditRowsOf(t, requestId)).toEqual([
        expect.objectContaining({ action: 'access.denied', result: 'denied', actorId: km.id }),
      ]);
    });

    it('lets a coordinator file for any client', async () => {
      const filed = await fileJobhuntingRequest(t, coordinator, await newClient(kmOther), {
        preferredAccountManagerId: amWork.id,
      });
      expect(filed).toMatchObject({ filedById: coordinator.id, status: 'open' });
      expect(filed.candidate.klantmanagerId).toBe(kmOther.id);
    });

    it('refuses accountmanagers and employer contacts', async () => {
      const candidateId = await newClient();
      for (const who of [amWork, werkgever]) {
        await request(t.http)
          .post('/jobhunting-requests')
          .set(who.auth)
          .send(jobhuntingInput(candidateId))
          .expect(403);
      }
    });

    it('refuses a client who has not agreed to be matched, or is not in a matchable status (409)', async () => {
      const noConsent = await newClient(km, { availableForMatching: false });
      const refused = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .send(jobhuntingInput(noConsent))
        .expect(409);
      expect(refused.body.message).toMatch(
        /not available for matching.*has not agreed to be matched.*\(availableForMatching is false\)/,
      );
      const inIntake = await newClient(km, { programmeStatus: 'intake' });
      const intake = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .send(jobhuntingInput(inIntake))
        .expect(409);
      expect(intake.body.message).toMatch(
        /programme status intake.*active, jobhunting, trial-placement/,
      );
    });

    it('keeps one running request per candidate (409 naming the existing one), a new one after closing', async () => {
      const candidateId = await newClient();
      const first = await fileJobhuntingRequest(t, km, candidateId, {
        preferredAccountManagerId: amWork.id,
      });
      const second = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .send(jobhuntingInput(candidateId))
        .expect(409);
      expect(second.body.message).toContain(first.id);
      expect(second.body.message).toMatch(/already has a running jobhunting request/);
      await move(first.id, 'closed', km, { reason: 'client-withdrew' }).then((r) =>
        expect(r.status).toBe(200),
      );
      const again = await fileJobhuntingRequest(t, km, candidateId, {
        preferredAccountManagerId: amWork.id,
      });
      expect(again.id).not.toBe(first.id);
    });

    it('names every bad field: unknown candidate, occupation, postcode, accountmanager, missing sector', async () => {
      const unknownCandidate = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .send(jobhuntingInput(randomUUID()))
        .expect(400);
      expect(fieldsOf(unknownCandidate.body)).toEqual(['candidateId']);

      const candidateId = await newClient();
      const bad = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .send(
          jobhuntingInput(candidateId, {
            preferredAccountManagerId: km.id,
            preferences: {
              sectors: ['H'],
              occupations: ['http://data.europa.eu/esco/occupation/does-not-exist'],
              pc4: '0000',
            },
          }),
        )
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual([
        'preferences.occupations.0',
        'preferences.pc4',
        'preferredAccountManagerId',
      ]);

      const noSector = await request(t.http)
        .post('/jobhunting-requests')
        .set(km.auth)
        .send(jobhuntingInput(candidateId, { preferences: { sectors: [] }, motivation: 'kort' }))
        .expect(400);
      expect(fieldsOf(noSector.body)).toEqual(['motivation', 'preferences.sectors']);
    });
  });

  describe('assignment', () => {
    let amB1: TestUser;
    let amB2: TestUser;

    beforeAll(async () => {
      amB1 = await loginAs(t, Role.AccountManager, { sectors: [SECTOR_TWO_AMS] });
      amB2 = await loginAs(t, Role.AccountManager, { sectors: [SECTOR_TWO_AMS] });
    });

    it('goes by the first preferred sector to the accountmanager with the fewest running requests, ties to the lowest id', async () => {
      // amB1 already works on one request
      await file({ preferredAccountManagerId: amB1.id });
      const first = await file({
        preferredAccountManagerId: undefined,
        preferences: { sectors: [SECTOR_TWO_AMS, 'H'] },
      });
      expect(first.accountManagerId).toBe(amB2.id);
      expect(first.transitions[1]).toMatchObject({
        event: 'assigned',
        accountManagerId: amB2.id,
        note: expect.stringMatching(
          /^Sector B \(Delfstoffenwinning\): accountmanager met de minste lopende verzoeken \(0\) van 2/,
        ),
      });
      // now both have one running request: the lower id wins
      const second = await file({
        preferredAccountManagerId: undefined,
        preferences: { sectors: [SECTOR_TWO_AMS] },
      });
      expect(second.accountManagerId).toBe([amB1.id, amB2.id].sort()[0]);
    });

    it('leaves a request unassigned when nobody serves the sector, with the follow-up for the first coordinator', async () => {
      const filed = await file({
        preferredAccountManagerId: undefined,
        preferences: { sectors: [SECTOR_NO_AM] },
      });
      expect(filed).toMatchObject({ accountManagerId: null, assignedAt: null, status: 'open' });
      expect(filed.transitions.map((row) => row.event)).toEqual(['filed']);
      const [firstCoordinator] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM users WHERE role = 'coordinator' AND active ORDER BY created_at, id LIMIT 1`,
      );
      const followUps = await followUpsOf(filed.id);
      expect(followUps).toEqual([
        expect.objectContaining({ kind: 'jobhunting-unanswered', ownerId: firstCoordinator.id }),
      ]);
      expect(followUps[0].details).toMatch(/nog geen accountmanager/);
      const due = addWorkingDays(new Date(filed.createdAt), 2).getTime();
      expect(Math.abs(followUps[0].dueAt.getTime() - due)).toBeLessThan(5000);
    });

    it('is set by a coordinator, who moves the follow-up to the new accountmanager; stale versions are refused', async () => {
      const filed = await file({
        preferredAccountManagerId: undefined,
        preferences: { sectors: [SECTOR_NO_AM] },
      });
      const requestId = newRequestId();
      const assigned = await request(t.http)
        .post(`/jobhunting-requests/${filed.id}/assign`)
        .set(coordinator.auth)
        .set('X-Request-Id', requestId)
        .send({ accountManagerId: amOther.id, version: filed.version })
        .expect(200);
      expect(assigned.body).toMatchObject({
        accountManagerId: amOther.id,
        status: 'open',
        version: filed.version + 1,
      });
      expect(assigned.body.transitions.at(-1)).toMatchObject({
        event: 'assigned',
        accountManagerId: amOther.id,
        actorId: coordinator.id,
      });
      expect(await auditRowsOf(t, requestId)).toEqual([
        expect.objectContaining({
          action: 'jobhunting-request.assign',
          objectId: filed.id,
          details: { from: null, to: amOther.id, status: 'open' },
        }),
      ]);
      const followUps = await followUpsOf(filed.id);
      expect(followUps).toEqual([
        expect.objectContaining({ kind: 'jobhunting-unanswered', ownerId: amOther.id }),
      ]);
      expect(followUps[0].dueAt.toISOString()).toBe(
        addWorkingDays(new Date(assigned.body.assignedAt as string), 2).toISOString(),
      );

      const stale = await request(t.http)
        .post(`/jobhunting-requests/${filed.id}/assign`)
        .set(coordinator.auth)
        .send({ accountManagerId: amWork.id, version: filed.version })
        .expect(409);
      expect(stale.body.message).toMatch(/has changed since you read it.*reload/);

      const notAm = await request(t.http)
        .post(`/jobhunting-requests/${filed.id}/assign`)
        .set(coordinator.auth)
        .send({ accountManagerId: km.id, version: filed.version + 1 })
        .expect(400);
      expect(fieldsOf(notAm.body)).toEqual(['accountManagerId']);

      for (const who of [km, amWork, werkgever]) {
        await request(t.http)
          .post(`/jobhunting-requests/${filed.id}/assign`)
          .set(who.auth)
          .send({ accountManagerId: amWork.id, version: filed.version + 1 })
          .expect(403);
      }
    });

    it('moves the no-progress follow-up of a running request to the new accountmanager, keeping its due date', async () => {
      const filed = await file();
      await move(filed.id, 'accepted');
      await activity(filed.id).expect(201);
      const before = await current(filed.id);
      const reassigned = await request(t.http)
        .post(`/jobhunting-requests/${filed.id}/assign`)
        .set(coordinator.auth)
        .send({
          accountManagerId: amColleague.id,
          version: before.version,
          note: 'Overdracht wegens verlof.',
        })
        .expect(200);
      expect(reassigned.body).toMatchObject({
        status: 'in-progress',
        accountManagerId: amColleague.id,
      });
      expect(reassigned.body.transitions.at(-1)).toMatchObject({
        event: 'assigned',
        fromStatus: 'in-progress',
        toStatus: 'in-progress',
        accountManagerId: amColleague.id,
        note: 'Overdracht wegens verlof.',
      });
      const open = await followUpsOf(filed.id);
      expect(open).toEqual([
        expect.objectContaining({ kind: 'jobhunting-no-progress', ownerId: amColleague.id }),
      ]);
      expect(open[0].dueAt.toISOString()).toBe(
        addWorkingDays(new Date(before.lastActivityAt as string), 10).toISOString(),
      );
      // the new accountmanager works on it; the old one no longer sees it
      await activity(filed.id, undefined, amColleague).expect(201);
      await get(filed.id, amWork).expect(403);
    });

    it('lets an accountmanager of the sector take an open unassigned request by accepting it', async () => {
      const filed = await file({
        preferredAccountManagerId: undefined,
        preferences: { sectors: [SECTOR_NO_AM] },
      });
      // a coordinator cannot accept for nobody
      const nobody = await move(filed.id, 'accepted', coordinator);
      expect(nobody.status).toBe(409);
      expect(nobody.body.message).toMatch(/no accountmanager yet: assign one first/);
      // an accountmanager of another sector can neither see nor take it
      expect((await move(filed.id, 'accepted', amOther)).status).toBe(403);

      const amU = await loginAs(t, Role.AccountManager, { sectors: [SECTOR_NO_AM] });
      try {
        expect(await listIds(amU, { candidateId: filed.candidate.id })).toEqual([filed.id]);
        const taken = await move(filed.id, 'accepted', amU);
        if (taken.status !== 200) throw new Error(JSON.stringify(taken.body));
        expect(taken.body).toMatchObject({ accountManagerId: amU.id, status: 'accepted' });
        expect(taken.body.transitions.at(-1)).toMatchObject({
          event: 'status',
          fromStatus: 'open',
          toStatus: 'accepted',
          accountManagerId: amU.id,
        });
      } finally {
        await t.dataSource.query('UPDATE users SET active = false WHERE id = $1', [amU.id]);
      }
    });
  });

  describe('status transitions', () => {
    const ALLOWED: Record<JobhuntingStatus, JobhuntingStatus[]> = {
      open: ['accepted', 'closed'],
      accepted: ['in-progress', 'closed'],
      'in-progress': ['placed', 'closed'],
      placed: [],
      closed: [],
    };

    it.each(JOBHUNTING_STATUSES)(
      'refuses every move %s cannot make with 409 naming the allowed moves',
      async (status) => {
        const subject = await requestIn(status);
        const refused = JOBHUNTING_STATUSES.filter((to) => !ALLOWED[status].includes(to));
        for (const to of refused) {
          const response = await move(subject.id, to, amWork, {
            ...(to === 'closed' && { reason: 'other', note: 'test' }),
          });
          expect({ to, status: response.status, code: response.body.code }).toEqual({
            to,
            status: 409,
            code: 'INVALID_TRANSITION',
          });
          expect(response.body.message).toMatch(
            ALLOWED[status].length === 0
              ? /is final/
              : new RegExp(`from ${status} it can become ${ALLOWED[status].join(', ')}$`),
          );
        }
        const after = await current(subject.id);
        expect(after).toMatchObject({ status, version: subject.version });
        expect(after.transitions).toHaveLength(subject.transitions.length);
      },
    );

    it('accepts, records who/when/why, audits, and replaces the unanswered follow-up with no-progress', async () => {
      const filed = await file();
      const requestId = newRequestId();
      const accepted = await move(
        filed.id,
        'accepted',
        amWork,
        { note: 'Ik pak dit op.' },
        requestId,
      );
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        allowedTransitions: ['in-progress', 'closed'],
        version: filed.version + 1,
      });
      expect(accepted.body.transitions.at(-1)).toMatchObject({
        event: 'status',
        fromStatus: 'open',
        toStatus: 'accepted',
        note: 'Ik pak dit op.',
        actorId: amWork.id,
        at: expect.any(String),
      });
      expect(await auditRowsOf(t, requestId)).toEqual([
        expect.objectContaining({
          action: 'jobhunting-request.transition',
          objectId: filed.id,
          actorId: amWork.id,
          details: { from: 'open', to: 'accepted' },
        }),
      ]);
      const all = await followUpHistoryOf(filed.id);
      expect(all.map((row) => [row.kind, row.status])).toEqual([
        ['jobhunting-unanswered', 'cancelled'],
        ['jobhunting-no-progress', 'scheduled'],
      ]);
      expect(all[1].ownerId).toBe(amWork.id);
      expect(all[1].dueAt.toISOString()).toBe(
        addWorkingDays(new Date(accepted.body.acceptedAt as string), 10).toISOString(),
      );
    });

    it('refuses a stale version with 409', async () => {
      const filed = await file();
      const response = await request(t.http)
        .post(`/jobhunting-requests/${filed.id}/transitions`)
        .set(amWork.auth)
        .send({ to: 'accepted', version: filed.version + 5 })
        .expect(409);
      expect(response.body.message).toMatch(/you sent version 6, it is at version 1/);
    });

    it('needs a reason from the list to close, and an explanation for "other"', async () => {
      const filed = await file();
      const noReason = await move(filed.id, 'closed', amWork);
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason.body)).toEqual(['reason']);
      expect(noReason.body.errors[0].problems[0]).toMatch(
        /needs a reason, one of: client-found-work \(Klant heeft zelf werk gevonden\)/,
      );
      const unknown = await move(filed.id, 'closed', amWork, { reason: 'bored' });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown.body)).toEqual(['reason']);
      const other = await move(filed.id, 'closed', amWork, { reason: 'other' });
      expect(other.status).toBe(400);
      expect(fieldsOf(other.body)).toEqual(['note']);
      const reasonOnAccept = await move(filed.id, 'accepted', amWork, { reason: 'other' });
      expect(reasonOnAccept.status).toBe(400);

      const closed = await move(filed.id, 'closed', amWork, {
        reason: 'preferences-not-feasible',
        note: 'Alleen 12 uur per week in de avond: bespreken met de klant.',
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        closeReason: 'preferences-not-feasible',
        closeReasonLabel: 'Wensen (uren, regio, sector) niet haalbaar; bijstellen met de klant',
        allowedTransitions: [],
        endedAt: expect.any(String),
      });
      expect(closed.body.transitions.at(-1)).toMatchObject({
        fromStatus: 'open',
        toStatus: 'closed',
        reason: 'preferences-not-feasible',
        reasonLabel: 'Wensen (uren, regio, sector) niet haalbaar; bijstellen met de klant',
        note: 'Alleen 12 uur per week in de avond: bespreken met de klant.',
      });
    });

    it('closing cancels the open follow-ups and notifies the klantmanager with the outcome', async () => {
      const subject = await requestIn('in-progress');
      const closed = await move(subject.id, 'closed', amWork, { reason: 'no-suitable-employer' });
      expect(closed.status).toBe(200);
      const open = await followUpsOf(subject.id);
      expect(open).toEqual([
        expect.objectContaining({
          kind: 'notification',
          ownerId: kmMatrix.id,
          title: 'Jobhuntverzoek gesloten: Geen passende werkgever of vacature gevonden',
        }),
      ]);
      expect(open[0].details).toMatch(/^De accountmanager heeft het jobhuntverzoek gesloten/);
      const cancelled = (await followUpHistoryOf(subject.id)).filter(
        (row) => row.status === 'cancelled',
      );
      expect(cancelled.map((row) => row.kind)).toContain('jobhunting-no-progress');
    });

    it('placing cancels the open follow-ups and notifies the klantmanager', async () => {
      const subject = await requestIn('placed');
      const open = await followUpsOf(subject.id);
      expect(open).toEqual([
        expect.objectContaining({
          kind: 'notification',
          ownerId: kmMatrix.id,
          title: 'Jobhuntverzoek afgerond: klant geplaatst',
        }),
      ]);
      expect(subject.transitions.at(-1)).toMatchObject({
        fromStatus: 'in-progress',
        toStatus: 'placed',
      });
    });

    it("lets the client's klantmanager withdraw (close) but not accept or place; the accountmanager hears of it", async () => {
      const filed = await file();
      const accept = await move(filed.id, 'accepted', km);
      expect(accept.status).toBe(403);
      expect(accept.body.message).toMatch(/only withdraw/);
      expect((await move(filed.id, 'closed', kmOther, { reason: 'client-withdrew' })).status).toBe(
        403,
      );
      expect((await move(filed.id, 'accepted', amColleague)).status).toBe(403);

      const withdrawn = await move(filed.id, 'closed', km, { reason: 'client-found-work' });
      expect(withdrawn.status).toBe(200);
      expect(await followUpsOf(filed.id)).toEqual([
        expect.objectContaining({
          kind: 'notification',
          ownerId: amWork.id,
          title: 'Jobhuntverzoek gesloten: Klant heeft zelf werk gevonden',
        }),
      ]);
    });
  });

  describe('activities', () => {
    it('the first activity makes an accepted request in-progress; each one re-plans the no-progress follow-up', async () => {
      const filed = await file();
      expect((await move(filed.id, 'accepted')).status).toBe(200);
      const requestId = newRequestId();
      const first = await activity(
        filed.id,
        {
          kind: 'employer-approached',
          employerId: employer.id,
          outcome: 'interested',
          text: 'Gebeld met de vestigingsmanager: open voor een kennismaking.',
        },
        amWork,
        requestId,
      ).expect(201);
      expect(first.body).toMatchObject({ status: 'in-progress', version: filed.version + 2 });
      expect(first.body.activities).toEqual([
        expect.objectContaining({
          kind: 'employer-approached',
          kindLabel: 'Werkgever benaderd',
          employerId: employer.id,
          employerName: employer.name,
          vacancyId: null,
          outcome: 'interested',
          outcomeLabel: 'Werkgever is geïnteresseerd',
          actorId: amWork.id,
        }),
      ]);
      expect(first.body.transitions.at(-1)).toMatchObject({
        event: 'status',
        fromStatus: 'accepted',
        toStatus: 'in-progress',
        note: 'Eerste activiteit: Werkgever benaderd',
        actorId: amWork.id,
      });
      expect(await auditRowsOf(t, requestId)).toEqual([
        expect.objectContaining({
          action: 'jobhunting-request.activity',
          objectId: filed.id,
          details: expect.objectContaining({
            kind: 'employer-approached',
            status: { from: 'accepted', to: 'in-progress' },
          }),
        }),
      ]);
      let open = await followUpsOf(filed.id);
      expect(open).toEqual([
        expect.objectContaining({ kind: 'jobhunting-no-progress', ownerId: amWork.id }),
      ]);
      expect(open[0].dueAt.toISOString()).toBe(
        addWorkingDays(new Date(first.body.lastActivityAt as string), 10).toISOString(),
      );
      const firstPlan = open[0].id;

      // a vacancy brings its employer along; the status stays in-progress
      const second = await activity(filed.id, {
        kind: 'vacancy-considered',
        vacancyId: vacancy.id,
        text: 'Vacature heftruckchauffeur bekeken; certificaat ontbreekt nog.',
      }).expect(201);
      expect(second.body.status).toBe('in-progress');
      expect(second.body.activities[0]).toMatchObject({
        kind: 'vacancy-considered',
        vacancyId: vacancy.id,
        vacancyTitle: vacancy.title,
        employerId: employer.id,
      });
      expect(second.body.activities).toHaveLength(2);
      expect(
        second.body.transitions.filter(
          (row: { toStatus: string }) => row.toStatus === 'in-progress',
        ),
      ).toHaveLength(1);
      open = await followUpsOf(filed.id);
      expect(open).toHaveLength(1);
      expect(open[0].id).not.toBe(firstPlan);
      expect(open[0].dueAt.toISOString()).toBe(
        addWorkingDays(new Date(second.body.lastActivityAt as string), 10).toISOString(),
      );
      const all = await followUpHistoryOf(filed.id);
      expect(
        all.filter((row) => row.kind === 'jobhunting-no-progress').map((row) => row.status),
      ).toEqual(['cancelled', 'cancelled', 'scheduled']);
    });

    it('validates the referenced employer and vacancy (400 naming the field)', async () => {
      const subject = await requestIn('accepted');
      const unknownEmployer = await activity(subject.id, {
        kind: 'employer-approached',
        employerId: randomUUID(),
        text: 'Gebeld.',
      }).expect(400);
      expect(fieldsOf(unknownEmployer.body)).toEqual(['employerId']);
      const unknownVacancy = await activity(subject.id, {
        kind: 'vacancy-considered',
        vacancyId: randomUUID(),
        text: 'Bekeken.',
      }).expect(400);
      expect(fieldsOf(unknownVacancy.body)).toEqual(['vacancyId']);
      const missing = await activity(subject.id, {
        kind: 'employer-approached',
        text: 'Gebeld.',
      }).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['employerId']);
      const otherEmployer = await createEmployer(t, coordinator, { sector: 'C', sbiCode: '1071' });
      const mismatch = await activity(subject.id, {
        kind: 'nomination',
        employerId: otherEmployer.id,
        vacancyId: vacancy.id,
        text: 'Voorgedragen.',
      }).expect(400);
      expect(fieldsOf(mismatch.body)).toEqual(['vacancyId']);
      const badKind = await activity(subject.id, { kind: 'coffee', text: 'Koffie.' }).expect(400);
      expect(fieldsOf(badKind.body)).toEqual(['kind']);
      // nothing was recorded
      expect(await current(subject.id)).toMatchObject({ status: 'accepted', activities: [] });
    });

    it('are recorded by the assigned accountmanager or a coordinator, on accepted or in-progress requests only', async () => {
      const filed = await file();
      const early = await activity(filed.id).expect(409);
      expect(early.body.message).toMatch(/accepts it first/);
      await move(filed.id, 'accepted');
      await activity(filed.id, undefined, km).expect(403);
      await activity(filed.id, undefined, amColleague).expect(403);
      await activity(filed.id, undefined, werkgever).expect(403);
      await activity(
        filed.id,
        { kind: 'note', text: 'Namens de accountmanager.' },
        coordinator,
      ).expect(201);
      await move(filed.id, 'closed', amWork, { reason: 'client-unavailable' });
      const late = await activity(filed.id).expect(409);
      expect(late.body.message).toMatch(/closed, which is final/);
    });
  });

  describe('visibility', () => {
    let subject: ApiJobhuntingRequest;

    beforeAll(async () => {
      subject = await file();
      await move(subject.id, 'accepted');
      await activity(subject.id);
    });

    it('shows the request with its history and activities to both sides and coordinators', async () => {
      for (const who of [km, amWork, coordinator]) {
        const response = await get(subject.id, who).expect(200);
        expect(response.body).toMatchObject({ id: subject.id, status: 'in-progress' });
        expect(response.body.transitions.map((row: { toStatus: string }) => row.toStatus)).toEqual([
          'open',
          'open',
          'accepted',
          'in-progress',
        ]);
        expect(response.body.activities).toHaveLength(1);
      }
    });

    it('refuses another klantmanager, an unassigned accountmanager and employer contacts (403, audited)', async () => {
      for (const who of [kmOther, amColleague, amOther, werkgever]) {
        const requestId = newRequestId();
        await request(t.http)
          .get(`/jobhunting-requests/${subject.id}`)
          .set(who.auth)
          .set('X-Request-Id', requestId)
          .expect(403);
        expect(await auditRowsOf(t, requestId)).toEqual([
          expect.objectContaining({ action: 'access.denied', actorId: who.id }),
        ]);
      }
      await request(t.http).get('/jobhunting-requests').set(werkgever.auth).expect(403);
      await request(t.http).get(`/jobhunting-requests/${subject.id}`).expect(401);
    });

    it('lists per role: caseload, assigned plus open in own sectors, all; mine narrows', async () => {
      const open = await file({}, kmOther);
      // klantmanager: own caseload only
      const kmIds = await listIds(km, { status: 'in-progress' });
      expect(kmIds).toContain(subject.id);
      expect(await listIds(km, { candidateId: open.candidate.id })).toEqual([]);
      expect(await listIds(kmOther, { candidateId: open.candidate.id })).toEqual([open.id]);
      // accountmanager: assigned to them, and open ones in their sectors (open is primary H)
      expect(await listIds(amWork, { candidateId: subject.candidate.id })).toEqual([subject.id]);
      expect(await listIds(amColleague, { candidateId: open.candidate.id })).toEqual([open.id]);
      expect(await listIds(amColleague, { candidateId: subject.candidate.id })).toEqual([]);
      expect(await listIds(amColleague, { candidateId: open.candidate.id, mine: 'true' })).toEqual(
        [],
      );
      expect(await listIds(amOther, { candidateId: open.candidate.id })).toEqual([]);
      // coordinator: all
      expect(await listIds(coordinator, { candidateId: open.candidate.id })).toEqual([open.id]);
      // status filter
      expect(await listIds(amWork, { candidateId: subject.candidate.id, status: 'open' })).toEqual(
        [],
      );
      const bad = await request(t.http)
        .get('/jobhunting-requests')
        .query({ status: 'sleeping' })
        .set(km.auth)
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['status']);
    });

    it('mine: a klantmanager sees what they filed, a coordinator what waits for assignment', async () => {
      const byCoordinator = await fileJobhuntingRequest(t, coordinator, await newClient(km), {
        preferredAccountManagerId: amWork.id,
      });
      const unassigned = await file({
        preferredAccountManagerId: undefined,
        preferences: { sectors: [SECTOR_NO_AM] },
      });
      const candidate = byCoordinator.candidate.id;
      expect(await listIds(km, { candidateId: candidate })).toEqual([byCoordinator.id]);
      expect(await listIds(km, { candidateId: candidate, mine: 'true' })).toEqual([]);
      expect(await listIds(coordinator, { candidateId: candidate, mine: 'true' })).toEqual([]);
      expect(
        await listIds(coordinator, { candidateId: unassigned.candidate.id, mine: 'true' }),
      ).toEqual([unassigned.id]);
    });

    it('erasing the client erases their requests', async () => {
      const filed = await file();
      await request(t.http)
        .delete(`/candidates/${filed.candidate.id}`)
        .set(coordinator.auth)
        .expect(204);
      await get(filed.id).expect(404);
    });
  });
});
