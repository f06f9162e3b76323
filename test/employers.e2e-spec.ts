import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditLogEntity } from '../src/infra/audit/audit-log.entity';
import { Role } from '../src/infra/auth/role';
import {
  ApiEmployer,
  createEmployer,
  employerInput,
  uniqueKvk,
} from './factories/employer.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createVacancy } from './factories/vacancy.factory';
import { Callers, describeAccessMatrix, RouteCase } from './helpers/access-matrix';
import { auditRowsOf, newRequestId } from './helpers/audit';
import { createTestApp, TestApp } from './helpers/test-app';

function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((error) => error.field).sort();
}

describe('employers', () => {
  let t: TestApp;
  let coordinator: TestUser;
  /** owns `target`, serves no sector */
  let amOwner: TestUser;
  /** serves sector H, the sector of `target` */
  let amSector: TestUser;
  /** serves sector C only */
  let amOther: TestUser;
  let klantmanager: TestUser;
  let werkgeverOwn: TestUser;
  let werkgeverOther: TestUser;
  let target: ApiEmployer;
  let callers: Callers;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
    amOwner = await loginAs(t, Role.AccountManager, { sectors: [] });
    amSector = await loginAs(t, Role.AccountManager, { sectors: ['H'] });
    amOther = await loginAs(t, Role.AccountManager, { sectors: ['C'] });
    klantmanager = await loginAs(t, Role.ClientManager);
    target = await createEmployer(t, coordinator, { accountManagerId: amOwner.id, sector: 'H' });
    const other = await createEmployer(t, coordinator, { sector: 'C', sbiCode: '1071' });
    werkgeverOwn = await loginAs(t, Role.Employer, { employerId: target.id });
    werkgeverOther = await loginAs(t, Role.Employer, { employerId: other.id });
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

  describe('create, read, update, delete', () => {
    it('creates an employer with locations and contacts, owned by the accountmanager who creates it', async () => {
      const input = employerInput();
      const created = await request(t.http)
        .post('/employers')
        .set(amSector.auth)
        .send(input)
        .expect(201);
      expect(created.body).toMatchObject({
        name: input.name,
        kvkNumber: input.kvkNumber,
        sector: 'H',
        sectorLabel: 'Vervoer en opslag',
        sbiCode: '5210',
        accountManagerId: amSector.id,
        accountManagerName: 'Test accountmanager',
        opennessTo45Plus: 'open',
        acceptsTrialPlacements: true,
        trialPlacementExperience: false,
        locations: [
          { id: expect.any(String), name: 'Distributiecentrum', pc4: '1334', city: 'Almere' },
        ],
        contacts: [{ id: expect.any(String), name: 'Petra de Vries', jobTitle: 'HR-adviseur' }],
      });

      const read = await request(t.http)
        .get(`/employers/${created.body.id}`)
        .set(klantmanager.auth)
        .expect(200);
      expect(read.body).toEqual(created.body);

      const audit = await t.dataSource.getRepository(AuditLogEntity).findOneOrFail({
        where: { action: 'employer.create', objectId: created.body.id },
      });
      expect(audit).toMatchObject({
        actorId: amSector.id,
        result: 'allowed',
        objectType: 'employer',
      });
      expect(audit.details).toMatchObject({ locations: 1, contacts: 1 });
    });

    it('creates a minimal employer with the defaults, and a coordinator names its owner', async () => {
      const name = `Minimaal ${randomUUID()}`;
      const created = await request(t.http)
        .post('/employers')
        .set(coordinator.auth)
        .send({ name, sector: 'Q', accountManagerId: amSector.id })
        .expect(201);
      expect(created.body).toMatchObject({
        name,
        kvkNumber: null,
        sector: 'Q',
        sbiCode: null,
        accountManagerId: amSector.id,
        opennessTo45Plus: 'unknown',
        acceptsTrialPlacements: false,
        website: null,
        locations: [],
        contacts: [],
      });
    });

    it('replaces locations and contacts as lists in one change: update by id, add without, remove the missing', async () => {
      const employer = await createEmployer(t, amSector, {
        locations: [
          { name: 'Hoofdkantoor', pc4: '1315', city: 'Almere' },
          { name: 'Magazijn', pc4: '1325', city: 'Almere' },
        ],
      });
      const [office, warehouse] = employer.locations;
      const contact = employer.contacts[0];
      const requestId = newRequestId();

      const patched = await request(t.http)
        .patch(`/employers/${employer.id}`)
        .set(amSector.auth)
        .set('X-Request-Id', requestId)
        .send({
          name: `${employer.name} (vernieuwd)`,
          website: null,
          locations: [
            { id: warehouse.id, name: 'Magazijn Noord', pc4: '1354', city: 'Almere' },
            { name: 'Crossdock', pc4: '1334' },
          ],
          contacts: [{ id: contact.id, name: contact.name, email: 'Nieuw.Adres@Voorbeeld.nl' }],
        })
        .expect(200);

      expect(patched.body.name).toBe(`${employer.name} (vernieuwd)`);
      expect(patched.body.website).toBeNull();
      expect(patched.body.version).toBeGreaterThan(employer.version);
      expect(patched.body.locations).toEqual([
        { id: expect.any(String), name: 'Crossdock', pc4: '1334', city: null },
        { id: warehouse.id, name: 'Magazijn Noord', pc4: '1354', city: 'Almere' },
      ]);
      expect(patched.body.contacts).toEqual([
        {
          id: contact.id,
          name: contact.name,
          jobTitle: null,
          email: 'nieuw.adres@voorbeeld.nl',
          phone: null,
          userId: null,
        },
      ]);
      await expect(countWhere('employer_locations WHERE id = $1', [office.id])).resolves.toBe(0);

      const [audit] = await auditRowsOf(t, requestId);
      expect(audit).toMatchObject({
        action: 'employer.update',
        objectId: employer.id,
        result: 'allowed',
      });
      expect(audit.details).toMatchObject({
        fields: ['contacts', 'locations', 'name', 'website'],
        locations: { created: 1, updated: 1, removed: 1 },
        contacts: { created: 0, updated: 1, removed: 0 },
      });
    });

    it("refuses a list item id that is not this employer's, and changes nothing", async () => {
      const employer = await createEmployer(t, amSector);
      const response = await request(t.http)
        .patch(`/employers/${employer.id}`)
        .set(amSector.auth)
        .send({
          name: 'Mag niet worden opgeslagen',
          locations: [{ id: target.locations[0].id, name: 'Gekaapt', pc4: '1334' }],
        })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['locations.0.id']);
      const after = await request(t.http)
        .get(`/employers/${employer.id}`)
        .set(amSector.auth)
        .expect(200);
      expect(after.body).toEqual(employer);
      await expect(
        countWhere('employer_locations WHERE employer_id = $1', [target.id]),
      ).resolves.toBe(1);
    });

    it('deletes an employer without vacancies, with its locations, contacts and notes', async () => {
      const employer = await createEmployer(t, amSector);
      await request(t.http)
        .post(`/employers/${employer.id}/notes`)
        .set(amSector.auth)
        .send({ channel: 'phone', summary: 'Kennismaking' })
        .expect(201);
      await request(t.http).delete(`/employers/${employer.id}`).set(amSector.auth).expect(204);
      await request(t.http).get(`/employers/${employer.id}`).set(amSector.auth).expect(404);
      await expect(
        countWhere('employer_locations WHERE employer_id = $1', [employer.id]),
      ).resolves.toBe(0);
      await expect(
        countWhere('employer_contacts WHERE employer_id = $1', [employer.id]),
      ).resolves.toBe(0);
      await expect(
        countWhere('employer_notes WHERE employer_id = $1', [employer.id]),
      ).resolves.toBe(0);
      const audit = await t.dataSource.getRepository(AuditLogEntity).findOneOrFail({
        where: { action: 'employer.delete', objectId: employer.id },
      });
      expect(audit).toMatchObject({ actorId: amSector.id, result: 'allowed' });
    });

    it('refuses to delete an employer that has vacancies (409), and keeps it', async () => {
      const employer = await createEmployer(t, amSector);
      await createVacancy(t, amSector, { employerId: employer.id });
      const response = await request(t.http)
        .delete(`/employers/${employer.id}`)
        .set(amSector.auth)
        .expect(409);
      expect(response.body.message).toMatch(/has 1 vacancy.*close the vacancies instead/);
      await request(t.http).get(`/employers/${employer.id}`).set(amSector.auth).expect(200);
    });

    it('refuses to delete an employer that still has werkgever logins (409)', async () => {
      const response = await request(t.http)
        .delete(`/employers/${target.id}`)
        .set(coordinator.auth)
        .expect(409);
      expect(response.body.message).toMatch(/werkgever login/);
      await request(t.http).get(`/employers/${target.id}`).set(coordinator.auth).expect(200);
    });

    it('answers 404 for an employer that does not exist and 400 for an id that is not a uuid', async () => {
      await request(t.http).get(`/employers/${randomUUID()}`).set(coordinator.auth).expect(404);
      await request(t.http).get('/employers/not-a-uuid').set(coordinator.auth).expect(400);
      await request(t.http)
        .patch(`/employers/${randomUUID()}`)
        .set(coordinator.auth)
        .send({})
        .expect(404);
    });

    it('does not show its internal 45+ assessment to the employer contact', async () => {
      const own = await request(t.http)
        .get(`/employers/${target.id}`)
        .set(werkgeverOwn.auth)
        .expect(200);
      expect(own.body).toMatchObject({ id: target.id, name: target.name });
      expect(own.body).not.toHaveProperty('opennessTo45Plus');
    });
  });

  describe('validation', () => {
    it('answers bad input with 400 naming every bad field, and writes nothing', async () => {
      const name = `Ongeldig ${randomUUID()}`;
      const response = await request(t.http)
        .post('/employers')
        .set(coordinator.auth)
        .send({
          name,
          kvkNumber: '1234567',
          sector: 'Z',
          sbiCode: '52.10',
          accountManagerId: 'someone',
          opennessTo45Plus: 'maybe',
          acceptsTrialPlacements: 'yes',
          website: 'not a url',
          locations: [{ name: 'Vestiging', pc4: '13' }],
          contacts: [{ name: 'Jan', email: 'jan-at-example' }],
          isVip: true,
        })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body)).toEqual(
        [
          'kvkNumber',
          'sector',
          'sbiCode',
          'accountManagerId',
          'opennessTo45Plus',
          'acceptsTrialPlacements',
          'website',
          'locations.0.pc4',
          'contacts.0.email',
          'isVip',
        ].sort(),
      );
      expect(response.body.message).toMatch(/kvkNumber/);
      await expect(countWhere('employers WHERE name = $1', [name])).resolves.toBe(0);
    });

    it('checks references in the database: unknown postcode, owner who is no accountmanager, SBI code outside the sector', async () => {
      const name = `Ongeldige verwijzingen ${randomUUID()}`;
      const response = await request(t.http)
        .post('/employers')
        .set(coordinator.auth)
        .send(
          employerInput({
            name,
            accountManagerId: klantmanager.id,
            sbiCode: '1071',
            locations: [
              { name: 'Goed', pc4: '1334' },
              { name: 'Bestaat niet', pc4: '0000' },
            ],
          }),
        )
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['accountManagerId', 'locations.1.pc4', 'sbiCode']);
      const problems = (response.body.errors as { field: string; problems: string[] }[])
        .flatMap((error) => error.problems)
        .join(' ');
      expect(problems).toMatch(/0000/);
      expect(problems).toMatch(/belongs to sector C/);
      await expect(countWhere('employers WHERE name = $1', [name])).resolves.toBe(0);
    });

    it('refuses null for fields that cannot be empty when updating', async () => {
      const response = await request(t.http)
        .patch(`/employers/${target.id}`)
        .set(coordinator.auth)
        .send({ name: null, sector: null, acceptsTrialPlacements: null })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['acceptsTrialPlacements', 'name', 'sector']);
    });

    it('requires an owner when a coordinator creates an employer', async () => {
      const { accountManagerId: _omit, ...input } = employerInput();
      const response = await request(t.http)
        .post('/employers')
        .set(coordinator.auth)
        .send(input)
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['accountManagerId']);
    });

    it('keeps one record per KvK number: a duplicate gets 409 naming the existing employer', async () => {
      const kvkNumber = uniqueKvk();
      const first = await createEmployer(t, amSector, { kvkNumber });
      const duplicate = await request(t.http)
        .post('/employers')
        .set(amSector.auth)
        .send(employerInput({ kvkNumber }))
        .expect(409);
      expect(duplicate.body.code).toBe('CONFLICT');
      expect(duplicate.body.message).toContain(first.id);
      await expect(countWhere('employers WHERE kvk_number = $1', [kvkNumber])).resolves.toBe(1);

      const second = await createEmployer(t, amSector);
      const moved = await request(t.http)
        .patch(`/employers/${second.id}`)
        .set(amSector.auth)
        .send({ kvkNumber })
        .expect(409);
      expect(moved.body.message).toContain(first.id);
      // saving its own number again is no conflict
      await request(t.http)
        .patch(`/employers/${first.id}`)
        .set(amSector.auth)
        .send({ kvkNumber })
        .expect(200);
    });
  });

  describe('list', () => {
    const prefix = `Lijsttest ${randomUUID().slice(0, 8)}`;
    let alpha: ApiEmployer;
    let beta: ApiEmployer;
    let gamma: ApiEmployer;

    beforeAll(async () => {
      alpha = await createEmployer(t, amSector, {
        name: `${prefix} Alpha`,
        acceptsTrialPlacements: true,
      });
      beta = await createEmployer(t, amSector, {
        name: `${prefix} Beta_2`,
        opennessTo45Plus: 'hesitant',
        acceptsTrialPlacements: false,
      });
      gamma = await createEmployer(t, coordinator, {
        name: `${prefix} Gamma 100%`,
        sector: 'C',
        sbiCode: '1071',
        acceptsTrialPlacements: true,
      });
    });

    const list = async (query: Record<string, string | number | boolean>, who = klantmanager) =>
      (await request(t.http).get('/employers').set(who.auth).query(query).expect(200)).body;

    it('searches the name case-insensitively, sorts and pages', async () => {
      const page1 = await list({
        q: prefix.toUpperCase(),
        sort: 'name',
        order: 'desc',
        pageSize: 2,
      });
      expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.items.map((e: ApiEmployer) => e.id)).toEqual([gamma.id, beta.id]);
      const page2 = await list({ q: prefix, sort: 'name', order: 'desc', pageSize: 2, page: 2 });
      expect(page2.items.map((e: ApiEmployer) => e.id)).toEqual([alpha.id]);
      expect(page2.items[0]).not.toHaveProperty('contacts');
    });

    it('treats % and _ in the search text literally', async () => {
      expect((await list({ q: `${prefix}%` })).total).toBe(0);
      expect((await list({ q: `${prefix} Beta_` })).items.map((e: ApiEmployer) => e.id)).toEqual([
        beta.id,
      ]);
      expect((await list({ q: `${prefix} Alph_` })).total).toBe(0);
      expect((await list({ q: '100%' })).items.map((e: ApiEmployer) => e.id)).toContain(gamma.id);
    });

    it('filters by sector, accountmanager, openness and trial placements', async () => {
      const ids = async (query: Record<string, string>) =>
        (await list({ q: prefix, ...query })).items.map((e: ApiEmployer) => e.id).sort();
      await expect(ids({ sector: 'C' })).resolves.toEqual([gamma.id]);
      await expect(ids({ accountManagerId: amSector.id })).resolves.toEqual(
        [alpha.id, beta.id].sort(),
      );
      await expect(ids({ opennessTo45Plus: 'hesitant' })).resolves.toEqual([beta.id]);
      await expect(ids({ acceptsTrialPlacements: 'true' })).resolves.toEqual(
        [alpha.id, gamma.id].sort(),
      );
      await expect(ids({ acceptsTrialPlacements: 'false' })).resolves.toEqual([beta.id]);
    });

    it('rejects sort fields outside the allow-list and malformed filters, naming them', async () => {
      const response = await request(t.http)
        .get('/employers')
        .set(klantmanager.auth)
        .query({
          sort: 'kvkNumber; DROP TABLE employers',
          sector: 'h',
          acceptsTrialPlacements: 'ja',
          pageSize: 500,
        })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual([
        'acceptsTrialPlacements',
        'pageSize',
        'sector',
        'sort',
      ]);
    });
  });

  describe('contact history', () => {
    it('appends notes and lists them newest first, with the author', async () => {
      const employer = await createEmployer(t, amSector);
      const requestId = newRequestId();
      const older = await request(t.http)
        .post(`/employers/${employer.id}/notes`)
        .set(amSector.auth)
        .set('X-Request-Id', requestId)
        .send({
          channel: 'visit',
          occurredAt: '2025-01-10T10:00:00+01:00',
          summary: 'Bedrijfsbezoek',
        })
        .expect(201);
      expect(older.body).toMatchObject({
        employerId: employer.id,
        authorId: amSector.id,
        authorName: 'Test accountmanager',
        channel: 'visit',
        occurredAt: '2025-01-10T09:00:00.000Z',
      });
      await request(t.http)
        .post(`/employers/${employer.id}/notes`)
        .set(coordinator.auth)
        .send({ channel: 'phone', summary: 'Open voor proefplaatsing' })
        .expect(201);
      const notes = await request(t.http)
        .get(`/employers/${employer.id}/notes`)
        .set(amOther.auth)
        .expect(200);
      expect(notes.body.total).toBe(2);
      expect(notes.body.items.map((n: { summary: string }) => n.summary)).toEqual([
        'Open voor proefplaatsing',
        'Bedrijfsbezoek',
      ]);
      const [audit] = await auditRowsOf(t, requestId);
      expect(audit).toMatchObject({
        action: 'employer.add-note',
        objectId: employer.id,
        result: 'allowed',
      });
      expect(audit.details).toEqual({ noteId: older.body.id, channel: 'visit' });
    });

    it('refuses notes dated in the future and bad channels, writing nothing', async () => {
      const employer = await createEmployer(t, amSector);
      const future = await request(t.http)
        .post(`/employers/${employer.id}/notes`)
        .set(amSector.auth)
        .send({ channel: 'phone', occurredAt: '2999-01-01T00:00:00Z', summary: 'Later' })
        .expect(400);
      expect(fieldsOf(future.body)).toEqual(['occurredAt']);
      const bad = await request(t.http)
        .post(`/employers/${employer.id}/notes`)
        .set(amSector.auth)
        .send({ channel: 'pigeon', summary: '' })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['channel', 'summary']);
      await expect(
        countWhere('employer_notes WHERE employer_id = $1', [employer.id]),
      ).resolves.toBe(0);
    });

    it('has no route to change or remove a note', async () => {
      const employer = await createEmployer(t, amSector);
      const note = await request(t.http)
        .post(`/employers/${employer.id}/notes`)
        .set(amSector.auth)
        .send({ channel: 'email', summary: 'Vacature besproken' })
        .expect(201);
      await request(t.http)
        .patch(`/employers/${employer.id}/notes/${note.body.id}`)
        .set(coordinator.auth)
        .send({ summary: 'herschreven' })
        .expect(404);
      await request(t.http)
        .delete(`/employers/${employer.id}/notes/${note.body.id}`)
        .set(coordinator.auth)
        .expect(404);
      await expect(
        countWhere('employer_notes WHERE id = $1 AND summary = $2', [
          note.body.id,
          'Vacature besproken',
        ]),
      ).resolves.toBe(1);
    });
  });

  describe('role x route matrix', () => {
    const freshEmployer = async () =>
      `/employers/${(await createEmployer(t, coordinator, { accountManagerId: amOwner.id, kvkNumber: null, sector: 'H' })).id}`;

    const ROUTES: RouteCase[] = [
      {
        route: 'GET /employers',
        method: 'get',
        path: () => '/employers',
        expected: {
          coordinator: 200,
          amOwner: 200,
          amSector: 200,
          amOther: 200,
          klantmanager: 200,
          werkgeverOwn: 403,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
      {
        route: 'GET /employers/:id',
        method: 'get',
        path: () => `/employers/${target.id}`,
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
        route: 'POST /employers (sector H, owned by amOwner)',
        method: 'post',
        path: () => '/employers',
        body: () => employerInput({ accountManagerId: amOwner.id, sector: 'H' }),
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
        route: 'PATCH /employers/:id',
        method: 'patch',
        path: () => `/employers/${target.id}`,
        body: () => ({ diversityWorkshopInterest: true }),
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
        route: 'DELETE /employers/:id',
        method: 'delete',
        path: freshEmployer,
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
      {
        route: 'GET /employers/:id/notes',
        method: 'get',
        path: () => `/employers/${target.id}/notes`,
        expected: {
          coordinator: 200,
          amOwner: 200,
          amSector: 200,
          amOther: 200,
          klantmanager: 403,
          werkgeverOwn: 403,
          werkgeverOther: 403,
          anonymous: 401,
        },
      },
      {
        route: 'POST /employers/:id/notes',
        method: 'post',
        path: () => `/employers/${target.id}/notes`,
        body: () => ({ channel: 'meeting', summary: 'Overleg over proefplaatsingen' }),
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
    ];

    describeAccessMatrix(() => ({ t, callers }), ROUTES);
  });
});
