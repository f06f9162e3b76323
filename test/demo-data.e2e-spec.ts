import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import request from 'supertest';
import { flattenValidationErrors } from '../src/infra/http/validation';
import { profileRuleErrors } from '../src/modules/candidates/candidate-rules';
import { CreateCandidateDto } from '../src/modules/candidates/dto/candidate.dto';
import { CreateVacancyDto } from '../src/modules/vacancies/dto/vacancy.dto';
import { DEMO_PASSWORD, DemoData } from '../scripts/demo/demo-data';
import { seedDemo } from '../scripts/demo/seed-demo';
import { SearchReindexService } from '../src/modules/search/search-reindex.service';
import { createTestApp, TestApp } from './helpers/test-app';
import { startWorker } from './helpers/worker';

/** Drops what the API does not accept on create (ids, derived and server-set fields) and nulls. */
function asRequestBody(row: object, omit: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(([key, value]) => !omit.includes(key) && value !== null),
  );
}

async function problems(dto: new () => object, body: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(dto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return flattenValidationErrors(errors).map((e) => `${e.field}: ${e.problems.join('; ')}`);
}

describe('demo data', () => {
  let t: TestApp;
  let data: DemoData;

  const login = async (email: string) => {
    const response = await request(t.http)
      .post('/auth/login')
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${response.body.accessToken as string}` };
  };

  beforeAll(async () => {
    t = await createTestApp();
    data = (await seedDemo(t.dataSource)).data;
  });
  afterAll(() => t.close());

  it('has the promised size: 60 employers, 150 vacancies, 100 candidates in 4 caseloads of 25', () => {
    expect(data.employers).toHaveLength(60);
    expect(data.vacancies).toHaveLength(150);
    expect(data.candidates).toHaveLength(100);
    const perKlantmanager = new Map<string, number>();
    for (const c of data.candidates)
      perKlantmanager.set(c.klantmanagerId, (perKlantmanager.get(c.klantmanagerId) ?? 0) + 1);
    expect([...perKlantmanager.values()]).toEqual([25, 25, 25, 25]);
  });

  it('obeys the same validation rules as the API', async () => {
    const bad: string[] = [];
    for (const candidate of data.candidates) {
      const body = asRequestBody(candidate, ['id', 'bsnHash']);
      const found = [
        ...(await problems(CreateCandidateDto, body)),
        ...profileRuleErrors(candidate).map((e) => e.field),
      ];
      if (found.length) bad.push(`${candidate.clientNumber}: ${found.join(', ')}`);
    }
    for (const vacancy of data.vacancies) {
      const body = asRequestBody({ ...vacancy, status: 'open' }, ['id', 'sector', 'createdById']);
      const found = await problems(CreateVacancyDto, body);
      if (found.length) bad.push(`${vacancy.title}: ${found.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('is generated the same way every time', async () => {
    const again = (await seedDemo(t.dataSource)).data;
    expect(again.candidates.map((c) => c.id)).toEqual(data.candidates.map((c) => c.id));
    expect(again.vacancies[17]).toEqual(data.vacancies[17]);
  });

  it('lets the demo logins in, each seeing what their role allows', async () => {
    const km1 = await login('km1@werkspoor.demo');
    const caseload = await request(t.http).get('/candidates').set(km1).expect(200);
    expect(caseload.body.total).toBe(25);

    const accountmanager = await login('am.logistiek@werkspoor.demo');
    const open = await request(t.http)
      .get('/vacancies')
      .query({ status: 'open' })
      .set(accountmanager)
      .expect(200);
    expect(open.body.total).toBeGreaterThan(50);

    const employer = await login('werkgever@werkspoor.demo');
    await request(t.http).get('/candidates').set(employer).expect(403);
  });

  it('gives matches with Dutch explanations both ways, and career paths', async () => {
    const accountmanager = await login('am.logistiek@werkspoor.demo');
    const picker = data.vacancies.find((v) => v.title === 'Orderpicker' && v.status === 'open')!;
    const matches = await request(t.http)
      .get(`/vacancies/${picker.id}/matches`)
      .set(accountmanager)
      .expect(200);
    const items = matches.body.items as {
      crossSector: boolean;
      explanation: { summary: string };
    }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items)
      expect(item.explanation.summary).toMatch(
        /^(Sterke|Goede|Mogelijke) match: heeft \d+ van de \d+ gevraagde vaardigheden/,
      );
    expect(items.some((item) => item.crossSector)).toBe(true);

    const km1 = await login('km1@werkspoor.demo');
    const client = data.candidates.find(
      (c) =>
        c.klantmanagerId === data.users.find((u) => u.email === 'km1@werkspoor.demo')!.id &&
        c.availableForMatching,
    )!;
    const jobhunting = await request(t.http)
      .get(`/candidates/${client.id}/matches`)
      .set(km1)
      .expect(200);
    expect(jobhunting.body.vacancies.length + jobhunting.body.employers.length).toBeGreaterThan(0);
    const paths = await request(t.http)
      .get(`/candidates/${client.id}/career-paths`)
      .set(km1)
      .expect(200);
    expect(paths.body.items.length).toBeGreaterThan(0);
  });

  it('is searchable after the reindex the demo script runs', async () => {
    const worker = await startWorker(t.dataSource);
    try {
      const candidates = await worker.app.get(SearchReindexService).reindex('candidates');
      expect(candidates.documents).toBeGreaterThanOrEqual(100);
      const login = await request(t.http)
        .post('/auth/login')
        .send({ email: 'am.logistiek@werkspoor.demo', password: DEMO_PASSWORD })
        .expect(200);
      const found = await request(t.http)
        .get('/candidates/search')
        .query({ q: 'drukker', facets: 'sectors' })
        .set({ Authorization: `Bearer ${login.body.accessToken as string}` })
        .expect(200);
      const body = found.body as { total: number; items: { experienceTitles: string[] }[] };
      expect(body.total).toBeGreaterThan(0);
      for (const item of body.items) expect(item.experienceTitles.join(' ')).toMatch(/druk/i);
    } finally {
      await worker.close();
    }
  });
});
