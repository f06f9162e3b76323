import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { writeTaxonomy } from '../scripts/build-taxonomy';
import { Role } from '../src/infra/auth/role';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';
import {
  defaultTaxonomyDir,
  readTaxonomyData,
  TaxonomyData,
} from '../src/modules/taxonomy/taxonomy-data';
import { importTaxonomy } from '../src/modules/taxonomy/taxonomy-import';
import { labelSearch } from '../src/modules/taxonomy/taxonomy-search';
import { loginAs, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const FORKLIFT_OPERATOR =
  'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755';
const OPERATE_FORKLIFT = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';

interface Match {
  uri: string;
  code: string;
  label: string;
  matchedLabel: string;
  matchedLanguage: string;
}

describe('taxonomy lookups', () => {
  let t: TestApp;
  let staff: TestUser;
  let klantmanager: TestUser;
  let employer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await loginAs(t, Role.AccountManager);
    klantmanager = await loginAs(t, Role.ClientManager);
    const [company] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO employers (name, sector, account_manager_id, version)
       VALUES ('Taxonomy test employer', 'H', $1, 1) RETURNING id`,
      [staff.id],
    );
    employer = await loginAs(t, Role.Employer, { employerId: company.id });
  });
  afterAll(() => t.close());

  async function occupations(q: string, user = staff, limit?: number): Promise<Match[]> {
    const response = await request(t.http)
      .get('/taxonomy/occupations')
      .query(limit ? { q, limit } : { q })
      .set(user.auth)
      .expect(200);
    return response.body.items as Match[];
  }

  describe('occupation typeahead', () => {
    it.each([
      ['heftruckchauffeur', '8344.1'],
      ['kassamedewerker', '5230.1'],
      ['Kassamedewerker', '5230.1'],
      ['KASSAMEDEWERKER  ', '5230.1'],
      ['magazijnmedewerker', '9333.8'],
      ['héftruckchaufféur', '8344.1'],
      ['caissière', '5230.1'],
      ['caissiere', '5230.1'],
    ])('"%s" finds ESCO %s first', async (q, code) => {
      const items = await occupations(q);
      expect(items[0]).toMatchObject({ code });
    });

    it('tolerates a typo: "magazijnmedewerkr" still finds magazijnmedewerker among the first results', async () => {
      const items = await occupations('magazijnmedewerkr');
      expect(items.slice(0, 3).map((item) => item.code)).toContain('9333.8');
    });

    it('finds occupations by English label and says which label matched', async () => {
      const items = await occupations('forklift');
      const forklift = items.find((item) => item.code === '8344.1');
      expect(forklift).toMatchObject({
        label: 'heftruckchauffeur',
        labelEn: 'forklift operator',
        matchedLanguage: 'en',
      });
      expect(items.indexOf(forklift!)).toBeLessThan(3);
    });

    it('finds an occupation by an alternative label and returns its preferred Dutch label and sectors', async () => {
      const [first] = await occupations('chauffeur heftruck');
      expect(first).toMatchObject({
        uri: FORKLIFT_OPERATOR,
        code: '8344.1',
        label: 'heftruckchauffeur',
        matchedLabel: 'chauffeur heftruck',
        matchedLanguage: 'nl',
        sectors: [{ code: 'H', label: 'Vervoer en opslag' }],
      });
    });

    it('returns one row per occupation, at most `limit`, and is open to klantmanagers', async () => {
      const items = await occupations('medewerker', klantmanager, 5);
      expect(items).toHaveLength(5);
      expect(new Set(items.map((item) => item.uri)).size).toBe(5);
    });

    it('matches LIKE wildcards in the query literally', async () => {
      expect(await occupations('__')).toEqual([]);
      expect(await occupations('%%%')).toEqual([]);
      // two combining accents pass the length check but leave nothing to search for
      expect(await occupations('\u0301\u0301')).toEqual([]);
    });

    it('answers 400 naming q when q is missing or shorter than 2 characters, and when limit is above 50', async () => {
      const short = await request(t.http)
        .get('/taxonomy/occupations')
        .query({ q: ' k ' })
        .set(staff.auth)
        .expect(400);
      expect(short.body.errors).toEqual([
        { field: 'q', problems: ['q must be at least 2 characters; type more of the name'] },
      ]);
      const missing = await request(t.http)
        .get('/taxonomy/occupations')
        .set(staff.auth)
        .expect(400);
      expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(['q']);
      const limit = await request(t.http)
        .get('/taxonomy/occupations')
        .query({ q: 'kassa', limit: 51 })
        .set(staff.auth)
        .expect(400);
      expect(limit.body.errors[0]).toMatchObject({ field: 'limit' });
    });
  });

  describe('skill typeahead', () => {
    it('finds a skill without Dutch label by English, with its Dutch skill group', async () => {
      const response = await request(t.http)
        .get('/taxonomy/skills')
        .query({ q: 'operate forklift' })
        .set(staff.auth)
        .expect(200);
      expect(response.body.items[0]).toMatchObject({
        uri: OPERATE_FORKLIFT,
        label: 'operate forklift',
        hasDutchLabel: false,
        groupLabelsNl: ['bedienen van hef- en transportapparatuur'],
        displayLabel: 'operate forklift (bedienen van hef- en transportapparatuur)',
      });
    });

    it('finds a skill by its Dutch label, accents and case ignored', async () => {
      const response = await request(t.http)
        .get('/taxonomy/skills')
        .query({ q: 'NEDERLANDS' })
        .set(staff.auth)
        .expect(200);
      expect(response.body.items[0]).toMatchObject({
        label: 'Nederlands',
        hasDutchLabel: true,
        labelEn: 'Dutch',
        matchedLanguage: 'nl',
      });
    });
  });

  describe('occupation and skill details', () => {
    it('shows an occupation by ESCO code with labels, sectors, BRC class and skills', async () => {
      const response = await request(t.http)
        .get('/taxonomy/occupations/8344.1')
        .set(staff.auth)
        .expect(200);
      expect(response.body).toMatchObject({
        uri: FORKLIFT_OPERATOR,
        label: 'heftruckchauffeur',
        sectors: [{ code: 'H', label: 'Vervoer en opslag' }],
        isco: { code: '8344', labelNl: 'Heftruckbestuurders' },
        brc: { classCode: '12', classLabel: 'Transport en logistiek beroepen' },
      });
      expect(response.body.altLabelsNl).toContain('reachtruckchauffeur');
      expect(response.body.essentialSkills.map((s: { uri: string }) => s.uri)).toContain(
        OPERATE_FORKLIFT,
      );
      expect(
        response.body.essentialSkills.length + response.body.optionalSkills.length,
      ).toBeGreaterThan(5);
    });

    it('shows the same occupation by URL-encoded concept URI', async () => {
      const response = await request(t.http)
        .get(`/taxonomy/occupations/${encodeURIComponent(FORKLIFT_OPERATOR)}`)
        .set(staff.auth)
        .expect(200);
      expect(response.body.code).toBe('8344.1');
    });

    it('answers 404 for an unknown code and 400 for something that is not an occupation id', async () => {
      const unknown = await request(t.http)
        .get('/taxonomy/occupations/9999.9')
        .set(staff.auth)
        .expect(404);
      expect(unknown.body.message).toMatch(/no occupation with ESCO code 9999\.9/);
      const bad = await request(t.http)
        .get('/taxonomy/occupations/heftruck')
        .set(staff.auth)
        .expect(400);
      expect(bad.body.message).toMatch(/ESCO code like 8344\.1/);
    });

    it('shows a skill by URL-encoded URI with its group and the occupations that need it', async () => {
      const response = await request(t.http)
        .get(`/taxonomy/skills/${encodeURIComponent(OPERATE_FORKLIFT)}`)
        .set(staff.auth)
        .expect(200);
      expect(response.body.groups).toEqual([
        expect.objectContaining({
          code: 'S8.1.3',
          labelNl: 'bedienen van hef- en transportapparatuur',
        }),
      ]);
      expect(response.body.occupations).toContainEqual(
        expect.objectContaining({ code: '8344.1', essential: true }),
      );
      expect(response.body.occupationCount).toBeGreaterThanOrEqual(
        response.body.occupations.length,
      );
    });
  });

  describe('postcodes, sectors, reference lists and attribution', () => {
    it('looks up a PC4 postcode', async () => {
      const response = await request(t.http)
        .get('/taxonomy/postcodes/1315')
        .set(staff.auth)
        .expect(200);
      expect(response.body).toMatchObject({
        pc4: '1315',
        place: 'Almere',
        municipality: 'Almere',
        province: 'Flevoland',
      });
      expect(response.body.lat).toBeCloseTo(52.37, 1);
      expect(response.body.lon).toBeCloseTo(5.22, 1);
      await request(t.http).get('/taxonomy/postcodes/1000').set(staff.auth).expect(404);
      const bad = await request(t.http).get('/taxonomy/postcodes/13A5').set(staff.auth).expect(400);
      expect(bad.body.message).toMatch(/4 digits/);
    });

    it('finds postcodes by place name or by their first digits', async () => {
      const byPlace = await request(t.http)
        .get('/taxonomy/postcodes')
        .query({ q: 'almere', limit: 50 })
        .set(staff.auth)
        .expect(200);
      expect(byPlace.body.items.map((p: { pc4: string }) => p.pc4)).toContain('1315');
      const byDigits = await request(t.http)
        .get('/taxonomy/postcodes')
        .query({ q: '131' })
        .set(staff.auth)
        .expect(200);
      expect(byDigits.body.items.every((p: { pc4: string }) => p.pc4.startsWith('131'))).toBe(true);
      expect(byDigits.body.items.length).toBeGreaterThan(0);
    });

    it('lists the sectors and the reference lists with Dutch labels', async () => {
      const sectors = await request(t.http).get('/taxonomy/sectors').set(staff.auth).expect(200);
      expect(sectors.body.items).toHaveLength(21);
      expect(sectors.body.items).toContainEqual({ code: 'I', label: 'Horeca' });
      const lists = await request(t.http)
        .get('/taxonomy/reference-lists')
        .set(staff.auth)
        .expect(200);
      expect(lists.body.certificates).toContainEqual({
        code: 'heftruck',
        label: 'Heftruckcertificaat',
      });
      expect(lists.body.shifts).toContainEqual({ code: 'night', label: 'nachtdienst' });
      expect(lists.body.cefrLevels.map((l: { code: string }) => l.code)).toEqual([
        'A1',
        'A2',
        'B1',
        'B2',
        'C1',
        'C2',
        'native',
      ]);
      expect(lists.body.physicalLoad).toContainEqual({ code: 'liftingKg', label: 'tillen (kg)' });
    });

    it('publishes the attribution of ESCO, CBS and GeoNames without login, with the loaded data version', async () => {
      const response = await request(t.http).get('/taxonomy/attribution').expect(200);
      const texts = response.body.items.map((item: { text: string }) => item.text).join('\n');
      expect(texts).toContain(
        'This service uses the ESCO classification of the European Commission.',
      );
      expect(texts).toMatch(/GeoNames/);
      expect(texts).toMatch(/CBS/);
      const manifest = readTaxonomyData(defaultTaxonomyDir());
      expect(response.body.taxonomy.version).toBe(manifest.version);
    });
  });

  describe('access', () => {
    it.each([
      '/taxonomy/occupations?q=kassa',
      '/taxonomy/occupations/8344.1',
      '/taxonomy/skills?q=forklift',
      '/taxonomy/postcodes/1315',
      '/taxonomy/sectors',
      '/taxonomy/reference-lists',
    ])('refuses an employer contact (403) and an anonymous caller (401): %s', async (path) => {
      await request(t.http).get(path).set(employer.auth).expect(403);
      await request(t.http).get(path).expect(401);
    });
  });

  it('skips the import when the same data version is already loaded', async () => {
    const result = await importTaxonomy(t.dataSource);
    expect(result.status).toBe('unchanged');
  });
});

/**
 * Replacing data is tried in a database of its own with a few occupations, so it neither
 * disturbs the specs that share the test database nor takes long.
 */
describe('taxonomy import into its own database', () => {
  const config = loadConfig();
  const url = new URL(config.database.url);
  url.pathname = `${url.pathname}_import`;
  const dbName = url.pathname.slice(1);
  let admin: Client;
  let dataSource: DataSource;
  const dirs: string[] = [];

  beforeAll(async () => {
    const adminUrl = new URL(config.database.url);
    adminUrl.pathname = '/postgres';
    admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    dataSource = new DataSource(
      typeormOptions({ ...config, database: { ...config.database, url: url.toString() } }),
    );
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A small, consistent slice of the real data: these occupations, their skills, two postcodes. */
  function slice(codes: string[], pc4s: string[]): TaxonomyData {
    const { data } = readTaxonomyData(defaultTaxonomyDir());
    const occupations = data.occupations.filter((o) => codes.includes(o.code));
    const uris = new Set(occupations.map((o) => o.uri));
    const occupationSkills = data.occupationSkills.filter((r) => uris.has(r.occupationUri));
    const skillUris = new Set(occupationSkills.flatMap((r) => [...r.essential, ...r.optional]));
    return {
      ...data,
      occupations,
      occupationSkills,
      skills: data.skills.filter((s) => skillUris.has(s.uri)),
      skillBroader: data.skillBroader.filter((b) => skillUris.has(b.uri)),
      postcodes: data.postcodes.filter((p) => pc4s.includes(p.pc4)),
    };
  }

  function write(data: TaxonomyData): { dir: string; version: string } {
    const dir = mkdtempSync(join(tmpdir(), 'taxonomy-'));
    dirs.push(dir);
    return { dir, version: writeTaxonomy(dir, { data, warnings: [], sources: {} }).version };
  }

  async function count(table: string): Promise<number> {
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table}`,
    );
    return row.n;
  }

  async function search(q: string): Promise<string[]> {
    const { sql, parameters } = labelSearch('occupation', q, 5);
    const hits = await dataSource.query<{ conceptUri: string }[]>(sql, parameters);
    const codes = await dataSource.query<{ uri: string; code: string }[]>(
      'SELECT uri, code FROM occupations WHERE uri = ANY($1)',
      [hits.map((hit) => hit.conceptUri)],
    );
    return hits.map((hit) => codes.find((c) => c.uri === hit.conceptUri)!.code);
  }

  it('loads, skips the same version, and replaces everything when the data changed', async () => {
    const first = write(slice(['8344.1', '5230.1', '9333.8'], ['1315', '1316']));
    const loaded = await importTaxonomy(dataSource, { dataDir: first.dir });
    expect(loaded).toMatchObject({ status: 'imported', version: first.version });
    expect(loaded.counts.occupations).toBe(3);
    expect(await count('occupations')).toBe(3);
    expect(await count('postcodes')).toBe(2);
    expect(await count('occupation_skills')).toBe(loaded.counts.occupation_skills);
    expect(await search('kassamedewerker')).toEqual(['5230.1']);
    expect(await search('Caissière')).toEqual(['5230.1']);
    expect(await search('forklift')).toEqual(['8344.1']);

    expect(await importTaxonomy(dataSource, { dataDir: first.dir })).toMatchObject({
      status: 'unchanged',
    });

    // new version: one occupation renamed, one gone, one postcode gone
    const data = slice(['8344.1', '5230.1'], ['1315']);
    data.occupations.find((o) => o.code === '5230.1')!.labelNl = 'kassakampioen';
    const second = write(data);
    const replaced = await importTaxonomy(dataSource, { dataDir: second.dir });
    expect(replaced).toMatchObject({ status: 'imported', version: second.version });
    expect(await count('occupations')).toBe(2);
    expect(await count('postcodes')).toBe(1);
    expect(await search('kassakampioen')).toEqual(['5230.1']);
    expect(await search('magazijnmedewerker')).toEqual([]);
    const [orphans] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM taxonomy_labels l
        WHERE NOT EXISTS (SELECT 1 FROM occupations o WHERE o.uri = l.concept_uri)
          AND NOT EXISTS (SELECT 1 FROM skills s WHERE s.uri = l.concept_uri)`,
    );
    expect(orphans.n).toBe(0);
    const versions = await dataSource.query<{ version: string }[]>(
      'SELECT version FROM taxonomy_imports ORDER BY id',
    );
    expect(versions.map((v) => v.version)).toEqual([first.version, second.version]);
  });

  it('refuses to drop an occupation that records still point at, and keeps the loaded data', async () => {
    const current = slice(['8344.1', '5230.1'], ['1315']);
    const before = await importTaxonomy(dataSource, { dataDir: write(current).dir, force: true });
    const kept = current.occupations.find((o) => o.code === '8344.1')!;
    await dataSource.query(
      'CREATE TABLE test_refs (occupation_uri text REFERENCES occupations (uri))',
    );
    await dataSource.query('INSERT INTO test_refs VALUES ($1)', [kept.uri]);
    const without = write(slice(['5230.1'], ['1315']));
    await expect(importTaxonomy(dataSource, { dataDir: without.dir })).rejects.toThrow(
      /drops occupations that other records still refer to.*nothing was changed/,
    );
    expect(await count('occupations')).toBe(2);
    expect(await search('heftruckchauffeur')).toEqual(['8344.1']);
    const [latest] = await dataSource.query<{ version: string }[]>(
      'SELECT version FROM taxonomy_imports ORDER BY id DESC LIMIT 1',
    );
    expect(latest.version).toBe(before.version);
  });
});
