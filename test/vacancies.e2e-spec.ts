import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditLogEntity } from '../src/infra/audit/audit-log.entity';
import { Role } from '../src/infra/auth/role';
import { ApiEmployer, createEmployer } from './factories/employer.factory';
import { loginAs, TestUser } from './factories/user.factory';
import {
  ApiVacancy,
  createVacancy,
  ReferenceCodes,
  referenceCodes,
  vacancyInput,
} from './factories/vacancy.factory';
import { Callers, describeAccessMatrix, RouteCase } from './helpers/access-matrix';
import { auditRowsOf, newRequestId } from './helpers/audit';
import { createTestApp, TestApp } from './helpers/test-app';

interface FieldError {
  field: string;
  problems: string[];
}

function fieldsOf(body: { errors?: FieldError[] }): string[] {
  return (body.errors ?? []).map((error) => error.field).sort();
}

function problemsOf(body: { errors?: FieldError[] }, field: string): string {
  return (body.errors ?? [])
    .filter((error) => error.field === field)
    .flatMap((error) => error.problems)
    .join(' ');
}

describe('vacancies', () => {
  let t: TestApp;
  let codes: ReferenceCodes;
  let coordinator: TestUser;
  /** owns `employer` (sector H), serves no sector */
  let amOwner: TestUser;
  /** serves sector H */
  let amSector: TestUser;
  /** serves sector C only */
  let amOther: TestUser;
  let klantmanager: TestUser;
  let werkgeverOwn: TestUser;
  let werkgeverOther: TestUser;
  let employer: ApiEmployer;
  let otherEmployer: ApiEmployer;
  let callers: Callers;

  beforeAll(async () => {
    t = await createTestApp();
    codes = await referenceCodes(t);
    coordinator = await loginAs(t, Role.Coordinator);
    amOwner = await loginAs(t, Role.AccountManager, { sectors: [] });
    amSector = await loginAs(t, Role.AccountManager, { sectors: ['H'] });
    amOther = await loginAs(t, Role.AccountManager, { sectors: ['C'] });
    klantmanager = await loginAs(t, Role.ClientManager);
    employer = await createEmployer(t, coordinator, { accountManagerId: amOwner.id, sector: 'H' });
    otherEmployer = await createEmployer(t, coordinator, { sector: 'C', sbiCode: '1071' });
    werkgeverOwn = await loginAs(t, Role.Employer, { employerId: employer.id });
    werkgeverOther = await loginAs(t, Role.Employer, { employerId: otherEmployer.id });
    callers = {
      coordinator,
      amOwner,
      amSector,
      amOther,
      klantmanager,
      werkgeverOwn,
      werkgeverOther,
    };
  });
  afterAll(() => t.close());

  const countWhere = async (sql: string, params: unknown[]): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ${sql}`,
      params,
    );
    return rows[0].n;
  };

  const patch = (id: string, body: object, as: TestUser = amOwner) =>
    request(t.http).patch(`/vacancies/${id}`).set(as.auth).send(body);

  describe('create, read, update, delete', () => {
    it("creates a draft vacancy that takes its employer's sector", async () => {
      const input = vacancyInput(codes, employer.id);
      const created = await request(t.http)
        .post('/vacancies')
        .set(amOwner.auth)
        .send(input)
        .expect(201);
      expect(created.body).toMatchObject({
        employerId: employer.id,
        employerName: employer.name,
        title: input.title,
        kind: 'posted',
        occupationUri: codes.occupations.forkliftOperator,
        occupationLabel: 'heftruckchauffeur',
        sector: 'H',
        skills: input.skills,
        certificates: ['heftruck', 'vca-basis'],
        languages: [{ language: 'nl', minLevel: 'A2' }],
        hoursMin: 24,
        hoursMax: 32,
        shifts: ['day'],
        pc4: '1334',
        physicalDemands: { standingMinutes: 120, liftingKg: 15 },
        contractType: 'fixed-term',
        startDate: '2026-03-01',
        status: 'draft',
        trialPlacementPossible: true,
        createdById: amOwner.id,
      });
      const read = await request(t.http)
        .get(`/vacancies/${created.body.id}`)
        .set(amOther.auth)
        .expect(200);
      expect(read.body).toEqual(created.body);
      const audit = await t.dataSource.getRepository(AuditLogEntity).findOneOrFail({
        where: { action: 'vacancy.create', objectId: created.body.id },
      });
      expect(audit).toMatchObject({
        actorId: amOwner.id,
        result: 'allowed',
        objectType: 'vacancy',
      });
      expect(audit.details).toMatchObject({ employerId: employer.id, status: 'draft' });
    });

    it('updates fields and records which ones in the audit log', async () => {
      const vacancy = await createVacancy(t, amOwner, { employerId: employer.id });
      const requestId = newRequestId();
      const updated = await patch(vacancy.id, {
        title: 'Orderpicker vriesvak',
        occupationUri: codes.occupations.orderPicker,
        skills: [{ uri: codes.skills.operateWarehouseMaterials, required: true }],
        hoursMin: 16,
        shifts: ['evening', 'weekend'],
        physicalDemands: { walkingMinutes: 240, nightWork: false },
        startDate: null,
        drivingLicences: ['B'],
      })
        .set('X-Request-Id', requestId)
        .expect(200);
      expect(updated.body).toMatchObject({
        title: 'Orderpicker vriesvak',
        occupationLabel: 'orderpicker',
        skills: [{ uri: codes.skills.operateWarehouseMaterials, required: true }],
        hoursMin: 16,
        hoursMax: 32,
        shifts: ['evening', 'weekend'],
        physicalDemands: { walkingMinutes: 240, nightWork: false },
        startDate: null,
        drivingLicences: ['B'],
        certificates: vacancy.certificates,
        version: vacancy.version + 1,
      });
      const [audit] = await auditRowsOf(t, requestId);
      expect(audit).toMatchObject({
        action: 'vacancy.update',
        objectId: vacancy.id,
        result: 'allowed',
      });
      expect(audit.details).toEqual({
        fields: [
          'drivingLicences',
          'hoursMin',
          'occupationUri',
          'physicalDemands',
          'shifts',
          'skills',
          'startDate',
          'title',
        ],
      });
    });

    it('deletes a draft and says to close anything else instead (409)', async () => {
      const draft = await createVacancy(t, amOwner, { employerId: employer.id });
      await request(t.http).delete(`/vacancies/${draft.id}`).set(amOwner.auth).expect(204);
      await request(t.http).get(`/vacancies/${draft.id}`).set(amOwner.auth).expect(404);
      await expect(
        t.dataSource
          .getRepository(AuditLogEntity)
          .countBy({ action: 'vacancy.delete', objectId: draft.id }),
      ).resolves.toBe(1);

      const open = await createVacancy(t, amOwner, { employerId: employer.id, status: 'open' });
      const refused = await request(t.http)
        .delete(`/vacancies/${open.id}`)
        .set(amOwner.auth)
        .expect(409);
      expect(refused.body.message).toMatch(/Only draft vacancies can be deleted.*Close it instead/);
      await expect(countWhere('vacancies WHERE id = $1', [open.id])).resolves.toBe(1);
    });

    it("follows the employer's sector when the employer moves to another sector", async () => {
      const own = await createEmployer(t, coordinator, { sector: 'H' });
      const vacancy = await createVacancy(t, coordinator, { employerId: own.id });
      await request(t.http)
        .patch(`/employers/${own.id}`)
        .set(coordinator.auth)
        .send({ sector: 'G', sbiCode: '4711' })
        .expect(200);
      const read = await request(t.http)
        .get(`/vacancies/${vacancy.id}`)
        .set(coordinator.auth)
        .expect(200);
      expect(read.body.sector).toBe('G');
    });
  });

  describe('validation', () => {
    it('answers bad input with 400 naming every bad field, and writes nothing', async () => {
      const title = `Ongeldig ${randomUUID()}`;
      const response = await request(t.http)
        .post('/vacancies')
        .set(amOwner.auth)
        .send(
          vacancyInput(codes, employer.id, {
            title,
            sector: 'C',
            kind: 'freelance',
            skills: [
              { uri: codes.skills.operateForklift, required: true },
              { uri: codes.skills.operateForklift, required: false },
            ],
            certificates: ['rijbewijs-heftruck'],
            drivingLicences: ['X'],
            languages: [{ language: 'xx', minLevel: 'D1' }],
            hoursMin: 0,
            hoursMax: 41,
            shifts: ['dawn'],
            pc4: '13345',
            physicalDemands: { standingMinutes: 600, liftingKg: 80, sittingMinutes: -5 },
            contractType: 'zzp',
            startDate: '2026-02-30',
            status: 'filled',
            trialPlacementPossible: 'ja',
          }),
        )
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(
        [
          'sector',
          'kind',
          'skills',
          'certificates',
          'drivingLicences',
          'languages.0.language',
          'languages.0.minLevel',
          'hoursMin',
          'hoursMax',
          'shifts',
          'pc4',
          'physicalDemands.standingMinutes',
          'physicalDemands.liftingKg',
          'physicalDemands.sittingMinutes',
          'contractType',
          'startDate',
          'status',
          'trialPlacementPossible',
        ].sort(),
      );
      await expect(countWhere('vacancies WHERE title = $1', [title])).resolves.toBe(0);
    });

    it('refuses hoursMin above hoursMax with 400 naming hoursMin, on create and on update', async () => {
      const title = `Uren ${randomUUID()}`;
      const created = await request(t.http)
        .post('/vacancies')
        .set(amOwner.auth)
        .send(vacancyInput(codes, employer.id, { title, hoursMin: 32, hoursMax: 24 }))
        .expect(400);
      expect(fieldsOf(created.body)).toEqual(['hoursMin']);
      expect(problemsOf(created.body, 'hoursMin')).toMatch(
        /hoursMin must not be greater than hoursMax/,
      );
      await expect(countWhere('vacancies WHERE title = $1', [title])).resolves.toBe(0);

      const vacancy = await createVacancy(t, amOwner, {
        employerId: employer.id,
        hoursMin: 20,
        hoursMax: 24,
      });
      const updated = await patch(vacancy.id, { hoursMin: 30 }).expect(400);
      expect(fieldsOf(updated.body)).toEqual(['hoursMin']);
      expect(problemsOf(updated.body, 'hoursMin')).toMatch(
        /hoursMin \(30\) must not be greater than hoursMax \(24\)/,
      );
      const lowered = await patch(vacancy.id, { hoursMax: 16 }).expect(400);
      expect(fieldsOf(lowered.body)).toEqual(['hoursMax']);
      await expect(
        countWhere('vacancies WHERE id = $1 AND hours_min = 20 AND hours_max = 24', [vacancy.id]),
      ).resolves.toBe(1);
    });

    it('names an unknown occupation, unknown skills and an unknown postcode (400), writing nothing', async () => {
      const title = `Onbekende codes ${randomUUID()}`;
      const unknownOccupation =
        'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000';
      const unknownSkill = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
      const response = await request(t.http)
        .post('/vacancies')
        .set(amOwner.auth)
        .send(
          vacancyInput(codes, employer.id, {
            title,
            occupationUri: unknownOccupation,
            skills: [
              { uri: codes.skills.operateForklift, required: true },
              { uri: unknownSkill, required: false },
            ],
            pc4: '0000',
          }),
        )
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['occupationUri', 'pc4', 'skills.1.uri']);
      expect(problemsOf(response.body, 'occupationUri')).toContain(unknownOccupation);
      expect(problemsOf(response.body, 'skills.1.uri')).toContain(unknownSkill);
      expect(problemsOf(response.body, 'pc4')).toContain('0000');
      await expect(countWhere('vacancies WHERE title = $1', [title])).resolves.toBe(0);

      const vacancy = await createVacancy(t, amOwner, { employerId: employer.id });
      const updated = await patch(vacancy.id, { occupationUri: unknownOccupation }).expect(400);
      expect(fieldsOf(updated.body)).toEqual(['occupationUri']);
      expect(problemsOf(updated.body, 'occupationUri')).toContain(unknownOccupation);
    });

    it('refuses an employer that does not exist, and null for fields that cannot be empty', async () => {
      const missing = await request(t.http)
        .post('/vacancies')
        .set(coordinator.auth)
        .send(vacancyInput(codes, randomUUID()))
        .expect(400);
      expect(fieldsOf(missing.body)).toEqual(['employerId']);

      const vacancy = await createVacancy(t, amOwner, { employerId: employer.id });
      const nulls = await patch(vacancy.id, {
        title: null,
        hoursMax: null,
        skills: null,
        employerId: employer.id,
      }).expect(400);
      expect(fieldsOf(nulls.body)).toEqual(['employerId', 'hoursMax', 'skills', 'title']);
    });
  });

  describe('status lifecycle', () => {
    it('moves draft -> open -> on-hold -> open -> filled and audits each move', async () => {
      const vacancy = await createVacancy(t, amOwner, { employerId: employer.id });
      for (const status of ['open', 'on-hold', 'open', 'filled']) {
        const moved = await patch(vacancy.id, { status }).expect(200);
        expect(moved.body.status).toBe(status);
      }
      const moves = await t.dataSource.getRepository(AuditLogEntity).find({
        where: { action: 'vacancy.update', objectId: vacancy.id },
        order: { id: 'ASC' },
      });
      expect(moves.map((row) => row.details?.status)).toEqual([
        { from: 'draft', to: 'open' },
        { from: 'open', to: 'on-hold' },
        { from: 'on-hold', to: 'open' },
        { from: 'open', to: 'filled' },
      ]);
    });

    it('refuses an invalid move with 409 naming the possible moves, and changes nothing', async () => {
      const vacancy = await createVacancy(t, amOwner, { employerId: employer.id });
      const refused = await patch(vacancy.id, { status: 'filled', title: 'Niet opslaan' }).expect(
        409,
      );
      expect(refused.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        message: 'A draft vacancy cannot become filled; from draft it can become open, closed',
      });
      await expect(
        countWhere(`vacancies WHERE id = $1 AND status = 'draft' AND title = $2`, [
          vacancy.id,
          vacancy.title,
        ]),
      ).resolves.toBe(1);
    });

    it('keeps filled and closed vacancies final: no reopening, no edits (409)', async () => {
      const vacancy = await createVacancy(t, amOwner, { employerId: employer.id, status: 'open' });
      await patch(vacancy.id, { status: 'closed' }).expect(200);
      const reopen = await patch(vacancy.id, { status: 'open' }).expect(409);
      expect(reopen.body.message).toMatch(/closed, which is final/);
      await patch(vacancy.id, { title: 'Nieuwe titel' }).expect(409);
      await expect(
        countWhere(`vacancies WHERE id = $1 AND status = 'closed' AND title = $2`, [
          vacancy.id,
          vacancy.title,
        ]),
      ).resolves.toBe(1);
    });
  });

  describe('list and visibility', () => {
    const prefix = `Vactest ${randomUUID().slice(0, 8)}`;
    let draft: ApiVacancy;
    let open: ApiVacancy;
    let onHold: ApiVacancy;
    let closed: ApiVacancy;
    let elsewhere: ApiVacancy;

    beforeAll(async () => {
      draft = await createVacancy(t, amOwner, {
        employerId: employer.id,
        title: `${prefix} Alpha heftruck`,
      });
      open = await createVacancy(t, amOwner, {
        employerId: employer.id,
        title: `${prefix} Beta_orderpicker`,
        status: 'open',
        occupationUri: codes.occupations.orderPicker,
        kind: 'open-to-person',
        trialPlacementPossible: false,
      });
      onHold = await createVacancy(t, amOwner, {
        employerId: employer.id,
        title: `${prefix} Gamma`,
        status: 'open',
      });
      await patch(onHold.id, { status: 'on-hold' }).expect(200);
      closed = await createVacancy(t, amOwner, {
        employerId: employer.id,
        title: `${prefix} Delta`,
        status: 'open',
      });
      await patch(closed.id, { status: 'closed' }).expect(200);
      elsewhere = await createVacancy(t, coordinator, {
        employerId: otherEmployer.id,
        title: `${prefix} Epsilon`,
        status: 'open',
      });
    });

    const ids = async (query: Record<string, string | number>, who: TestUser = amSector) => {
      const response = await request(t.http)
        .get('/vacancies')
        .set(who.auth)
        .query({ q: prefix, ...query })
        .expect(200);
      return (response.body.items as ApiVacancy[]).map((v) => v.id);
    };

    it('filters by status, sector, employer, occupation, kind, trial placement and title', async () => {
      expect((await ids({ status: 'open' })).sort()).toEqual([open.id, elsewhere.id].sort());
      await expect(ids({ sector: 'C' })).resolves.toEqual([elsewhere.id]);
      expect((await ids({ employerId: employer.id })).sort()).toEqual(
        [draft.id, open.id, onHold.id, closed.id].sort(),
      );
      await expect(ids({ occupationUri: codes.occupations.orderPicker })).resolves.toEqual([
        open.id,
      ]);
      await expect(ids({ kind: 'open-to-person' })).resolves.toEqual([open.id]);
      await expect(ids({ trialPlacementPossible: 'false' })).resolves.toEqual([open.id]);
      await expect(ids({ q: `${prefix} beta_` })).resolves.toEqual([open.id]);
      await expect(ids({ q: `${prefix} %` })).resolves.toEqual([]);
    });

    it('sorts by an allowed field and pages', async () => {
      const response = await request(t.http)
        .get('/vacancies')
        .set(amSector.auth)
        .query({ q: prefix, sort: 'title', order: 'asc', pageSize: 2, page: 2 })
        .expect(200);
      expect(response.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(response.body.items.map((v: ApiVacancy) => v.id)).toEqual([closed.id, elsewhere.id]);
      const bad = await request(t.http)
        .get('/vacancies')
        .set(amSector.auth)
        .query({ sort: 'employer_id' })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['sort']);
    });

    it('shows a klantmanager only open and on-hold vacancies', async () => {
      expect((await ids({}, klantmanager)).sort()).toEqual(
        [open.id, onHold.id, elsewhere.id].sort(),
      );
      await request(t.http).get(`/vacancies/${draft.id}`).set(klantmanager.auth).expect(403);
      await request(t.http).get(`/vacancies/${closed.id}`).set(klantmanager.auth).expect(403);
      await request(t.http).get(`/vacancies/${onHold.id}`).set(klantmanager.auth).expect(200);
      const asked = await request(t.http)
        .get('/vacancies')
        .set(klantmanager.auth)
        .query({ status: 'draft' })
        .expect(403);
      expect(asked.body.message).toMatch(/only vacancies that are open or on-hold/);
    });

    it("shows an employer contact only their own employer's vacancies", async () => {
      expect((await ids({}, werkgeverOwn)).sort()).toEqual(
        [draft.id, open.id, onHold.id, closed.id].sort(),
      );
      await expect(ids({}, werkgeverOther)).resolves.toEqual([elsewhere.id]);
      await request(t.http)
        .get('/vacancies')
        .set(werkgeverOther.auth)
        .query({ employerId: employer.id })
        .expect(403);
    });
  });

  describe('role x route matrix', () => {
    let openVacancy: ApiVacancy;
    let draftVacancy: ApiVacancy;
    let editable: ApiVacancy;
    beforeAll(async () => {
      openVacancy = await createVacancy(t, amOwner, { employerId: employer.id, status: 'open' });
      draftVacancy = await createVacancy(t, amOwner, { employerId: employer.id });
      editable = await createVacancy(t, amOwner, { employerId: employer.id });
    });

    const freshDraft = async () =>
      `/vacancies/${(await createVacancy(t, coordinator, { employerId: employer.id })).id}`;

    const ROUTES: RouteCase[] = [
      {
        route: 'GET /vacancies',
        method: 'get',
        path: () => '/vacancies',
        expected: {
          coordinator: 200,
          amOwner: 200,
          amSector: 200,
          amOther: 200,
          klantmanager: 200,
          werkgeverOwn: 200,
          werkgeverOther: 200,
          anonymous: 401,
        },
      },
      {
        route: 'GET /vacancies/:id (open)',
        method: 'get',
        path: () => `/vacancies/${openVacancy.id}`,
        expected: {
          coordinator: 200,
          amOwner: 200,
          amSector: 200,
          amOther: 200,
          klantmanager: 200,
          werkgeverOwn: 200,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
      {
        route: 'GET /vacancies/:id (draft)',
        method: 'get',
        path: () => `/vacancies/${draftVacancy.id}`,
        expected: {
          coordinator: 200,
          amOwner: 200,
          amSector: 200,
          amOther: 200,
          klantmanager: 403,
          werkgeverOwn: 200,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
      {
        route: 'POST /vacancies',
        method: 'post',
        path: () => '/vacancies',
        body: () => vacancyInput(codes, employer.id),
        expected: {
          coordinator: 201,
          amOwner: 201,
          amSector: 201,
          amOther: 403,
          klantmanager: 403,
          werkgeverOwn: 403,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
      {
        route: 'PATCH /vacancies/:id',
        method: 'patch',
        path: () => `/vacancies/${editable.id}`,
        body: () => ({ description: `Bijgewerkt ${randomUUID()}` }),
        expected: {
          coordinator: 200,
          amOwner: 200,
          amSector: 200,
          amOther: 403,
          klantmanager: 403,
          werkgeverOwn: 403,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
      {
        route: 'DELETE /vacancies/:id (draft)',
        method: 'delete',
        path: freshDraft,
        expected: {
          coordinator: 204,
          amOwner: 204,
          amSector: 204,
          amOther: 403,
          klantmanager: 403,
          werkgeverOwn: 403,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
    ];

    describeAccessMatrix(() => ({ t, callers }), ROUTES);
  });
});
