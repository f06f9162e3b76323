import { createHash } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { addWorkingDays } from '../src/infra/time/working-days';
import { createCandidate, CreatedCandidate } from './factories/candidate.factory';
import { ApiEmployer, createEmployer } from './factories/employer.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { ApiVacancy, createVacancy } from './factories/vacancy.factory';
import { auditRowsOf, newRequestId } from './helpers/audit';
import { pdfText } from './helpers/pdf-text';
import { createTestApp, TestApp } from './helpers/test-app';

interface Sent {
  shortlist: { id: string; version: number; entries: { id: string; label: string }[] };
  link: { url: string; token: string; expiresOn: string };
}

interface FollowUpRow {
  kind: string;
  status: string;
  owner_id: string;
  due_at: Date;
  title: string;
  details: string | null;
  subject_type: string;
  subject_id: string;
}

/** A moment next week, 10:00 Dutch time, as a datetime-local field sends it. */
function nextWeek(): string {
  const day = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return `${day}T10:00`;
}

describe('shortlists for employers', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let am: TestUser;
  let amOther: TestUser;
  let km: TestUser;
  let kmOther: TestUser;
  let employer: ApiEmployer;
  let otherEmployer: ApiEmployer;
  let werkgever: TestUser;
  let werkgeverOther: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loginAs(t, Role.Coordinator);
    am = await loginAs(t, Role.AccountManager, { sectors: [] });
    amOther = await loginAs(t, Role.AccountManager, { sectors: ['C'] });
    km = await loginAs(t, Role.ClientManager);
    kmOther = await loginAs(t, Role.ClientManager);
    employer = await createEmployer(t, coordinator, { accountManagerId: am.id, sector: 'H' });
    otherEmployer = await createEmployer(t, coordinator, { accountManagerId: am.id, sector: 'H' });
    werkgever = await loginAs(t, Role.Employer, { employerId: employer.id });
    werkgeverOther = await loginAs(t, Role.Employer, { employerId: otherEmployer.id });
  });
  afterAll(() => t.close());

  async function vacancyOf(owner: ApiEmployer = employer): Promise<ApiVacancy> {
    return createVacancy(t, am, { employerId: owner.id, status: 'open' });
  }

  async function draft(
    candidates: CreatedCandidate[],
    vacancy: ApiVacancy,
    extra: Record<string, unknown> = {},
  ) {
    const response = await request(t.http)
      .post('/shortlists')
      .set(am.auth)
      .send({ vacancyId: vacancy.id, candidateIds: candidates.map((c) => c.id), ...extra });
    expect(response.status).toBe(201);
    return response.body as {
      id: string;
      version: number;
      status: string;
      entries: { id: string; label: string; pitch: string; pitchFindings: unknown[] }[];
    };
  }

  async function sent(
    count = 2,
    owner: ApiEmployer = employer,
  ): Promise<Sent & { candidates: CreatedCandidate[] }> {
    const candidates: CreatedCandidate[] = [];
    for (let i = 0; i < count; i++) candidates.push(await createCandidate(t, km));
    const list = await draft(candidates, await vacancyOf(owner));
    const response = await request(t.http)
      .post(`/shortlists/${list.id}/send`)
      .set(am.auth)
      .send({ version: list.version });
    expect(response.status).toBe(200);
    return { ...(response.body as Sent), candidates };
  }

  /** The follow-ups about the shortlist and about each candidate on it. */
  const followUps = (shortlistId: string): Promise<FollowUpRow[]> =>
    t.dataSource.query(
      `SELECT kind, status, owner_id, due_at, title, details, subject_type, subject_id FROM follow_ups
       WHERE subject_id = $1 OR subject_id IN (SELECT id FROM shortlist_entries WHERE shortlist_id = $1)
       ORDER BY created_at`,
      [shortlistId],
    );

  /** Everything that identifies a candidate, or gives their age, benefit or health away. */
  function identifying(candidate: CreatedCandidate): string[] {
    const c = candidate as unknown as Record<string, unknown>;
    return [
      String(c.firstName),
      String(c.lastName),
      String(c.clientNumber),
      String(c.email),
      String(c.birthYear),
      '1986', // diploma year
      'offsetdrukker bij een grafisch bedrijf', // own job title, free text
      'repareert al 20 jaar', // free-text evidence
      '22 jaar',
      'Kan maximaal 30 minuten', // work-capacity notes
      'bijstand',
      'uitkering',
      'doelgroepregister',
    ];
  }

  function expectNothingIdentifying(text: string, candidates: CreatedCandidate[]): void {
    for (const candidate of candidates) {
      for (const value of identifying(candidate)) expect(text).not.toContain(value);
    }
  }

  describe('composing', () => {
    it('starts from match results with a Dutch pitch per candidate, labelled A, B in order', async () => {
      const a = await createCandidate(t, km);
      const b = await createCandidate(t, km);
      const list = await draft([a, b], await vacancyOf());
      expect(list.status).toBe('draft');
      expect(list.entries.map((e) => e.label)).toEqual(['Kandidaat A', 'Kandidaat B']);
      for (const entry of list.entries) {
        expect(entry.pitch.length).toBeGreaterThan(20);
        expect(entry.pitch).toMatch(/vaardigheden|Ervaring|ervaring/);
        expect(entry.pitchFindings).toEqual([]);
      }
      const reordered = await request(t.http)
        .put(`/shortlists/${list.id}/order`)
        .set(am.auth)
        .send({ entryIds: [list.entries[1].id, list.entries[0].id] });
      expect(reordered.status).toBe(200);
      const entries = (reordered.body as typeof list).entries;
      expect(entries.map((e) => [e.id, e.label])).toEqual([
        [list.entries[1].id, 'Kandidaat A'],
        [list.entries[0].id, 'Kandidaat B'],
      ]);
    });

    it('refuses what cannot be: unknown vacancy, a candidate twice, an incomplete order, bad input', async () => {
      const a = await createCandidate(t, km);
      const missing = await request(t.http)
        .post('/shortlists')
        .set(am.auth)
        .send({ vacancyId: '00000000-0000-4000-8000-000000000000' });
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body)).toContain('vacancyId');
      const list = await draft([a], await vacancyOf());
      const twice = await request(t.http)
        .post(`/shortlists/${list.id}/entries`)
        .set(am.auth)
        .send({ candidateId: a.id });
      expect(twice.status).toBe(409);
      const order = await request(t.http)
        .put(`/shortlists/${list.id}/order`)
        .set(am.auth)
        .send({ entryIds: [] });
      expect(order.status).toBe(400);
      const expiry = await request(t.http)
        .patch(`/shortlists/${list.id}`)
        .set(am.auth)
        .send({ version: list.version, expiresOn: '2099-01-01' });
      expect(expiry.status).toBe(400);
      expect(JSON.stringify(expiry.body)).toContain('90 days');
    });

    it('is for accountmanagers and coordinators: klantmanagers and employers are refused', async () => {
      const vacancy = await vacancyOf();
      for (const who of [km, werkgever]) {
        const response = await request(t.http)
          .post('/shortlists')
          .set(who.auth)
          .send({ vacancyId: vacancy.id });
        expect(response.status).toBe(403);
      }
      const list = await draft([], vacancy);
      const other = await request(t.http).get(`/shortlists/${list.id}`).set(amOther.auth);
      expect(other.status).toBe(403);
    });
  });

  describe('sending', () => {
    it('asks to rephrase a pitch that names the person, gives an age or a year, then sends', async () => {
      const a = await createCandidate(t, km);
      const list = await draft([a], await vacancyOf());
      const entry = list.entries[0];
      const pitch = `${String(a.firstName)} is 56 jaar oud en werkte sinds 1986 als drukker.`;
      const edited = await request(t.http)
        .patch(`/shortlists/${list.id}/entries/${entry.id}`)
        .set(am.auth)
        .send({ pitch });
      expect(edited.status).toBe(200);
      const findings = (edited.body as typeof list).entries[0].pitchFindings as { kind: string }[];
      expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['name', 'age', 'year']));

      const refused = await request(t.http)
        .post(`/shortlists/${list.id}/send`)
        .set(am.auth)
        .send({ version: (edited.body as typeof list).version });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain('Kandidaat A (pitch)');
      expect((await request(t.http).get(`/shortlists/${list.id}`).set(am.auth)).body.status).toBe(
        'draft',
      );

      const fixed = await request(t.http)
        .patch(`/shortlists/${list.id}/entries/${entry.id}`)
        .set(am.auth)
        .send({ pitch: 'Ruime ervaring als drukker; werkt nauwkeurig en veilig met machines.' });
      const sentNow = await request(t.http)
        .post(`/shortlists/${list.id}/send`)
        .set(am.auth)
        .send({ version: (fixed.body as typeof list).version });
      expect(sentNow.status).toBe(200);
      const body = sentNow.body as Sent;
      expect(body.link.url).toMatch(new RegExp(`/s/${body.link.token}$`));

      // only the hash of the token is kept
      const stored: { token_hash: string }[] = await t.dataSource.query(
        'SELECT token_hash FROM shortlist_links WHERE shortlist_id = $1',
        [list.id],
      );
      expect(stored).toEqual([
        { token_hash: createHash('sha256').update(body.link.token).digest('hex') },
      ]);
      const anywhere: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM shortlist_links l JOIN shortlists s ON s.id = l.shortlist_id
         WHERE row_to_json(l)::text LIKE $1 OR row_to_json(s)::text LIKE $1`,
        [`%${body.link.token}%`],
      );
      expect(anywhere).toEqual([]);

      // a follow-up for when the employer has not answered after 5 working days
      const [due] = (await followUps(list.id)).filter((f) => f.kind === 'shortlist-no-answer');
      expect(due.status).toBe('scheduled');
      expect(due.owner_id).toBe(am.id);
      const expected = addWorkingDays(new Date(), 5).getTime();
      expect(Math.abs(new Date(due.due_at).getTime() - expected)).toBeLessThan(60_000);
    });

    it('refuses a candidate who withdrew consent meanwhile', async () => {
      const a = await createCandidate(t, km);
      const list = await draft([a], await vacancyOf());
      await t.dataSource.query(
        'UPDATE candidates SET available_for_matching = false WHERE id = $1',
        [a.id],
      );
      const response = await request(t.http)
        .post(`/shortlists/${list.id}/send`)
        .set(am.auth)
        .send({ version: list.version });
      expect(response.status).toBe(422);
      expect(response.body.message).toContain('Kandidaat A');
    });
  });

  describe('what the employer sees', () => {
    it('is pseudonymised in the JSON, the page and the PDF', async () => {
      const { link, candidates } = await sent(2);
      const json = await request(t.http).get(`/shortlist-links/${link.token}`);
      expect(json.status).toBe(200);
      const view = json.body as {
        candidates: {
          label: string;
          revealedName: string | null;
          experience: { occupation: string; band: string }[];
          skills: { label: string; evidence: string }[];
          arrangements: { label: string; summary: string }[];
          hours: string;
          availability: string;
        }[];
      };
      expect(view.candidates.map((c) => c.label)).toEqual(['Kandidaat A', 'Kandidaat B']);
      for (const c of view.candidates) {
        expect(c.revealedName).toBeNull();
        expect(c.experience[0].band).toBe('10+ jaar');
        expect(c.hours).toBe('24 tot 32 uur per week');
        expect(c.skills.length).toBeGreaterThan(0);
        expect(c.arrangements.map((a) => a.label)).toEqual(
          expect.arrayContaining(['Proefplaatsing', 'Jobcoach']),
        );
        // no year anywhere in a candidate's profile
        expect(JSON.stringify(c)).not.toMatch(/\b(19|20)\d\d\b/);
      }
      expectNothingIdentifying(JSON.stringify(view), candidates);

      const page = await request(t.http).get(`/s/${link.token}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('Kandidaat A');
      expect(page.text).toContain('Kandidaat B');
      expectNothingIdentifying(page.text, candidates);

      const pdf = await request(t.http)
        .get(`/s/${link.token}/pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain('Kandidaat A');
      expectNothingIdentifying(text, candidates);
    });

    it('logs every view with how it was opened', async () => {
      const { shortlist, link } = await sent(1);
      const viaLink = newRequestId();
      await request(t.http).get(`/s/${link.token}`).set('X-Request-Id', viaLink).expect(200);
      const [row] = (await auditRowsOf(t, viaLink)).filter((r) => r.action === 'shortlist.view');
      expect(row).toMatchObject({ objectId: shortlist.id, actorId: null, actorRole: 'werkgever' });
      expect(row.details).toMatchObject({ channel: 'link', format: 'html' });

      const viaAccount = newRequestId();
      await request(t.http)
        .get(`/employer/shortlists/${shortlist.id}`)
        .set(werkgever.auth)
        .set('X-Request-Id', viaAccount)
        .expect(200);
      const [accountRow] = (await auditRowsOf(t, viaAccount)).filter(
        (r) => r.action === 'shortlist.view',
      );
      expect(accountRow).toMatchObject({ actorId: werkgever.id, actorRole: 'werkgever' });
      expect(accountRow.details).toMatchObject({ channel: 'account', format: 'json' });
    });
  });

  describe('access', () => {
    it('a token opens its own shortlist only, and an employer account only its own employer', async () => {
      const first = await sent(1);
      const second = await sent(1);
      const view = await request(t.http).get(`/shortlist-links/${first.link.token}`);
      expect(view.body.shortlistId).toBe(first.shortlist.id);
      const crossAnswer = await request(t.http)
        .post(
          `/shortlist-links/${first.link.token}/entries/${second.shortlist.entries[0].id}/answers`,
        )
        .send({ kind: 'question', text: 'Heeft deze kandidaat een heftruckcertificaat?' });
      expect(crossAnswer.status).toBe(404);
      expect(
        await t.dataSource.query('SELECT 1 FROM shortlist_answers WHERE entry_id = $1', [
          second.shortlist.entries[0].id,
        ]),
      ).toEqual([]);

      const other = await sent(1, otherEmployer);
      const refused = await request(t.http)
        .get(`/employer/shortlists/${other.shortlist.id}`)
        .set(werkgever.auth);
      expect(refused.status).toBe(404);
      const own = await request(t.http)
        .get(`/employer/shortlists/${other.shortlist.id}`)
        .set(werkgeverOther.auth);
      expect(own.status).toBe(200);
      const listed = await request(t.http).get('/employer/shortlists').set(werkgever.auth);
      expect((listed.body as { id: string }[]).map((s) => s.id)).not.toContain(other.shortlist.id);
      expect(await request(t.http).get('/shortlists').set(werkgever.auth)).toHaveProperty(
        'status',
        403,
      );
    });

    it('a revoked, expired or unknown link gets a Dutch message and no data', async () => {
      const { shortlist, link, candidates } = await sent(1);
      const detail = await request(t.http).get(`/shortlists/${shortlist.id}`).set(am.auth);
      const linkId = (detail.body as { links: { id: string }[] }).links[0].id;
      await request(t.http)
        .post(`/shortlists/${shortlist.id}/links/${linkId}/revoke`)
        .set(am.auth)
        .expect(200);
      const revoked = await request(t.http).get(`/s/${link.token}`);
      expect(revoked.status).toBe(410);
      expect(revoked.text).toContain('Deze link is ingetrokken');
      expect(revoked.text).not.toContain('Kandidaat A');
      expectNothingIdentifying(revoked.text, candidates);
      expect((await request(t.http).get(`/shortlist-links/${link.token}`)).status).toBe(410);

      const fresh = await request(t.http).post(`/shortlists/${shortlist.id}/links`).set(am.auth);
      expect(fresh.status).toBe(201);
      const token = (fresh.body as Sent).link.token;
      expect((await request(t.http).get(`/s/${token}`)).status).toBe(200);
      await t.dataSource.query(
        "UPDATE shortlists SET expires_on = (now() AT TIME ZONE 'Europe/Amsterdam')::date - 1 WHERE id = $1",
        [shortlist.id],
      );
      const expired = await request(t.http).get(`/s/${token}`);
      expect(expired.status).toBe(410);
      expect(expired.text).toContain('Deze link is verlopen');
      expect(expired.text).not.toContain('Kandidaat A');
      expect((await request(t.http).get(`/s/${token}/pdf`)).status).toBe(410);

      const unknown = await request(t.http).get('/s/dit-is-geen-link');
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain('Deze link bestaat niet');
    });
  });

  describe('answers', () => {
    it('an invitation creates the nomination at interview planned, with follow-ups for both managers', async () => {
      const { shortlist, link, candidates } = await sent(2);
      const [a] = shortlist.entries;
      const response = await request(t.http)
        .post(`/shortlist-links/${link.token}/entries/${a.id}/answers`)
        .send({ kind: 'invite', interviewAt: nextWeek(), text: 'Graag dinsdagochtend.' });
      expect(response.status).toBe(201);
      const nominations: { id: string; status: string; interview_at: Date; vacancy_id: string }[] =
        await t.dataSource.query(
          'SELECT id, status, interview_at, vacancy_id FROM nominations WHERE candidate_id = $1',
          [candidates[0].id],
        );
      expect(nominations).toHaveLength(1);
      expect(nominations[0].status).toBe('interview-planned');
      const moves: {
        from_status: string | null;
        to_status: string;
        actor_id: string | null;
        actor_role: string;
      }[] = await t.dataSource.query(
        'SELECT from_status, to_status, actor_id, actor_role FROM nomination_transitions WHERE nomination_id = $1 ORDER BY at, id',
        [nominations[0].id],
      );
      expect(moves.map((m) => m.to_status)).toEqual(['draft', 'proposed', 'interview-planned']);
      expect(moves.every((m) => m.actor_id === null && m.actor_role === 'werkgever')).toBe(true);

      const rows = await followUps(shortlist.id);
      expect(rows.find((f) => f.kind === 'shortlist-invitation')).toMatchObject({
        owner_id: am.id,
        status: 'scheduled',
      });
      expect(rows.find((f) => f.kind === 'notification' && f.owner_id === km.id)?.title).toContain(
        'Uitnodiging',
      );
      expect(rows.find((f) => f.kind === 'shortlist-no-answer')?.status).toBe('cancelled');
      // follow-up texts refer to the client number, never the name
      for (const row of rows)
        expect(`${row.title} ${row.details}`).not.toContain(String(candidates[0].lastName));
      // what is about candidate A hangs on A's entry: erasing A takes it along
      const aboutA = rows.filter((f) => f.details?.includes(String(candidates[0].clientNumber)));
      expect(aboutA.length).toBeGreaterThanOrEqual(2);
      for (const row of aboutA)
        expect([row.subject_type, row.subject_id]).toEqual(['shortlist-entry', a.id]);

      const again = await request(t.http)
        .post(`/shortlist-links/${link.token}/entries/${a.id}/answers`)
        .send({ kind: 'not-suitable', reason: 'other', text: 'Toch niet' });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('al geantwoord');

      // erasing candidate A leaves no follow-up that names A's client number
      await request(t.http)
        .delete(`/candidates/${candidates[0].id}`)
        .set(coordinator.auth)
        .expect(204);
      const left = await followUps(shortlist.id);
      expect(left.filter((f) => f.subject_id === a.id)).toEqual([]);
      for (const row of left)
        expect(`${row.title} ${row.details}`).not.toContain(String(candidates[0].clientNumber));
      expect(left.find((f) => f.kind === 'shortlist-no-answer')).toBeDefined();
    });

    it('not suitable goes back to the klantmanager with the reason; all answered closes the round', async () => {
      const { shortlist, link } = await sent(2);
      const [a, b] = shortlist.entries;
      const missing = await request(t.http)
        .post(`/shortlist-links/${link.token}/entries/${a.id}/answers`)
        .send({ kind: 'not-suitable' });
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body)).toContain('reason');
      expect(JSON.stringify(missing.body)).toContain('text');
      await request(t.http)
        .post(`/shortlist-links/${link.token}/entries/${a.id}/answers`)
        .send({ kind: 'not-suitable', reason: 'hours-mismatch', text: 'Wij zoeken 38 uur.' })
        .expect(201);
      const feedback = (await followUps(shortlist.id)).find(
        (f) => f.kind === 'notification' && f.owner_id === km.id,
      );
      expect(feedback?.details).toContain('Uren passen niet');
      expect(feedback?.details).toContain('Wij zoeken 38 uur.');

      await request(t.http)
        .post(`/shortlist-links/${link.token}/entries/${b.id}/answers`)
        .send({ kind: 'question', text: 'Kan deze kandidaat ook op zaterdag werken?' })
        .expect(201);
      expect(
        (await followUps(shortlist.id)).find((f) => f.kind === 'shortlist-question'),
      ).toMatchObject({
        owner_id: am.id,
      });
      let detail = await request(t.http).get(`/shortlists/${shortlist.id}`).set(am.auth);
      expect(detail.body.status).toBe('sent');
      await request(t.http)
        .post(`/employer/shortlists/${shortlist.id}/entries/${b.id}/answers`)
        .set(werkgever.auth)
        .send({
          kind: 'invite',
          interviewAt: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString(),
        })
        .expect(201);
      detail = await request(t.http).get(`/shortlists/${shortlist.id}`).set(am.auth);
      expect(detail.body.status).toBe('answered');
      expect(detail.body.answered).toBe(2);
    });

    it('the page form answers too, and tells what is missing in Dutch', async () => {
      const { shortlist, link } = await sent(1);
      const [a] = shortlist.entries;
      const incomplete = await request(t.http)
        .post(`/s/${link.token}/kandidaten/${a.id}/antwoord`)
        .type('form')
        .send({ kind: 'invite', interviewAt: '', reason: '', text: '' });
      expect(incomplete.status).toBe(400);
      expect(incomplete.text).toContain('Kies een datum en tijd');
      const done = await request(t.http)
        .post(`/s/${link.token}/kandidaten/${a.id}/antwoord`)
        .type('form')
        .send({ kind: 'invite', interviewAt: nextWeek(), reason: '', text: '' });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe(`/s/${link.token}?beantwoord=${a.id}#kandidaat-1`);
      const page = await request(t.http).get(done.headers.location);
      expect(page.text).toContain('Uw antwoord over Kandidaat A is ontvangen');
    });
  });

  describe('revealing a name', () => {
    it('needs the candidate’s recorded consent, recorded by their own klantmanager', async () => {
      const { shortlist, link, candidates } = await sent(1);
      const [a] = shortlist.entries;
      const early = await request(t.http)
        .post(`/shortlists/${shortlist.id}/entries/${a.id}/reveal`)
        .set(am.auth);
      expect(early.status).toBe(422);
      expect(early.body.message).toContain('consent');
      const stranger = await request(t.http)
        .post(`/shortlists/${shortlist.id}/entries/${a.id}/consent`)
        .set(kmOther.auth)
        .send({ note: 'akkoord' });
      expect(stranger.status).toBe(403);
      await request(t.http)
        .post(`/shortlists/${shortlist.id}/entries/${a.id}/consent`)
        .set(km.auth)
        .send({ note: 'Telefonisch akkoord' })
        .expect(200);
      await request(t.http)
        .post(`/shortlists/${shortlist.id}/entries/${a.id}/reveal`)
        .set(am.auth)
        .expect(200);
      const view = await request(t.http).get(`/shortlist-links/${link.token}`);
      expect(view.body.candidates[0].revealedName).toBe(
        `${String(candidates[0].firstName)} ${String(candidates[0].lastName)}`,
      );
    });
  });

  it('closing ends the link and the open follow-ups', async () => {
    const { shortlist, link } = await sent(1);
    const detail = await request(t.http).get(`/shortlists/${shortlist.id}`).set(am.auth);
    await request(t.http)
      .post(`/shortlists/${shortlist.id}/close`)
      .set(am.auth)
      .send({ version: detail.body.version, note: 'Vacature vervuld' })
      .expect(200);
    const closed = await request(t.http).get(`/s/${link.token}`);
    expect(closed.status).toBe(410);
    expect(closed.text).toContain('gesloten');
    expect((await followUps(shortlist.id)).every((f) => f.status !== 'scheduled')).toBe(true);
  });
});
