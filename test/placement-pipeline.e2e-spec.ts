import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { DEMO_PASSWORD, DemoData } from '../scripts/demo/demo-data';
import { seedDemo } from '../scripts/demo/seed-demo';
import { createTestApp, TestApp } from './helpers/test-app';
import { startSmtpSink, SmtpSink } from './helpers/smtp-sink';
import { startWorker, TestWorker } from './helpers/worker';

type Auth = { Authorization: string };

/** The date `days` from today, as yyyy-mm-dd. */
const isoDay = (days: number) =>
  new Date(Date.now() + days * 24 * 3600e3).toISOString().slice(0, 10);

interface FollowUp {
  id: string;
  kind: string;
  subjectId: string;
  status: string;
  dueAt: string;
}

/**
 * The whole placement path on the demo data, through the API, with the real worker and an SMTP
 * sink: a klantmanager files a jobhunting request, the accountmanager finds a vacancy through
 * matching and nominates, the employer answers late so the no-answer follow-up fires and is
 * e-mailed, a trial placement with a jobcoach and a no-risk policy follows, the hire is
 * recorded and the 1/3/6-month checks are planned; each step is audited and seen by the right
 * roles only.
 */
describe('placement pipeline on the demo data', () => {
  let t: TestApp;
  let data: DemoData;
  let sink: SmtpSink;
  let worker: TestWorker;
  let klantmanager: Auth;
  let accountmanager: Auth;
  let otherKlantmanager: Auth;
  let employer: Auth;
  let accountmanagerId: string;
  let accountmanagerEmail: string;
  let candidateId: string;
  let vacancyEmployerId: string;
  const previous = { ...process.env };

  const login = async (email: string): Promise<Auth> => {
    const response = await request(t.http)
      .post('/auth/login')
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${response.body.accessToken as string}` };
  };
  const expectStatus = (status: number) => (r: request.Response) => {
    if (r.status !== status)
      throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const post = (auth: Auth, path: string, body: object, status = 201) =>
    request(t.http).post(path).set(auth).send(body).then(expectStatus(status));
  const get = (auth: Auth, path: string, status = 200) =>
    request(t.http).get(path).set(auth).then(expectStatus(status));
  const followUpsOf = async (subjectId: string): Promise<FollowUp[]> =>
    (await get(accountmanager, '/follow-ups?mine=true&pageSize=100')).items.filter(
      (f: FollowUp) => f.subjectId === subjectId,
    );

  /** An earlier run on this database left this demo client placed: start from the demo state. */
  const resetPipeline = async (id: string, status: string) => {
    await t.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM follow_ups WHERE subject_id = $1 OR subject_id IN (
           SELECT id FROM nominations WHERE candidate_id = $1 UNION SELECT id FROM trial_placements WHERE candidate_id = $1
           UNION SELECT id FROM placements WHERE candidate_id = $1 UNION SELECT id FROM jobhunting_requests WHERE candidate_id = $1)`,
        [id],
      );
      await manager.query('DELETE FROM arrangements WHERE candidate_id = $1', [id]);
      await manager.query('DELETE FROM nominations WHERE candidate_id = $1', [id]);
      await manager.query('DELETE FROM jobhunting_requests WHERE candidate_id = $1', [id]);
      await manager.query(
        `UPDATE candidates SET programme_status = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, status],
      );
    });
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.FOLLOW_UP_RECONCILE_SECONDS = '2';
    t = await createTestApp();
    data = (await seedDemo(t.dataSource)).data;
    worker = await startWorker(t.dataSource);

    // a client in the doelgroepregister (so the no-risk policy applies) with an open vacancy to go for
    const coordinator = await login('coordinator@werkspoor.demo');
    const clients = data.candidates.filter(
      (c) =>
        c.targetGroupRegister &&
        c.availableForMatching &&
        ['active', 'jobhunting'].includes(c.programmeStatus),
    );
    let client: (typeof clients)[number] | undefined;
    for (const c of clients) {
      await resetPipeline(c.id, c.programmeStatus);
      const found = await get(coordinator, `/candidates/${c.id}/matches`);
      if (found.vacancies.length > 0) {
        client = c;
        vacancyEmployerId = found.vacancies[0].vacancy.employerId as string;
        break;
      }
    }
    if (!client)
      throw new Error('The demo data has no client in the doelgroepregister with a match');
    candidateId = client.id;
    const user = (id: string) => data.users.find((u) => u.id === id)!;
    klantmanager = await login(user(client.klantmanagerId).email);
    const other = data.users.find(
      (u) => u.role === Role.ClientManager && u.id !== client.klantmanagerId,
    )!;
    otherKlantmanager = await login(other.email);
    // the accountmanager who owns the employer of that vacancy
    const owner = data.employers.find((e) => e.id === vacancyEmployerId)!.accountManagerId;
    accountmanagerId = owner;
    accountmanagerEmail = user(owner).email;
    accountmanager = await login(accountmanagerEmail);
    employer = await login('werkgever@werkspoor.demo');
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
    process.env = previous;
  });

  it('runs from a jobhunting request to a hire with its checks planned', async () => {
    // 1. the klantmanager asks for jobhunting for this one client
    let hunt = await post(klantmanager, '/jobhunting-requests', {
      candidateId,
      motivation:
        'Twintig jaar drukker, precies en betrouwbaar; zoekt werk in de logistiek, liefst overdag.',
      preferences: { sectors: ['H'] },
      preferredAccountManagerId: accountmanagerId,
    });
    hunt = await post(
      accountmanager,
      `/jobhunting-requests/${hunt.id}/transitions`,
      { to: 'accepted', version: hunt.version },
      200,
    );
    await get(otherKlantmanager, `/jobhunting-requests/${hunt.id}`, 403);

    // 2. the accountmanager finds a vacancy through matching
    const matches = await get(accountmanager, `/candidates/${candidateId}/matches`);
    expect(matches.vacancies.length).toBeGreaterThan(0);
    const match = matches.vacancies.find(
      (v: { vacancy: { employerId: string } }) => v.vacancy.employerId === vacancyEmployerId,
    );
    const vacancy = match.vacancy as { id: string; title: string };
    expect(match.explanation.summary).toMatch(/match/);
    await post(accountmanager, `/jobhunting-requests/${hunt.id}/activities`, {
      kind: 'vacancy-considered',
      vacancyId: vacancy.id,
      text: `Past goed: ${vacancy.title}`,
    });

    // 3. nominate; the employer does not answer within 5 working days
    let nomination = await post(accountmanager, '/nominations', {
      candidateId,
      vacancyId: vacancy.id,
      motivation: 'Sterke match op de gevraagde vaardigheden; kan direct beginnen.',
    });
    nomination = await post(
      accountmanager,
      `/nominations/${nomination.id}/transitions`,
      { to: 'proposed', version: nomination.version },
      200,
    );
    const [noAnswer] = (await followUpsOf(nomination.id)).filter(
      (f) => f.kind === 'nomination-no-answer',
    );
    expect(noAnswer.status).toBe('scheduled');
    expect(new Date(noAnswer.dueAt).getTime()).toBeGreaterThan(Date.now() + 4 * 24 * 3600e3);
    // five working days pass: the follow-up is made due now (the clock of the test, not the rule)
    await t.dataSource.query(
      `UPDATE follow_ups SET due_at = now(), version = version + 1 WHERE id = $1`,
      [noAnswer.id],
    );
    await sink.waitFor((messages) =>
      messages.some((m) => m.to.includes(accountmanagerEmail) && /voordracht/i.test(m.raw)),
    );
    const fired = (await followUpsOf(nomination.id)).find((f) => f.id === noAnswer.id)!;
    expect(fired.status).toBe('due');

    // 4. the employer answers late: interview, then a trial placement
    nomination = await post(
      accountmanager,
      `/nominations/${nomination.id}/transitions`,
      {
        to: 'interview-planned',
        version: nomination.version,
        interviewAt: `${isoDay(0)}T08:00:00+01:00`,
      },
      200,
    );
    const start = isoDay(0);
    nomination = await post(
      accountmanager,
      `/nominations/${nomination.id}/transitions`,
      {
        to: 'trial-placement',
        version: nomination.version,
        trialPlacement: {
          startDate: start,
          hoursPerWeek: 32,
          supervisorName: 'Petra de Vries',
          supervisorRole: 'teamleider magazijn',
          employerIntentToOffer: true,
          employerIntentDate: isoDay(0),
        },
      },
      200,
    );
    const trialKinds = (await followUpsOf(nomination.trialPlacementId)).map((f) => f.kind).sort();
    expect(trialKinds).toEqual(['trial-decision-due', 'trial-last-day', 'trial-midway-evaluation']);

    // 5. arrangements: a jobcoach and the no-risk policy (the client is in the doelgroepregister)
    const coach = await post(accountmanager, '/arrangements', {
      candidateId,
      kind: 'jobcoach',
      nominationId: nomination.id,
      startDate: start,
      endDate: isoDay(180),
      hoursPerWeek: 4,
      provider: 'Jobcoach Flevoland',
    });
    const noRisk = await post(accountmanager, '/arrangements', {
      candidateId,
      kind: 'no-risk-policy',
      nominationId: nomination.id,
      startDate: start,
    });
    expect([coach.status, noRisk.status]).toEqual(['active', 'active']);

    // 6. evaluation in week 4, then the hire
    await post(accountmanager, `/trial-placements/${nomination.trialPlacementId}/evaluations`, {
      outcome: 'on-track',
      notes: 'Werkt nauwkeurig, goed in het team.',
    });
    nomination = await post(
      accountmanager,
      `/nominations/${nomination.id}/transitions`,
      {
        to: 'hired',
        version: nomination.version,
        placement: {
          startDate: isoDay(61),
          hoursPerWeek: 32,
          contractType: 'fixed-term',
          endDate: isoDay(61 + 364),
        },
      },
      200,
    );
    const checks = (await followUpsOf(nomination.placementId)).map((f) => f.kind).sort();
    expect(checks).toEqual(['placement-check-1m', 'placement-check-3m', 'placement-check-6m']);
    hunt = await get(accountmanager, `/jobhunting-requests/${hunt.id}`);
    await post(
      accountmanager,
      `/jobhunting-requests/${hunt.id}/transitions`,
      { to: 'placed', version: hunt.version, note: 'Geplaatst via proefplaatsing.' },
      200,
    );

    // the klantmanager sees the outcome and was told; the employer and other caseloads see nothing
    const outcomes = await get(klantmanager, `/candidates/${candidateId}/outcomes`);
    expect(JSON.stringify(outcomes)).toContain(nomination.placementId);
    const candidate = await get(klantmanager, `/candidates/${candidateId}`);
    expect(candidate.programmeStatus).toBe('placed');
    await get(employer, `/nominations/${nomination.id}`, 403);
    await get(otherKlantmanager, `/nominations/${nomination.id}`, 403);

    // every step is in the audit log
    const actions: string[] = (
      await t.dataSource.query(
        `SELECT DISTINCT action FROM audit_log WHERE object_id = ANY($1::text[])`,
        [[hunt.id, nomination.id, coach.id, noRisk.id, candidateId]],
      )
    ).map((row: { action: string }) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'jobhunting-request.create',
        'jobhunting-request.transition',
        'jobhunting-request.activity',
        'nomination.create',
        'nomination.transition',
        'arrangement.create',
        'candidate.matches',
      ]),
    );
  });
});
