import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/infra/auth/role';
import { OutboxService } from '../src/infra/outbox/outbox.service';
import { CandidateEntity } from '../src/modules/candidates/candidate.entity';
import { createCandidate, generateBsn } from './factories/candidate.factory';
import { createEmployer } from './factories/employer.factory';
import { loginAs, TestUser } from './factories/user.factory';
import { createVacancy } from './factories/vacancy.factory';
import { createTestApp, TestApp } from './helpers/test-app';
import { startWorker, TestWorker } from './helpers/worker';

interface Item {
  id: string;
  distanceKm: number | null;
  [field: string]: unknown;
}
interface SearchBody {
  items: Item[];
  total: number;
  facets: Record<string, { value: string; label: string; count: number }[]>;
  relaxations: { parameter: string; total: number; message: string }[];
  corrections?: { word: string; searchedAs: string[]; message: string }[];
}

/** A word no other spec uses, so results are this file's records only. */
const RUN = `zoekproef${randomUUID()
  .slice(0, 6)
  .replace(/[0-9-]/g, 'x')}`;

describe('search (API, outbox, worker)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let km: TestUser;
  let otherKm: TestUser;
  let am: TestUser;
  let coordinator: TestUser;
  let werkgever: TestUser;

  const search = async (who: TestUser, path: string, query: Record<string, string | number>) => {
    const response = await request(t.http).get(path).query(query).set(who.auth);
    expect(response.status).toBe(200);
    return response.body as SearchBody;
  };
  const ids = (body: SearchBody) => body.items.map((item) => item.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startWorker(t.dataSource);
    [km, otherKm, am, coordinator] = await Promise.all([
      loginAs(t, Role.ClientManager),
      loginAs(t, Role.ClientManager),
      loginAs(t, Role.AccountManager, { sectors: ['H', 'C', 'G'] }),
      loginAs(t, Role.Coordinator),
    ]);
    const employer = await createEmployer(t, am, { sector: 'H' });
    werkgever = await loginAs(t, Role.Employer, { employerId: employer.id });
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  describe('keeping the index in step with the database', () => {
    it('finds a new profile by its hobby, a misspelt occupation and an alternative label', async () => {
      const candidate = await createCandidate(t, km, {
        activities: [{ kind: 'hobby', description: `restaureert ${RUN} oldtimers`, years: 12 }],
      });
      await worker.settled();

      const exact = await search(km, '/candidates/search', { q: RUN });
      expect(ids(exact)).toEqual([candidate.id]);
      expect(exact.corrections).toEqual([]);
      // "offsetdrukker" misspelt, and the ESCO Dutch label of the occupation; the answer says
      // what the misspelt word was searched for as, so a result is never a silent guess
      const misspelt = await search(km, '/candidates/search', { q: `offsetdrukkr ${RUN}` });
      expect(ids(misspelt)).toEqual([candidate.id]);
      expect(misspelt.corrections).toEqual([
        {
          word: 'offsetdrukkr',
          searchedAs: expect.arrayContaining(['offsetdrukker']) as string[],
          message: expect.stringMatching(
            /^"offsetdrukkr" komt nergens voor; gezocht op (.+ of )?"offsetdrukker"/,
          ) as string,
        },
      ]);
    });

    it('never puts a name, birth year, contact detail, BSN or work-capacity data in a document', async () => {
      const bsn = generateBsn();
      const candidate = await createCandidate(t, km, {
        firstName: 'Gerritdina',
        lastName: 'Zwanenburg',
        email: 'gerritdina@voorbeeld.test',
        phone: '06 9876 5432',
        bsn,
        workCapacityNotes: 'rugklachten na een hernia',
        activities: [{ kind: 'hobby', description: `${RUN} privacytest`, years: 2 }],
      });
      await worker.settled();
      const [row] = await t.dataSource.query<{ fields: object }[]>(
        `SELECT fields FROM search_fields_candidates WHERE id = $1`,
        [candidate.id],
      );
      const stored = JSON.stringify(row.fields);
      for (const secret of [
        'Gerritdina',
        'Zwanenburg',
        'gerritdina@',
        '9876',
        bsn,
        'hernia',
        String(candidate.birthYear),
        'standingMinutes',
        'liftingKg',
      ]) {
        expect({ secret, found: stored.includes(secret) }).toEqual({ secret, found: false });
      }
    });

    it('follows updates (old words stop matching) and erasure (the profile disappears)', async () => {
      const candidate = await createCandidate(t, km, {
        activities: [{ kind: 'hobby', description: `${RUN} kantklossen`, years: 5 }],
      });
      await worker.settled();
      expect(ids(await search(km, '/candidates/search', { q: `${RUN} kantklossen` }))).toEqual([
        candidate.id,
      ]);

      await request(t.http)
        .patch(`/candidates/${candidate.id}`)
        .set(km.auth)
        .send({ activities: [{ kind: 'hobby', description: `${RUN} pottenbakken`, years: 5 }] })
        .expect(200);
      await worker.settled();
      expect((await search(km, '/candidates/search', { q: `${RUN} kantklossen` })).total).toBe(0);
      expect(ids(await search(km, '/candidates/search', { q: `${RUN} pottenbakken` }))).toEqual([
        candidate.id,
      ]);

      await request(t.http).delete(`/candidates/${candidate.id}`).set(coordinator.auth).expect(204);
      await worker.settled();
      expect(
        (await search(coordinator, '/candidates/search', { q: `${RUN} pottenbakken` })).total,
      ).toBe(0);
    });

    it('indexes nothing for a transaction that rolled back', async () => {
      const outbox = t.app.get(OutboxService);
      const id = randomUUID();
      const profile = (await createCandidate(t, km)) as unknown as Partial<CandidateEntity>;
      await expect(
        t.dataSource.transaction(async (manager) => {
          await manager.getRepository(CandidateEntity).insert({
            ...profile,
            id,
            clientNumber: `ROLLBACK-${id.slice(0, 8)}`,
            bsnHash: null,
            activities: [{ kind: 'hobby', description: `${RUN} teruggedraaid` }],
            createdAt: undefined,
            updatedAt: undefined,
            version: undefined,
          });
          await outbox.add(manager, 'candidate', [id]);
          throw new Error('the request failed after writing');
        }),
      ).rejects.toThrow('the request failed after writing');
      await worker.settled();

      const [{ rows }] = await t.dataSource.query<{ rows: number }[]>(
        `SELECT (SELECT count(*) FROM outbox WHERE aggregate_id = $1) + (SELECT count(*) FROM search_docs_candidates WHERE id = $1::text) AS rows`,
        [id],
      );
      expect(Number(rows)).toBe(0);
      expect(
        (await search(coordinator, '/candidates/search', { q: `${RUN} teruggedraaid` })).total,
      ).toBe(0);
    });
  });

  describe('GET /candidates/search', () => {
    let turkishSpeaker: { id: string };
    let farAway: { id: string };
    let notForMatching: { id: string };
    let otherCaseload: { id: string };

    beforeAll(async () => {
      const hobby = (word: string) => [{ kind: 'hobby', description: `${RUN} ${word}`, years: 3 }];
      turkishSpeaker = await createCandidate(t, km, {
        homePc4: '1315',
        hoursMin: 24,
        hoursMax: 32,
        languages: [
          { language: 'nl', level: 'B1' },
          { language: 'tr', level: 'native' },
        ],
        activities: hobby('filter'),
      });
      farAway = await createCandidate(t, km, {
        homePc4: '9711',
        hoursMin: 36,
        hoursMax: 40,
        languages: [{ language: 'nl', level: 'native' }],
        activities: hobby('filter'),
      });
      notForMatching = await createCandidate(t, km, {
        availableForMatching: false,
        activities: hobby('filter'),
      });
      otherCaseload = await createCandidate(t, otherKm, { activities: hobby('filter') });
      await worker.settled();
    });

    it('shows each role its own part: caseload, profiles open to matching, everything', async () => {
      const q = { q: `${RUN} filter` };
      expect(ids(await search(km, '/candidates/search', q))).toEqual(
        [turkishSpeaker.id, farAway.id, notForMatching.id].sort(),
      );
      expect(ids(await search(am, '/candidates/search', q))).toEqual(
        [turkishSpeaker.id, farAway.id, otherCaseload.id].sort(),
      );
      expect(ids(await search(coordinator, '/candidates/search', q))).toEqual(
        [turkishSpeaker.id, farAway.id, notForMatching.id, otherCaseload.id].sort(),
      );
      await request(t.http).get('/candidates/search').query(q).set(werkgever.auth).expect(403);
      await request(t.http).get('/candidates/search').query(q).expect(401);
    });

    it('filters on language level, hours overlap and distance from a PC4, with distances', async () => {
      const base = { q: `${RUN} filter` };
      expect(
        ids(await search(coordinator, '/candidates/search', { ...base, language: 'tr:B2' })),
      ).toEqual([turkishSpeaker.id]);
      expect(
        ids(
          await search(coordinator, '/candidates/search', { ...base, hoursMin: 36, hoursMax: 38 }),
        ),
      ).toEqual([farAway.id]);
      const near = await search(coordinator, '/candidates/search', {
        ...base,
        nearPc4: '1315',
        radiusKm: 25,
        sort: 'distance',
      });
      expect(near.items.map((item) => item.id)).not.toContain(farAway.id);
      expect(near.items[0]).toEqual(
        expect.objectContaining({ id: expect.any(String), distanceKm: expect.any(Number) }),
      );
    });

    it('counts facets with Dutch labels', async () => {
      const body = await search(coordinator, '/candidates/search', {
        q: `${RUN} filter`,
        facets: 'languageCodes,programmeStatus',
      });
      expect(body.facets.languageCodes).toEqual(
        expect.arrayContaining([
          { value: 'nl', label: 'Nederlands', count: 4 },
          { value: 'tr', label: 'Turks', count: 1 },
        ]),
      );
      expect(body.facets.programmeStatus).toEqual([{ value: 'active', label: 'actief', count: 4 }]);
    });

    it('says which criterion to drop when nothing is found, instead of an empty page', async () => {
      const body = await search(coordinator, '/candidates/search', {
        q: `${RUN} filter`,
        language: 'tr:B2',
        hoursMin: 38,
        hoursMax: 40,
      });
      expect(body.total).toBe(0);
      expect(body.relaxations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ parameter: 'hours', total: 1 }),
          expect.objectContaining({ parameter: 'language', total: 1 }),
        ]),
      );
      expect(body.relaxations[0].message).toMatch(/^Zonder .+ zijn er 1 resultaten\.$/);
    });

    it('refuses unknown references and malformed filters with a 400 that names the field', async () => {
      const cases: [Record<string, string>, string][] = [
        [
          {
            occupation:
              'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000',
          },
          'occupation',
        ],
        [{ skill: 'magazijn' }, 'skill'],
        [{ nearPc4: '0999' }, 'nearPc4'],
        [{ nearPc4: '1000' }, 'nearPc4'], // well-formed, but no such area
        [{ radiusKm: '10' }, 'radiusKm'],
        [{ language: "tr:B1' OR 1=1" }, 'language'],
        [{ status: 'active,hacked' }, 'status'],
        [{ facets: 'firstName' }, 'facets'],
        [{ hoursMin: '32', hoursMax: '24' }, 'hoursMin'],
        [{ sort: 'birthYear' }, 'sort'],
      ];
      for (const [query, field] of cases) {
        const response = await request(t.http)
          .get('/candidates/search')
          .query(query)
          .set(coordinator.auth);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(
          (response.body as { errors: { field: string }[] }).errors.map((e) => e.field),
        ).toContain(field);
      }
    });

    it('treats hostile text as plain words: never an error, never a wider result', async () => {
      const base = ids(await search(coordinator, '/candidates/search', { q: `${RUN} filter` }));
      expect(base).toHaveLength(4);
      for (const hostile of [
        "' OR 1=1 --",
        '") OR (',
        '_geoRadius(0,0,1)',
        '\\',
        '%_*',
        '&|!:()<->',
        'x'.repeat(150),
      ]) {
        const q = `${RUN} filter ${hostile}`;
        const found = ids(await search(coordinator, '/candidates/search', { q }));
        expect({ q, widened: found.filter((id) => !base.includes(id)) }).toEqual({
          q,
          widened: [],
        });
      }
      // punctuation only leaves no word: the same as no text at all
      expect(
        ids(await search(coordinator, '/candidates/search', { q: `${RUN} filter %_*` })),
      ).toEqual(base);
    });
  });

  describe('GET /vacancies/search and /employers/search', () => {
    it('finds vacancies by title and occupation; klantmanagers do not see drafts', async () => {
      const employer = await createEmployer(t, am, { sector: 'H', name: `Transport ${RUN} BV` });
      const open = await createVacancy(t, am, {
        employerId: employer.id,
        title: `Orderpicker ${RUN}`,
        status: 'open',
      });
      const draft = await createVacancy(t, am, {
        employerId: employer.id,
        title: `Orderpicker ${RUN}`,
        status: 'draft',
      });
      await worker.settled();

      expect(ids(await search(am, '/vacancies/search', { q: `orderpikcer ${RUN}` }))).toEqual(
        [open.id, draft.id].sort(),
      );
      expect(ids(await search(km, '/vacancies/search', { q: `orderpicker ${RUN}` }))).toEqual([
        open.id,
      ]);
      await request(t.http).get('/vacancies/search').set(werkgever.auth).expect(403);
    });

    it('keeps vacancies in step with their employer, and finds employers without a vacancy', async () => {
      const employer = await createEmployer(t, am, {
        sector: 'G',
        sbiCode: null,
        name: `Bakkerij ${RUN} Centrum`,
      });
      const quiet = await createEmployer(t, am, {
        sector: 'G',
        sbiCode: null,
        name: `Slagerij ${RUN} Centrum`,
      });
      const vacancy = await createVacancy(t, am, {
        employerId: employer.id,
        title: 'Verkoper',
        status: 'open',
      });
      await worker.settled();

      const withOpen = await search(km, '/employers/search', {
        q: `${RUN} centrum`,
        hasOpenVacancies: 'true',
      });
      expect(ids(withOpen)).toEqual([employer.id]);
      expect(
        ids(
          await search(km, '/employers/search', { q: `${RUN} centrum`, hasOpenVacancies: 'false' }),
        ),
      ).toContain(quiet.id);

      await request(t.http)
        .patch(`/employers/${employer.id}`)
        .set(am.auth)
        .send({ name: `Banketbakkerij ${RUN}` })
        .expect(200);
      await worker.settled();
      const found = await search(am, '/vacancies/search', { q: `banketbakkerij ${RUN}` });
      expect(found.items.map((item) => [item.id, item.employerName])).toEqual([
        [vacancy.id, `Banketbakkerij ${RUN}`],
      ]);
    });
  });
});
