import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { addDays, addMonths, dutchDate, dutchMorning } from '../src/infra/time/calendar-dates';
import { createCandidate, CreatedCandidate } from './factories/candidate.factory';
import { ApiEmployer, createEmployer } from './factories/employer.factory';
import {
  advance,
  ApiNomination,
  createNomination,
  move,
  placementInput,
  trialPlacementInput,
} from './factories/nomination.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createVacancy } from './factories/vacancy.factory';
import { auditRowsOf, newRequestId } from './helpers/audit';
import { createTestApp, TestApp } from './helpers/test-app';

interface FollowUpRow {
  kind: string;
  status: string;
  ownerId: string;
  dueAt: Date;
}

describe('trial placements, placements and outcomes', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let am: TestUser;
  let amOther: TestUser;
  let km: TestUser;
  let kmOther: TestUser;
  let werkgever: TestUser;
  let employer: ApiEmployer;
  const today = dutchDate();

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
    am = await loginAs(t, Role.AccountManager, { sectors: [] });
    amOther = await loginAs(t, Role.AccountManager, { sectors: ['C'] });
    km = await loginAs(t, Role.ClientManager);
    kmOther = await loginAs(t, Role.ClientManager);
    employer = await createEmployer(t, coordinator, { accountManagerId: am.id, sector: 'H' });
    werkgever = await loginAs(t, Role.Employer, { employerId: employer.id });
  });
  afterAll(() => t.close());

  async function interviewed(
    klantmanager: TestUser = km,
  ): Promise<{ candidate: CreatedCandidate; nomination: ApiNomination }> {
    const candidate = await createCandidate(t, klantmanager);
    const vacancy = await createVacancy(t, am, { employerId: employer.id, status: 'open' });
    const draft = await createNomination(t, am, {
      candidateId: candidate.id,
      vacancyId: vacancy.id,
    });
    return {
      candidate,
      nomination: await advance(t, am, draft, ['proposed', 'interview-planned']),
    };
  }

  const followUpsOf = (subjectType: string, subjectId: string): Promise<FollowUpRow[]> =>
    t.dataSource.query(
      `SELECT kind, status, owner_id AS "ownerId", due_at AS "dueAt"
         FROM follow_ups WHERE subject_type = $1 AND subject_id = $2 ORDER BY due_at, kind`,
      [subjectType, subjectId],
    );

  const programmeStatusOf = async (id: string): Promise<string> => {
    const rows = await t.dataSource.query<{ programme_status: string }[]>(
      'SELECT programme_status FROM candidates WHERE id = $1',
      [id],
    );
    return rows[0].programme_status;
  };

  const getTrial = (id: string, as: TestUser = am) =>
    request(t.http).get(`/trial-placements/${id}`).set(as.auth);

  describe('trial placement', () => {
    it('starts with the nomination move: two months by default, follow-ups in week 4, a week before the end and on the last day', async () => {
      const { candidate, nomination } = await interviewed();
      const requestId = newRequestId();
      const moved = await move(t, am, nomination, 'trial-placement')
        .set('X-Request-Id', requestId)
        .expect(200);
      const trialId = moved.body.trialPlacementId as string;
      expect(trialId).toEqual(expect.any(String));
      const trial = (await getTrial(trialId).expect(200)).body;
      const endDate = addDays(addMonths(today, 2), -1);
      expect(trial).toMatchObject({
        nominationId: nomination.id,
        status: 'active',
        startDate: today,
        endDate,
        originalEndDate: endDate,
        latestEndDate: addDays(addMonths(today, 6), -1),
        midwayEvaluationDue: addDays(today, 28),
        decisionDue: addDays(endDate, -7),
        hoursPerWeek: 24,
        supervisorName: 'Jan Smit',
        supervisorRole: 'teamleider magazijn',
        employerIntentToOffer: true,
        employerIntentDate: addDays(today, -1),
        evaluations: [],
        extensions: [],
      });
      expect(await followUpsOf('trial-placement', trialId)).toEqual([
        {
          kind: 'trial-midway-evaluation',
          status: 'scheduled',
          ownerId: am.id,
          dueAt: dutchMorning(addDays(today, 28)),
        },
        {
          kind: 'trial-decision-due',
          status: 'scheduled',
          ownerId: am.id,
          dueAt: dutchMorning(addDays(endDate, -7)),
        },
        {
          kind: 'trial-last-day',
          status: 'scheduled',
          ownerId: am.id,
          dueAt: dutchMorning(endDate),
        },
      ]);
      expect(await programmeStatusOf(candidate.id)).toBe('trial-placement');
      const actions = (await auditRowsOf(t, requestId)).map((row) => row.action);
      expect(actions).toEqual([
        'trial-placement.create',
        'candidate.update',
        'nomination.transition',
      ]);
    });

    it('needs the trial details, the employer’s intent to offer 6 months, and at most 6 months (400)', async () => {
      const { nomination } = await interviewed();
      const none = await request(t.http)
        .post(`/nominations/${nomination.id}/transitions`)
        .set(am.auth)
        .send({ to: 'trial-placement', version: nomination.version })
        .expect(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'trialPlacement' })]);
      const noIntent = await move(t, am, nomination, 'trial-placement', {
        trialPlacement: trialPlacementInput({ employerIntentToOffer: false }),
      }).expect(400);
      expect(noIntent.body.errors).toEqual([
        {
          field: 'trialPlacement.employerIntentToOffer',
          problems: [
            expect.stringMatching(
              /must be true: a trial placement needs the employer’s statement of intent to offer a contract of at least 6 months/,
            ),
          ],
        },
      ]);
      const tooLong = await move(t, am, nomination, 'trial-placement', {
        trialPlacement: trialPlacementInput({ endDate: addMonths(today, 6) }),
      }).expect(400);
      expect(tooLong.body.errors).toEqual([
        {
          field: 'trialPlacement.endDate',
          problems: [
            `a trial placement lasts at most 6 months in total: from ${today} the last day can be ${addDays(addMonths(today, 6), -1)} at the latest`,
          ],
        },
      ]);
      await move(t, am, nomination, 'trial-placement', {
        trialPlacement: trialPlacementInput({ endDate: addDays(addMonths(today, 6), -1) }),
      }).expect(200);
    });

    it('extends up to 6 months in total and re-plans the decision and last-day follow-ups', async () => {
      const { nomination } = await interviewed();
      const moved = await advance(t, am, nomination, ['trial-placement']);
      const trialId = moved.trialPlacementId as string;
      const trial = (await getTrial(trialId).expect(200)).body;
      const tooFar = await request(t.http)
        .post(`/trial-placements/${trialId}/extensions`)
        .set(am.auth)
        .send({
          endDate: addMonths(today, 6),
          reason: 'Nog wat langer proberen.',
          version: trial.version,
        })
        .expect(400);
      expect(tooFar.body.errors[0]).toMatchObject({ field: 'endDate' });
      expect(tooFar.body.errors[0].problems[0]).toMatch(/at most 6 months in total/);
      const earlier = await request(t.http)
        .post(`/trial-placements/${trialId}/extensions`)
        .set(am.auth)
        .send({ endDate: addDays(trial.endDate, -1), reason: 'Korter.', version: trial.version })
        .expect(400);
      expect(earlier.body.errors[0].problems[0]).toMatch(/must be after the current last day/);

      const newEnd = addDays(addMonths(today, 4), -1);
      const extended = await request(t.http)
        .post(`/trial-placements/${trialId}/extensions`)
        .set(am.auth)
        .send({
          endDate: newEnd,
          reason: 'Heftruckvaardigheid nog een maand laten groeien.',
          version: trial.version,
        })
        .expect(200);
      expect(extended.body).toMatchObject({
        endDate: newEnd,
        originalEndDate: trial.endDate,
        decisionDue: addDays(newEnd, -7),
        extensions: [{ fromEndDate: trial.endDate, toEndDate: newEnd, byId: am.id }],
        version: trial.version + 1,
      });
      const rows = await followUpsOf('trial-placement', trialId);
      expect(rows.filter((r) => r.status === 'scheduled')).toEqual([
        expect.objectContaining({
          kind: 'trial-midway-evaluation',
          dueAt: dutchMorning(addDays(today, 28)),
        }),
        expect.objectContaining({
          kind: 'trial-decision-due',
          dueAt: dutchMorning(addDays(newEnd, -7)),
        }),
        expect.objectContaining({ kind: 'trial-last-day', dueAt: dutchMorning(newEnd) }),
      ]);
      expect(
        rows
          .filter((r) => r.status === 'cancelled')
          .map((r) => r.kind)
          .sort(),
      ).toEqual(['trial-decision-due', 'trial-last-day']);
      // the version read before the extension is stale now
      await request(t.http)
        .post(`/trial-placements/${trialId}/extensions`)
        .set(am.auth)
        .send({ endDate: addDays(newEnd, 7), reason: 'Nog een week.', version: trial.version })
        .expect(409);
    });

    it('records the week-4 evaluation, which a hire after the trial needs', async () => {
      const { candidate, nomination } = await interviewed();
      const inTrial = await advance(t, am, nomination, ['trial-placement']);
      const trialId = inTrial.trialPlacementId as string;
      const early = await move(t, am, inTrial, 'hired').expect(422);
      expect(early.body.message).toMatch(
        new RegExp(
          `has no evaluation yet: record the mid-way evaluation \\(due ${addDays(today, 28)}\\) with POST /trial-placements/${trialId}/evaluations`,
        ),
      );
      const evaluation = await request(t.http)
        .post(`/trial-placements/${trialId}/evaluations`)
        .set(am.auth)
        .send({ outcome: 'concerns', notes: 'Tempo nog laag; begeleider wil nog twee weken.' })
        .expect(201);
      expect(evaluation.body).toMatchObject({
        outcome: 'concerns',
        evaluatedOn: today,
        createdById: am.id,
      });
      const rows = await followUpsOf('trial-placement', trialId);
      expect(rows.find((r) => r.kind === 'trial-midway-evaluation')?.status).toBe('cancelled');
      // concerns reach the klantmanager at once
      expect(rows.find((r) => r.kind === 'notification')).toMatchObject({ ownerId: km.id });
      await request(t.http)
        .post(`/trial-placements/${trialId}/evaluations`)
        .set(am.auth)
        .send({ outcome: 'excellent', notes: 'x' })
        .expect(400);
      await request(t.http)
        .post(`/trial-placements/${trialId}/evaluations`)
        .set(km.auth)
        .send({ outcome: 'on-track', notes: 'Gaat goed.' })
        .expect(403);

      const hired = await move(t, am, inTrial, 'hired', {
        placement: placementInput({ contractType: 'fixed-term', endDate: addMonths(today, 12) }),
      }).expect(200);
      const trial = (await getTrial(trialId).expect(200)).body;
      expect(trial).toMatchObject({
        status: 'hired',
        endedOn: today,
        placementId: hired.body.placementId,
      });
      const after = await followUpsOf('trial-placement', trialId);
      expect(after.filter((r) => r.kind.startsWith('trial-')).map((r) => r.status)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      // the klantmanager's message about the concerns stays until they handle it
      expect(after.find((r) => r.kind === 'notification')?.status).toBe('scheduled');
      const placement = await request(t.http)
        .get(`/placements/${hired.body.placementId}`)
        .set(am.auth)
        .expect(200);
      expect(placement.body).toMatchObject({
        trialPlacementId: trialId,
        contractType: 'fixed-term',
      });
      expect(await programmeStatusOf(candidate.id)).toBe('placed');
    });

    it('restores the programme status when the trial ends without a hire, and refuses changes afterwards', async () => {
      const { candidate, nomination } = await interviewed();
      const inTrial = await advance(t, am, nomination, ['trial-placement']);
      expect(await programmeStatusOf(candidate.id)).toBe('trial-placement');
      const ended = await move(t, am, inTrial, 'not-hired', {
        reason: 'trial-not-successful',
        reasonText: 'Werk bleek te snel; werkgever stopt na drie weken.',
      }).expect(200);
      expect(ended.body.endReasonLabel).toBe('Proefplaatsing niet geslaagd');
      expect(await programmeStatusOf(candidate.id)).toBe('active');
      const trialId = inTrial.trialPlacementId as string;
      const trial = (await getTrial(trialId).expect(200)).body;
      expect(trial).toMatchObject({ status: 'not-hired', endedOn: today });
      expect((await followUpsOf('trial-placement', trialId)).map((r) => r.status)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      const late = await request(t.http)
        .post(`/trial-placements/${trialId}/evaluations`)
        .set(am.auth)
        .send({ outcome: 'on-track', notes: 'Te laat.' })
        .expect(409);
      expect(late.body.message).toMatch(/has ended \(not-hired\)/);
    });

    it('is read by staff in the nomination’s scope only', async () => {
      const { nomination } = await interviewed();
      const trialId = (await advance(t, am, nomination, ['trial-placement']))
        .trialPlacementId as string;
      await getTrial(trialId, km).expect(200);
      await getTrial(trialId, coordinator).expect(200);
      await getTrial(trialId, kmOther).expect(403);
      await getTrial(trialId, amOther).expect(403);
      await getTrial(trialId, werkgever).expect(403);
    });
  });

  describe('hire', () => {
    it('needs hours, contract type, start and (fixed-term) end date; creates a placement with 1, 3 and 6-month checks', async () => {
      const { candidate, nomination } = await interviewed();
      const none = await request(t.http)
        .post(`/nominations/${nomination.id}/transitions`)
        .set(am.auth)
        .send({ to: 'hired', version: nomination.version, placement: { startDate: today } })
        .expect(400);
      expect(none.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'placement.contractType',
        'placement.hoursPerWeek',
      ]);
      const noEnd = await move(t, am, nomination, 'hired', {
        placement: placementInput({ contractType: 'fixed-term' }),
      }).expect(400);
      expect(noEnd.body.errors).toEqual([
        {
          field: 'placement.endDate',
          problems: ['placement.endDate is required for a fixed-term contract'],
        },
      ]);
      const requestId = newRequestId();
      const hired = await move(t, am, nomination, 'hired', {
        placement: placementInput({ hoursPerWeek: 20, contractType: 'permanent' }),
      })
        .set('X-Request-Id', requestId)
        .expect(200);
      const placementId = hired.body.placementId as string;
      const placement = await request(t.http)
        .get(`/placements/${placementId}`)
        .set(km.auth)
        .expect(200);
      expect(placement.body).toMatchObject({
        nominationId: nomination.id,
        candidateId: candidate.id,
        employerId: employer.id,
        employerName: employer.name,
        startDate: today,
        endDate: null,
        hoursPerWeek: 20,
        contractType: 'permanent',
        trialPlacementId: null,
        endedOn: null,
      });
      expect(await followUpsOf('placement', placementId)).toEqual(
        [1, 3, 6].map((months) => ({
          kind: `placement-check-${months}m`,
          status: 'scheduled',
          ownerId: am.id,
          dueAt: dutchMorning(addMonths(today, months)),
        })),
      );
      expect(await programmeStatusOf(candidate.id)).toBe('placed');
      const actions = (await auditRowsOf(t, requestId)).map((row) => row.action);
      expect(actions).toEqual(['placement.create', 'candidate.update', 'nomination.transition']);
      const outbox: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE topic = 'candidate' AND aggregate_id = $1`,
        [candidate.id],
      );
      expect(outbox[0].n).toBeGreaterThanOrEqual(2); // created, then placed
    });

    it('ends a placement with a reason, cancels the remaining checks and tells the klantmanager', async () => {
      const { nomination } = await interviewed();
      const hired = await advance(t, am, nomination, ['hired']);
      const placementId = hired.placementId as string;
      const read = (
        await request(t.http).get(`/placements/${placementId}`).set(am.auth).expect(200)
      ).body;
      await request(t.http)
        .post(`/placements/${placementId}/end`)
        .set(am.auth)
        .send({
          endedOn: addDays(today, -1),
          reason: 'employer-ended',
          reasonText: 'Te vroeg.',
          version: read.version,
        })
        .expect(400);
      const ended = await request(t.http)
        .post(`/placements/${placementId}/end`)
        .set(am.auth)
        .send({
          endedOn: addDays(today, 14),
          reason: 'candidate-resigned',
          reasonText: 'Reistijd bleek te lang.',
          version: read.version,
        })
        .expect(200);
      expect(ended.body).toMatchObject({
        endedOn: addDays(today, 14),
        endReason: 'candidate-resigned',
        endReasonLabel: 'Kandidaat nam ontslag',
      });
      const rows = await followUpsOf('placement', placementId);
      expect(rows.filter((r) => r.kind.startsWith('placement-check')).map((r) => r.status)).toEqual(
        ['cancelled', 'cancelled', 'cancelled'],
      );
      expect(rows.find((r) => r.kind === 'notification')).toMatchObject({ ownerId: km.id });
      await request(t.http)
        .post(`/placements/${placementId}/end`)
        .set(am.auth)
        .send({
          endedOn: today,
          reason: 'other',
          reasonText: 'Nog eens.',
          version: ended.body.version,
        })
        .expect(409);
      await request(t.http)
        .post(`/placements/${placementId}/end`)
        .set(km.auth)
        .send({
          endedOn: today,
          reason: 'other',
          reasonText: 'Nog eens.',
          version: ended.body.version,
        })
        .expect(403);
    });
  });

  describe('outcomes per client', () => {
    it('shows 1 hour a week, 48 hours a month and durable work, each with its evidence', async () => {
      const { candidate, nomination } = await interviewed();
      const start = addDays(today, -200);
      const hired = await move(t, am, nomination, 'hired', {
        placement: placementInput({ startDate: start, hoursPerWeek: 16 }),
      }).expect(200);
      const response = await request(t.http)
        .get(`/candidates/${candidate.id}/outcomes`)
        .set(km.auth)
        .expect(200);
      const evidence = {
        placementId: hired.body.placementId,
        employerId: employer.id,
        employerName: employer.name,
        startDate: start,
        countedUntil: today,
        running: true,
        hoursPerWeek: 16,
        hoursPerMonth: 69.3,
        weeks: 28,
      };
      expect(response.body).toMatchObject({
        candidateId: candidate.id,
        asOf: today,
        measures: [
          {
            key: 'workOneHourPerWeek',
            label: 'Werk van minstens 1 uur per week',
            achieved: true,
            current: true,
            since: start,
            evidence: [{ ...evidence, metSince: start }],
          },
          {
            key: 'work48HoursPerMonth',
            label: 'Werk van minstens 48 uur per maand',
            achieved: true,
            since: start,
            evidence: [{ ...evidence, metSince: start }],
          },
          {
            key: 'durableWork',
            label: 'Duurzaam werk: 26 weken of langer',
            achieved: true,
            since: addDays(start, 181),
            evidence: [{ ...evidence, metSince: addDays(start, 181) }],
          },
        ],
        placements: [{ id: hired.body.placementId, startDate: start }],
      });
      // a placement started in the past creates only the checks still to come
      expect((await followUpsOf('placement', hired.body.placementId)).map((r) => r.kind)).toEqual(
        [],
      );
    });

    it('counts 11 hours a week as work but not as 48 hours a month, and a short job as not durable', async () => {
      const { candidate, nomination } = await interviewed();
      await move(t, am, nomination, 'hired', {
        placement: placementInput({ startDate: addDays(today, -30), hoursPerWeek: 11 }),
      }).expect(200);
      const measures = (
        await request(t.http)
          .get(`/candidates/${candidate.id}/outcomes`)
          .set(coordinator.auth)
          .expect(200)
      ).body.measures as { key: string; achieved: boolean }[];
      expect(measures.map((m) => [m.key, m.achieved])).toEqual([
        ['workOneHourPerWeek', true],
        ['work48HoursPerMonth', false],
        ['durableWork', false],
      ]);
    });

    it('has no outcomes without placements, and lets only the right people see them', async () => {
      const { candidate } = await interviewed();
      const none = await request(t.http)
        .get(`/candidates/${candidate.id}/outcomes`)
        .set(am.auth)
        .expect(200);
      expect(none.body.measures.map((m: { achieved: boolean }) => m.achieved)).toEqual([
        false,
        false,
        false,
      ]);
      await request(t.http)
        .get(`/candidates/${candidate.id}/outcomes`)
        .set(kmOther.auth)
        .expect(403);
      await request(t.http)
        .get(`/candidates/${candidate.id}/outcomes`)
        .set(werkgever.auth)
        .expect(403);
    });

    it('stays visible to the nominating accountmanager after the client is placed', async () => {
      const { candidate, nomination } = await interviewed();
      await advance(t, am, nomination, ['hired']);
      await request(t.http).get(`/candidates/${candidate.id}/outcomes`).set(am.auth).expect(200);
      await request(t.http)
        .get(`/candidates/${candidate.id}/outcomes`)
        .set(amOther.auth)
        .expect(403);
    });
  });
});
