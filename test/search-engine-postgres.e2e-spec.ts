import { DataSource, QueryRunner } from 'typeorm';
import { SearchGeoCells1795455000000 } from '../migrations/1795455000000-SearchGeoCells';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';
import {
  PostgresSearchEngine,
  PostgresSearchOptions,
} from '../src/infra/search/postgres-search.engine';
import { SearchDocument, SearchFilter, SearchQuery } from '../src/infra/search/search-engine';
import { describeSearchEngineContract } from './search-engine.contract';

/** Index names of the contract documents: never those of the application's own indexes. */
const NAMESPACE = 'contract_';

/** A DataSource of its own; `connections` caps its pool (the configured size otherwise). */
async function openDataSource(connections?: number): Promise<DataSource> {
  const options = typeormOptions(loadConfig());
  const dataSource = new DataSource(
    connections ? { ...options, extra: { ...options.extra, max: connections } } : options,
  );
  await dataSource.initialize();
  return dataSource;
}

/** Drops the namespace's tables (each index has its own) and its words. */
async function clean(dataSource: DataSource, namespace: string): Promise<void> {
  const tables = await dataSource.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = current_schema()
       AND (starts_with(tablename, $1) OR starts_with(tablename, $2))`,
    [`search_docs_${namespace}`, `search_fields_${namespace}`],
  );
  for (const { name } of tables) await dataSource.query(`DROP TABLE "${name}"`);
  await dataSource.query(`DELETE FROM search_terms WHERE starts_with(index_name, $1)`, [namespace]);
}

describeSearchEngineContract('postgres', async () => {
  const dataSource = await openDataSource();
  return {
    engine: new PostgresSearchEngine(dataSource, { namespace: NAMESPACE }),
    clean: () => clean(dataSource, NAMESPACE),
    close: () => dataSource.destroy(),
  };
});

/**
 * An engine on a namespace of its own for one describe block: its tables dropped before and
 * after, its connection closed after. Read `engine` and `dataSource` in hooks and tests.
 */
function ownEngine(
  namespace: string,
  options: Omit<PostgresSearchOptions, 'namespace'> = {},
  connections?: number,
) {
  const own = {} as { dataSource: DataSource; engine: PostgresSearchEngine };
  beforeAll(async () => {
    own.dataSource = await openDataSource(connections);
    own.engine = new PostgresSearchEngine(own.dataSource, { namespace, ...options });
    await clean(own.dataSource, namespace);
  });
  afterAll(async () => {
    await clean(own.dataSource, namespace);
    await own.dataSource.destroy();
  });
  return own;
}

describe('postgres search engine: a rebuild while the indexer writes', () => {
  const namespace = 'concurrent_';
  const own = ownEngine(namespace);
  const doc = (id: string, word: string): SearchDocument => ({
    id,
    geo: null,
    fields: { occupationLabels: [word], hoursMin: 24, hoursMax: 32 },
  });

  it('lets both finish, the later upsert on top of the rebuilt contents', async () => {
    await own.engine.upsert('candidates', [doc('a', 'kok'), doc('b', 'kok')]);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* batches() {
      yield [doc('a', 'bakker')];
      await held; // the rebuild holds its transaction open here
      yield [doc('b', 'bakker'), doc('c', 'bakker')];
    }
    const rebuild = own.engine.rebuild('candidates', batches());
    await new Promise((resolve) => setTimeout(resolve, 100));
    // c is new (the upsert inserts it first), b is held by the rebuild: without the index lock
    // the two transactions would wait for each other
    const upsert = own.engine.upsert('candidates', [doc('c', 'slager'), doc('b', 'slager')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([rebuild, upsert]);

    const found = async (text: string) =>
      (await own.engine.search('candidates', { text, offset: 0, limit: 10 })).hits.map((h) => h.id);
    expect(await found('bakker')).toEqual(['a']);
    expect((await found('slager')).sort()).toEqual(['b', 'c']);
    expect(await found('kok')).toEqual([]);
  });
});

describe('postgres search engine: a rebuild writes one batch while it makes the next', () => {
  const namespace = 'pipelined_';
  const own = ownEngine(namespace);
  const profile = (id: string, occupation: string): SearchDocument => ({
    id,
    geo: null,
    fields: { occupationLabels: [occupation] },
  });
  /** Words enough that PostgreSQL refuses the text vector (over 1 MB): the statement fails. */
  const refused = (id: string): SearchDocument => ({
    id,
    geo: null,
    fields: {
      occupationLabels: ['kok'],
      skillLabels: [Array.from({ length: 200_000 }, (_, i) => `w${i.toString(16)}x`).join(' ')],
    },
  });
  const found = async (text: string) =>
    (await own.engine.search('candidates', { text, offset: 0, limit: 10 })).hits.map(
      (hit) => hit.id,
    );

  it('fails as a whole when the database refuses a batch, and leaves the index as it was', async () => {
    await own.engine.upsert('candidates', [profile('kept', 'lasser')]);
    const made: string[] = [];
    async function* batches(): AsyncIterable<SearchDocument[]> {
      for (const batch of [[profile('a', 'kok')], [refused('b')], [profile('c', 'slager')]]) {
        await Promise.resolve();
        made.push(batch[0].id);
        yield batch;
      }
    }
    await expect(own.engine.rebuild('candidates', batches())).rejects.toThrow(
      /too long for tsvector/,
    );
    expect(made).toEqual(['a', 'b', 'c']); // the batch after the refused one was made meanwhile
    expect(await found('lasser')).toEqual(['kept']);
    expect(await found('kok')).toEqual([]);
    expect(await found('slager')).toEqual([]);
    expect(await own.engine.stats('candidates')).toEqual({ documents: 1 });

    // nothing was left running or half made: the next rebuild replaces the contents
    await own.engine.rebuild(
      'candidates',
      (async function* () {
        await Promise.resolve();
        yield [profile('a', 'kok'), profile('c', 'slager')];
      })(),
    );
    expect(await found('kok')).toEqual(['a']);
    expect(await found('lasser')).toEqual([]);
    expect(await own.engine.stats('candidates')).toEqual({ documents: 2 });
  });
});

describe("postgres search engine: the application's tables are the ones the engine makes", () => {
  const namespace = 'ddl_';
  const own = ownEngine(namespace);

  /** A table's indexes and options, with its own name taken out. */
  const shape = async (table: string) => {
    const indexes = await own.dataSource.query<{ definition: string }[]>(
      `SELECT replace(indexdef, $1, '<table>') AS definition FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname`,
      [table],
    );
    const [options] = await own.dataSource.query<{ options: string[] | null }[]>(
      `SELECT reloptions AS options FROM pg_class WHERE relname = $1`,
      [table],
    );
    return { indexes: indexes.map((row) => row.definition), options: options.options };
  };

  it("gives a new index the indexes and options the migrations gave the application's", async () => {
    for (const index of ['candidates', 'vacancies', 'employers'] as const) {
      await own.engine.configure(index);
      const migrated = await shape(`search_docs_${index}`);
      expect(migrated.indexes).toHaveLength(5);
      expect(await shape(`search_docs_${namespace}${index}`)).toEqual(migrated);
    }
  });
});

describe('postgres search engine: text vectors stay in the row', () => {
  const namespace = 'inline_';
  const own = ownEngine(namespace);
  /** A profile with many words: its vector is well over the 2 kB PostgreSQL moves out by default. */
  const wordy = (id: string): SearchDocument => ({
    id,
    geo: null,
    fields: {
      occupationLabels: ['magazijnmedewerker'],
      skillLabels: Array.from({ length: 300 }, (_, i) => `vaardigheid${i.toString(36)}x`),
    },
  });

  /** Bytes of the documents' TOAST table: 0 when every vector is kept in its row. */
  const toastBytes = async (): Promise<number> => {
    const [row] = await own.dataSource.query<{ bytes: string }[]>(
      `SELECT pg_relation_size(reltoastrelid) AS bytes FROM pg_class WHERE relname = $1`,
      [`search_docs_${namespace}candidates`],
    );
    return Number(row.bytes);
  };

  it('keeps large vectors in line in a new index and after a rebuild, and finds them', async () => {
    await own.engine.upsert('candidates', [wordy('a')]);
    expect(await toastBytes()).toBe(0);
    await own.engine.rebuild(
      'candidates',
      (async function* () {
        await Promise.resolve();
        yield [wordy('a'), wordy('b')];
      })(),
    );
    expect(await toastBytes()).toBe(0);
    const result = await own.engine.search('candidates', {
      text: 'vaardigheid7x',
      offset: 0,
      limit: 10,
    });
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(['a', 'b']);
  });

  it('puts changes into the GIN indexes at once: nothing waits in a pending list searches read', async () => {
    /** Pending-list pages of the documents' GIN indexes, moved into the index by the call. */
    const pendingPages = async () => {
      const rows = await own.dataSource.query<{ pages: number }[]>(
        `SELECT gin_clean_pending_list(c.oid) AS pages FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
         WHERE i.indrelid = $1::regclass AND a.amname = 'gin'`,
        [`search_docs_${namespace}candidates`],
      );
      expect(rows).toHaveLength(2);
      return rows.reduce((sum, row) => sum + Number(row.pages), 0);
    };
    await own.engine.upsert('candidates', [wordy('c'), wordy('d')]);
    expect(await pendingPages()).toBe(0);
    await own.engine.rebuild(
      'candidates',
      (async function* () {
        await Promise.resolve();
        yield [wordy('a')];
      })(),
    );
    await own.engine.upsert('candidates', [wordy('e')]);
    expect(await pendingPages()).toBe(0);
  });
});

describe('postgres search engine: the last word as a prefix', () => {
  const namespace = 'prefix_';
  const own = ownEngine(namespace);
  const doc = (id: string, fields: SearchDocument['fields']): SearchDocument => ({
    id,
    geo: null,
    fields,
  });

  beforeAll(async () => {
    await own.engine.upsert('candidates', [
      doc('interpreter', { occupationLabels: ['tolk'] }),
      doc('mechanic', { occupationLabels: ['monteur'], skillLabels: ['tools gebruiken'] }),
      doc('warehouse', { occupationLabels: ['magazijnmedewerker'] }),
      doc('volunteer', { activities: ['helpt in het magazijn van de voedselbank'] }),
    ]);
  });

  const ids = async (text: string) =>
    (await own.engine.search('candidates', { text, offset: 0, limit: 10 })).hits
      .map((hit) => hit.id)
      .sort();

  it('widens the word as typed, not its stem, and finds compounds by their first part', async () => {
    // "tools" is stemmed to "tol": as a prefix that would find the interpreter ("tolk")
    expect(await ids('tools')).toEqual(['mechanic']);
    expect(await ids('tolk')).toEqual(['interpreter']);
    expect(await ids('monteu')).toEqual(['mechanic']);
    expect(await ids('monteur to')).toEqual(['mechanic']);
    expect(await ids('to')).toEqual(['interpreter', 'mechanic']);
    // a whole word that is also the start of a compound finds both
    expect(await ids('magazijn')).toEqual(['volunteer', 'warehouse']);
  });

  it('finds every word a short beginning starts, also when many indexed words share it', async () => {
    // more words start with "ka" than are looked up by name: then it is searched as a prefix
    const words = Array.from({ length: 20 }, (_, i) => `kas${'abcdefghijklmnopqrst'[i]}teel`);
    await own.engine.upsert(
      'vacancies',
      words.map((word) => doc(word, { title: word })),
    );
    const found = async (text: string) =>
      (await own.engine.search('vacancies', { text, offset: 0, limit: 50 })).hits.length;
    expect(await found('ka')).toBe(20);
    expect(await found('kasa')).toBe(1);
    expect(await found('kasateel')).toBe(1);
  });
});

describe('postgres search engine: a typo corrected with the words of its own index', () => {
  const namespace = 'typo_';
  const own = ownEngine(namespace);

  it('does not let nearer words of another index take the places of its corrections', async () => {
    // the vocabulary of every index is one table: the vacancies' words are nearer to the typo
    await own.engine.upsert('vacancies', [
      { id: 'v1', geo: null, fields: { title: 'magazijnmedewerkr' } },
      { id: 'v2', geo: null, fields: { title: 'magazijnmedewerkrs' } },
    ]);
    await own.engine.upsert('candidates', [
      { id: 'c1', geo: null, fields: { occupationLabels: ['magazijnmedewerker'] } },
    ]);
    const result = await own.engine.search('candidates', {
      text: 'magazijnmedewerkr',
      offset: 0,
      limit: 10,
    });
    expect(result.hits.map((hit) => hit.id)).toEqual(['c1']);
    expect(result.corrections).toEqual([
      { word: 'magazijnmedewerkr', searchedAs: ['magazijnmedewerker'] },
    ]);
  });

  it('reports a word as corrected only when it is in no document, not even by its stem', async () => {
    await own.engine.upsert('candidates', [
      { id: 'c2', geo: null, fields: { occupationLabels: ['heftruckchauffeur'] } },
    ]);
    const corrections = async (text: string) =>
      (await own.engine.search('candidates', { text, offset: 0, limit: 10 })).corrections;
    // as typed, a beginning of an indexed word (search as you type), a form of the same stem
    expect(await corrections('magazijnmedewerker')).toEqual([]);
    expect(await corrections('heftruckchauf')).toEqual([]);
    expect(await corrections('magazijnmedewerkers')).toEqual([]);
    // a typo in any place of the query, also where the words together find nothing
    expect(await corrections('heftruckchaufeur magazijnmedewerker')).toEqual([
      { word: 'heftruckchaufeur', searchedAs: ['heftruckchauffeur'] },
    ]);
    expect(await corrections('magazijnmedewerkr heftruckchaufeur')).toEqual([
      { word: 'magazijnmedewerkr', searchedAs: ['magazijnmedewerker'] },
      { word: 'heftruckchaufeur', searchedAs: ['heftruckchauffeur'] },
    ]);
  });
});

describe('postgres search engine: the text query is planned once per connection', () => {
  // one connection, so that the statements below and the searches share it
  const own = ownEngine('plan_', {}, 1);

  it('keeps one plan for every query text, and still finds what each asks for', async () => {
    const words = ['heftruck', 'kassa', 'schoonmaak', 'vertaler', 'chauffeur', 'bakker'];
    await own.engine.upsert(
      'candidates',
      words.map((word) => ({ id: word, geo: null, fields: { occupationLabels: [word] } })),
    );
    // words, typos, beginnings and two words: each would be planned again for its values
    const expected: [string, string[]][] = [
      ...words.map((word): [string, string[]] => [word, [word]]),
      ['heftruk', ['heftruck']],
      ['schoonm', ['schoonmaak']],
      ['vertalr', ['vertaler']],
      ['chauf', ['chauffeur']],
      ['kassa bakker', []],
    ];
    for (const [text, ids] of expected) {
      const { hits } = await own.engine.search('candidates', { text, offset: 0, limit: 10 });
      expect([text, hits.map((hit) => hit.id)]).toEqual([text, ids]);
    }
    const [plans] = await own.dataSource.query<{ generic: string; custom: string }[]>(
      `SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements
       WHERE name = 'search-text-query'`,
    );
    // PostgreSQL plans the first five runs for their values, then keeps the generic plan
    expect(Number(plans.custom)).toBe(5);
    expect(Number(plans.generic)).toBe(6);
  });
});

describe('postgres search engine: beyond the count limit', () => {
  const namespace = 'limit_';
  // counts exactly up to 3 matches
  const own = ownEngine(namespace, { countLimit: 3 });
  /** 12 bakers (2 with "bakker" in their occupation label, the first text group) and 2 cooks. */
  const docs: SearchDocument[] = [
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `a${String(i).padStart(2, '0')}`,
      geo: null,
      fields: {
        occupationLabels: ['hulpkok'],
        activities: ['helpt de bakker op zaterdag'],
        languageCodes: i < 4 ? ['nl', 'tr'] : ['nl'],
        hoursMin: i,
      },
    })),
    ...['z1', 'z2'].map((id) => ({
      id,
      geo: null,
      fields: { occupationLabels: ['bakker'], languageCodes: ['pl'], hoursMin: 40 },
    })),
    ...['k1', 'k2'].map((id) => ({
      id,
      geo: null,
      fields: { occupationLabels: ['kok'], languageCodes: ['ar'], sectors: ['I'], hoursMin: 20 },
    })),
  ];

  beforeAll(async () => {
    await own.engine.rebuild(
      'candidates',
      (async function* () {
        await Promise.resolve();
        yield docs;
      })(),
    );
  });

  const search = (query: Partial<SearchQuery>) =>
    own.engine.search('candidates', { offset: 0, limit: 2, ...query });

  it('counts exactly up to the limit and says so; beyond it the total is a lower bound', async () => {
    expect(await search({ text: 'kok' })).toMatchObject({ total: 2, totalIsExact: true });
    const broad = await search({ text: 'bakker' });
    expect(broad).toMatchObject({ total: 3, totalIsExact: false });
    expect(
      await search({ text: 'bakker', filters: [anyOf('languageCodes', ['pl'])] }),
    ).toMatchObject({
      total: 2,
      totalIsExact: true,
    });
  });

  it('answers the same search the same each time: scans start at the beginning of the table', async () => {
    // a scan of a table over a quarter of shared_buffers would otherwise start where another
    // scan stopped, and a search stops after its first matches: too large a table for a test
    // here, so the setting of the application's connections is checked
    const [setting] = await own.dataSource.query<{ synchronize_seqscans: string }[]>(
      'SHOW synchronize_seqscans',
    );
    expect(setting.synchronize_seqscans).toBe('off');
    const first = await search({ text: 'bakker', facets: ['languageCodes'] });
    expect(await search({ text: 'bakker', facets: ['languageCodes'] })).toEqual(first);
  });

  it('counts facets within the counted matches when the total is not exact', async () => {
    const result = await search({ text: 'bakker', facets: ['languageCodes'] });
    const counts = Object.values(result.facets.languageCodes);
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toBeLessThanOrEqual(3);
    const exact = await search({ text: 'kok', facets: ['languageCodes'] });
    // the fields asked for, and no others (the cooks have a sector too)
    expect(exact.facets).toEqual({ languageCodes: { ar: 2 } });
    expect((await search({ text: 'kok', facets: ['sectors'] })).facets).toEqual({
      sectors: { I: 2 },
    });
    const all = await search({
      facets: ['languageCodes'],
      filters: [anyOf('languageCodes', ['tr', 'ar'])],
    });
    expect(all).toMatchObject({ total: 3, totalIsExact: false });
  });

  it('ranks the documents with every word in the first text group first, whatever the limit', async () => {
    expect((await search({ text: 'bakker' })).hits.map((hit) => hit.id)).toEqual(['z1', 'z2']);
    // those documents must match the filters too (the bakers speak Polish, not Dutch)
    const dutch = await search({ text: 'bakker', filters: [anyOf('languageCodes', ['nl'])] });
    expect(dutch.hits.map((hit) => hit.id)).toEqual(['a00', 'a01']);
  });

  it('reaches pages beyond the limit, and orders fields and ids over all matches', async () => {
    const page = async (offset: number) =>
      (await search({ text: 'bakker', offset })).hits.map((hit) => hit.id);
    const all = [...(await page(0)), ...(await page(2)), ...(await page(4)), ...(await page(6))];
    expect(all.length).toBe(8);
    const rest = [...all, ...(await page(8)), ...(await page(10))];
    expect(new Set(rest).size).toBe(12);
    const byHours = await search({
      text: 'bakker',
      sort: { by: 'field', field: 'hoursMin', direction: 'desc' },
    });
    expect(byHours.hits.map((hit) => hit.id)).toEqual(['z1', 'z2']);
    const byId = await search({ offset: 12 });
    expect(byId.hits.map((hit) => hit.id)).toEqual(['z1', 'z2']);
  });

  it('sorts all matches by distance, not only the counted ones', async () => {
    // 10 documents 1..10 km east of the centre, written in the order farthest first
    const centre = { lat: 52, lng: 5 };
    const kmEast = (km: number) => ({
      lat: 52,
      lng: 5 + km / (111.19 * Math.cos((52 * Math.PI) / 180)),
    });
    await own.engine.upsert(
      'vacancies',
      Array.from({ length: 10 }, (_, i) => ({
        id: `g${10 - i}`,
        geo: kmEast(10 - i),
        fields: { title: 'monteur' },
      })),
    );
    const near = (offset: number, text?: string) =>
      own.engine.search('vacancies', {
        text,
        near: { centre, radiusKm: 50 },
        sort: { by: 'distance' },
        offset,
        limit: 2,
      });
    const first = await near(0);
    expect(first).toMatchObject({ total: 3, totalIsExact: false });
    expect(first.hits.map((hit) => [hit.id, hit.distanceKm])).toEqual([
      ['g1', 1],
      ['g2', 2],
    ]);
    expect((await near(4, 'monteur')).hits.map((hit) => hit.id)).toEqual(['g5', 'g6']);
    expect((await near(8)).hits.map((hit) => hit.id)).toEqual(['g9', 'g10']);
  });
});

function anyOf(field: string, values: string[]): SearchFilter {
  return { kind: 'anyOf', field, values };
}

describe('postgres search engine: grid cells for a radius with words or filters', () => {
  const namespace = 'cells_';
  const own = ownEngine(namespace, { countLimit: 10_000 });
  const centre = { lat: 52.3508, lng: 5.2647 }; // Almere
  /** km between two points, as the engine measures (haversine on a sphere of 6,371 km). */
  const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
    const rad = (degrees: number) => (degrees * Math.PI) / 180;
    const h =
      Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
      Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  };
  /** Rings of places from 0.5 to 90 km around the centre, every 15°, each a kok or a bakker. */
  const docs: SearchDocument[] = [];
  for (const ringKm of [0.5, 2.9, 4.95, 5.05, 7.5, 9.9, 10.1, 11.9, 12.1, 19, 26, 44, 51, 75, 90])
    for (let degrees = 0; degrees < 360; degrees += 15) {
      const bearing = (degrees * Math.PI) / 180;
      const geo = {
        lat: centre.lat + (ringKm * Math.cos(bearing)) / 111.19,
        lng:
          centre.lng +
          (ringKm * Math.sin(bearing)) / (111.19 * Math.cos((centre.lat * Math.PI) / 180)),
      };
      docs.push({
        id: `p${docs.length}`,
        geo,
        fields: {
          occupationLabels: [degrees % 30 === 0 ? 'kok' : 'bakker'],
          languageCodes: [degrees % 45 === 0 ? 'tr' : 'nl'],
        },
      });
    }
  docs.push({ id: 'nowhere', geo: null, fields: { occupationLabels: ['kok'] } });

  beforeAll(async () => {
    await own.engine.upsert('candidates', docs);
  });

  const ids = async (query: Partial<SearchQuery>) =>
    (await own.engine.search('candidates', { offset: 0, limit: 10_000, ...query })).hits
      .map((hit) => hit.id)
      .sort();
  const expected = (radiusKm: number, keep: (doc: SearchDocument) => boolean) =>
    docs
      .filter((doc) => doc.geo && km(centre, doc.geo) <= radiusKm && keep(doc))
      .map((doc) => doc.id)
      .sort();

  it.each([1, 5, 10, 12, 13, 25, 50, 60, 100])(
    'finds exactly the places within %i km with words, with a filter and with neither',
    async (radiusKm) => {
      const near = { centre, radiusKm };
      const isKok = (doc: SearchDocument) => doc.fields.occupationLabels?.toString() === 'kok';
      const speaksTurkish = (doc: SearchDocument) => doc.fields.languageCodes?.toString() === 'tr';
      const koks = expected(radiusKm, isKok);
      expect(koks.length).toBeGreaterThan(0);
      expect(await ids({ text: 'kok', near })).toEqual(koks);
      expect(await ids({ filters: [anyOf('languageCodes', ['tr'])], near })).toEqual(
        expected(radiusKm, speaksTurkish),
      );
      expect(await ids({ near })).toEqual(expected(radiusKm, () => true));
      // sorted by distance too, nearest first
      const sorted = await own.engine.search('candidates', {
        text: 'kok',
        near,
        sort: { by: 'distance' },
        offset: 0,
        limit: 10_000,
      });
      expect(sorted.hits.map((hit) => hit.id).sort()).toEqual(koks);
      const distances = sorted.hits.map((hit) => hit.distanceKm ?? Infinity);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    },
  );

  it('gives stored documents the cells the engine gives them (migration 1795455000000)', async () => {
    const table = `search_docs_${namespace}candidates`;
    const keywords = async () =>
      new Map(
        (
          await own.dataSource.query<{ id: string; keywords: string[] }[]>(
            `SELECT id, keywords FROM "${table}"`,
          )
        ).map((row) => [row.id, [...row.keywords].sort()]),
      );
    const written = await keywords();
    // the migration, on this table only
    const runner = {
      query: (sql: string, parameters?: unknown[]) =>
        sql.includes('FROM pg_tables')
          ? Promise.resolve([{ name: table }])
          : own.dataSource.query(sql, parameters),
    } as unknown as QueryRunner;
    const migration = new SearchGeoCells1795455000000();
    await migration.down(runner);
    const without = await keywords();
    expect(without.get('p0')?.length).toBe((written.get('p0')?.length ?? 0) - 2);
    expect(without.get('nowhere')).toEqual(written.get('nowhere'));
    await migration.up(runner);
    expect(await keywords()).toEqual(written);
    expect(await ids({ text: 'kok', near: { centre, radiusKm: 10 } })).toEqual(
      expected(10, (doc) => doc.fields.occupationLabels?.toString() === 'kok'),
    );
  });
});
