import {
  FieldValue,
  GeoPoint,
  SearchDocument,
  SearchEngine,
  SearchFilter,
  SearchIndexName,
  SearchQuery,
  SearchQueryError,
  SearchResult,
} from '../src/infra/search/search-engine';
import { SEARCH_SCHEMAS } from '../src/infra/search/search-indexes';

/**
 * The shared contract of the search-engine port: the same tests, with the same hand-written
 * Dutch documents, run against every engine (test/search-engine-*.e2e-spec.ts). Each test says
 * which documents a user would get back.
 */
export interface ContractSubject {
  engine: SearchEngine;
  /** Removes everything the suite stored (its own namespace or index prefix). */
  clean(): Promise<void>;
  close(): Promise<void>;
}

const ALMERE: GeoPoint = { lat: 52.37, lng: 5.22 };
const LELYSTAD: GeoPoint = { lat: 52.52, lng: 5.47 };
const AMSTERDAM: GeoPoint = { lat: 52.37, lng: 4.9 };
const GRONINGEN: GeoPoint = { lat: 53.22, lng: 6.57 };

/** A document with every field of the index's schema, as the indexer builds them. */
function document(
  index: SearchIndexName,
  id: string,
  geo: GeoPoint | null,
  fields: Record<string, FieldValue>,
): SearchDocument {
  const schema = SEARCH_SCHEMAS[index];
  const all: Record<string, FieldValue> = {};
  for (const field of schema.text.flat()) all[field] = [];
  for (const field of schema.keywords) all[field] = [];
  for (const field of schema.numbers) all[field] = null;
  return { id, geo, fields: { ...all, ...fields } };
}

/** What a hit carries of a document: its index's displayed fields. */
function displayedOf(index: SearchIndexName, doc: SearchDocument): Record<string, FieldValue> {
  return Object.fromEntries(
    SEARCH_SCHEMAS[index].displayed.map((field) => [field, doc.fields[field]]),
  );
}

const candidate = (id: string, geo: GeoPoint | null, fields: Record<string, FieldValue>) =>
  document('candidates', id, geo, fields);
const vacancy = (id: string, geo: GeoPoint | null, fields: Record<string, FieldValue>) =>
  document('vacancies', id, geo, fields);

const MAGAZIJN = candidate('c-magazijn', ALMERE, {
  occupations: ['esco:occupation/magazijnmedewerker'],
  iscoGroups: ['4321'],
  occupationLabels: ['magazijnmedewerker'],
  occupationAltLabels: ['orderpicker', 'logistiek medewerker'],
  experienceTitles: ['Medewerker expeditie'],
  skills: ['esco:skill/heftruck', 'esco:skill/voorraad'],
  skillLabels: ['heftruck besturen', 'voorraad bijhouden'],
  skillEvidence: ['Tien jaar expeditie bij een groothandel'],
  activities: ['repareert fietsen'],
  languages: ['nl:C1', 'tr:C2'],
  languageCodes: ['nl', 'tr'],
  certificates: ['VCA'],
  drivingLicences: ['B'],
  sectors: ['logistiek'],
  sectorsOfInterest: ['logistiek', 'handel'],
  programmeStatus: 'active',
  educationLevel: 'mbo2',
  klantmanagerId: 'km-1',
  availableForMatching: 'true',
  hoursMin: 24,
  hoursMax: 32,
  availableFrom: 0,
  updatedAt: 1767225600,
});

const BEDIENING = candidate('c-bediening', LELYSTAD, {
  occupations: ['esco:occupation/bedieningsmedewerker'],
  iscoGroups: ['5131'],
  occupationLabels: ['bedieningsmedewerker'],
  occupationAltLabels: ['serveerster', 'kelner'],
  experienceTitles: ['Barista in café De Kroon'],
  skills: ['esco:skill/koffie'],
  skillLabels: ['koffie zetten', 'gastvrijheid'],
  activities: ['kookt voor de buurt'],
  languages: ['nl:C2', 'en:B1'],
  languageCodes: ['nl', 'en'],
  certificates: ['SVH Sociale Hygiëne'],
  sectors: ['horeca'],
  sectorsOfInterest: ['horeca', 'zorg'],
  programmeStatus: 'active',
  educationLevel: 'vmbo',
  klantmanagerId: 'km-2',
  availableForMatching: 'true',
  hoursMin: 16,
  hoursMax: 24,
  availableFrom: 20260101,
  updatedAt: 1767312000,
});

const COORDINATOR = candidate('c-coordinator', AMSTERDAM, {
  occupations: ['esco:occupation/coordinator-logistiek'],
  iscoGroups: ['4323'],
  occupationLabels: ['coördinator logistiek'],
  occupationAltLabels: ['logistiek planner'],
  experienceTitles: ['Teamleider drukkerij'],
  skills: ['esco:skill/planning', 'esco:skill/leidinggeven'],
  skillLabels: ['planning maken', 'leidinggeven'],
  skillEvidence: ['Plande twintig jaar de ploegendiensten'],
  activities: ['traint een voetbalteam'],
  languages: ['nl:C2', 'ar:C1'],
  languageCodes: ['nl', 'ar'],
  certificates: ['VCA', 'BHV'],
  drivingLicences: ['B', 'C'],
  sectors: ['grafisch', 'logistiek'],
  sectorsOfInterest: ['logistiek'],
  programmeStatus: 'active',
  educationLevel: 'hbo',
  klantmanagerId: 'km-1',
  availableForMatching: 'true',
  hoursMin: 32,
  hoursMax: 40,
  availableFrom: 20250901,
  updatedAt: 1767398400,
});

const POSTBODE = candidate('c-postbode', GRONINGEN, {
  occupations: ['esco:occupation/postbode'],
  iscoGroups: ['4412'],
  occupationLabels: ['postbode'],
  occupationAltLabels: ['postbesteller'],
  experienceTitles: ['Postbezorger'],
  skills: ['esco:skill/sorteren'],
  skillLabels: ['post sorteren'],
  activities: ['vrijwilliger in cafe Het Hoekje'],
  languages: ['nl:C1'],
  // the same value twice in one document is counted once in facets
  languageCodes: ['nl', 'nl'],
  drivingLicences: ['B'],
  sectors: ['post'],
  programmeStatus: 'paused',
  educationLevel: 'mbo2',
  klantmanagerId: 'km-2',
  availableForMatching: 'false',
  // hours unknown: null never matches a range
  availableFrom: 0,
  updatedAt: 1767484800,
});

const FIETSENMAKER = candidate('c-fietsenmaker', null, {
  occupations: ['esco:occupation/fietsenmaker'],
  iscoGroups: ['7234'],
  occupationLabels: ['fietsenmaker'],
  occupationAltLabels: ['rijwielhersteller'],
  experienceTitles: ['Monteur tweewielers'],
  skills: ['esco:skill/fietsen-repareren'],
  skillLabels: ['fietsen repareren'],
  languages: ['pl:C2', 'nl:B1'],
  languageCodes: ['pl', 'nl'],
  sectors: ['handel'],
  sectorsOfInterest: ['handel'],
  programmeStatus: 'active',
  educationLevel: 'mbo3',
  klantmanagerId: 'km-3',
  availableForMatching: 'true',
  hoursMin: 20,
  hoursMax: 38,
  availableFrom: 20251015,
  updatedAt: 1767571200,
});

const CANDIDATES = [MAGAZIJN, BEDIENING, COORDINATOR, POSTBODE, FIETSENMAKER];

const ORDERPICKER = vacancy('v-orderpicker', ALMERE, {
  title: 'Orderpicker dagdienst',
  occupation: 'esco:occupation/magazijnmedewerker',
  iscoGroup: '4321',
  occupationLabel: 'magazijnmedewerker',
  occupationAltLabels: ['orderpicker', 'logistiek medewerker'],
  skills: ['esco:skill/heftruck'],
  skillLabels: ['heftruck besturen'],
  employerName: 'Bakkerij Koeckebacker',
  description: 'Je verzamelt bestellingen in ons magazijn.',
  languages: ['nl:B1'],
  languageCodes: ['nl'],
  certificates: ['VCA'],
  sector: 'logistiek',
  status: 'open',
  kind: 'regular',
  contractType: 'temporary',
  shifts: ['day'],
  employerId: 'e-1',
  trialPlacementPossible: 'true',
  hoursMin: 24,
  hoursMax: 38,
  startDate: 20260201,
  updatedAt: 1767225600,
});

const KOK = vacancy('v-kok', LELYSTAD, {
  title: 'Zelfstandig werkend kok',
  occupation: 'esco:occupation/kok',
  iscoGroup: '5120',
  occupationLabel: 'kok',
  occupationAltLabels: ['chef-kok'],
  skills: ['esco:skill/koken'],
  skillLabels: ['koken'],
  employerName: 'Brasserie Het Baken',
  description: 'Lunch en diner voor tachtig gasten.',
  languages: ['nl:B2'],
  languageCodes: ['nl'],
  sector: 'horeca',
  status: 'open',
  kind: 'regular',
  contractType: 'permanent',
  shifts: ['evening', 'weekend'],
  employerId: 'e-2',
  trialPlacementPossible: 'false',
  hoursMin: 32,
  hoursMax: 40,
  startDate: 0,
  updatedAt: 1767312000,
});

const CHAUFFEUR = vacancy('v-chauffeur', GRONINGEN, {
  title: 'Chauffeur C',
  occupation: 'esco:occupation/vrachtwagenchauffeur',
  iscoGroup: '8332',
  occupationLabel: 'vrachtwagenchauffeur',
  occupationAltLabels: ['trucker'],
  employerName: 'Transport Noord',
  description: 'Ritten door het noorden.',
  languages: ['nl:B1', 'de:B1'],
  languageCodes: ['nl', 'de'],
  drivingLicences: ['C', 'CE'],
  sector: 'logistiek',
  status: 'filled',
  kind: 'regular',
  contractType: 'temporary',
  shifts: ['day', 'night'],
  employerId: 'e-3',
  trialPlacementPossible: 'true',
  hoursMin: 38,
  hoursMax: 40,
  startDate: 20260301,
  updatedAt: 1767398400,
});

const VACANCIES = [ORDERPICKER, KOK, CHAUFFEUR];

/** Inputs an attacker or a clumsy user could type into any text or filter field. */
const HOSTILE = [
  '',
  "'",
  '"',
  "' OR 1=1 --",
  '") OR (',
  '" OR id EXISTS',
  "nl' OR languageCodes = 'tr",
  'nl" OR languageCodes = "tr',
  'nl\nOR languageCodes = tr',
  '_geoRadius(0, 0, 1)',
  '_geoRadius(52.37, 5.22, 100000)',
  '\\',
  'a\\b',
  '\\"',
  '%',
  '_',
  '*',
  '&|!:()',
  "'; DROP TABLE search_documents; --",
  'x'.repeat(2000),
  '😀🇳🇱 ñ 中文',
  '\u0000',
  // a letter outside the BMP where a long word is cut: half of it must never reach the engine
  `${'a'.repeat(39)}𐌰`,
];

/** Distance along the earth's surface in km, computed here independently of the engines. */
function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

async function* batches(...lists: SearchDocument[][]): AsyncIterable<SearchDocument[]> {
  for (const list of lists) {
    await Promise.resolve();
    yield list;
  }
}

const ids = (result: SearchResult) => result.hits.map((hit) => hit.id);
const idSet = (result: SearchResult) => ids(result).sort();
const ALL_CANDIDATES = CANDIDATES.map((doc) => doc.id).sort();

export function describeSearchEngineContract(
  engineName: string,
  open: () => Promise<ContractSubject>,
  skipReason?: string,
): void {
  const title = `search engine contract: ${engineName}`;
  if (skipReason !== undefined) {
    // straight to stderr: Jest drops the console output of a file whose tests are all skipped
    process.stderr.write(`\n${engineName} search engine contract tests skipped: ${skipReason}\n\n`);
    describe(title, () => it.skip(`skipped: ${skipReason}`, () => undefined));
    return;
  }

  describe(title, () => {
    let subject: ContractSubject | undefined;
    const engine = (): SearchEngine => {
      if (!subject) throw new Error('the engine did not open');
      return subject.engine;
    };
    const find = (index: SearchIndexName, query: Partial<SearchQuery> = {}) =>
      engine().search(index, { offset: 0, limit: 50, ...query });
    const findCandidates = (query: Partial<SearchQuery> = {}) => find('candidates', query);
    /** PostgreSQL says which words it corrected (here none); Meilisearch does not say. */
    const noCorrections = () => (engine().kind === 'postgres' ? [] : undefined);
    const textIds = async (text: string, index: SearchIndexName = 'candidates') =>
      idSet(await find(index, { text }));
    /** The standard contents: five candidates and three vacancies. */
    const load = async () => {
      await engine().rebuild('candidates', batches(CANDIDATES));
      await engine().rebuild('vacancies', batches(VACANCIES));
    };

    beforeAll(async () => {
      subject = await open();
      await subject.clean();
      await engine().configure('candidates');
      await engine().configure('vacancies');
    }, 120_000);

    afterAll(async () => {
      if (!subject) return;
      await subject.clean();
      await subject.close();
    }, 120_000);

    describe('on the standard documents', () => {
      beforeAll(load, 60_000);

      describe('text', () => {
        it('finds an occupation by its label and every document without text', async () => {
          expect(await textIds('magazijnmedewerker')).toEqual(['c-magazijn']);
          expect(idSet(await findCandidates())).toEqual(ALL_CANDIDATES);
          expect(idSet(await findCandidates({ text: '' }))).toEqual(ALL_CANDIDATES);
        });

        it('tolerates typos', async () => {
          expect(await textIds('magazijnmedewerkr')).toEqual(['c-magazijn']);
          expect(await textIds('orderpiker')).toEqual(['c-magazijn']);
          expect(await textIds('koeckebaker', 'vacancies')).toEqual(['v-orderpicker']);
        });

        it('finds Dutch alternative labels', async () => {
          expect(await textIds('orderpicker')).toEqual(['c-magazijn']);
          expect(await textIds('postbesteller')).toEqual(['c-postbode']);
          expect(await textIds('rijwielhersteller')).toEqual(['c-fietsenmaker']);
        });

        it('ignores accents both ways and case', async () => {
          expect(await textIds('cafe')).toEqual(['c-bediening', 'c-postbode']);
          expect(await textIds('café')).toEqual(['c-bediening', 'c-postbode']);
          expect(await textIds('coordinator')).toEqual(['c-coordinator']);
          expect(await textIds('coördinator')).toEqual(['c-coordinator']);
          expect(await textIds('COÖRDINATOR')).toEqual(['c-coordinator']);
        });

        it('takes the last word as a prefix (search as you type)', async () => {
          expect(await textIds('magazijn')).toEqual(['c-magazijn']);
          expect(await textIds('magazijnmedew')).toEqual(['c-magazijn']);
          expect(await textIds('rijwielh')).toEqual(['c-fietsenmaker']);
        });

        it('needs every word to match', async () => {
          expect(await textIds('orderpicker fietsen')).toEqual(['c-magazijn']);
          expect(await textIds('fietsen orderpicker')).toEqual(['c-magazijn']);
          expect(await textIds('orderpicker koffie')).toEqual([]);
          expect(await textIds('postbode voetbalteam')).toEqual([]);
        });

        it('keeps the indexes apart', async () => {
          expect(await textIds('magazijnmedewerker', 'vacancies')).toEqual(['v-orderpicker']);
          expect(await textIds('bakkerij')).toEqual([]);
          expect(await textIds('kok', 'vacancies')).toEqual(['v-kok']);
          expect(await textIds('chef', 'vacancies')).toEqual(['v-kok']);
        });

        it('returns the displayed fields of each hit as they were stored, and no others', async () => {
          const result = await findCandidates({ text: 'postbode' });
          expect(result.hits).toEqual([
            { id: 'c-postbode', fields: displayedOf('candidates', POSTBODE), distanceKm: null },
          ]);
          // searched and filtered on, never shown
          expect(result.hits[0].fields).not.toHaveProperty('occupationAltLabels');
          expect(result.hits[0].fields).not.toHaveProperty('availableForMatching');
        });
      });

      describe('geo', () => {
        const near = (centre: GeoPoint, radiusKm: number) => ({ near: { centre, radiusKm } });

        it('keeps documents within the radius: Almere 30 km has Lelystad, not Groningen', async () => {
          expect(idSet(await findCandidates(near(ALMERE, 30)))).toEqual([
            'c-bediening',
            'c-coordinator',
            'c-magazijn',
          ]);
          expect(idSet(await findCandidates(near(ALMERE, 10)))).toEqual(['c-magazijn']);
          // Amsterdam lies 21.7 km from Almere, Lelystad 23.8 km
          expect(idSet(await findCandidates(near(ALMERE, 22.7)))).toEqual([
            'c-coordinator',
            'c-magazijn',
          ]);
          expect(idSet(await findCandidates(near(ALMERE, 20.7)))).toEqual(['c-magazijn']);
          expect(idSet(await findCandidates(near(GRONINGEN, 30)))).toEqual(['c-postbode']);
        });

        it('gives each hit its distance in km with one decimal, and none without a centre', async () => {
          const result = await findCandidates(near(ALMERE, 200));
          const expected: Record<string, GeoPoint> = {
            'c-magazijn': ALMERE,
            'c-bediening': LELYSTAD,
            'c-coordinator': AMSTERDAM,
            'c-postbode': GRONINGEN,
          };
          expect(idSet(result)).toEqual(Object.keys(expected).sort());
          for (const hit of result.hits) {
            const km = hit.distanceKm ?? NaN;
            expect(Math.round(km * 10)).toBe(km * 10);
            expect(Math.abs(km - haversineKm(ALMERE, expected[hit.id]))).toBeLessThanOrEqual(0.1);
          }
          const plain = await findCandidates();
          expect(plain.hits.map((hit) => hit.distanceKm)).toEqual(plain.hits.map(() => null));
        });

        it('sorts by distance, nearest first', async () => {
          const result = await findCandidates({ ...near(ALMERE, 200), sort: { by: 'distance' } });
          // Almere 0, Amsterdam 21.7, Lelystad 23.8, Groningen 131 km
          expect(ids(result)).toEqual(['c-magazijn', 'c-coordinator', 'c-bediening', 'c-postbode']);
          const withText = await findCandidates({
            ...near(LELYSTAD, 200),
            text: 'logistiek',
            sort: { by: 'distance' },
          });
          // the Amsterdam label match ranks higher by relevance; distance decides
          expect(ids(withText)).toEqual(['c-magazijn', 'c-coordinator']);
        });
      });

      describe('filters', () => {
        it('combines text, anyOf, range and a radius', async () => {
          const base: Partial<SearchQuery> = {
            text: 'logistiek',
            near: { centre: ALMERE, radiusKm: 30 },
          };
          const languages: SearchFilter = {
            kind: 'anyOf',
            field: 'languageCodes',
            values: ['tr', 'ar', 'pl'],
          };
          expect(idSet(await findCandidates(base))).toEqual(['c-coordinator', 'c-magazijn']);
          expect(
            idSet(
              await findCandidates({
                ...base,
                filters: [languages, { kind: 'range', field: 'hoursMin', max: 30 }],
              }),
            ),
          ).toEqual(['c-magazijn']);
          expect(
            idSet(
              await findCandidates({
                ...base,
                filters: [languages, { kind: 'range', field: 'hoursMin', min: 30 }],
              }),
            ),
          ).toEqual(['c-coordinator']);
          expect(
            idSet(
              await findCandidates({
                ...base,
                near: { centre: LELYSTAD, radiusKm: 5 },
                filters: [languages],
              }),
            ),
          ).toEqual([]);
        });

        it('matches any of the values of a keyword field, exactly', async () => {
          const anyOf = (field: string, values: string[]) =>
            findCandidates({ filters: [{ kind: 'anyOf', field, values }] });
          expect(idSet(await anyOf('languageCodes', ['tr', 'pl']))).toEqual([
            'c-fietsenmaker',
            'c-magazijn',
          ]);
          expect(idSet(await anyOf('languages', ['nl:C2']))).toEqual([
            'c-bediening',
            'c-coordinator',
          ]);
          expect(idSet(await anyOf('programmeStatus', ['paused']))).toEqual(['c-postbode']);
          expect(idSet(await anyOf('availableForMatching', ['false']))).toEqual(['c-postbode']);
          expect(idSet(await anyOf('certificates', ['SVH Sociale Hygiëne']))).toEqual([
            'c-bediening',
          ]);
          // exact values: no prefix, no part of a value
          expect(idSet(await anyOf('certificates', ['SVH']))).toEqual([]);
          expect(idSet(await anyOf('languages', ['nl']))).toEqual([]);
          expect(idSet(await anyOf('languageCodes', []))).toEqual([]);
          // every filter must hold
          expect(
            idSet(
              await findCandidates({
                filters: [
                  { kind: 'anyOf', field: 'klantmanagerId', values: ['km-1'] },
                  { kind: 'anyOf', field: 'certificates', values: ['BHV'] },
                ],
              }),
            ),
          ).toEqual(['c-coordinator']);
        });

        it('treats range bounds as inclusive and never matches null', async () => {
          const range = (field: string, min?: number, max?: number) =>
            findCandidates({ filters: [{ kind: 'range', field, min, max }] });
          expect(idSet(await range('hoursMin', 24))).toEqual(['c-coordinator', 'c-magazijn']);
          expect(idSet(await range('hoursMin', undefined, 24))).toEqual([
            'c-bediening',
            'c-fietsenmaker',
            'c-magazijn',
          ]);
          expect(idSet(await range('hoursMin', 24, 24))).toEqual(['c-magazijn']);
          expect(idSet(await range('hoursMax', -1e9))).toEqual(
            ALL_CANDIDATES.filter((id) => id !== 'c-postbode'),
          );
          expect(idSet(await range('hoursMax', undefined, 1e9))).toEqual(
            ALL_CANDIDATES.filter((id) => id !== 'c-postbode'),
          );
          expect(idSet(await range('availableFrom', undefined, 20251231))).toEqual([
            'c-coordinator',
            'c-fietsenmaker',
            'c-magazijn',
            'c-postbode',
          ]);
          expect(idSet(await range('availableFrom', 1))).toEqual([
            'c-bediening',
            'c-coordinator',
            'c-fietsenmaker',
          ]);
          expect(idSet(await range('hoursMin', 41))).toEqual([]);
          expect(idSet(await range('hoursMin', 30, 20))).toEqual([]);
        });
      });

      describe('facets', () => {
        it('counts each value once per matching document', async () => {
          const result = await findCandidates({
            facets: ['languageCodes', 'certificates', 'programmeStatus', 'drivingLicences'],
          });
          expect(result.facets).toEqual({
            languageCodes: { nl: 5, tr: 1, en: 1, ar: 1, pl: 1 },
            certificates: { VCA: 2, 'SVH Sociale Hygiëne': 1, BHV: 1 },
            programmeStatus: { active: 4, paused: 1 },
            drivingLicences: { B: 3, C: 1 },
          });
        });

        it('counts within the matching documents only, and nothing unasked', async () => {
          const result = await findCandidates({
            text: 'logistiek',
            facets: ['languageCodes', 'drivingLicences', 'sectors'],
          });
          expect(result.facets).toEqual({
            languageCodes: { nl: 2, tr: 1, ar: 1 },
            drivingLicences: { B: 2, C: 1 },
            sectors: { logistiek: 2, grafisch: 1 },
          });
          const none = await findCandidates({ text: 'zzqqxx', facets: ['languageCodes'] });
          expect(none).toEqual({
            hits: [],
            total: 0,
            totalIsExact: true,
            facets: { languageCodes: {} },
            corrections: noCorrections(),
          });
          expect((await findCandidates()).facets).toEqual({});
        });

        it('counts facets of vacancies', async () => {
          const result = await find('vacancies', { facets: ['sector', 'shifts', 'status'] });
          expect(result.facets).toEqual({
            sector: { logistiek: 2, horeca: 1 },
            shifts: { day: 2, evening: 1, weekend: 1, night: 1 },
            status: { open: 2, filled: 1 },
          });
        });
      });

      describe('sorting and pages', () => {
        it('sorts by a number field both ways, documents without a value last', async () => {
          const byHours = (direction: 'asc' | 'desc') =>
            findCandidates({ sort: { by: 'field', field: 'hoursMax', direction } });
          expect(ids(await byHours('asc'))).toEqual([
            'c-bediening',
            'c-magazijn',
            'c-fietsenmaker',
            'c-coordinator',
            'c-postbode',
          ]);
          expect(ids(await byHours('desc'))).toEqual([
            'c-coordinator',
            'c-fietsenmaker',
            'c-magazijn',
            'c-bediening',
            'c-postbode',
          ]);
        });

        it('sorts the text matches by the field, not by relevance', async () => {
          const byHours = (direction: 'asc' | 'desc') =>
            findCandidates({
              text: 'logistiek',
              sort: { by: 'field', field: 'hoursMin', direction },
            });
          expect(ids(await byHours('asc'))).toEqual(['c-magazijn', 'c-coordinator']);
          expect(ids(await byHours('desc'))).toEqual(['c-coordinator', 'c-magazijn']);
        });

        it('pages through the matches with an exact total', async () => {
          const page = (offset: number) =>
            findCandidates({
              offset,
              limit: 2,
              sort: { by: 'field', field: 'hoursMax', direction: 'asc' },
            });
          const pages = await Promise.all([0, 2, 4, 6].map(page));
          expect(pages.map(ids)).toEqual([
            ['c-bediening', 'c-magazijn'],
            ['c-fietsenmaker', 'c-coordinator'],
            ['c-postbode'],
            [],
          ]);
          expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
          // a handful of matches is always counted exactly
          expect(pages.map((p) => p.totalIsExact)).toEqual([true, true, true, true]);
          const active = await findCandidates({
            limit: 1,
            filters: [{ kind: 'anyOf', field: 'programmeStatus', values: ['active'] }],
          });
          expect(active.hits).toHaveLength(1);
          expect(active.total).toBe(4);
        });
      });

      describe('stats and refusals', () => {
        it('counts the documents of each index', async () => {
          expect(await engine().stats('candidates')).toEqual({ documents: 5 });
          expect(await engine().stats('vacancies')).toEqual({ documents: 3 });
        });

        it('refuses fields the schema does not have with SearchQueryError', async () => {
          const refused: [SearchIndexName, Partial<SearchQuery>][] = [
            ['candidates', { filters: [{ kind: 'anyOf', field: 'name', values: ['x'] }] }],
            ['candidates', { filters: [{ kind: 'anyOf', field: 'hoursMin', values: ['24'] }] }],
            ['candidates', { filters: [{ kind: 'range', field: 'languageCodes', min: 1 }] }],
            ['candidates', { filters: [{ kind: 'range', field: 'salary', min: 1 }] }],
            ['candidates', { facets: ['klantmanagerId'] }],
            ['candidates', { facets: ['occupationLabels'] }],
            ['candidates', { sort: { by: 'field', field: 'languageCodes', direction: 'asc' } }],
            ['candidates', { sort: { by: 'distance' } }],
            ['vacancies', { filters: [{ kind: 'anyOf', field: 'klantmanagerId', values: ['x'] }] }],
            ['vacancies', { facets: ['programmeStatus'] }],
            ['candidates', { filters: [{ kind: 'range', field: 'hoursMin', min: NaN }] }],
            ['candidates', { filters: [{ kind: 'range', field: 'hoursMin', max: Infinity }] }],
          ];
          for (const [index, query] of refused)
            await expect(find(index, query)).rejects.toThrow(SearchQueryError);
        });
      });

      describe('hostile input', () => {
        it('searches hostile text without error: its words must match, punctuation alone is no text', async () => {
          // the only words in HOSTILE that match: "or" is the start of "orderpicker"
          const matching: Record<string, string[]> = { '") OR (': ['c-magazijn'] };
          for (const text of HOSTILE) {
            const hasWords = /[\p{L}\p{N}]/u.test(text);
            const expected = matching[text] ?? (hasWords ? [] : ALL_CANDIDATES);
            const found = await textIds(text).catch((error: Error) => [`threw: ${error.message}`]);
            expect({ text, found }).toEqual({ text, found: expected });
          }
          expect(await textIds("' OR 1=1 --")).toEqual([]);
        }, 120_000);

        it('matches no document with a hostile keyword value, in any keyword field', async () => {
          for (const field of SEARCH_SCHEMAS.candidates.keywords) {
            for (const value of HOSTILE) {
              const found = await findCandidates({
                filters: [{ kind: 'anyOf', field, values: [value] }],
              }).then(ids, (error: Error) => [`threw: ${error.message}`]);
              expect({ field, value, found }).toEqual({ field, value, found: [] });
            }
          }
        }, 120_000);

        it('lets a hostile value neither widen nor break the other values of a filter', async () => {
          for (const value of HOSTILE) {
            const found = await findCandidates({
              text: 'magazijn',
              near: { centre: ALMERE, radiusKm: 30 },
              filters: [
                { kind: 'anyOf', field: 'languageCodes', values: [value, 'tr'] },
                { kind: 'anyOf', field: 'certificates', values: ['VCA', value] },
                { kind: 'range', field: 'hoursMin', min: 0, max: 1e9 },
              ],
            }).then(ids, (error: Error) => [`threw: ${error.message}`]);
            expect({ value, found }).toEqual({ value, found: ['c-magazijn'] });
          }
        }, 120_000);

        it('refuses hostile field, facet and sort names with SearchQueryError', async () => {
          for (const name of HOSTILE.concat(['languageCodes = "nl" OR id', 'hoursMin >= 0'])) {
            for (const query of [
              { filters: [{ kind: 'anyOf' as const, field: name, values: ['nl'] }] },
              { filters: [{ kind: 'range' as const, field: name, min: 0 }] },
              { facets: [name] },
              { sort: { by: 'field' as const, field: name, direction: 'asc' as const } },
            ])
              await expect(findCandidates(query)).rejects.toThrow(SearchQueryError);
          }
        }, 120_000);

        it('takes extreme but finite numbers', async () => {
          const range = (min?: number, max?: number) =>
            findCandidates({ filters: [{ kind: 'range', field: 'updatedAt', min, max }] });
          expect(idSet(await range(-1e308, 1e308))).toEqual(ALL_CANDIDATES);
          expect(idSet(await range(1e21))).toEqual([]);
          expect(idSet(await range(undefined, -1e-7))).toEqual([]);
          expect(idSet(await range(1767398400.5))).toEqual(['c-fietsenmaker', 'c-postbode']);
        });
      });
    });

    describe('documents with quotes, backslashes and percent signs in their values', () => {
      const ODD = candidate('c-odd', ALMERE, {
        occupationLabels: ['lasser'],
        experienceTitles: [`O'Neill "de" lasser \\ 100%`],
        certificates: [
          'VCA "vol"',
          "Code 95 'vakbekwaamheid'",
          '100% inzet',
          'a\\b',
          'x'.repeat(300),
        ],
        languageCodes: ['nl'],
        hoursMin: 36,
        hoursMax: 40,
        availableFrom: 0,
      });

      beforeAll(async () => {
        await load();
        await engine().upsert('candidates', [ODD]);
      }, 60_000);

      it('finds them by exactly those values and by nothing less', async () => {
        const certificate = async (value: string) =>
          idSet(
            await findCandidates({
              filters: [{ kind: 'anyOf', field: 'certificates', values: [value] }],
            }),
          );
        for (const value of ODD.fields.certificates as string[])
          expect({ value, found: await certificate(value) }).toEqual({ value, found: ['c-odd'] });
        for (const value of ['VCA "vol', '"vol"', '100%', '100', '% inzet', 'a', 'a\\', '_', '%'])
          expect({ value, found: await certificate(value) }).toEqual({ value, found: [] });
        expect(await certificate('VCA')).toEqual(['c-coordinator', 'c-magazijn']);
      });

      it('finds them by their words and counts their values as facets', async () => {
        expect(await textIds('lasser')).toEqual(['c-odd']);
        expect(await textIds('"de" lasser \\ 100%')).toEqual(['c-odd']);
        const result = await findCandidates({ text: 'lasser', facets: ['certificates'] });
        expect(result.facets.certificates).toEqual(
          Object.fromEntries((ODD.fields.certificates as string[]).map((c) => [c, 1])),
        );
        expect(result.hits[0].fields).toEqual(displayedOf('candidates', ODD));
      });
    });

    describe('changes', () => {
      beforeEach(load, 60_000);

      it('replaces a document on upsert: its old words and values no longer match', async () => {
        await engine().upsert('candidates', [
          candidate('c-magazijn', ALMERE, {
            ...MAGAZIJN.fields,
            occupationLabels: ['heftruckchauffeur'],
            occupationAltLabels: ['vorkheftruckchauffeur'],
            experienceTitles: ['Chauffeur'],
            skillEvidence: [],
            activities: ['zingt in een koor'],
            languages: ['nl:C1'],
            languageCodes: ['nl'],
            hoursMin: 36,
            hoursMax: 40,
          }),
        ]);
        expect(await textIds('magazijnmedewerker')).toEqual([]);
        expect(await textIds('orderpicker')).toEqual([]);
        expect(await textIds('fietsen')).toEqual(['c-fietsenmaker']);
        expect(await textIds('heftruckchauffeur')).toEqual(['c-magazijn']);
        const tr = await findCandidates({
          filters: [{ kind: 'anyOf', field: 'languageCodes', values: ['tr'] }],
          facets: ['languageCodes'],
        });
        expect(ids(tr)).toEqual([]);
        const all = await findCandidates({ facets: ['languageCodes'] });
        expect(all.facets.languageCodes).toEqual({ nl: 5, en: 1, ar: 1, pl: 1 });
        expect(all.hits.find((hit) => hit.id === 'c-magazijn')?.fields.hoursMin).toBe(36);
        expect(await engine().stats('candidates')).toEqual({ documents: 5 });
      });

      it('adds new documents on upsert and accepts an empty list', async () => {
        await engine().upsert('candidates', []);
        await engine().upsert('candidates', [
          candidate('c-lasser', GRONINGEN, { occupationLabels: ['lasser'], hoursMin: 8 }),
        ]);
        expect(await textIds('lasser')).toEqual(['c-lasser']);
        expect(await engine().stats('candidates')).toEqual({ documents: 6 });
      });

      it('deletes documents by id, ignores unknown ids and leaves other indexes alone', async () => {
        await engine().delete('candidates', ['c-bediening', 'does-not-exist']);
        await engine().delete('candidates', []);
        await engine().delete('vacancies', ['c-magazijn', 'also-unknown']);
        expect(idSet(await findCandidates())).toEqual(
          ALL_CANDIDATES.filter((id) => id !== 'c-bediening'),
        );
        expect(await textIds('bedieningsmedewerker')).toEqual([]);
        expect((await findCandidates({ facets: ['languageCodes'] })).facets.languageCodes).toEqual({
          nl: 4,
          tr: 1,
          ar: 1,
          pl: 1,
        });
        expect(await engine().stats('candidates')).toEqual({ documents: 4 });
        expect(await engine().stats('vacancies')).toEqual({ documents: 3 });
      });

      it('replaces the whole contents on rebuild; searches see the old contents until it is done', async () => {
        const lasser = candidate('c-lasser', GRONINGEN, { occupationLabels: ['lasser'] });
        const changed = candidate('c-magazijn', ALMERE, {
          ...MAGAZIJN.fields,
          occupationLabels: ['heftruckchauffeur'],
          occupationAltLabels: [],
        });
        let midway: string[] = [];
        async function* slowly(): AsyncIterable<SearchDocument[]> {
          yield [lasser];
          midway = idSet(await findCandidates());
          yield [changed];
        }
        expect(await engine().rebuild('candidates', slowly())).toEqual({ documents: 2 });
        expect(midway).toEqual(ALL_CANDIDATES);
        expect(idSet(await findCandidates())).toEqual(['c-lasser', 'c-magazijn']);
        expect(await textIds('postbode')).toEqual([]);
        expect(await textIds('orderpicker')).toEqual([]);
        expect(await textIds('heftruckchauffeur')).toEqual(['c-magazijn']);
        expect(await engine().stats('candidates')).toEqual({ documents: 2 });
        expect(await engine().stats('vacancies')).toEqual({ documents: 3 });
      });

      it('leaves the index as it was when a rebuild fails', async () => {
        async function* failing(): AsyncIterable<SearchDocument[]> {
          yield [candidate('c-lasser', GRONINGEN, { occupationLabels: ['lasser'] })];
          await Promise.resolve();
          throw new Error('the database went away');
        }
        await expect(engine().rebuild('candidates', failing())).rejects.toThrow(
          'the database went away',
        );
        expect(idSet(await findCandidates())).toEqual(ALL_CANDIDATES);
        expect(await textIds('lasser')).toEqual([]);
        expect(await engine().stats('candidates')).toEqual({ documents: 5 });
      });

      it('empties an index by rebuilding it from nothing; an index never written has no documents', async () => {
        expect(await engine().rebuild('candidates', batches())).toEqual({ documents: 0 });
        expect(await findCandidates()).toEqual({
          hits: [],
          total: 0,
          totalIsExact: true,
          facets: {},
          corrections: noCorrections(),
        });
        expect(await find('employers', { text: 'bakkerij', facets: ['sector'] })).toEqual({
          hits: [],
          total: 0,
          totalIsExact: true,
          facets: { sector: {} },
          corrections: noCorrections(),
        });
        expect(await engine().stats('candidates')).toEqual({ documents: 0 });
        expect(await engine().stats('employers')).toEqual({ documents: 0 });
      });
    });
  });
}
