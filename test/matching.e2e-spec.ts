import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import {
  CandidateMatchesResponse,
  CareerPathsResponse,
  VacancyMatchesResponse,
} from '../src/modules/matching/dto/matching-response.dto';
import {
  candidateReferences,
  CandidateReferences,
  createCandidate,
  CreatedCandidate,
} from './factories/candidate.factory';
import { createEmployer } from './factories/employer.factory';
import { ApiVacancy, createVacancy, referenceCodes } from './factories/vacancy.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Matching end to end on real ESCO data. Everything happens in Groningen, far from the Almere
 * profiles other specs create, so the distance constraint keeps those out of these lists.
 */
describe('matching', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let accountmanager: TestUser;
  let klantmanager: TestUser;
  let otherKlantmanager: TestUser;
  let employerContact: TestUser;
  let refs: CandidateReferences;
  let vacancy: ApiVacancy;
  let filledEmployerId: string;
  const c: Record<string, CreatedCandidate> = {};
  const thisYear = new Date().getFullYear();

  const warehouseWorker = () => ({
    homePc4: '9713',
    maxCommuteKm: 20,
    hoursMin: 24,
    hoursMax: 32,
    experiences: [
      {
        occupationUri: refs.occupations.warehouseWorker,
        title: 'magazijnmedewerker bij een groothandel',
        sector: 'H',
        years: 8,
        lastYearWorked: thisYear - 4,
      },
    ],
    skills: [{ uri: refs.skills.stackGoods, source: 'work' }],
    workCapacity: {},
    sectorsRefused: [],
  });

  const get = <T>(user: TestUser, path: string) =>
    request(t.http)
      .get(path)
      .set(user.auth)
      .then((response) => {
        if (response.status !== 200)
          throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body as T;
      });

  const matchesFor = (user: TestUser, query = '') =>
    get<VacancyMatchesResponse>(user, `/vacancies/${vacancy.id}/matches${query}`);

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
    accountmanager = await loginAs(t, Role.AccountManager, { sectors: ['H'] });
    klantmanager = await loginAs(t, Role.ClientManager);
    otherKlantmanager = await loginAs(t, Role.ClientManager);
    refs = await candidateReferences(t.dataSource);
    // Earlier runs on this database left their Groningen profiles open to matching: close them,
    // so the accountmanager's lists hold this run's candidates only.
    await t.dataSource.query(
      `UPDATE candidates SET available_for_matching = false WHERE home_pc4 IN ('9712', '9713')`,
    );
    const codes = await referenceCodes(t);
    const location = [{ name: 'Distributiecentrum Groningen', pc4: '9711', city: 'Groningen' }];
    const employer = await createEmployer(t, accountmanager, { locations: location });
    employerContact = await loginAs(t, Role.Employer, { employerId: employer.id });
    vacancy = await createVacancy(t, accountmanager, {
      employerId: employer.id,
      title: 'Orderpicker distributiecentrum',
      occupationUri: codes.occupations.orderPicker,
      skills: [
        { uri: codes.skills.stackGoods, required: true },
        { uri: codes.skills.operateForklift, required: false },
      ],
      certificates: [],
      pc4: '9711',
      hoursMin: 24,
      hoursMax: 32,
      physicalDemands: { liftingKg: 15 },
      startDate: null,
      status: 'open',
    });
    // an employer without an open vacancy that hired order pickers before
    const filled = await createEmployer(t, accountmanager, { locations: location });
    filledEmployerId = filled.id;
    const earlier = await createVacancy(t, accountmanager, {
      employerId: filled.id,
      occupationUri: codes.occupations.orderPicker,
      certificates: [],
      pc4: '9711',
      status: 'open',
    });
    await request(t.http)
      .patch(`/vacancies/${earlier.id}`)
      .set(accountmanager.auth)
      .send({ status: 'filled' })
      .expect(200);

    c.warehouse = await createCandidate(t, klantmanager, warehouseWorker());
    c.printer = await createCandidate(t, klantmanager, {
      homePc4: '9712',
      maxCommuteKm: 20,
      workCapacity: {},
      skills: [
        { uri: refs.skills.operatePrintingMachinery, source: 'work' },
        {
          uri: refs.skills.stackGoods,
          source: 'volunteer',
          evidence: 'sorteert en stapelt dozen bij de voedselbank',
        },
        {
          uri: refs.skills.bicycleMechanics,
          source: 'hobby',
          evidence: 'repareert al 20 jaar fietsen voor de buurt',
        },
      ],
    });
    c.tooFewHours = await createCandidate(t, klantmanager, {
      ...warehouseWorker(),
      hoursMin: 12,
      hoursMax: 16,
    });
    c.tooFar = await createCandidate(t, klantmanager, { ...warehouseWorker(), homePc4: '1315' });
    c.liftingLimit = await createCandidate(t, klantmanager, {
      ...warehouseWorker(),
      workCapacity: { liftingKg: 5 },
    });
    c.refusesSector = await createCandidate(t, klantmanager, {
      ...warehouseWorker(),
      sectorsRefused: ['H'],
      sectorsOfInterest: ['G'],
    });
    c.noConsent = await createCandidate(t, klantmanager, {
      ...warehouseWorker(),
      availableForMatching: false,
    });
  });

  afterAll(() => t.close());

  const ids = (body: { items: { candidate: { id: string } }[] }) =>
    body.items.map((i) => i.candidate.id);

  it('ranks the candidates who pass the hard constraints, with a score, a label and evidence in Dutch', async () => {
    const body = await matchesFor(accountmanager);
    const found = ids(body);
    expect(found).toContain(c.warehouse.id);
    expect(found).toContain(c.printer.id);
    expect(found.indexOf(c.warehouse.id)).toBeLessThan(found.indexOf(c.printer.id));
    for (const excluded of [c.tooFewHours, c.tooFar, c.liftingLimit, c.refusesSector, c.noConsent])
      expect(found).not.toContain(excluded.id);

    const warehouse = body.items.find((i) => i.candidate.id === c.warehouse.id)!;
    expect(['sterk', 'goed']).toContain(warehouse.label);
    expect(warehouse.crossSector).toBe(false);

    const printer = body.items.find((i) => i.candidate.id === c.printer.id)!;
    expect(printer.score).toBeGreaterThan(0);
    expect(printer.score).toBeLessThan(warehouse.score);
    expect(printer.crossSector).toBe(true);
    expect(printer.explanation.fromSectors).toEqual([{ code: 'C', label: 'Industrie' }]);
    expect(printer.explanation.coveredSkills).toContainEqual(
      expect.objectContaining({
        uri: refs.skills.stackGoods,
        requirement: 'required',
        source: 'volunteer',
        evidence: 'vrijwilligerswerk: sorteert en stapelt dozen bij de voedselbank',
      }),
    );
    expect(printer.explanation.summary).toContain(
      'vrijwilligerswerk: sorteert en stapelt dozen bij de voedselbank',
    );
    expect(printer.explanation.summary).toContain('Komt uit een andere sector (industrie)');
    expect(printer.explanation.distanceKm).toBeGreaterThan(0);
    expect(body.items.every((i, n) => n === 0 || body.items[n - 1].score >= i.score)).toBe(true);
  });

  it('lists, on request, who fails a hard constraint and what would make them fit', async () => {
    const body = await matchesFor(accountmanager, '?includeExcluded=true');
    const failedOf = (id: string) =>
      body.excluded!.find((e) => e.candidate.id === id)?.failedConstraints.map((f) => f.constraint);
    expect(failedOf(c.tooFewHours.id)).toEqual(['hours']);
    expect(failedOf(c.tooFar.id)).toEqual(['distance']);
    expect(failedOf(c.liftingLimit.id)).toEqual(['workCapacity']);
    expect(failedOf(c.refusesSector.id)).toEqual(['refusedSector']);
    const hours = body.excluded!.find((e) => e.candidate.id === c.tooFewHours.id)!;
    expect(hours.failedConstraints[0].message).toBe(
      'zou passen als de werkgever 16 uur per week accepteert (vraagt 24-32)',
    );
    expect(body.excluded!.map((e) => e.candidate.id)).not.toContain(c.noConsent.id);
    const counted = Object.fromEntries(body.excludedBy.map((e) => [e.constraint, e.count]));
    expect(counted.hours).toBeGreaterThanOrEqual(1);
    expect(counted.workCapacity).toBeGreaterThanOrEqual(1);
  });

  it('matches a change as soon as it is committed', async () => {
    expect(ids(await matchesFor(accountmanager))).not.toContain(c.tooFewHours.id);
    await request(t.http)
      .patch(`/candidates/${c.tooFewHours.id}`)
      .set(klantmanager.auth)
      .send({ hoursMin: 24, hoursMax: 32 })
      .expect(200);
    expect(ids(await matchesFor(accountmanager))).toContain(c.tooFewHours.id);
    await request(t.http)
      .patch(`/candidates/${c.tooFewHours.id}`)
      .set(klantmanager.auth)
      .send({ hoursMin: 12, hoursMax: 16 })
      .expect(200);
  });

  it('gives a klantmanager their own clients only, with or without consent', async () => {
    const own = ids(await matchesFor(klantmanager));
    expect(own).toEqual(expect.arrayContaining([c.warehouse.id, c.printer.id, c.noConsent.id]));
    expect(ids(await matchesFor(otherKlantmanager))).toEqual([]);
  });

  it('never ranks on age, name, notes or how long ago someone worked', async () => {
    const twin = (over: Record<string, unknown>) => ({
      ...warehouseWorker(),
      homePc4: '9712',
      ...over,
    });
    const younger = await createCandidate(
      t,
      klantmanager,
      twin({
        birthYear: thisYear - 46,
        firstName: 'Henk',
        lastName: 'de Vries',
        workCapacityNotes: null,
      }),
    );
    const older = await createCandidate(
      t,
      klantmanager,
      twin({
        birthYear: thisYear - 64,
        firstName: 'Fatma',
        lastName: 'Yılmaz',
        workCapacityNotes: 'Na een hernia voorzichtig met bukken.',
        experiences: [
          { ...warehouseWorker().experiences[0], years: 31, lastYearWorked: thisYear - 12 },
        ],
      }),
    );
    const before = await matchesFor(klantmanager);
    const score = (body: VacancyMatchesResponse, id: string) =>
      body.items.find((i) => i.candidate.id === id)?.score;
    expect(score(before, younger.id)).toBeDefined();
    expect(score(before, older.id)).toBe(score(before, younger.id));

    await request(t.http)
      .patch(`/candidates/${c.warehouse.id}`)
      .set(klantmanager.auth)
      .send({
        birthYear: thisYear - 66,
        firstName: 'Mohamed',
        lastName: 'El Amrani',
        workCapacityNotes: 'Diabetes; regelmatig pauze.',
      })
      .expect(200);
    const after = await matchesFor(klantmanager);
    const ranking = (body: VacancyMatchesResponse) =>
      body.items.map((i) => [i.candidate.id, i.score, i.label]);
    expect(ranking(after)).toEqual(ranking(before));
  });

  it('finds open vacancies and employers to approach for one client', async () => {
    const body = await get<CandidateMatchesResponse>(
      klantmanager,
      `/candidates/${c.warehouse.id}/matches`,
    );
    const match = body.vacancies.find((v) => v.vacancy.id === vacancy.id);
    expect(match).toBeDefined();
    expect(match!.vacancy.title).toBe('Orderpicker distributiecentrum');
    expect(match!.explanation.summary.length).toBeGreaterThan(20);
    const prospect = body.employers.find((e) => e.id === filledEmployerId);
    expect(prospect?.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^had eerder een vacature als .+ \(vervuld\) die past bij de ervaring$/,
        ),
        'staat open voor 45-plussers',
      ]),
    );
    expect(body.employers.map((e) => e.id)).not.toContain(vacancy.employerId);
  });

  it('suggests occupations in other sectors with the skills that carry over', async () => {
    const body = await get<CareerPathsResponse>(
      accountmanager,
      `/candidates/${c.printer.id}/career-paths`,
    );
    expect(body.fromSectors).toEqual([{ code: 'C', label: 'Industrie' }]);
    expect(body.items.length).toBeGreaterThan(0);
    for (const path of body.items) {
      expect(path.otherSector).toBe(true);
      expect(path.occupation.sector?.code).not.toBe('C');
      expect(path.carryOver.length).toBeGreaterThan(0);
      expect(path.summary).toContain('Neemt mee:');
    }
    const withSame = await get<CareerPathsResponse>(
      accountmanager,
      `/candidates/${c.printer.id}/career-paths?includeSameSector=true&limit=30`,
    );
    expect(withSame.items.some((p) => !p.otherSector)).toBe(true);
  });

  it('refuses employers, other caseloads and bad input with a clear status', async () => {
    for (const path of [
      `/vacancies/${vacancy.id}/matches`,
      `/candidates/${c.warehouse.id}/matches`,
      `/candidates/${c.warehouse.id}/career-paths`,
    ]) {
      await request(t.http).get(path).set(employerContact.auth).expect(403);
    }
    const other = await request(t.http)
      .get(`/candidates/${c.warehouse.id}/matches`)
      .set(otherKlantmanager.auth)
      .expect(403);
    expect(other.body.message).toMatch(/caseload/);
    await request(t.http)
      .get(`/candidates/${c.noConsent.id}/matches`)
      .set(accountmanager.auth)
      .expect(403);
    await request(t.http)
      .get(`/vacancies/${crypto.randomUUID()}/matches`)
      .set(coordinator.auth)
      .expect(404);
    await request(t.http).get('/vacancies/not-a-uuid/matches').set(coordinator.auth).expect(400);
    const limit = await request(t.http)
      .get(`/vacancies/${vacancy.id}/matches?limit=0`)
      .set(coordinator.auth)
      .expect(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
  });
});
