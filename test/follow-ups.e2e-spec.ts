import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { QueueName } from '../src/infra/queue/jobs';
import { QueueService } from '../src/infra/queue/queue.service';
import { FollowUpFiring } from '../src/modules/follow-ups/follow-up-firing.service';
import { fireJobId } from '../src/modules/follow-ups/follow-up-jobs';
import { FollowUpScheduler } from '../src/modules/follow-ups/follow-up-scheduler.service';
import { FollowUpEntity } from '../src/modules/follow-ups/follow-up.entity';
import { FollowUpsService, ScheduleFollowUp } from '../src/modules/follow-ups/follow-ups.service';
import { loginAs, TestUser } from './factories/user.factory';
import { startSmtpSink, SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestApp } from './helpers/test-app';
import { startWorker, TestWorker } from './helpers/worker';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inMs = (ms: number) => new Date(Date.now() + ms);

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}

interface EmailRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  smtp_response: string | null;
  message_id: string;
  follow_up_version: number;
}

describe('follow-ups', () => {
  let t: TestApp;
  let worker: TestWorker;
  let sink: SmtpSink;
  let service: FollowUpsService;
  let owner: TestUser;
  let colleague: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.FOLLOW_UP_RECONCILE_SECONDS = '2';
    process.env.MAIL_MAX_ATTEMPTS = '3';
    t = await createTestApp();
    worker = await startWorker(t.dataSource);
    service = t.app.get(FollowUpsService);
    owner = await loginAs(t, Role.AccountManager);
    colleague = await loginAs(t, Role.AccountManager);
    coordinator = await loginAs(t, Role.Coordinator);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  const spec = (overrides: Partial<ScheduleFollowUp> = {}): ScheduleFollowUp => ({
    kind: 'nomination-no-answer',
    subjectType: 'nomination',
    subjectId: randomUUID(),
    ownerId: owner.id,
    dueAt: inMs(300),
    title: 'Werkgever bellen over voordracht',
    details: 'Nog geen antwoord na 5 werkdagen.',
    ...overrides,
  });

  const schedule = (overrides: Partial<ScheduleFollowUp> = {}) =>
    t.dataSource.transaction((manager) => service.schedule(manager, spec(overrides)));

  const row = async (id: string) =>
    t.dataSource.getRepository(FollowUpEntity).findOneByOrFail({ id });

  const emailsOf = (id: string) =>
    t.dataSource.query<EmailRow[]>(
      `SELECT id, status, attempts, last_error, smtp_response, message_id, follow_up_version
       FROM outgoing_emails WHERE follow_up_id = $1 ORDER BY created_at`,
      [id],
    );

  const sentEmails = (id: string, count: number, timeoutMs?: number) =>
    until(
      () => emailsOf(id),
      (rows) => rows.length >= count && rows.every((e) => e.status !== 'queued'),
      timeoutMs,
    );

  it('fires a due follow-up once, and its e-mail reaches the SMTP server', async () => {
    const followUp = await schedule();
    expect(followUp.status).toBe('scheduled');
    const [email] = await sentEmails(followUp.id, 1);
    expect(email).toMatchObject({ status: 'sent', attempts: 1 });
    expect(email.smtp_response).toMatch(/^250 .*Ok: queued as sink-/);

    const fired = await row(followUp.id);
    expect(fired.status).toBe('due');
    expect(fired.firedAt).toBeInstanceOf(Date);
    expect(fired.firedAt!.getTime()).toBeGreaterThanOrEqual(followUp.dueAt.getTime() - 1000);

    const received = sink.messages.filter((m) => m.messageId === email.message_id);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual([owner.email.toLowerCase()]);
    expect(received[0].subject).toBe('Opvolging: Werkgever bellen over voordracht');

    // the handler running again (a retried or duplicated job) fires and mails nothing
    const firing = worker.app.get(FollowUpFiring);
    await expect(firing.fire(followUp.id)).resolves.toBe('closed');
    await firing.fireJob({ followUpId: followUp.id, version: followUp.version });
    await sleep(300);
    expect(await emailsOf(followUp.id)).toHaveLength(1);
    expect(sink.messages.filter((m) => m.messageId === email.message_id)).toHaveLength(1);
  });

  it('notify() puts a message in the task list at once and e-mails it', async () => {
    const note = await t.dataSource.transaction((manager) =>
      service.notify(manager, {
        subjectType: 'candidate',
        subjectId: randomUUID(),
        ownerId: owner.id,
        title: 'Voordracht afgewezen: uren passen niet',
      }),
    );
    expect(note.kind).toBe('notification');
    const [email] = await sentEmails(note.id, 1);
    expect(email.status).toBe('sent');
    expect((await row(note.id)).status).toBe('due');
    const list = await request(t.http)
      .get('/follow-ups?status=due&pageSize=100')
      .set(owner.auth)
      .expect(200);
    expect((list.body as { items: { id: string }[] }).items.map((i) => i.id)).toContain(note.id);
  });

  it('leaves nothing when the scheduling transaction rolls back', async () => {
    const subjectId = randomUUID();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await service.schedule(manager, spec({ subjectId, dueAt: inMs(0) }));
        throw new Error('the caller fails after scheduling');
      }),
    ).rejects.toThrow('the caller fails');
    await sleep(1500);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM follow_ups WHERE subject_id = $1`,
      [subjectId],
    );
    expect(n).toBe(0);
  });

  it('refuses a bad spec from a calling module', async () => {
    await expect(schedule({ title: '  ' })).rejects.toThrow(/title must be/);
    await expect(
      schedule({ kind: 'nonsense' as ScheduleFollowUp['kind'], dueAt: new Date('x') }),
    ).rejects.toThrow(/unknown kind nonsense; .*dueAt must be a valid Date/);
  });

  it('cancelOpen cancels the open follow-ups of a subject (of the given kinds), which never fire', async () => {
    const subjectId = randomUUID();
    // due far enough ahead that a slow machine cancels and syncs before the jobs' time
    const dueAt = inMs(4000);
    const noAnswer = await schedule({ subjectId, dueAt });
    const midway = await schedule({ subjectId, kind: 'trial-midway-evaluation', dueAt });
    const other = await schedule({ dueAt: inMs(60_000) });
    const cancelled = await t.dataSource.transaction((manager) =>
      service.cancelOpen(
        manager,
        'nomination',
        subjectId,
        ['nomination-no-answer'],
        'Werkgever heeft geantwoord',
      ),
    );
    expect(cancelled).toBe(1);
    expect(await row(noAnswer.id)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Werkgever heeft geantwoord',
    });
    expect((await row(midway.id)).status).toBe('scheduled');
    const all = await t.dataSource.transaction((manager) =>
      service.cancelOpen(manager, 'nomination', subjectId),
    );
    expect(all).toBe(1);
    expect((await row(other.id)).status).toBe('scheduled');
    // the scheduler removes the delayed jobs of cancelled follow-ups (woken by the commit; synced
    // here at once so the check does not wait on its turn), before their time
    await worker.app.get(FollowUpScheduler).drain();
    const queue = worker.app.get(QueueService).queue(QueueName.FollowUps);
    expect(Date.now()).toBeLessThan(dueAt.getTime());
    expect(await queue.getJob(fireJobId(noAnswer.id, 1))).toBeUndefined();
    expect(await queue.getJob(fireJobId(midway.id, 1))).toBeUndefined();
    // and once their time has passed, nothing fired and nothing was mailed
    await sleep(dueAt.getTime() - Date.now() + 1500);
    expect(await emailsOf(noAnswer.id)).toHaveLength(0);
    expect(await emailsOf(midway.id)).toHaveLength(0);
    expect((await row(noAnswer.id)).firedAt).toBeNull();
    expect((await row(midway.id)).firedAt).toBeNull();
  });

  describe('handled by people', () => {
    it('the owner snoozes a due follow-up: it fires and mails again when the snooze ends', async () => {
      const followUp = await schedule({ dueAt: inMs(0) });
      await sentEmails(followUp.id, 1);
      const until = inMs(1500);
      const snoozed = await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(owner.auth)
        .send({ until: until.toISOString() })
        .expect(200);
      expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozedUntil: until.toISOString() });
      const emails = await sentEmails(followUp.id, 2);
      expect(emails.map((e) => e.status)).toEqual(['sent', 'sent']);
      expect(new Set(emails.map((e) => e.follow_up_version)).size).toBe(2);
      const again = await row(followUp.id);
      expect(again.status).toBe('due');
      expect(again.firedAt!.getTime()).toBeGreaterThanOrEqual(until.getTime() - 1000);
      await sleep(500);
      expect(await emailsOf(followUp.id)).toHaveLength(2);
    });

    it('snoozing a scheduled follow-up moves its firing (one e-mail, at the new time)', async () => {
      // times far enough apart that a slow machine snoozes before the first and looks between
      const dueAt = inMs(2500);
      const until = inMs(6000);
      const followUp = await schedule({ dueAt });
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(owner.auth)
        .send({ until: until.toISOString() })
        .expect(200);
      expect(Date.now()).toBeLessThan(dueAt.getTime());
      await sleep(dueAt.getTime() - Date.now() + 1000);
      expect(await emailsOf(followUp.id)).toHaveLength(0);
      const [email] = await sentEmails(followUp.id, 1);
      expect(email.status).toBe('sent');
      expect((await row(followUp.id)).firedAt!.getTime()).toBeGreaterThanOrEqual(
        until.getTime() - 1000,
      );
    });

    it('the owner completes; a second complete is a 409 with a clear message', async () => {
      const followUp = await schedule({ dueAt: inMs(60_000) });
      const done = await request(t.http)
        .post(`/follow-ups/${followUp.id}/complete`)
        .set(owner.auth)
        .expect(200);
      expect(done.body).toMatchObject({ status: 'done', completedBy: owner.id });
      const again = await request(t.http)
        .post(`/follow-ups/${followUp.id}/complete`)
        .set(owner.auth)
        .expect(409);
      expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect((again.body as { message: string }).message).toMatch(/already done/);
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(owner.auth)
        .send({ until: inMs(3600_000).toISOString() })
        .expect(409);
    });

    it('cancel needs a reason; a coordinator may cancel; then it is final', async () => {
      const followUp = await schedule({ dueAt: inMs(60_000) });
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/cancel`)
        .set(owner.auth)
        .send({})
        .expect(400);
      const cancelled = await request(t.http)
        .post(`/follow-ups/${followUp.id}/cancel`)
        .set(coordinator.auth)
        .send({ reason: 'Vacature vervallen' })
        .expect(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        cancelledReason: 'Vacature vervallen',
      });
      const again = await request(t.http)
        .post(`/follow-ups/${followUp.id}/cancel`)
        .set(owner.auth)
        .send({ reason: 'nogmaals' })
        .expect(409);
      expect((again.body as { message: string }).message).toMatch(/cancelled/);
    });

    it('others may not see or handle it (403, audited); the snooze time is checked', async () => {
      const followUp = await schedule({ dueAt: inMs(60_000) });
      await request(t.http).get(`/follow-ups/${followUp.id}`).set(colleague.auth).expect(403);
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/complete`)
        .set(colleague.auth)
        .expect(403);
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(colleague.auth)
        .send({ until: inMs(3600_000).toISOString() })
        .expect(403);
      const employer = await loginAs(t, Role.Employer);
      await request(t.http).get('/follow-ups').set(employer.auth).expect(403);
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(owner.auth)
        .send({ until: inMs(-60_000).toISOString() })
        .expect(400);
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(owner.auth)
        .send({ until: inMs(91 * 24 * 3600_000).toISOString() })
        .expect(400);
      const denials = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND result = 'denied'`,
        [colleague.id],
      );
      expect(denials[0].n).toBeGreaterThanOrEqual(3);
      await request(t.http).get(`/follow-ups/${followUp.id}`).set(coordinator.auth).expect(200);
    });

    it('audits every change', async () => {
      const followUp = await schedule({ dueAt: inMs(60_000) });
      await request(t.http)
        .post(`/follow-ups/${followUp.id}/snooze`)
        .set(owner.auth)
        .send({ until: inMs(7200_000).toISOString() })
        .expect(200);
      await request(t.http).post(`/follow-ups/${followUp.id}/complete`).set(owner.auth).expect(200);
      const actions = await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE object_type = 'follow-up' AND object_id = $1 ORDER BY id`,
        [followUp.id],
      );
      expect(actions.map((a) => a.action)).toEqual(['follow-up.snooze', 'follow-up.complete']);
    });

    it('lists one’s own open follow-ups; a coordinator sees everyone’s', async () => {
      const subjectId = randomUUID();
      const mine = await schedule({ subjectId, dueAt: inMs(3600_000) });
      const theirs = await schedule({ subjectId, ownerId: colleague.id, dueAt: inMs(3600_000) });
      const ids = async (user: TestUser, query: string) =>
        (
          (
            await request(t.http)
              .get(`/follow-ups?subjectType=nomination&subjectId=${subjectId}${query}`)
              .set(user.auth)
              .expect(200)
          ).body as { items: { id: string }[] }
        ).items.map((i) => i.id);
      expect(await ids(owner, '')).toEqual([mine.id]);
      expect(await ids(owner, '&mine=false')).toEqual([mine.id]);
      expect((await ids(coordinator, '')).sort()).toEqual([mine.id, theirs.id].sort());
      expect(await ids(coordinator, '&mine=true')).toEqual([]);
      expect(await ids(owner, '&status=done')).toEqual([]);
      await request(t.http).get('/follow-ups?status=nonsense').set(owner.auth).expect(400);
    });

    it('creates a manual follow-up for a colleague (staff only, owner must be staff)', async () => {
      const created = await request(t.http)
        .post('/follow-ups')
        .set(owner.auth)
        .send({
          subjectType: 'employer',
          subjectId: randomUUID(),
          ownerId: colleague.id,
          dueAt: inMs(3600_000).toISOString(),
          title: 'Terugbellen over open sollicitatie',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        kind: 'manual',
        status: 'scheduled',
        ownerId: colleague.id,
      });
      const employer = await loginAs(t, Role.Employer);
      await request(t.http)
        .post('/follow-ups')
        .set(owner.auth)
        .send({
          subjectType: 'employer',
          subjectId: randomUUID(),
          ownerId: employer.id,
          dueAt: inMs(3600_000).toISOString(),
          title: 'x',
        })
        .expect(400);
      await request(t.http)
        .post('/follow-ups')
        .set(owner.auth)
        .send({ subjectType: 'employer', subjectId: randomUUID(), dueAt: 'morgen', title: 'x' })
        .expect(400);
    });
  });

  describe('e-mail delivery', () => {
    it('records a refusal, retries, and marks it sent when the server accepts', async () => {
      const flaky = await loginAs(t, Role.ClientManager, {
        email: `flaky-${randomUUID().slice(0, 8)}@test.werkspoor`,
      });
      const followUp = await schedule({ ownerId: flaky.id, dueAt: inMs(0) });
      const [email] = await sentEmails(followUp.id, 1);
      expect(email).toMatchObject({ status: 'sent', attempts: 2 });
      expect(email.last_error).toMatch(/451/);
      expect(sink.to(flaky.email)).toHaveLength(1);
    });

    it('after the last attempt the e-mail is failed, and visible', async () => {
      const rejected = await loginAs(t, Role.ClientManager, {
        email: `rejected-${randomUUID().slice(0, 8)}@test.werkspoor`,
      });
      const followUp = await schedule({ ownerId: rejected.id, dueAt: inMs(0) });
      const [email] = await sentEmails(followUp.id, 1, 20_000);
      expect(email).toMatchObject({ status: 'failed', attempts: 3 });
      expect(email.last_error).toMatch(/550/);
      const shown = await request(t.http)
        .get(`/follow-ups/${followUp.id}/emails`)
        .set(rejected.auth)
        .expect(200);
      expect(shown.body).toEqual([
        expect.objectContaining({ id: email.id, status: 'failed', attempts: 3, sentAt: null }),
      ]);
      // the follow-up itself is in the task list all the same
      expect((await row(followUp.id)).status).toBe('due');
    });
  });

  it('the reconciler restores a lost delayed job and fires an overdue follow-up whose job vanished', async () => {
    const scheduler = worker.app.get(FollowUpScheduler);
    const queue = worker.app.get(QueueService).queue(QueueName.FollowUps);
    const later = await schedule({ dueAt: inMs(60_000) });
    await until(
      () => row(later.id),
      (r) => r.queuedVersion === r.version,
    );
    await queue.remove(fireJobId(later.id, 1));
    const report = await scheduler.reconcile();
    expect(report.restoredJobs).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(fireJobId(later.id, 1))).toBeDefined();

    // overdue, marked as queued, but Redis has no job (as after a flush): fired all the same
    const [lost] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO follow_ups (kind, subject_type, subject_id, owner_id, due_at, title, version, queued_version)
       VALUES ('manual', 'employer', $1, $2, now() - interval '30 seconds', 'Verloren opvolging', 1, 1)
       RETURNING id`,
      [randomUUID(), owner.id],
    );
    const [email] = await sentEmails(lost.id, 1);
    expect(email.status).toBe('sent');
  });
});
