import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import {
  ArrangementDto,
  CandidateArrangementsResponse,
  EligibilityResponse,
} from '../src/modules/arrangements/dto/arrangement.dto';
import { createCandidate, CreatedCandidate } from './factories/candidate.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

describe('arrangements', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let accountmanager: TestUser;
  let klantmanager: TestUser;
  let otherKlantmanager: TestUser;
  let employer: TestUser;
  let client: CreatedCandidate;
  let registered: CreatedCandidate;

  const start = '2027-02-01';

  const post = (user: TestUser, path: string, body: object) =>
    request(t.http).post(path).set(user.auth).send(body);

  const eligibilityOf = async (candidateId: string, date = start) =>
    (
      await request(t.http)
        .get(`/candidates/${candidateId}/arrangements/eligibility?date=${date}`)
        .set(accountmanager.auth)
        .expect(200)
    ).body as EligibilityResponse;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
    accountmanager = await loginAs(t, Role.AccountManager);
    klantmanager = await loginAs(t, Role.ClientManager);
    otherKlantmanager = await loginAs(t, Role.ClientManager);
    employer = await loginAs(t, Role.Employer);
    client = await createCandidate(t, klantmanager);
    registered = await createCandidate(t, klantmanager, { targetGroupRegister: true });
  });
  afterAll(() => t.close());

  it('shows per client which arrangements apply and why, in Dutch', async () => {
    const body = await eligibilityOf(client.id);
    const byCode = Object.fromEntries(body.items.map((i) => [i.rule.code, i]));
    expect(byCode['proefplaatsing-participatiewet'].applies).toBe(true);
    expect(byCode['jobcoach-gemeente'].applies).toBe(true);
    expect(byCode['maatwerkbudget-45plus'].applies).toBe(true);
    expect(byCode['no-riskpolis-doelgroepregister']).toMatchObject({
      applies: false,
      reasons: ['alleen voor mensen in het doelgroepregister'],
    });
    expect(byCode['no-riskpolis-oudere-werklozen'].applies).toBe(false);
    expect(byCode['no-riskpolis-oudere-werklozen'].reasons).toEqual(
      expect.arrayContaining([
        'de regeling gold van 1 januari 2018 tot en met 31 december 2019',
        'alleen voor mensen met een WW-uitkering; de klant heeft een bijstandsuitkering (Participatiewet)',
      ]),
    );
    expect(byCode['no-riskpolis-doelgroepregister'].rule.employerSummary).toMatch(/UWV/);
    expect(body.budget).toEqual({
      capEur: 2500,
      approvedEur: 0,
      requestedEur: 0,
      remainingEur: 2500,
    });

    const other = await eligibilityOf(registered.id);
    const registeredCodes = other.items.filter((i) => i.applies).map((i) => i.rule.code);
    expect(registeredCodes).toEqual(
      expect.arrayContaining([
        'no-riskpolis-doelgroepregister',
        'loonkostensubsidie-participatiewet',
      ]),
    );
  });

  it('refuses an arrangement that does not apply, with the reason', async () => {
    const refused = await post(accountmanager, '/arrangements', {
      candidateId: client.id,
      kind: 'no-risk-policy',
      startDate: start,
    }).expect(422);
    expect(refused.body.message).toContain('alleen voor mensen in het doelgroepregister');
    expect(refused.body.message).toContain('WW-uitkering');

    const granted = await post(accountmanager, '/arrangements', {
      candidateId: registered.id,
      kind: 'no-risk-policy',
      startDate: start,
    }).expect(201);
    expect(granted.body).toMatchObject({
      status: 'active',
      rule: { code: 'no-riskpolis-doelgroepregister' },
    });

    const trial = await post(accountmanager, '/arrangements', {
      candidateId: client.id,
      kind: 'trial-placement',
      startDate: start,
    }).expect(400);
    expect(JSON.stringify(trial.body)).toContain('kind');
  });

  it('records a jobcoach with hours, provider and period, within the rule', async () => {
    const missing = await post(accountmanager, '/arrangements', {
      candidateId: client.id,
      kind: 'jobcoach',
      startDate: start,
    }).expect(400);
    const fields = (missing.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['endDate', 'hoursPerWeek', 'provider']);

    await post(accountmanager, '/arrangements', {
      candidateId: client.id,
      kind: 'jobcoach',
      startDate: start,
      endDate: '2031-01-01',
      hoursPerWeek: 4,
      provider: 'Jobcoach Flevoland',
    }).expect(422);

    const coach = await post(accountmanager, '/arrangements', {
      candidateId: client.id,
      kind: 'jobcoach',
      startDate: start,
      endDate: '2027-07-31',
      hoursPerWeek: 4,
      provider: 'Jobcoach Flevoland',
    }).expect(201);
    expect((coach.body as ArrangementDto).details).toEqual({
      hoursPerWeek: 4,
      provider: 'Jobcoach Flevoland',
    });
  });

  it('caps the tailored budget at EUR 2,500 per client, with coordinator approval', async () => {
    const ask = (amountEur: number, by = klantmanager) =>
      post(by, '/arrangements', {
        candidateId: client.id,
        kind: 'tailored-budget',
        startDate: start,
        amountEur,
        purpose: 'VCA-cursus en werkschoenen',
      });
    const first = (await ask(1500).expect(201)).body as ArrangementDto;
    expect(first.status).toBe('requested');
    const over = await ask(1200).expect(422);
    expect(over.body.message).toContain('€ 1000 remains');

    await post(accountmanager, `/arrangements/${first.id}/decision`, { approve: true }).expect(403);
    await post(coordinator, `/arrangements/${first.id}/decision`, { approve: false }).expect(400);
    const approved = await post(coordinator, `/arrangements/${first.id}/decision`, {
      approve: true,
    }).expect(200);
    expect(approved.body.status).toBe('active');
    await post(coordinator, `/arrangements/${first.id}/decision`, { approve: true }).expect(409);

    await ask(1000).expect(201);
    await ask(1).expect(422);
    const list = (
      await request(t.http)
        .get(`/candidates/${client.id}/arrangements`)
        .set(klantmanager.auth)
        .expect(200)
    ).body as CandidateArrangementsResponse;
    expect(list.budget).toEqual({
      capEur: 2500,
      approvedEur: 1500,
      requestedEur: 1000,
      remainingEur: 0,
    });
  });

  it('never lets two requests at once overspend the budget', async () => {
    const fresh = await createCandidate(t, klantmanager);
    const body = {
      candidateId: fresh.id,
      kind: 'tailored-budget',
      startDate: start,
      amountEur: 1500,
      purpose: 'heftruckcertificaat',
    };
    const answers = await Promise.all([
      post(klantmanager, '/arrangements', body),
      post(klantmanager, '/arrangements', body),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
  });

  it('keeps rules as data: a new version ends the old one and applies from its start', async () => {
    const code = `test-reiskosten-${randomUUID().slice(0, 8)}`;
    const rule = {
      code,
      kind: 'travel-costs',
      label: 'Reiskosten (test)',
      employerSummary: 'De gemeente vergoedt de reiskosten; de werkgever betaalt niets.',
      conditions: { benefitTypes: ['bijstand'] },
      requiresApproval: false,
      source: 'test',
    };
    await post(accountmanager, '/arrangement-rules', { ...rule, validFrom: '2020-01-01' }).expect(
      403,
    );
    await post(coordinator, '/arrangement-rules', { ...rule, validFrom: '2020-01-01' }).expect(201);
    await post(coordinator, '/arrangement-rules', {
      ...rule,
      validFrom: '2028-01-01',
      conditions: { benefitTypes: ['ww'] },
    }).expect(201);
    const versions = (
      await request(t.http).get('/arrangement-rules').set(accountmanager.auth).expect(200)
    ).body.filter((r: { code: string }) => r.code === code);
    expect(
      versions.map((r: { validFrom: string; validTo: string | null }) => [r.validFrom, r.validTo]),
    ).toEqual([
      ['2020-01-01', '2027-12-31'],
      ['2028-01-01', null],
    ]);
    const applies = async (date: string) =>
      (await eligibilityOf(client.id, date)).items.filter((i) => i.rule.code === code && i.applies)
        .length;
    expect(await applies('2027-06-01')).toBe(1);
    expect(await applies('2028-06-01')).toBe(0);
    await post(coordinator, '/arrangement-rules', { ...rule, validFrom: '2025-01-01' }).expect(409);
  });

  it('shows arrangements to the right people only, and audits the eligibility read', async () => {
    await request(t.http)
      .get(`/candidates/${client.id}/arrangements/eligibility`)
      .set(employer.auth)
      .expect(403);
    await request(t.http)
      .get(`/candidates/${client.id}/arrangements`)
      .set(otherKlantmanager.auth)
      .expect(403);
    const audit = await t.dataSource.query(
      `SELECT actor_id FROM audit_log WHERE action = 'candidate.arrangements.eligibility' AND object_id = $1`,
      [client.id],
    );
    expect(audit.map((row: { actor_id: string }) => row.actor_id)).toContain(accountmanager.id);
  });
});
