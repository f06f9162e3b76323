import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  FieldValue,
  IndexSchema,
  IndexStats,
  SearchDocument,
  SearchEngine,
  SearchCorrection,
  SearchIndexName,
  SearchQuery,
  SearchResult,
} from './search-engine';
import { SEARCH_SCHEMAS } from './search-indexes';
import { checkQuery } from './check-query';
import { MAX_QUERY_WORDS, searchWords } from './search-text';
import { directQuery } from '../database/direct-query';
import { ConcurrencyLimit } from './concurrency-limit';

/** A query word absent from the vocabulary is replaced by its nearest indexed words (typos). */
const TYPO_SIMILARITY = 0.5;
const TYPO_ALTERNATIVES = 2;
/**
 * The last query word finds the indexed words that start with it: up to this many are searched
 * for by name (cheap: each is one entry of the index); more, and the word is searched for as a
 * prefix of every indexed stem.
 */
const PREFIX_WORDS = 16;
const UPSERT_BATCH = 1000;
/**
 * Km per degree of latitude for the bounding boxes: a little under the 111.19 of the sphere the
 * distances are measured on, so that a box always holds its circle (the exact distance decides).
 */
const BOX_KM_PER_DEGREE = 111.1;
/**
 * Matches are counted exactly up to this many; beyond it the total is a lower bound
 * (`totalIsExact` false), facets count the matches visited and relevance ranks a pool of them
 * (see search()). A page further on than this widens the limit to reach it.
 */
export const DEFAULT_COUNT_LIMIT = 1000;

/** Names of an index's tables: `search_docs_<index>` (what searches visit) and `search_fields_<index>`. */
interface Tables {
  docs: string;
  fields: string;
}

/**
 * The DDL of one index's tables, safe to run twice. The migrations make the same for the
 * application's indexes (1795446000000 and those changing an index after it): keep them in
 * step (a test compares them).
 */
function createTablesSql({ docs, fields }: Tables): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${docs}" ("id" text NOT NULL, "search_vector" tsvector NOT NULL, "title_vector" tsvector NOT NULL, "keywords" bigint[] NOT NULL, "facet_values" text[] NOT NULL, "numbers" jsonb NOT NULL, "lat" double precision, "lng" double precision, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "${docs}_pkey" PRIMARY KEY ("id")) ${DOCS_TABLE_OPTIONS}`,
    `ALTER TABLE "${docs}" ALTER COLUMN "search_vector" SET STORAGE MAIN`,
    ...indexesSql(docs),
    `CREATE TABLE IF NOT EXISTS "${fields}" ("id" text NOT NULL, "fields" jsonb NOT NULL, CONSTRAINT "${fields}_pkey" PRIMARY KEY ("id"))`,
  ];
}

/**
 * Rows of a documents table stay whole in the table up to a page (the default moves anything
 * over 2 kB out to the TOAST table), and the text vector is kept in line (storage MAIN): a
 * search that scans documents reads each vector where the row is instead of fetching it from
 * the TOAST table. Measured on 100,000 candidates: a scan matching text reads rows about twice
 * as fast (docs/decisions.md).
 */
const DOCS_TABLE_OPTIONS = 'WITH (toast_tuple_target = 8160)';

/**
 * The secondary indexes of a documents table, named after it. Text and keywords share one GIN
 * index: a search on both (words and filters) is one scan of it that steps over what the other
 * condition rules out, where two indexes would each list every match of their own condition
 * first (a frequent word alone lists tens of thousands). Either condition alone uses it too.
 */
function indexesSql(docs: string, named = docs): string[] {
  return [
    `CREATE INDEX IF NOT EXISTS "${named}_text_keywords" ON "${docs}" USING gin ("search_vector", "keywords") ${GIN_OPTIONS}`,
    `CREATE INDEX IF NOT EXISTS "${named}_title" ON "${docs}" USING gin ("title_vector") ${GIN_OPTIONS}`,
    // with the id: a radius alone counts and pages its matches from this index only
    `CREATE INDEX IF NOT EXISTS "${named}_geo" ON "${docs}" ("lat", "lng") INCLUDE ("id")`,
    `CREATE INDEX IF NOT EXISTS "${named}_near" ON "${docs}" USING gist (${nearPoint('lng', 'lat')})`,
  ];
}

/**
 * A point in a plane where a degree of longitude is shortened as at 52.2° N (the middle of the
 * Netherlands): distances there are within a few percent of the true ones in the country, and a
 * GiST index on it lists the documents nearest to a point first. It only picks candidates;
 * every distance shown or compared is the exact one (see search()).
 */
function nearPoint(lng: string, lat: string): string {
  return `point(${lng} * 0.6122::float8, ${lat})`;
}
const INDEX_SUFFIXES = ['pkey', 'text_keywords', 'title', 'geo', 'near'];
/**
 * Changes go into the GIN indexes at once: by default they are queued in a pending list (up to
 * 4 MB) until a vacuum, and every search reads the whole list. 240 changed documents made 50
 * pending pages; writes are one document a job, and a rebuild builds its indexes after the load.
 */
const GIN_OPTIONS = 'WITH (fastupdate = off)';
/** SQLSTATE of a missing table: an index that was never written. */
const UNDEFINED_TABLE = '42P01';

/**
 * Keyword values as 64-bit hashes, stored as bigint (written here in decimal): ESCO URIs run to
 * 70 characters, and a number is compared in one step, where text is compared character by
 * character (and a search can compare thousands of rows' keywords). A hash collision could only
 * widen a filter by chance. The first 8 bytes of the md5 of `field:value`, as a signed integer.
 */
function keywordKey(field: string, value: string): string {
  const input = `${field}:${value}`;
  let key = KEYWORD_KEYS.get(input);
  if (key === undefined) {
    const hex = createHash('md5').update(input).digest('hex').slice(0, 16);
    key = BigInt.asIntN(64, BigInt(`0x${hex}`)).toString();
    if (KEYWORD_KEYS.size >= KEYWORD_KEYS_MAX) KEYWORD_KEYS.clear();
    KEYWORD_KEYS.set(input, key);
  }
  return key;
}
/**
 * The keys computed before: the same values come back in document after document (skills,
 * languages, grid cells), and an md5 costs more than a lookup (a tenth of a rebuild's CPU).
 */
const KEYWORD_KEYS = new Map<string, string>();
const KEYWORD_KEYS_MAX = 50_000;

/**
 * Grid cells of the documents' places, as keywords (in the GIN index with text and filters):
 * a radius searched together with words or filters is a condition on the cells under its box
 * in that one index scan, where the (lat, lng) index would list every document in the box
 * (around Almere, half of them) to intersect with. Two grids: cells of about 5.5 km for a
 * radius up to 12 km, of about 22 km up to 50 km (at most 6 × 6 cells either way); a wider
 * radius uses the box. Cells only pick candidates: the exact distance decides.
 */
const GEO_GRIDS = [
  { field: 'geo-cell-5km', latDegrees: 0.05, lngDegrees: 0.08, maxRadiusKm: 12 },
  { field: 'geo-cell-22km', latDegrees: 0.2, lngDegrees: 0.32, maxRadiusKm: 50 },
] as const;

type GeoGrid = (typeof GEO_GRIDS)[number];

/** The keyword of the cell (row, column) of a grid: rows and columns count from 0° N, 0° E. */
function geoCellKey(grid: GeoGrid, row: number, column: number): string {
  return keywordKey(grid.field, `${row}:${column}`);
}

function rowOf(grid: GeoGrid, lat: number): number {
  return Math.floor(lat / grid.latDegrees);
}

function columnOf(grid: GeoGrid, lng: number): number {
  return Math.floor(lng / grid.lngDegrees);
}

/** The keywords of the cells under the box, of the finest grid that fits the radius; null: none fits. */
function geoCellKeys(
  radiusKm: number,
  box: { south: number; north: number; west: number; east: number },
): string[] | null {
  const grid = GEO_GRIDS.find((candidate) => radiusKm <= candidate.maxRadiusKm);
  if (!grid) return null;
  const keys: string[] = [];
  for (let row = rowOf(grid, box.south); row <= rowOf(grid, box.north); row++)
    for (let column = columnOf(grid, box.west); column <= columnOf(grid, box.east); column++)
      keys.push(geoCellKey(grid, row, column));
  return keys;
}

interface Row {
  id: string;
  /** The displayed fields (what a hit returns) */
  fields: Record<string, FieldValue>;
  /** The text of each weight group (A, B, C): what the tsvector is built from */
  texts: string[];
  keywords: string[];
  facet_values: string[];
  numbers: Record<string, FieldValue>;
  lat: number | null;
  lng: number | null;
}

/** Collects bound parameters: user input only ever reaches SQL as $n. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface PostgresSearchOptions {
  /** Keeps separate sets of indexes apart in one database (contract tests): [a-z0-9_]. */
  namespace?: string;
  /** Matches counted exactly (DEFAULT_COUNT_LIMIT). */
  countLimit?: number;
  /** Searches run at once (the others wait their turn); unlimited when not given. */
  concurrency?: number;
}

/**
 * The embedded default engine. Each index has its own tables, created on demand (configure,
 * the first write): `search_docs_<index>`, one narrow row per document with a weighted
 * tsvector (Dutch stemming, accents removed), the first text group's words apart
 * (`title_vector`), hashed keywords (one GIN index with the text), facet values, the number
 * fields and a point; and `search_fields_<index>`, the displayed fields, read for the page of
 * hits only. `search_terms` holds every indexed word with a trigram and a prefix index, so a
 * misspelt query word is replaced by the indexed words nearest to it, and the last word by the
 * words that start with it. Searches see a consistent snapshot: an upsert
 * or rebuild is one transaction; a rebuild loads fresh tables, builds their indexes after the
 * load and swaps them in.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const;
  private readonly namespace: string;
  private readonly countLimit: number;
  private readonly searches: ConcurrencyLimit | null;

  constructor(
    private readonly dataSource: DataSource,
    options: PostgresSearchOptions = {},
  ) {
    this.namespace = options.namespace ?? '';
    this.countLimit = options.countLimit ?? DEFAULT_COUNT_LIMIT;
    if (!/^[a-z0-9_]*$/.test(this.namespace))
      throw new Error('the namespace of search indexes may hold a-z, 0-9 and _ only');
    if (!Number.isInteger(this.countLimit) || this.countLimit < 1)
      throw new Error('countLimit must be 1 or more');
    this.searches = options.concurrency ? new ConcurrencyLimit(options.concurrency) : null;
  }

  async health(): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM pg_ts_config WHERE cfgname = 'werkspoor_nl'`,
    );
    if (rows.length === 0) throw new Error('text search configuration werkspoor_nl is missing');
  }

  async configure(index: SearchIndexName): Promise<void> {
    // the text search configuration comes with the migrations
    await this.health();
    await this.writing(index, () => Promise.resolve());
  }

  async upsert(index: SearchIndexName, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.writing(index, (manager, tables) =>
      runAll(manager, this.upsertStatements(index, tables, documents)),
    );
  }

  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.writing(index, async (manager, { docs, fields }) => {
      for (const table of [docs, fields])
        await manager.query(`DELETE FROM "${table}" WHERE id = ANY($1::text[])`, [ids]);
    });
  }

  /**
   * Loads the documents into fresh tables with only their primary keys, builds the other
   * indexes once the rows are in (much cheaper than keeping them up to date row by row), and
   * replaces the live tables with them, all in one transaction: searches see the old contents
   * until the commit, and a failure leaves them as they were.
   */
  async rebuild(
    index: SearchIndexName,
    batches: AsyncIterable<SearchDocument[]>,
  ): Promise<IndexStats> {
    let documents = 0;
    await this.writing(index, async (manager, live) => {
      const fresh: Tables = { docs: `${live.docs}_new`, fields: `${live.fields}_new` };
      for (const [table, like] of [
        [fresh.docs, live.docs],
        [fresh.fields, live.fields],
      ]) {
        await manager.query(`DROP TABLE IF EXISTS "${table}"`);
        // LIKE copies the storage of the columns, not the table's options
        await manager.query(
          `CREATE TABLE "${table}" (LIKE "${like}" INCLUDING DEFAULTS INCLUDING STORAGE, CONSTRAINT "${table}_pkey" PRIMARY KEY ("id")) ${table === fresh.docs ? DOCS_TABLE_OPTIONS : ''}`,
        );
      }
      // the vocabulary too: words of documents that are gone would only widen typo matches
      await manager.query(`DELETE FROM search_terms WHERE index_name = $1`, [
        this.indexName(index),
      ]);
      // each batch's statements are made while the statements of the batch before run
      let running: Promise<void> = Promise.resolve();
      try {
        for await (const batch of batches) {
          const statements = this.upsertStatements(index, fresh, batch);
          await running;
          running = runAll(manager, statements);
          // not unhandled while the next batch is awaited: rethrown at the next await of it
          running.catch(() => undefined);
          documents += batch.length;
        }
        await running;
      } finally {
        // the transaction never ends while one of its statements still runs
        await running.catch(() => undefined);
      }
      await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const statement of indexesSql(fresh.docs)) await manager.query(statement);
      for (const table of ['docs', 'fields'] as const) {
        await manager.query(`DROP TABLE "${live[table]}"`);
        await manager.query(`ALTER TABLE "${fresh[table]}" RENAME TO "${live[table]}"`);
      }
      for (const suffix of INDEX_SUFFIXES)
        await manager.query(
          `ALTER INDEX "${fresh.docs}_${suffix}" RENAME TO "${live.docs}_${suffix}"`,
        );
      await manager.query(`ALTER INDEX "${fresh.fields}_pkey" RENAME TO "${live.fields}_pkey"`);
      // statistics for the new contents, or the planner plans for an empty table
      await manager.query(`ANALYZE "${live.docs}"`);
    });
    await this.dataSource.query(`ANALYZE search_terms`);
    return { documents };
  }

  async stats(index: SearchIndexName): Promise<IndexStats> {
    const { docs } = this.tables(index);
    if (!(await this.exists(docs))) return { documents: 0 };
    const [row] = await this.dataSource.query<{ documents: number }[]>(
      `SELECT count(*)::int AS documents FROM "${docs}"`,
    );
    return { documents: row.documents };
  }

  /**
   * One statement per search. The matches are visited up to the count limit (`hits`): that is
   * the exact total when there are no more, and otherwise a lower bound, the sample the facets
   * are counted in, and with text and relevance sorting the pool that is ranked, together with
   * as many matches again whose first text group (occupation, title, name) holds every query
   * word (`tier`). Relevance without text orders all matches by id, and a sort on a field or on
   * distance orders all matches exactly. A search never waits for writers (only for its turn
   * when `concurrency` searches already run); an index never written has no documents.
   */
  search(index: SearchIndexName, query: SearchQuery): Promise<SearchResult> {
    return this.searches
      ? this.searches.run(() => this.searchNow(index, query))
      : this.searchNow(index, query);
  }

  private async searchNow(index: SearchIndexName, query: SearchQuery): Promise<SearchResult> {
    const schema = SEARCH_SCHEMAS[index];
    checkQuery(schema, query);
    const { docs, fields } = this.tables(index);
    const params = new Params();
    const conditions: string[] = [];

    let rank = '0::real';
    let textCondition: string | null = null;
    let tierCondition: string | null = null;
    const text = query.text
      ? await this.textQuery(index, query.text)
      : { query: null, corrections: [] };
    // only stop words ("de", "het"): nothing to search on, so no text condition
    if (text.query !== null) {
      const q = `${params.add(text.query)}::tsquery`;
      textCondition = `d.search_vector @@ ${q}`;
      conditions.push(textCondition);
      rank = `ts_rank(d.search_vector, ${q})`;
      tierCondition = `d.title_vector @@ ${q}`;
    }

    for (const filter of query.filters ?? []) {
      if (filter.kind === 'anyOf') {
        // PostgreSQL text cannot hold NUL: such a value was never stored, so it matches nothing
        const values = filter.values
          .filter((value) => !value.includes('\u0000'))
          .map((value) => keywordKey(filter.field, value));
        conditions.push(`d.keywords && ${params.add(values)}::bigint[]`);
      } else {
        const value = `(d.numbers ->> ${params.add(filter.field)})::float8`;
        if (filter.min !== undefined) conditions.push(`${value} >= ${params.add(filter.min)}`);
        if (filter.max !== undefined) conditions.push(`${value} <= ${params.add(filter.max)}`);
      }
    }

    let distance = 'NULL::float8';
    /**
     * The radius's bounding box, for the (lat, lng) index, or the grid cells under it; the
     * exact distance decides.
     */
    let box: string[] = [];
    /** The centre's parameters and the km in a degree of longitude there. */
    let near: { lat: string; lng: string; kmPerLngDegree: number } | null = null;
    if (query.near) {
      const { centre, radiusKm } = query.near;
      near = {
        lat: params.add(centre.lat),
        lng: params.add(centre.lng),
        kmPerLngDegree: BOX_KM_PER_DEGREE * Math.max(Math.cos((centre.lat * Math.PI) / 180), 0.01),
      };
      const { lat, lng } = near;
      const radius = params.add(radiusKm);
      distance = `(2 * 6371 * asin(sqrt(power(sin(radians(d.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(d.lat)) * power(sin(radians(d.lng - ${lng}) / 2), 2))))`;
      // a bounding box the (lat, lng) index can use, then the exact distance
      const latDelta = radiusKm / BOX_KM_PER_DEGREE;
      const lngDelta = radiusKm / near.kmPerLngDegree;
      conditions.push(`${distance} <= ${radius}`);
      const bounds = {
        south: centre.lat - latDelta,
        north: centre.lat + latDelta,
        west: centre.lng - lngDelta,
        east: centre.lng + lngDelta,
      };
      // with words or filters the GIN index is searched anyway: the radius's cells go along
      const cells =
        text.query !== null || query.filters?.some((filter) => filter.kind === 'anyOf')
          ? geoCellKeys(radiusKm, bounds)
          : null;
      box = cells
        ? [`d.keywords && ${params.add(cells)}::bigint[]`]
        : [
            `d.lat BETWEEN ${params.add(bounds.south)} AND ${params.add(bounds.north)}`,
            `d.lng BETWEEN ${params.add(bounds.west)} AND ${params.add(bounds.east)}`,
          ];
    }
    const where = [...conditions, ...box].join(' AND ') || 'true';

    // a page further on than the count limit widens it, so that the page can be reached
    const pool = Math.max(this.countLimit, query.offset + query.limit);
    const poolParam = params.add(pool);
    const limit = params.add(query.limit);
    const offset = params.add(query.offset);
    const sort = query.sort ?? { by: 'relevance' };
    const ranked = sort.by === 'relevance' && tierCondition !== null;
    const facetFields = query.facets ?? [];
    const hitColumns = `d.id, ${facetFields.length > 0 ? 'd.facet_values' : 'NULL::text[] AS facet_values'}, ${ranked ? rank : '0::real'} AS rank, ${distance} AS distance`;

    // the sort key of the other orders: null (then by id), a field, or the distance
    const key =
      sort.by === 'field'
        ? `(d.numbers ->> ${params.add(sort.field)})::float8`
        : sort.by === 'distance'
          ? distance
          : 'NULL::float8';
    const direction = sort.by === 'field' && sort.direction === 'desc' ? 'DESC' : 'ASC';
    const ctes = [
      `hits AS MATERIALIZED (
         SELECT ${hitColumns}, ${key} AS key FROM "${docs}" d WHERE ${where}
         LIMIT ${poolParam} + 1)`,
    ];
    let page: string;
    if (ranked) {
      // a title holding every query word holds them in the whole text too (the title is the
      // text's first group, and a query only ANDs and ORs words): the text condition is left
      // out, which spares reading a frequent word's long list in the index a second time
      const tierWhere = [
        ...conditions.filter((condition) => condition !== textCondition),
        ...box,
        tierCondition,
      ].join(' AND ');
      ctes.push(
        // when the hits hold every match they hold the tier too: it is not searched for
        `tier AS MATERIALIZED (
           SELECT ${hitColumns} FROM "${docs}" d
           WHERE (SELECT count(*) FROM hits) > ${poolParam} AND ${tierWhere}
             AND d.id NOT IN (SELECT id FROM hits)
           LIMIT ${poolParam})`,
        `pool AS (SELECT id, rank, distance FROM hits UNION ALL SELECT id, rank, distance FROM tier)`,
      );
      // the page is picked from the pool first (keeping only the best so far, not sorting it)
      page = `SELECT id, distance, row_number() OVER (ORDER BY rank DESC, id) AS n FROM (
                SELECT id, distance, rank FROM pool ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset}
              ) best`;
    } else {
      // every match is among the hits: order them; otherwise order all matches, which only
      // the branch whose condition holds does (the other is never run)
      const exact = `(SELECT count(*) FROM hits) <= ${poolParam}`;
      let bounded = '';
      if (sort.by === 'distance' && near) {
        // the k matches nearest in the plane of nearPoint (found first by its GiST index) are k
        // matches, so the k-th nearest of all matches is no farther than the farthest of them
        // (exact distances): only the matches within that distance (and its box) need ordering
        const { lat, lng } = near;
        // (without the box, which would offer the planner the (lat, lng) index and a sort)
        ctes.push(`bound AS MATERIALIZED (
          SELECT max(${distance}) AS km FROM (
            SELECT d.lat, d.lng FROM "${docs}" d WHERE ${conditions.join(' AND ')}
            ORDER BY ${nearPoint('d.lng', 'd.lat')} <-> ${nearPoint(lng, lat)}
            LIMIT ${limit}::int + ${offset}::int) d)`);
        const bound = `(SELECT km FROM bound)`;
        const kmPerLngDegree = params.add(near.kmPerLngDegree);
        bounded = `AND d.lat BETWEEN ${lat} - ${bound} / ${BOX_KM_PER_DEGREE} AND ${lat} + ${bound} / ${BOX_KM_PER_DEGREE}
          AND d.lng BETWEEN ${lng} - ${bound} / ${kmPerLngDegree} AND ${lng} + ${bound} / ${kmPerLngDegree}
          AND ${distance} <= ${bound}`;
      }
      page = `SELECT id, distance, row_number() OVER (ORDER BY key ${direction} NULLS LAST, id) AS n
              FROM (
                (SELECT id, distance, key FROM hits WHERE ${exact}
                 ORDER BY key ${direction} NULLS LAST, id LIMIT ${limit} OFFSET ${offset})
                UNION ALL
                (SELECT d.id, ${distance} AS distance, ${key} AS key FROM "${docs}" d
                 WHERE NOT ${exact} AND ${where} ${bounded}
                 ORDER BY key ${direction} NULLS LAST, d.id LIMIT ${limit} OFFSET ${offset})
              ) ordered`;
    }
    ctes.push(`page AS (${page})`);

    // every facet value of the counted matches is counted (a few dozen groups); the fields
    // asked for are picked from them here, cheaper than looking at each value's field there
    const facetsSql =
      facetFields.length === 0
        ? `'{}'::json`
        : `(SELECT coalesce(json_object_agg(f.value, f.count), '{}'::json) FROM (
             SELECT v AS value, count(*) AS count
             FROM (SELECT unnest(facet_values) AS v FROM (SELECT facet_values FROM hits LIMIT ${poolParam}) h) u
             GROUP BY v) f)`;

    const sql = `
      WITH ${ctes.join(',\n')}
      SELECT (SELECT count(*)::int FROM hits) AS counted,
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'fields', f.fields, 'distance', p.distance) ORDER BY p.n), '[]'::json)
           FROM page p JOIN "${fields}" f ON f.id = p.id) AS hits,
        ${facetsSql} AS facets`;

    type Answer = {
      counted: number;
      hits: { id: string; fields: Record<string, FieldValue>; distance: number | null }[];
      facets: Record<string, number>;
    };
    let answer: Answer;
    try {
      // one statement: a consistent snapshot without a transaction around it
      [answer] = await directQuery<Answer>(this.dataSource, sql, params.values);
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      answer = { counted: 0, hits: [], facets: {} };
    }

    const facets: SearchResult['facets'] = Object.fromEntries(facetFields.map((f) => [f, {}]));
    for (const [key, count] of Object.entries(answer.facets)) {
      const separator = key.indexOf(':');
      const counts = facets[key.slice(0, separator)] as Record<string, number> | undefined;
      if (counts) counts[key.slice(separator + 1)] = Number(count);
    }
    return {
      total: Math.min(answer.counted, pool),
      totalIsExact: answer.counted <= pool,
      hits: answer.hits.map((hit) => ({
        id: hit.id,
        fields: hit.fields,
        distanceKm: hit.distance === null ? null : Math.round(hit.distance * 10) / 10,
      })),
      facets,
      corrections: text.corrections,
    };
  }

  /**
   * Runs a write transaction on one index after taking that index's lock, creating its tables
   * when missing: upserts, deletes and rebuilds of an index take their turn (a rebuild running
   * next to the indexer would otherwise deadlock on the rows both touch); searches never wait.
   */
  private writing(
    index: SearchIndexName,
    work: (manager: EntityManager, tables: Tables) => Promise<void>,
  ) {
    const tables = this.tables(index);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `search-index:${this.indexName(index)}`,
      ]);
      if (!(await this.exists(tables.docs, manager)))
        for (const statement of createTablesSql(tables)) await manager.query(statement);
      await work(manager, tables);
    });
  }

  private async exists(table: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query<{ present: boolean }[]>(
      `SELECT to_regclass($1) IS NOT NULL AS present`,
      [`"${table}"`],
    );
    return row.present;
  }

  private indexName(index: SearchIndexName): string {
    return `${this.namespace}${index}`;
  }

  private tables(index: SearchIndexName): Tables {
    const name = this.indexName(index);
    return { docs: `search_docs_${name}`, fields: `search_fields_${name}` };
  }

  /**
   * Every query word must match: the word itself (Dutch stem), the indexed words nearest to it
   * when the word is not in the vocabulary (a typo), and for the last word the indexed words
   * that start with it as typed (search as you type, and the first part of a compound:
   * "magazijn" finds "magazijnmedewerker"). Those are looked up in the vocabulary and searched
   * for by their stems; only when more than PREFIX_WORDS words start with it (a short
   * beginning) is the word searched for as a prefix of the indexed stems, which costs a search
   * through every stem starting with it, in the index and in each document visited. The
   * beginning is the word as typed, not its stem: a stem can be much shorter ("tools" is
   * stemmed to "tol", which would find "tolk"). The query is null when no word is left (only
   * punctuation or stop words); the corrections name the words searched for as others only.
   */
  private async textQuery(
    index: SearchIndexName,
    text: string,
  ): Promise<{ query: string | null; corrections: SearchCorrection[] }> {
    const words = searchWords(text).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return { query: null, corrections: [] };
    const last = words[words.length - 1];
    // Prepared once per connection, and planned once: the planner sees no value. The words come
    // as one JSON value (estimated the same whatever it holds, where an array is estimated by
    // its length) and every other value through a subquery; the limits are the constants
    // above. With custom plans no cheaper than the generic one, PostgreSQL keeps the generic
    // plan after five runs instead of planning every run again (0.3 ms of the statement's
    // 0.5 ms of CPU). A test checks that it does.
    const [row] = await directQuery<{ query: string | null; corrections: SearchCorrection[] }>(
      this.dataSource,
      `WITH words AS (
         SELECT w.word, w.ord FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY AS w(word, ord)
       ),
       beginning AS (
         -- the words starting with $4 lie between it and it followed by the last code point,
         -- in the byte order of text_pattern_ops (searchWords keeps letters and digits only)
         SELECT term FROM search_terms
         WHERE index_name = (SELECT $1::text) AND term ~>=~ (SELECT $4::text)
           AND term ~<~ (SELECT $4::text || chr(1114111))
         LIMIT ${PREFIX_WORDS + 1}
       ),
       typos AS (
         SELECT w.ord, w.word, t.term, t.nearness FROM words w
         CROSS JOIN LATERAL (
           -- the words sharing trigrams with it come from the trigram index; the index name is
           -- checked on them ("IS TRUE" keeps the planner from reading the index's whole
           -- vocabulary through the btree instead: 1,165 words took 1.7 ms, the trigrams 0.6)
           SELECT term, similarity(term, w.word) AS nearness FROM search_terms
           WHERE term % w.word AND (index_name = (SELECT $1::text)) IS TRUE
             AND similarity(term, w.word) >= ${TYPO_SIMILARITY}
             AND NOT EXISTS (
               SELECT 1 FROM search_terms e WHERE e.index_name = (SELECT $1::text) AND e.term = w.word
             )
           ORDER BY similarity(term, w.word) DESC, term LIMIT ${TYPO_ALTERNATIVES}
         ) t
       ),
       alternatives AS (
         SELECT ord, plainto_tsquery('werkspoor_nl', word)::text AS q FROM words
         UNION ALL
         SELECT $3::bigint, plainto_tsquery('werkspoor_nl', term)::text FROM beginning
         WHERE (SELECT count(*) FROM beginning) <= ${PREFIX_WORDS}
         UNION ALL
         SELECT $3::bigint, to_tsquery('simple', (SELECT $4::text) || ':*')::text
         WHERE (SELECT count(*) FROM beginning) > ${PREFIX_WORDS}
         UNION ALL
         SELECT ord, plainto_tsquery('werkspoor_nl', term)::text FROM typos
       ),
       groups AS (
         SELECT ord, '(' || string_agg(DISTINCT q, ' | ') || ')' AS q
         FROM alternatives WHERE q <> '' GROUP BY ord
       ),
       corrections AS (
         -- a word is corrected when none of its alternatives shares its stem (else the word
         -- itself is found) and, for the last word, no indexed word starts with it
         SELECT ord, word, array_agg(term ORDER BY nearness DESC, term) AS terms FROM typos
         WHERE NOT (ord = $3::bigint AND EXISTS (SELECT 1 FROM beginning))
         GROUP BY ord, word
         HAVING bool_and(plainto_tsquery('werkspoor_nl', term)::text
                         <> plainto_tsquery('werkspoor_nl', word)::text)
       )
       SELECT (SELECT string_agg(q, ' & ' ORDER BY ord) FROM groups) AS query,
         (SELECT coalesce(json_agg(json_build_object('word', word, 'searchedAs', terms) ORDER BY ord),
                          '[]'::json) FROM corrections) AS corrections`,
      [this.indexName(index), JSON.stringify(words), words.length, last],
      'search-text-query',
    );
    return row;
  }

  /**
   * The statements that upsert documents, a thousand a statement (documents, stored fields and
   * words together), made in Node (rows, JSON, vocabulary) without running them.
   */
  private upsertStatements(
    index: SearchIndexName,
    { docs, fields }: Tables,
    documents: SearchDocument[],
  ): Statement[] {
    const schema = SEARCH_SCHEMAS[index];
    // the last version of a document wins when a batch names it twice
    const rows = [...new Map(documents.map((doc) => [doc.id, toRow(schema, doc)])).values()];
    const vector = schema.text
      .map((_, i) => `setweight(to_tsvector('werkspoor_nl', d.texts ->> ${i}), '${'ABCD'[i]}')`)
      .join(' || ');
    const statements: Statement[] = [];
    for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
      const batch = rows.slice(start, start + UPSERT_BATCH);
      const terms = [...new Set(batch.flatMap((row) => row.texts.flatMap(searchWords)))].sort();
      statements.push({
        sql: `WITH d AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(id text, texts jsonb, keywords jsonb,
             facet_values jsonb, numbers jsonb, lat float8, lng float8, fields jsonb)
         ),
         documents AS (
           INSERT INTO "${docs}" (id, search_vector, title_vector, keywords, facet_values, numbers, lat, lng, indexed_at)
           SELECT d.id, ${vector}, strip(to_tsvector('werkspoor_nl', d.texts ->> 0)),
             ARRAY(SELECT jsonb_array_elements_text(d.keywords)::bigint),
             ARRAY(SELECT jsonb_array_elements_text(d.facet_values)), d.numbers, d.lat, d.lng, now()
           FROM d
           ON CONFLICT (id) DO UPDATE SET search_vector = EXCLUDED.search_vector,
             title_vector = EXCLUDED.title_vector, keywords = EXCLUDED.keywords,
             facet_values = EXCLUDED.facet_values, numbers = EXCLUDED.numbers, lat = EXCLUDED.lat,
             lng = EXCLUDED.lng, indexed_at = EXCLUDED.indexed_at
         ),
         stored AS (
           INSERT INTO "${fields}" (id, fields) SELECT d.id, d.fields FROM d
           ON CONFLICT (id) DO UPDATE SET fields = EXCLUDED.fields
         )
         INSERT INTO search_terms (index_name, term) SELECT $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
        params: [JSON.stringify(batch), this.indexName(index), terms],
      });
    }
    return statements;
  }
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** Runs statements one after the other on the manager's connection. */
async function runAll(manager: EntityManager, statements: Statement[]): Promise<void> {
  for (const { sql, params } of statements) await manager.query(sql, params);
}

function toRow(schema: IndexSchema, doc: SearchDocument): Row {
  const texts = schema.text.map((group) =>
    group.flatMap((field) => asStrings(doc.fields[field])).join(' \n '),
  );
  const valuesOf = (field: string) => asStrings(doc.fields[field]);
  const { geo } = doc;
  return {
    id: doc.id,
    // only what a hit shows is stored for reading back
    fields: Object.fromEntries(
      schema.displayed.filter((field) => field in doc.fields).map((f) => [f, doc.fields[f]]),
    ),
    texts,
    keywords: [
      ...schema.keywords.flatMap((field) =>
        valuesOf(field).map((value) => keywordKey(field, value)),
      ),
      ...(geo
        ? GEO_GRIDS.map((grid) => geoCellKey(grid, rowOf(grid, geo.lat), columnOf(grid, geo.lng)))
        : []),
    ],
    facet_values: [
      ...new Set(schema.facets.flatMap((field) => valuesOf(field).map((v) => `${field}:${v}`))),
    ],
    numbers: Object.fromEntries(schema.numbers.map((field) => [field, doc.fields[field] ?? null])),
    lat: doc.geo?.lat ?? null,
    lng: doc.geo?.lng ?? null,
  };
}

function asStrings(value: FieldValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}
