import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { TRANSITIONS_ALGORITHM_VERSION } from '../src/modules/matching/transitions';
import { ensureTransitions } from '../src/modules/matching/transitions-store';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const DIGITAL_PRINTER_CODE = '7322.1';
const VIABILITIES = ['zeer goed haalbaar', 'haalbaar', 'met scholing'];

interface Item {
  occupation: { uri: string; code: string; label: string; sectors: { code: string }[] };
  score: number;
  viability: string;
  otherSector: boolean;
  sharedSkills: { uri: string; label: string }[];
  missingEssentialSkills: { uri: string; label: string }[];
  explanation: string;
}

describe('occupation transitions', () => {
  let t: TestApp;
  let staff: TestUser;
  let employer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await loginAs(t, Role.AccountManager);
    const [company] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO employers (name, sector, account_manager_id, version)
       VALUES ('Transitions test employer', 'C', $1, 1) RETURNING id`,
      [staff.id],
    );
    employer = await loginAs(t, Role.Employer, { employerId: company.id });
  });
  afterAll(() => t.close());

  function transitions(id: string, query: Record<string, unknown> = {}, user = staff) {
    return request(t.http).get(`/occupations/${id}/transitions`).query(query).set(user.auth);
  }

  it('lists where a digital printer can go: best first, explained, other sectors included', async () => {
    const response = await transitions(DIGITAL_PRINTER_CODE, { limit: 50 }).expect(200);
    expect(response.body.occupation).toMatchObject({
      code: DIGITAL_PRINTER_CODE,
      label: 'digitaal drukker',
      sectors: [{ code: 'C', label: 'Industrie' }],
    });
    const items = response.body.items as Item[];
    expect(items).toHaveLength(50);
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of items) {
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(Math.round(item.score * 100) / 100).toBe(item.score);
      expect(item.viability).toBe(VIABILITIES[item.score >= 0.45 ? 0 : item.score >= 0.3 ? 1 : 2]);
      expect(item.occupation.code).not.toBe(DIGITAL_PRINTER_CODE);
      expect(item.sharedSkills.length).toBeGreaterThanOrEqual(2);
      expect(item.explanation).toMatch(/^Een digitaal drukker brengt ‘.+’ .*mee[;.]/);
      expect(item.explanation).toContain(item.sharedSkills[0].label);
      expect(item.explanation).toContain(item.occupation.label);
    }
    // the other printing trades come first
    expect(items.slice(0, 6).map((item) => item.occupation.code)).toEqual(
      expect.arrayContaining(['7322.5', '7322.2']),
    );
    const offset = items.find((item) => item.occupation.code === '7322.5')!;
    expect(offset).toMatchObject({ otherSector: false, viability: 'zeer goed haalbaar' });
    expect(offset.missingEssentialSkills.length).toBeGreaterThan(0);
    expect(offset.explanation).toContain(offset.missingEssentialSkills[0].label);
    expect(offset.sharedSkills[0]).toEqual({
      uri: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/skill\//),
      label: expect.any(String),
    });

    const other = items.filter((item) => item.otherSector);
    expect(other.length).toBeGreaterThan(0);
    for (const item of other) {
      expect(item.occupation.sectors[0].code).not.toBe('C');
      expect(item.sharedSkills.length).toBeGreaterThan(0);
    }
  });

  it('gives only other-sector transitions with otherSectorOnly=true, beyond those in the top 50', async () => {
    const all = (await transitions(DIGITAL_PRINTER_CODE, { limit: 50 }).expect(200)).body
      .items as Item[];
    const response = await transitions(DIGITAL_PRINTER_CODE, {
      otherSectorOnly: true,
      limit: 50,
    }).expect(200);
    const items = response.body.items as Item[];
    const firstOther = all.filter((item) => item.otherSector).map((item) => item.occupation.code);
    // printing is manufacturing (C): most close moves stay in it, but there are more further down
    expect(items.length).toBeGreaterThan(firstOther.length);
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.length).toBeLessThanOrEqual(50);
    expect(items.every((item) => item.otherSector)).toBe(true);
    // other sector: the destination's main sector is not one of the origin's
    expect(items.every((item) => item.occupation.sectors[0].code !== 'C')).toBe(true);
    // the same order as in the full list
    expect(items.slice(0, firstOther.length).map((item) => item.occupation.code)).toEqual(
      firstOther,
    );
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns 10 by default and honours limit', async () => {
    expect((await transitions(DIGITAL_PRINTER_CODE).expect(200)).body.items).toHaveLength(10);
    const three = await transitions(DIGITAL_PRINTER_CODE, { limit: 3 }).expect(200);
    const ten = await transitions(DIGITAL_PRINTER_CODE).expect(200);
    expect(three.body.items).toEqual(ten.body.items.slice(0, 3));
  });

  it('finds the occupation by URL-encoded URI and by the URI’s UUID as well', async () => {
    const byCode = await transitions(DIGITAL_PRINTER_CODE, { limit: 5 }).expect(200);
    const uri = byCode.body.occupation.uri as string;
    const byUri = await transitions(encodeURIComponent(uri), { limit: 5 }).expect(200);
    expect(byUri.body).toEqual(byCode.body);
    const byUuid = await transitions(uri.split('/').pop()!, { limit: 5 }).expect(200);
    expect(byUuid.body).toEqual(byCode.body);
  });

  it('answers 404 for an unknown occupation and 400 for something that is not an occupation id', async () => {
    const unknown = await transitions('9999.9').expect(404);
    expect(unknown.body.message).toMatch(/no occupation with ESCO code 9999\.9/);
    const bad = await transitions('drukker').expect(400);
    expect(bad.body.message).toMatch(/ESCO code like 8344\.1/);
  });

  it.each([[0], [51], ['tien'], [2.5]])('answers 400 naming limit for limit=%s', async (limit) => {
    const response = await transitions(DIGITAL_PRINTER_CODE, { limit }).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['limit']);
  });

  it('answers 400 naming otherSectorOnly when it is not true or false', async () => {
    const response = await transitions(DIGITAL_PRINTER_CODE, { otherSectorOnly: 'ja' }).expect(400);
    expect(response.body.errors[0]).toMatchObject({ field: 'otherSectorOnly' });
  });

  it('refuses an employer contact (403) and an anonymous caller (401)', async () => {
    await transitions(DIGITAL_PRINTER_CODE, {}, employer).expect(403);
    await request(t.http).get(`/occupations/${DIGITAL_PRINTER_CODE}/transitions`).expect(401);
  });

  it('keeps the stored transitions while the taxonomy and the algorithm stay the same', async () => {
    const result = await ensureTransitions(t.dataSource);
    expect(result).toMatchObject({
      status: 'unchanged',
      algorithmVersion: TRANSITIONS_ALGORITHM_VERSION,
    });
    const [marker] = await t.dataSource.query<
      { taxonomyVersion: string; algorithmVersion: string; rowCount: number }[]
    >(
      `SELECT taxonomy_version AS "taxonomyVersion", algorithm_version AS "algorithmVersion",
              row_count AS "rowCount" FROM occupation_transitions_versions`,
    );
    expect(marker).toMatchObject({
      taxonomyVersion: result.taxonomyVersion,
      algorithmVersion: TRANSITIONS_ALGORITHM_VERSION,
    });
    const [count] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM occupation_transitions',
    );
    expect(count.n).toBe(marker.rowCount);
  });
});
