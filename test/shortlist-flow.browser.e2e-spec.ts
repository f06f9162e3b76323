import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { DEMO_PASSWORD } from '../scripts/demo/demo-data';
import { seedDemo } from '../scripts/demo/seed-demo';
import { earlierEmployerNames } from '../src/modules/shortlists/identifying-details';
import { launchBrowser, newPage, saveScreenshot } from './helpers/browser';
import { pdfText } from './helpers/pdf-text';
import { createTestApp, TestApp } from './helpers/test-app';

type Auth = { Authorization: string };

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  clientNumber: string;
  email: string | null;
  phone: string | null;
  birthYear: number;
  experiences: { title: string }[];
}

/**
 * The shortlist flow on the demo data, in real Chromium against the running service: the
 * accountmanager composes a shortlist from the match results and sends it; the employer opens
 * the link, sees no identifying data on the page or in the PDF, invites one candidate and finds
 * another not suitable through the page's forms; the nomination and follow-ups that result are
 * checked in the database.
 */
describe('shortlist flow on the demo data, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let am: Auth;

  const login = async (email: string): Promise<Auth> => {
    const response = await request(t.http)
      .post('/auth/login')
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${response.body.accessToken as string}` };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.dataSource);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('composes, sends, opens, answers for two candidates, and leaves a nomination and follow-ups', async () => {
    // the demo employer with an account, one of its open vacancies, and its accountmanager
    const [vacancy]: { id: string; employer_id: string; account_manager: string }[] =
      await t.dataSource.query(
        `SELECT v.id, v.employer_id, am.email AS account_manager
         FROM users w JOIN employers e ON e.id = w.employer_id
         JOIN vacancies v ON v.employer_id = e.id AND v.status = 'open'
         JOIN users am ON am.id = e.account_manager_id
         WHERE w.email = 'werkgever@werkspoor.demo' ORDER BY v.created_at, v.id LIMIT 1`,
      );
    am = await login(vacancy.account_manager);
    const matches = await request(t.http)
      .get(`/vacancies/${vacancy.id}/matches?limit=20&includeExcluded=true`)
      .set(am)
      .expect(200);
    const busy: { candidate_id: string }[] = await t.dataSource.query(
      `SELECT candidate_id FROM nominations WHERE vacancy_id = $1
       AND status IN ('draft', 'proposed', 'interview-planned', 'trial-placement')`,
      [vacancy.id],
    );
    const taken = new Set(busy.map((b) => b.candidate_id));
    const body = matches.body as {
      items: { candidate: { id: string } }[];
      excluded?: { candidate: { id: string } }[];
    };
    const ids = [...body.items, ...(body.excluded ?? [])]
      .map((item) => item.candidate.id)
      .filter((id) => !taken.has(id))
      .slice(0, 2);
    expect(ids).toHaveLength(2);

    const draft = await request(t.http)
      .post('/shortlists')
      .set(am)
      .send({ vacancyId: vacancy.id, candidateIds: ids })
      .expect(201);
    const sent = await request(t.http)
      .post(`/shortlists/${draft.body.id as string}/send`)
      .set(am)
      .send({ version: draft.body.version })
      .expect(200);
    const shortlistId = draft.body.id as string;
    const token = sent.body.link.token as string;
    const people: Person[] = await t.dataSource.query(
      `SELECT id, first_name AS "firstName", last_name AS "lastName", client_number AS "clientNumber",
              email, phone, birth_year AS "birthYear", experiences
       FROM candidates WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const identifying = people.flatMap((p) => [
      p.firstName,
      p.lastName,
      p.clientNumber,
      String(p.birthYear),
      ...(p.email ? [p.email] : []),
      ...(p.phone ? [p.phone] : []),
      // earlier employers' names in their own job titles ("... bij Roto Smeets")
      ...earlierEmployerNames(p.experiences.map((e) => e.title)),
    ]);

    const { context, page } = await newPage(browser);
    try {
      const opened = await page.goto(`${baseUrl}/s/${token}`);
      expect(opened?.status()).toBe(200);
      await expect(
        page.getByRole('heading', { level: 2, name: /Kandidaat A/ }).count(),
      ).resolves.toBe(1);
      await expect(
        page.getByRole('heading', { level: 2, name: /Kandidaat B/ }).count(),
      ).resolves.toBe(1);
      const pageText = await page.locator('body').innerText();
      for (const value of identifying) expect(pageText).not.toContain(value);
      expect(pageText).not.toMatch(/\b(19[4-9]\d)\b/); // no birth or start years
      await saveScreenshot(page, 'shortlist-demo-page');

      // the PDF the page links to
      const pdfHref = await page.getByRole('link', { name: /PDF/ }).getAttribute('href');
      const pdf = await page.request.get(new URL(pdfHref as string, page.url()).toString());
      expect(pdf.status()).toBe(200);
      const text = await pdfText(await pdf.body());
      expect(text).toContain('Kandidaat A');
      for (const value of identifying) expect(text).not.toContain(value);

      // A: an invitation for next week, 10:00
      const day = new Date(Date.now() + 7 * 24 * 3600e3).toISOString().slice(0, 10);
      const a = page.locator('#kandidaat-1');
      await a.getByLabel(/Uitnodigen/).check();
      await a.locator('input[name="interviewAt"]').fill(`${day}T10:00`);
      await a.getByRole('button', { name: 'Antwoord versturen' }).click();
      await page.waitForURL(/beantwoord=/);
      expect(await page.locator('body').innerText()).toContain(
        'Uw antwoord over Kandidaat A is ontvangen',
      );

      // B: not suitable, with a reason and a word of explanation
      const b = page.locator('#kandidaat-2');
      await b.getByLabel(/Niet geschikt/).check();
      await b.locator('select[name="reason"]').selectOption('hours-mismatch');
      await b.locator('textarea[name="text"]').fill('Wij zoeken iemand voor 38 uur.');
      await b.getByRole('button', { name: 'Antwoord versturen' }).click();
      await page.waitForURL(/beantwoord=/);
      expect(await page.locator('body').innerText()).toContain(
        'Uw antwoord over Kandidaat B is ontvangen',
      );
      await saveScreenshot(page, 'shortlist-demo-answered');
    } finally {
      await context.close();
    }

    const detail = await request(t.http).get(`/shortlists/${shortlistId}`).set(am).expect(200);
    const [entryA, entryB] = detail.body.entries as {
      candidate: { id: string };
      nominationId: string | null;
    }[];
    expect(detail.body.status).toBe('answered');
    const [nomination]: { status: string; interview_at: Date }[] = await t.dataSource.query(
      'SELECT status, interview_at FROM nominations WHERE id = $1',
      [entryA.nominationId],
    );
    expect(nomination.status).toBe('interview-planned');
    expect(new Date(nomination.interview_at).toISOString().slice(0, 10)).toBe(
      new Date(Date.now() + 7 * 24 * 3600e3).toISOString().slice(0, 10),
    );
    expect(entryB.nominationId).toBeNull();
    const followUps: { kind: string; status: string; details: string | null }[] =
      await t.dataSource.query(
        `SELECT kind, status, details FROM follow_ups
         WHERE subject_id = $1 OR subject_id IN (SELECT id FROM shortlist_entries WHERE shortlist_id = $1)
         ORDER BY created_at`,
        [shortlistId],
      );
    expect(followUps.map((f) => [f.kind, f.status])).toEqual(
      expect.arrayContaining([
        ['shortlist-no-answer', 'cancelled'],
        ['shortlist-invitation', 'scheduled'],
      ]),
    );
    const feedback = followUps.filter((f) => f.kind === 'notification');
    expect(feedback.some((f) => f.details?.includes('Uren passen niet'))).toBe(true);
    expect(feedback.some((f) => f.details?.includes('uitgenodigd voor een gesprek'))).toBe(true);
  });
});
