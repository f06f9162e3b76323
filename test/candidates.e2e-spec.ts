import { createHmac } from 'node:crypto';
import request from 'supertest';
import { AuditLogEntity } from '../src/infra/audit/audit-log.entity';
import { Role } from '../src/infra/auth/role';
import {
  candidateInput,
  candidateReferences,
  CandidateReferences,
  createCandidate,
  generateBsn,
  uniqueClientNumber,
} from './factories/candidate.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const THIS_YEAR = new Date().getFullYear();
const PEPPER = 'test-only-bsn-pepper-0123456789-0123456789';

function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field).sort();
}

describe('candidate profiles: create, read, change, list and validation', () => {
  let t: TestApp;
  let klantmanager: TestUser;
  let colleague: TestUser;
  let coordinator: TestUser;
  let refs: CandidateReferences;

  beforeAll(async () => {
    t = await createTestApp();
    [klantmanager, colleague, coordinator] = await Promise.all([
      loginAs(t, Role.ClientManager),
      loginAs(t, Role.ClientManager),
      loginAs(t, Role.Coordinator),
    ]);
    refs = await candidateReferences(t.dataSource);
  });
  afterAll(() => t.close());

  async function countByClientNumber(clientNumber: string): Promise<number> {
    const rows = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM candidates WHERE client_number = $1',
      [clientNumber],
    );
    return rows[0].n;
  }

  it('creates a profile in the klantmanager’s own caseload and returns the full view', async () => {
    const bsn = generateBsn();
    const body = await candidateInput(t.dataSource, { bsn });
    const created = await request(t.http)
      .post('/candidates')
      .set(klantmanager.auth)
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({
      view: 'full',
      clientNumber: body.clientNumber,
      firstName: body.firstName,
      birthYear: THIS_YEAR - 56,
      klantmanagerId: klantmanager.id,
      homePc4: body.homePc4,
      experiences: [expect.objectContaining({ occupationUri: refs.occupations.offsetPrinter })],
      skills: expect.arrayContaining([
        expect.objectContaining({ uri: refs.skills.bicycleMechanics, source: 'hobby' }),
      ]),
      workCapacity: { standingMinutes: 30, liftingKg: 15 },
      workCapacityNotes: body.workCapacityNotes,
      bsnRecorded: true,
      programmeStatus: 'active',
    });
    expect(created.body).not.toHaveProperty('bsn');
    expect(created.body).not.toHaveProperty('bsnHash');

    const read = await request(t.http)
      .get(`/candidates/${created.body.id}`)
      .set(klantmanager.auth)
      .expect(200);
    expect(read.body).toEqual(created.body);

    const [row] = await t.dataSource.query('SELECT bsn_hash FROM candidates WHERE id = $1', [
      created.body.id,
    ]);
    expect(row.bsn_hash).toBe(createHmac('sha256', PEPPER).update(bsn).digest('hex'));

    const audit = await t.dataSource.getRepository(AuditLogEntity).findOneOrFail({
      where: { objectId: created.body.id, action: 'candidate.create' },
    });
    expect(audit).toMatchObject({ actorId: klantmanager.id, result: 'allowed' });
    expect(audit.details?.fields).toEqual(expect.arrayContaining(['bsn', 'birthYear', 'skills']));
  });

  it('stores the BSN nowhere in clear: not in the profile row, not in the audit log', async () => {
    const bsn = generateBsn();
    const created = await createCandidate(t, klantmanager, { bsn });
    await request(t.http)
      .patch(`/candidates/${created.id}`)
      .set(klantmanager.auth)
      .send({ bsn: generateBsn() })
      .expect(200);
    const [row] = await t.dataSource.query(
      'SELECT c::text AS text FROM candidates c WHERE c.id = $1',
      [created.id],
    );
    expect(row.text).toContain(created.clientNumber);
    expect(row.text).not.toContain(bsn);
    const audit = await t.dataSource.query(
      "SELECT string_agg(a::text, ' ') AS text FROM audit_log a WHERE a.object_id = $1",
      [created.id],
    );
    expect(audit[0].text).toContain('candidate.update');
    expect(audit[0].text).not.toContain(bsn);
  });

  it('changes only the given fields, clears optional ones with null and audits the field names', async () => {
    const created = await createCandidate(t, klantmanager);
    const changed = await request(t.http)
      .patch(`/candidates/${created.id}`)
      .set(klantmanager.auth)
      .set('X-Purpose', 'intakegesprek bijgewerkt')
      .send({
        hoursMax: 36,
        email: null,
        languages: [
          { language: 'nl', level: 'native' },
          { language: 'tr', level: 'B2' },
        ],
        // the same value as stored: not a change
        homePc4: created.homePc4,
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      hoursMin: 24,
      hoursMax: 36,
      email: null,
      phone: created.phone,
      languages: [
        { language: 'nl', level: 'native' },
        { language: 'tr', level: 'B2' },
      ],
      experiences: created.experiences,
    });
    const audit = await t.dataSource.getRepository(AuditLogEntity).findOneOrFail({
      where: { objectId: created.id, action: 'candidate.update' },
    });
    expect(audit.details).toEqual({ fields: ['email', 'hoursMax', 'languages'] });
    expect(audit.purpose).toBe('intakegesprek bijgewerkt');
    const [row] = await t.dataSource.query(
      'SELECT hours_max, email, languages FROM candidates WHERE id = $1',
      [created.id],
    );
    expect(row).toEqual({ hours_max: 36, email: null, languages: changed.body.languages });
  });

  it('checks rules across fields against the stored profile on a partial change', async () => {
    const created = await createCandidate(t, klantmanager, { maxCommuteMinutes: null });
    const response = await request(t.http)
      .patch(`/candidates/${created.id}`)
      .set(klantmanager.auth)
      .send({ hoursMin: 34, sectorsRefused: ['H'], maxCommuteKm: null })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['hoursMax', 'maxCommuteKm', 'sectorsRefused']);
    expect(JSON.stringify(response.body)).toMatch(
      /hoursMax \(32\) must be at least hoursMin \(34\)/,
    );
    const [row] = await t.dataSource.query(
      'SELECT hours_min, max_commute_km, sectors_refused, version FROM candidates WHERE id = $1',
      [created.id],
    );
    expect(row).toEqual({
      hours_min: 24,
      max_commute_km: 15,
      sectors_refused: ['I'],
      version: 1,
    });
  });

  it('refuses null for a field that must have a value', async () => {
    const created = await createCandidate(t, klantmanager);
    const response = await request(t.http)
      .patch(`/candidates/${created.id}`)
      .set(klantmanager.auth)
      .send({ firstName: null, skills: null, participationRung: null })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['firstName', 'participationRung', 'skills']);
  });

  it('answers bad input with 400 naming every bad field, and writes nothing', async () => {
    const body = await candidateInput(t.dataSource, {
      bsn: '123456789',
      birthYear: THIS_YEAR - 30,
      hoursMin: 30,
      hoursMax: 20,
      participationRung: 6,
      homePc4: '0123',
      maxCommuteMinutes: 200,
      sectorsOfInterest: ['H', 'C'],
      sectorsRefused: ['C'],
      experiences: [
        {
          occupationUri: refs.occupations.orderPicker,
          title: 'orderpicker',
          sector: 'Z',
          years: 51,
          lastYearWorked: THIS_YEAR + 1,
        },
      ],
      skills: [
        { uri: refs.skills.operateForklift, source: 'work' },
        { uri: refs.skills.operateForklift, source: 'work' },
        { uri: refs.skills.stackGoods, source: 'internet' },
      ],
      languages: [
        { language: 'nl', level: 'native' },
        { language: 'nl', level: 'B2' },
        { language: 'xx', level: 'D1' },
      ],
      certificates: ['vca-basis', 'rijbewijs-heftruck'],
      drivingLicences: ['B', 'Z'],
      workCapacity: { standingMinutes: 600, liftingKg: 80, diagnosis: 'rugklachten' },
      workCapacityNotes: 'x'.repeat(1001),
      programmeStatus: 'done',
      isVip: true,
    });
    const response = await request(t.http)
      .post('/candidates')
      .set(klantmanager.auth)
      .send(body)
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(response.body)).toEqual(
      [
        'bsn',
        'birthYear',
        'certificates',
        'drivingLicences',
        'experiences.0.lastYearWorked',
        'experiences.0.sector',
        'experiences.0.years',
        'homePc4',
        'hoursMax',
        'isVip',
        'languages',
        'languages.2.language',
        'languages.2.level',
        'maxCommuteMinutes',
        'participationRung',
        'programmeStatus',
        'sectorsRefused',
        'skills',
        'skills.2.source',
        'workCapacity.diagnosis',
        'workCapacity.liftingKg',
        'workCapacity.standingMinutes',
        'workCapacityNotes',
      ].sort(),
    );
    const text = JSON.stringify(response.body);
    expect(text).toMatch(/11-proef/);
    expect(text).toMatch(/45 or older/);
    expect(text).not.toContain('123456789');
    await expect(countByClientNumber(body.clientNumber as string)).resolves.toBe(0);
  });

  it('names unknown taxonomy references per field, and writes nothing', async () => {
    const body = await candidateInput(t.dataSource, {
      homePc4: '1000',
      experiences: [
        {
          occupationUri: refs.occupations.orderPicker,
          title: 'orderpicker',
          sector: 'H',
          years: 4,
          lastYearWorked: THIS_YEAR - 1,
        },
        {
          occupationUri:
            'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000',
          title: 'onbekend',
          sector: 'C',
          years: 2,
          lastYearWorked: 2000,
        },
      ],
      skills: [
        { uri: refs.skills.operateForklift, source: 'course' },
        {
          uri: 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000',
          source: 'work',
        },
      ],
    });
    const response = await request(t.http)
      .post('/candidates')
      .set(klantmanager.auth)
      .send(body)
      .expect(400);
    expect(fieldsOf(response.body)).toEqual([
      'experiences.1.occupationUri',
      'homePc4',
      'skills.1.uri',
    ]);
    await expect(countByClientNumber(body.clientNumber as string)).resolves.toBe(0);
  });

  it('needs a travel limit in km or minutes, and accepts either alone', async () => {
    const neither = await candidateInput(t.dataSource, {
      maxCommuteKm: undefined,
      maxCommuteMinutes: undefined,
    });
    const response = await request(t.http)
      .post('/candidates')
      .set(klantmanager.auth)
      .send(neither)
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['maxCommuteKm']);
    expect(response.body.errors[0].problems[0]).toMatch(/maxCommuteKm or maxCommuteMinutes/);

    const minutesOnly = await createCandidate(t, klantmanager, { maxCommuteKm: undefined });
    expect(minutesOnly).toMatchObject({ maxCommuteKm: null, maxCommuteMinutes: 45 });
  });

  it('accepts exactly 45 this year and refuses 44', async () => {
    const fortyFive = await createCandidate(t, klantmanager, { birthYear: THIS_YEAR - 45 });
    expect(fortyFive.birthYear).toBe(THIS_YEAR - 45);
    const body = await candidateInput(t.dataSource, { birthYear: THIS_YEAR - 44 });
    const response = await request(t.http)
      .post('/candidates')
      .set(klantmanager.auth)
      .send(body)
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'birthYear', problems: [expect.stringContaining(`${THIS_YEAR - 45} or earlier`)] },
    ]);
  });

  it('refuses a second profile for the same client number or the same BSN (409)', async () => {
    const bsn = generateBsn();
    const first = await createCandidate(t, klantmanager, { bsn });

    const sameNumber = await request(t.http)
      .post('/candidates')
      .set(klantmanager.auth)
      .send(await candidateInput(t.dataSource, { clientNumber: first.clientNumber }))
      .expect(409);
    expect(sameNumber.body.message).toMatch(/profile for this client already exists/);
    expect(sameNumber.body.message).toContain(first.id);

    // another klantmanager learns that the client exists, not where
    const sameBsn = await request(t.http)
      .post('/candidates')
      .set(colleague.auth)
      .send(await candidateInput(t.dataSource, { bsn }))
      .expect(409);
    expect(sameBsn.body.message).toMatch(/already exists \(same BSN\)/);
    expect(sameBsn.body.message).not.toContain(first.id);

    const second = await createCandidate(t, klantmanager);
    const renumbered = await request(t.http)
      .patch(`/candidates/${second.id}`)
      .set(klantmanager.auth)
      .send({ clientNumber: first.clientNumber })
      .expect(409);
    expect(renumbered.body.message).toContain(first.id);
    await expect(countByClientNumber(first.clientNumber)).resolves.toBe(1);
  });

  it('lets a coordinator create a profile for a klantmanager, who must be an active klantmanager', async () => {
    const missing = await request(t.http)
      .post('/candidates')
      .set(coordinator.auth)
      .send(await candidateInput(t.dataSource))
      .expect(400);
    expect(fieldsOf(missing.body)).toEqual(['klantmanagerId']);

    const notAKlantmanager = await request(t.http)
      .post('/candidates')
      .set(coordinator.auth)
      .send(await candidateInput(t.dataSource, { klantmanagerId: coordinator.id }))
      .expect(400);
    expect(fieldsOf(notAKlantmanager.body)).toEqual(['klantmanagerId']);

    const created = await createCandidate(t, coordinator, { klantmanagerId: colleague.id });
    expect(created.klantmanagerId).toBe(colleague.id);
  });

  it('does not let a klantmanager create a profile in a colleague’s caseload', async () => {
    const body = await candidateInput(t.dataSource, { klantmanagerId: colleague.id });
    await request(t.http).post('/candidates').set(klantmanager.auth).send(body).expect(403);
    await expect(countByClientNumber(body.clientNumber as string)).resolves.toBe(0);
  });

  it('lists the caseload with filters, search, sorting and pages, without sensitive fields', async () => {
    const owner = await loginAs(t, Role.ClientManager);
    const marker = uniqueClientNumber();
    await createCandidate(t, owner, { lastName: 'Aalbers', participationRung: 4 });
    await createCandidate(t, owner, { lastName: 'Zwart', programmeStatus: 'intake' });
    await createCandidate(t, owner, {
      lastName: 'Mulder',
      clientNumber: marker,
      availableForMatching: false,
    });

    const all = await request(t.http)
      .get('/candidates')
      .query({ sort: '-lastName', pageSize: 2 })
      .set(owner.auth)
      .expect(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items.map((c: { lastName: string }) => c.lastName)).toEqual([
      'Zwart',
      'Mulder',
    ]);
    const page2 = await request(t.http)
      .get('/candidates')
      .query({ sort: '-lastName', pageSize: 2, page: 2 })
      .set(owner.auth)
      .expect(200);
    expect(page2.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Aalbers']);

    for (const item of [...all.body.items, ...page2.body.items]) {
      for (const hidden of ['birthYear', 'workCapacity', 'workCapacityNotes', 'email', 'phone']) {
        expect(item).not.toHaveProperty(hidden);
      }
    }

    const filtered = async (query: Record<string, unknown>): Promise<string[]> => {
      const response = await request(t.http)
        .get('/candidates')
        .query(query)
        .set(owner.auth)
        .expect(200);
      return response.body.items.map((c: { lastName: string }) => c.lastName).sort();
    };
    const byAge = await request(t.http)
      .get('/candidates')
      .query({ sort: '-createdAt' })
      .set(owner.auth)
      .expect(200);
    expect(byAge.body.items.map((c: { lastName: string }) => c.lastName)).toEqual([
      'Mulder',
      'Zwart',
      'Aalbers',
    ]);
    await expect(filtered({ programmeStatus: 'intake' })).resolves.toEqual(['Zwart']);
    await expect(filtered({ participationRung: 4 })).resolves.toEqual(['Aalbers']);
    await expect(filtered({ availableForMatching: 'false' })).resolves.toEqual(['Mulder']);
    await expect(filtered({ q: 'mULD' })).resolves.toEqual(['Mulder']);
    await expect(filtered({ q: marker.toLowerCase() })).resolves.toEqual(['Mulder']);
    // wildcards are matched literally
    await expect(filtered({ q: '%_' })).resolves.toEqual([]);

    const badQuery = await request(t.http)
      .get('/candidates')
      .query({ sort: 'birthYear', q: 'x', participationRung: 9, availableForMatching: 'yes' })
      .set(owner.auth)
      .expect(400);
    expect(fieldsOf(badQuery.body)).toEqual([
      'availableForMatching',
      'participationRung',
      'q',
      'sort',
    ]);
  });

  it('answers 404 for a profile that does not exist and 400 for an id that is not a uuid', async () => {
    await request(t.http)
      .get('/candidates/6b0c1a5e-0000-4000-8000-000000000000')
      .set(coordinator.auth)
      .expect(404);
    await request(t.http).get('/candidates/not-a-uuid').set(coordinator.auth).expect(400);
  });
});
