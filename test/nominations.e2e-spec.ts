import request from 'supertest';
import { AuditLogEntity } from '../src/infra/audit/audit-log.entity';
import { Role } from '../src/infra/auth/role';
import {
  NOMINATION_STATUSES,
  NOMINATION_TRANSITIONS,
  NominationStatus,
} from '../src/modules/nominations/nomination-status';
import { createCandidate, CreatedCandidate } from './factories/candidate.factory';
import { ApiEmployer, createEmployer } from './factories/employer.factory';
import {
  advance,
  ApiNomination,
  createNomination,
  move,
  PATH_TO,
} from './factories/nomination.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { ApiVacancy, createVacancy } from './factories/vacancy.factory';
import { auditRowsOf, newRequestId } from './helpers/audit';
import { createTestApp, TestApp } from './helpers/test-app';

interface FollowUpRow {
  kind: string;
  status: string;
  ownerId: string;
  dueAt: Date;
  title: string;
  details: string | null;
}

describe('nominations', () => {
  let t: TestApp;
  let coordinator: TestUser;
  /** owns `employer` (sector H) */
  let am: TestUser;
  let amSector: TestUser;
  let amOther: TestUser;
  let km: TestUser;
  let kmOther: TestUser;
  let werkgever: TestUser;
  let employer: ApiEmployer;
  let clients = 0;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
    am = await loginAs(t, Role.AccountManager, { sectors: [] });
    amSector = await loginAs(t, Role.AccountManager, { sectors: ['H'] });
    amOther = await loginAs(t, Role.AccountManager, { sectors: ['C'] });
    km = await loginAs(t, Role.ClientManager);
    kmOther = await loginAs(t, Role.ClientManager);
    employer = await createEmployer(t, coordinator, { accountManagerId: am.id, sector: 'H' });
    werkgever = await loginAs(t, Role.Employer, { employerId: employer.id });
  });
  afterAll(() => t.close());

  /** A new client (rotating klantmanagers: a caseload holds 25) and a new open vacancy. */
  async function fresh(
    overrides: Record<string, unknown> = {},
  ): Promise<{ candidate: CreatedCandidate; vacancy: ApiVacancy; klantmanager: TestUser }> {
    clients += 1;
    if (clients % 20 === 0) km = await loginAs(t, Role.ClientManager);
    const klantmanager = km;
    const candidate = await createCandidate(t, klantmanager, overrides);
    const vacancy = await createVacancy(t, am, { employerId: employer.id, status: 'open' });
    return { candidate, vacancy, klantmanager };
  }

  async function nominationIn(status: NominationStatus) {
    const setup = await fresh();
    const draft = await createNomination(t, am, {
      candidateId: setup.candidate.id,
      vacancyId: setup.vacancy.id,
    });
    return { ...setup, nomination: await advance(t, am, draft, PATH_TO[status]) };
  }

  const followUpsOf = (subjectType: string, subjectId: string): Promise<FollowUpRow[]> =>
    t.dataSource.query(
      `SELECT kind, status, owner_id AS "ownerId", due_at AS "dueAt", title, details
         FROM follow_ups WHERE subject_type = $1 AND subject_id = $2 ORDER BY due_at, kind`,
      [subjectType, subjectId],
    );

  describe('create', () => {
    it('creates a draft with its first history row, audited', async () => {
      const { candidate, vacancy } = await fresh();
      const requestId = newRequestId();
      const response = await request(t.http)
        .post('/nominations')
        .set(am.auth)
        .set('X-Request-Id', requestId)
        .send({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          motivation: 'Sterk in techniek en precisie.',
        })
        .expect(201);
      expect(response.body).toMatchObject({
        candidateId: candidate.id,
        vacancyId: vacancy.id,
        vacancyTitle: vacancy.title,
        employerId: employer.id,
        employerName: employer.name,
        accountManagerId: am.id,
        status: 'draft',
        statusLabel: 'concept',
        allowedTransitions: ['proposed', 'withdrawn'],
        trialPlacementId: null,
        placementId: null,
        version: 1,
      });
      expect(response.body.transitions).toEqual([
        expect.objectContaining({
          from: null,
          to: 'draft',
          actorId: am.id,
          actorRole: 'accountmanager',
        }),
      ]);
      expect(await auditRowsOf(t, requestId)).toEqual([
        expect.objectContaining({ action: 'nomination.create', objectId: response.body.id }),
      ]);
    });

    it('nominates to an employer without a vacancy, and needs the employer then (400)', async () => {
      const { candidate } = await fresh();
      const created = await createNomination(t, am, {
        candidateId: candidate.id,
        employerId: employer.id,
      });
      expect(created).toMatchObject({ vacancyId: null, employerId: employer.id });
      const missing = await request(t.http)
        .post('/nominations')
        .set(am.auth)
        .send({ candidateId: candidate.id, motivation: 'Sterk in techniek en precisie.' })
        .expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'employerId' })]);
    });

    it('refuses a second open nomination of a candidate to the same vacancy or employer (409)', async () => {
      const { candidate, vacancy } = await fresh();
      const first = await createNomination(t, am, {
        candidateId: candidate.id,
        vacancyId: vacancy.id,
      });
      const again = await request(t.http)
        .post('/nominations')
        .set(amSector.auth)
        .send({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          motivation: 'Nog een keer voordragen.',
        })
        .expect(409);
      expect(again.body.message).toContain(
        `already has an open nomination here (${first.id}, draft)`,
      );

      await createNomination(t, am, { candidateId: candidate.id, employerId: employer.id });
      await request(t.http)
        .post('/nominations')
        .set(am.auth)
        .send({
          candidateId: candidate.id,
          employerId: employer.id,
          motivation: 'Nog een keer voordragen.',
        })
        .expect(409);

      // once the first has ended, a new nomination to the same vacancy is fine
      await advance(t, am, first, ['withdrawn']);
      await createNomination(t, am, { candidateId: candidate.id, vacancyId: vacancy.id });
    });

    it('the partial unique index holds even when two requests race', async () => {
      const { candidate, vacancy } = await fresh();
      const send = () =>
        request(t.http).post('/nominations').set(am.auth).send({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          motivation: 'Tegelijk voorgedragen.',
        });
      const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
    });

    it('needs a vacancy that is open or on hold, and an accountmanager of the employer', async () => {
      const { candidate } = await fresh();
      const draftVacancy = await createVacancy(t, am, { employerId: employer.id });
      const closed = await request(t.http)
        .post('/nominations')
        .set(am.auth)
        .send({
          candidateId: candidate.id,
          vacancyId: draftVacancy.id,
          motivation: 'Past goed bij de functie.',
        })
        .expect(422);
      expect(closed.body.message).toMatch(
        /is draft: nominate only to a vacancy that is open or on-hold/,
      );
      const vacancy = await createVacancy(t, am, { employerId: employer.id, status: 'open' });
      await request(t.http)
        .post('/nominations')
        .set(amOther.auth)
        .send({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          motivation: 'Past goed bij de functie.',
        })
        .expect(403);
    });

    it('needs the client’s consent to match (the accountmanager cannot see the profile otherwise)', async () => {
      const { candidate, vacancy } = await fresh({ availableForMatching: false });
      await request(t.http)
        .post('/nominations')
        .set(am.auth)
        .send({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          motivation: 'Past goed bij de functie.',
        })
        .expect(403);
    });
  });

  describe('state machine', () => {
    const nominations = new Map<NominationStatus, ApiNomination>();
    beforeAll(async () => {
      for (const status of NOMINATION_STATUSES) {
        nominations.set(status, (await nominationIn(status)).nomination);
      }
    });

    const invalid = NOMINATION_STATUSES.flatMap((from) =>
      NOMINATION_STATUSES.filter((to) => !NOMINATION_TRANSITIONS[from].includes(to)).map(
        (to) => [from, to] as const,
      ),
    );

    it.each(invalid)('refuses %s -> %s with a 409 naming the allowed moves', async (from, to) => {
      const nomination = nominations.get(from) as ApiNomination;
      const response = await move(t, coordinator, nomination, to).expect(409);
      expect(response.body.code).toBe('INVALID_TRANSITION');
      const allowed = NOMINATION_TRANSITIONS[from];
      expect(response.body.message).toBe(
        allowed.length === 0
          ? `A nomination that is ${from} is final and cannot become ${to}; create a new nomination instead`
          : `A nomination that is ${from} cannot become ${to}; from ${from} it can become ${allowed.join(', ')}`,
      );
      const after = await request(t.http)
        .get(`/nominations/${nomination.id}`)
        .set(am.auth)
        .expect(200);
      expect(after.body).toMatchObject({ status: from, version: nomination.version });
    });

    const valid = NOMINATION_STATUSES.flatMap((from) =>
      NOMINATION_TRANSITIONS[from].map((to) => [from, to] as const),
    );

    it.each(valid)('allows %s -> %s and records who, when, from, to and why', async (from, to) => {
      const { nomination } = await nominationIn(from);
      const response = await advance(t, am, nomination, [to]);
      expect(response).toMatchObject({ status: to, version: expect.any(Number) });
      expect(response.version).toBeGreaterThan(nomination.version);
      expect(response.transitions.at(-1)).toMatchObject({ from, to, actorId: am.id });
    });
  });

  describe('transitions', () => {
    it.each(['rejected', 'withdrawn', 'not-hired'] as const)(
      'needs a reason from the list and free text to become %s (400 naming the fields)',
      async (to) => {
        const { nomination } = await nominationIn(
          to === 'not-hired' ? 'trial-placement' : 'proposed',
        );
        const none = await request(t.http)
          .post(`/nominations/${nomination.id}/transitions`)
          .set(am.auth)
          .send({ to, version: nomination.version })
          .expect(400);
        expect(none.body.errors.map((e: { field: string }) => e.field)).toEqual([
          'reason',
          'reasonText',
        ]);
        const unknown = await move(t, am, nomination, to, { reason: 'too-old' }).expect(400);
        expect(unknown.body.errors[0]).toMatchObject({ field: 'reason' });
        expect(unknown.body.errors[0].problems[0]).toMatch(/reason must be one of skills-gap/);
      },
    );

    it('refuses a stale version, and of two simultaneous moves only one succeeds', async () => {
      const { nomination } = await nominationIn('proposed');
      const [a, b] = await Promise.all([
        move(t, am, nomination, 'interview-planned'),
        move(t, amSector, nomination, 'interview-planned'),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.message).toMatch(
        /was changed by someone else meanwhile \(it is now version \d+, status interview-planned; you sent version \d+\): reload it/,
      );
      const history = await request(t.http)
        .get(`/nominations/${nomination.id}`)
        .set(am.auth)
        .expect(200);
      expect(history.body.transitions.map((r: { to: string }) => r.to)).toEqual([
        'draft',
        'proposed',
        'interview-planned',
      ]);
    });

    it('proposes only a client who consents, to an open vacancy', async () => {
      const { candidate, vacancy, klantmanager } = await fresh();
      const draft = await createNomination(t, am, {
        candidateId: candidate.id,
        vacancyId: vacancy.id,
      });
      await request(t.http)
        .patch(`/candidates/${candidate.id}`)
        .set(klantmanager.auth)
        .send({ availableForMatching: false })
        .expect(200);
      const refused = await move(t, am, draft, 'proposed').expect(422);
      expect(refused.body.message).toMatch(/must be available for matching.*without consent/);
      await request(t.http)
        .patch(`/candidates/${candidate.id}`)
        .set(klantmanager.auth)
        .send({ availableForMatching: true })
        .expect(200);
      await request(t.http)
        .patch(`/vacancies/${vacancy.id}`)
        .set(am.auth)
        .send({ status: 'on-hold' })
        .expect(200);
      const onHold = await move(t, am, draft, 'proposed').expect(422);
      expect(onHold.body.message).toMatch(
        /is on-hold: a candidate can be proposed only to an open vacancy/,
      );
    });

    it('plans a no-answer follow-up 5 working days after proposing, cancelled by the next move', async () => {
      const { candidate, vacancy } = await fresh();
      const draft = await createNomination(t, am, {
        candidateId: candidate.id,
        vacancyId: vacancy.id,
      });
      const proposed = await advance(t, am, draft, ['proposed']);
      const [noAnswer] = await followUpsOf('nomination', proposed.id);
      expect(noAnswer).toMatchObject({
        kind: 'nomination-no-answer',
        status: 'scheduled',
        ownerId: am.id,
      });
      expect(noAnswer.title).toBe(`Geen antwoord van ${employer.name} op voordracht`);
      const days = (noAnswer.dueAt.getTime() - Date.now()) / (24 * 3600 * 1000);
      expect(days).toBeGreaterThanOrEqual(6.9); // 5 working days: a weekend at least
      expect(days).toBeLessThanOrEqual(11.1); // and at most two weekends plus holidays
      await advance(t, am, proposed, ['interview-planned']);
      expect(await followUpsOf('nomination', proposed.id)).toEqual([
        expect.objectContaining({ kind: 'nomination-no-answer', status: 'cancelled' }),
      ]);
    });

    it.each(['rejected', 'withdrawn', 'hired'] as const)(
      'tells the client’s klantmanager when the nomination ends as %s',
      async (to) => {
        const from = to === 'hired' ? 'interview-planned' : 'proposed';
        const { nomination, klantmanager, candidate } = await nominationIn(from);
        const ended = await advance(t, am, nomination, [to]);
        const rows = await followUpsOf('nomination', ended.id);
        const notification = rows.find((row) => row.kind === 'notification');
        expect(notification).toMatchObject({ ownerId: klantmanager.id, status: 'scheduled' });
        expect(notification?.title).toContain(`Voordracht `);
        expect(notification?.title).toContain(employer.name);
        expect(notification?.details).toContain(`Cliënt ${candidate.clientNumber}.`);
        if (to === 'hired')
          expect(notification?.details).toMatch(/Aangenomen\. Start .*24 uur per week/);
        else
          expect(notification?.details).toContain(
            'Reden: Vaardigheden of certificaat ontbreken. Heftruckcertificaat ontbreekt.',
          );
        // nothing open remains for the nomination but the message
        expect(
          rows.filter((row) => row.kind !== 'notification').map((row) => row.status),
        ).not.toContain('scheduled');
        expect(ended).toMatchObject({
          status: to,
          endedAt: expect.any(String),
          endReason: to === 'hired' ? null : 'skills-gap',
          endReasonLabel: to === 'hired' ? null : 'Vaardigheden of certificaat ontbreken',
        });
      },
    );

    it('audits every move with from, to and reason', async () => {
      const { nomination } = await nominationIn('proposed');
      const requestId = newRequestId();
      await move(t, am, nomination, 'rejected').set('X-Request-Id', requestId).expect(200);
      const rows = await auditRowsOf(t, requestId);
      expect(rows).toEqual([
        expect.objectContaining({ action: 'nomination.transition', objectId: nomination.id }),
      ]);
      expect(rows[0].details).toEqual({ from: 'proposed', to: 'rejected', reason: 'skills-gap' });
    });

    it('lets the klantmanager of the client withdraw, but not move it on', async () => {
      const { nomination, klantmanager } = await nominationIn('proposed');
      await move(t, klantmanager, nomination, 'interview-planned').expect(403);
      await move(t, kmOther, nomination, 'withdrawn').expect(403);
      const withdrawn = await move(t, klantmanager, nomination, 'withdrawn', {
        reason: 'candidate-found-work',
        reasonText: 'Heeft zelf werk gevonden bij de bakker.',
      }).expect(200);
      expect(withdrawn.body.transitions.at(-1)).toMatchObject({
        to: 'withdrawn',
        actorRole: 'klantmanager',
        reasonLabel: 'Kandidaat vond ander werk',
      });
    });
  });

  describe('reading', () => {
    let nomination: ApiNomination;
    let klantmanager: TestUser;
    beforeAll(async () => {
      ({ nomination, klantmanager } = await nominationIn('proposed'));
    });

    it.each([
      ['coordinator', 200],
      ['am (owner)', 200],
      ['am serving sector H', 200],
      ['am of sector C', 403],
      ['klantmanager of the client', 200],
      ['klantmanager of another caseload', 403],
      ['werkgever', 403],
    ] as const)('GET /nominations/:id as %s: %i', async (who, status) => {
      const by: Record<string, TestUser> = {
        coordinator,
        'am (owner)': am,
        'am serving sector H': amSector,
        'am of sector C': amOther,
        'klantmanager of the client': klantmanager,
        'klantmanager of another caseload': kmOther,
        werkgever,
      };
      const requestId = newRequestId();
      const response = await request(t.http)
        .get(`/nominations/${nomination.id}`)
        .set(by[who].auth)
        .set('X-Request-Id', requestId)
        .expect(status);
      if (status === 403) {
        expect(await auditRowsOf(t, requestId)).toEqual([
          expect.objectContaining({ action: 'access.denied', result: 'denied' }),
        ]);
      } else {
        expect(response.body.transitions.map((r: { to: string }) => r.to)).toEqual([
          'draft',
          'proposed',
        ]);
      }
    });

    it('lists within each role’s scope, with filters', async () => {
      const byCandidate = await request(t.http)
        .get('/nominations')
        .query({ candidateId: nomination.candidateId })
        .set(klantmanager.auth)
        .expect(200);
      expect(byCandidate.body.items.map((n: ApiNomination) => n.id)).toEqual([nomination.id]);
      await request(t.http)
        .get('/nominations')
        .query({ candidateId: nomination.candidateId })
        .set(kmOther.auth)
        .expect(403);
      const other = await request(t.http).get('/nominations').set(kmOther.auth).expect(200);
      expect(other.body.items).toEqual([]);
      const outOfSector = await request(t.http)
        .get('/nominations')
        .query({ employerId: employer.id })
        .set(amOther.auth)
        .expect(200);
      expect(outOfSector.body.total).toBe(0);
      const proposed = await request(t.http)
        .get('/nominations')
        .query({ vacancyId: nomination.vacancyId, status: 'proposed' })
        .set(amSector.auth)
        .expect(200);
      expect(proposed.body).toMatchObject({ total: 1, items: [{ id: nomination.id }] });
      await request(t.http).get('/nominations').set(werkgever.auth).expect(403);
    });

    it('refuses creating and moving to employer contacts and creating to klantmanagers (403)', async () => {
      const body = {
        candidateId: nomination.candidateId,
        employerId: employer.id,
        motivation: 'Past goed bij de functie.',
      };
      await request(t.http).post('/nominations').set(werkgever.auth).send(body).expect(403);
      await request(t.http).post('/nominations').set(klantmanager.auth).send(body).expect(403);
      await move(t, werkgever, nomination, 'rejected').expect(403);
    });

    it('lists the reasons with Dutch labels', async () => {
      const response = await request(t.http).get('/nominations/reasons').set(km.auth).expect(200);
      expect(response.body).toContainEqual({
        code: 'other-candidate',
        label: 'Werkgever koos een andere kandidaat',
      });
    });
  });

  describe('rejection report', () => {
    let reportEmployer: ApiEmployer;
    beforeAll(async () => {
      reportEmployer = await createEmployer(t, coordinator, {
        accountManagerId: am.id,
        sector: 'H',
      });
      const thisYear = new Date().getFullYear();
      const experience = (years: number) => [
        {
          occupationUri: 'http://data.europa.eu/esco/occupation/placeholder',
          title: 'drukker',
          sector: 'C',
          years,
          lastYearWorked: thisYear - 2,
        },
      ];
      const cases: [number, NominationStatus[], string | null][] = [
        [32, ['proposed', 'rejected'], 'experience-mismatch'],
        [28, ['proposed', 'interview-planned', 'rejected'], 'experience-mismatch'],
        [30, ['proposed', 'rejected'], 'other-candidate'],
        [8, ['proposed', 'interview-planned', 'hired'], null],
        [12, ['proposed', 'interview-planned', 'hired'], null],
        [20, ['withdrawn'], 'candidate-withdrew'], // never reached the employer: not counted
      ];
      const kmReport = await loginAs(t, Role.ClientManager);
      for (const [years, path, reason] of cases) {
        const base = await createCandidate(t, kmReport);
        const occupationUri = (base.experiences[0] as { occupationUri: string }).occupationUri;
        await request(t.http)
          .patch(`/candidates/${base.id}`)
          .set(kmReport.auth)
          .send({ experiences: experience(years).map((e) => ({ ...e, occupationUri })) })
          .expect(200);
        const vacancy = await createVacancy(t, am, {
          employerId: reportEmployer.id,
          status: 'open',
        });
        let nomination = await createNomination(t, am, {
          candidateId: base.id,
          vacancyId: vacancy.id,
        });
        for (const to of path) {
          const extra =
            reason && ['rejected', 'withdrawn'].includes(to)
              ? { reason, reasonText: 'Toelichting.' }
              : {};
          const response = await move(t, am, nomination, to, extra).expect(200);
          nomination = response.body as ApiNomination;
        }
      }
    });

    it('shows per employer the reasons, the rate and the experience of turned-down vs hired candidates', async () => {
      const response = await request(t.http)
        .get('/reports/rejections')
        .query({ groupBy: 'employer' })
        .set(coordinator.auth)
        .expect(200);
      const group = response.body.groups.find((g: { key: string }) => g.key === reportEmployer.id);
      expect(group).toMatchObject({
        label: reportEmployer.name,
        nominations: 5,
        rejected: 3,
        hired: 2,
        notHired: 0,
        withdrawn: 0,
        rejectionRate: 0.6,
        medianYearsExperience: { turnedDown: 30, hired: 10 },
      });
      expect(group.reasons).toEqual([
        {
          reason: 'experience-mismatch',
          label: 'Werkervaring sluit niet aan',
          rejected: 2,
          notHired: 0,
          withdrawn: 0,
          total: 2,
        },
        {
          reason: 'other-candidate',
          label: 'Werkgever koos een andere kandidaat',
          rejected: 1,
          notHired: 0,
          withdrawn: 0,
          total: 1,
        },
      ]);
      expect(group.experienceBands).toEqual([
        { band: '0-9', nominations: 1, turnedDown: 0, hired: 1 },
        { band: '10-19', nominations: 1, turnedDown: 0, hired: 1 },
        { band: '20-29', nominations: 1, turnedDown: 1, hired: 0 },
        { band: '30+', nominations: 2, turnedDown: 2, hired: 0 },
      ]);
    });

    it('groups per sector, scopes accountmanagers and refuses klantmanagers and employers', async () => {
      const bySector = await request(t.http)
        .get('/reports/rejections')
        .query({ groupBy: 'sector' })
        .set(am.auth)
        .expect(200);
      const h = bySector.body.groups.find((g: { key: string }) => g.key === 'H');
      expect(h.label).toBe('H Vervoer en opslag');
      expect(h.rejected).toBeGreaterThanOrEqual(3);
      const other = await request(t.http)
        .get('/reports/rejections')
        .query({ groupBy: 'employer' })
        .set(amOther.auth)
        .expect(200);
      expect(
        other.body.groups.find((g: { key: string }) => g.key === reportEmployer.id),
      ).toBeUndefined();
      await request(t.http)
        .get('/reports/rejections')
        .query({ groupBy: 'employer' })
        .set(km.auth)
        .expect(403);
      await request(t.http)
        .get('/reports/rejections')
        .query({ groupBy: 'employer' })
        .set(werkgever.auth)
        .expect(403);
      const bad = await request(t.http)
        .get('/reports/rejections')
        .query({ groupBy: 'age' })
        .set(coordinator.auth)
        .expect(400);
      expect(bad.body.errors[0].field).toBe('groupBy');
    });
  });

  it('is gone with the candidate when the candidate is erased', async () => {
    const { nomination, candidate } = await nominationIn('hired');
    await request(t.http).delete(`/candidates/${candidate.id}`).set(coordinator.auth).expect(204);
    await request(t.http).get(`/nominations/${nomination.id}`).set(coordinator.auth).expect(404);
    const left = await t.dataSource
      .getRepository(AuditLogEntity)
      .countBy({ objectId: nomination.id });
    expect(left).toBeGreaterThan(0); // the audit log keeps ids only
  });
});
