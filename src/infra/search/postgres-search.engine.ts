import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  FieldValue,
  IndexSchema,
  IndexStats,
  SearchDocument,
  SearchEngine,
  SearchIndexName,
  SearchQuery,
  SearchResult,
} from './search-engine';
import { SEARCH_SCHEMAS } from './search-indexes';
import { checkQuery } from './check-query';
import { MAX_QUERY_WORDS, searchWords } from './search-text';

/** A query word absent from the vocabulary is replaced by its nearest indexed words (typos). */
const TYPO_SIMILARITY = 0.5;
const TYPO_ALTERNATIVES = 2;
/** Broad searches sort and count tens of thousands of rows: keep that in memory. */
const SEARCH_WORK_MEM = '32MB';
const UPSERT_BATCH = 1000;
const TABLES = ['search_documents', 'search_document_fields'] as const;

/**
 * Keyword values as 64-bit hashes (hex): ESCO URIs run to 70 characters, and short keys keep
 * the rows every search visits small. A hash collision could only widen a filter by chance.
 */
export function keywordKey(field: string, value: string): string {
  return createHash('md5').update(`${field}:${value}`).digest('hex').slice(0, 16);
}

interface Row {
  id: string;
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

/**
 * The embedded default engine: one narrow row per document in `search_documents` with a
 * weighted tsvector (Dutch stemming, accents removed), hashed keywords and facet values (GIN),
 * the number fields and a point; the stored fields live in `search_document_fields` and are
 * read for the page of hits only;
 * `search_terms` holds every indexed word with a trigram index, so a misspelt query word is
 * replaced by the indexed words nearest to it. Searches see a consistent snapshot: an upsert
 * or rebuild is one transaction.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const;

  /** @param namespace keeps separate sets of indexes apart in one database (contract tests). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly namespace = '',
  ) {}

  async health(): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM pg_ts_config WHERE cfgname = 'werkspoor_nl'`,
    );
    if (rows.length === 0) throw new Error('text search configuration werkspoor_nl is missing');
  }

  async configure(): Promise<void> {
    // the tables and the text search configuration come with the migrations
    await this.health();
  }

  async upsert(index: SearchIndexName, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.writing(index, (manager) => this.write(manager, index, documents));
  }

  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.writing(index, async (manager) => {
      for (const table of TABLES) {
        await manager.query(`DELETE FROM ${table} WHERE index_name = $1 AND id = ANY($2::text[])`, [
          this.indexName(index),
          ids,
        ]);
      }
    });
  }

  async rebuild(
    index: SearchIndexName,
    batches: AsyncIterable<SearchDocument[]>,
  ): Promise<IndexStats> {
    let documents = 0;
    await this.writing(index, async (manager) => {
      // the vocabulary too: words of documents that are gone would only widen typo matches
      for (const table of [...TABLES, 'search_terms']) {
        await manager.query(`DELETE FROM ${table} WHERE index_name = $1`, [this.indexName(index)]);
      }
      for await (const batch of batches) {
        await this.write(manager, index, batch);
        documents += batch.length;
      }
    });
    // fresh statistics, or the planner keeps planning for the old contents
    await this.dataSource.query(`ANALYZE search_documents, search_document_fields, search_terms`);
    return { documents };
  }

  async stats(index: SearchIndexName): Promise<IndexStats> {
    const [row] = await this.dataSource.query<{ documents: number }[]>(
      `SELECT count(*)::int AS documents FROM search_documents WHERE index_name = $1`,
      [this.indexName(index)],
    );
    return { documents: row.documents };
  }

  async search(index: SearchIndexName, query: SearchQuery): Promise<SearchResult> {
    const schema = SEARCH_SCHEMAS[index];
    checkQuery(schema, query);
    const params = new Params();
    const name = params.add(this.indexName(index));
    const conditions = [`d.index_name = ${name}`];

    let rank = '0';
    const tsquery = query.text ? await this.textQuery(index, query.text) : null;
    if (tsquery !== null) {
      const q = `${params.add(tsquery)}::tsquery`;
      conditions.push(`d.search_vector @@ ${q}`);
      rank = `ts_rank(d.search_vector, ${q})`;
    }

    for (const filter of query.filters ?? []) {
      if (filter.kind === 'anyOf') {
        // PostgreSQL text cannot hold NUL: such a value was never stored, so it matches nothing
        const values = filter.values
          .filter((value) => !value.includes('\u0000'))
          .map((value) => keywordKey(filter.field, value));
        conditions.push(`d.keywords && ${params.add(values)}::text[]`);
      } else {
        const value = `(d.numbers ->> ${params.add(filter.field)})::float8`;
        if (filter.min !== undefined) conditions.push(`${value} >= ${params.add(filter.min)}`);
        if (filter.max !== undefined) conditions.push(`${value} <= ${params.add(filter.max)}`);
      }
    }

    let distance = 'NULL::float8';
    if (query.near) {
      const { centre, radiusKm } = query.near;
      const lat = params.add(centre.lat);
      const lng = params.add(centre.lng);
      const radius = params.add(radiusKm);
      distance = `(2 * 6371 * asin(sqrt(power(sin(radians(d.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(d.lat)) * power(sin(radians(d.lng - ${lng}) / 2), 2))))`;
      // a bounding box the (index_name, lat, lng) index can use, then the exact distance
      const latDelta = radiusKm / 111.2;
      const lngDelta = radiusKm / (111.2 * Math.max(Math.cos((centre.lat * Math.PI) / 180), 0.01));
      conditions.push(
        `d.lat BETWEEN ${params.add(centre.lat - latDelta)} AND ${params.add(centre.lat + latDelta)}`,
        `d.lng BETWEEN ${params.add(centre.lng - lngDelta)} AND ${params.add(centre.lng + lngDelta)}`,
        `${distance} <= ${radius}`,
      );
    }

    const sort = query.sort ?? { by: 'relevance' };
    let orderBy: string;
    switch (sort.by) {
      case 'relevance':
        orderBy = 'm.rank DESC, m.id';
        break;
      case 'distance':
        orderBy = 'm.distance ASC, m.id';
        break;
      case 'field':
        orderBy = `(d.numbers ->> ${params.add(sort.field)})::float8 ${sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, m.id`;
        break;
    }

    const facetFields = query.facets ?? [];
    const facetsSql =
      facetFields.length === 0
        ? `'{}'::json`
        : `(SELECT coalesce(json_object_agg(f.value, f.count), '{}'::json) FROM (
             SELECT v AS value, count(*) AS count FROM m, unnest(m.facet_values) v
             WHERE split_part(v, ':', 1) = ANY(${params.add(facetFields)}::text[])
             GROUP BY v) f)`;

    const sql = `
      WITH m AS MATERIALIZED (
        SELECT d.id, ${facetFields.length > 0 ? 'd.facet_values' : 'NULL::text[] AS facet_values'},
          ${rank} AS rank, ${distance} AS distance
        FROM search_documents d WHERE ${conditions.join(' AND ')}
      ),
      page AS (
        SELECT m.id, m.distance, row_number() OVER (ORDER BY ${orderBy}) AS n FROM m
        ${sort.by === 'field' ? `JOIN search_documents d ON d.index_name = ${name} AND d.id = m.id` : ''}
        ORDER BY ${orderBy}
        LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}
      )
      SELECT (SELECT count(*)::int FROM m) AS total,
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'fields', f.fields, 'distance', p.distance) ORDER BY p.n), '[]'::json)
           FROM page p
           JOIN search_document_fields f ON f.index_name = ${name} AND f.id = p.id) AS hits,
        ${facetsSql} AS facets`;

    const [row] = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`);
      return manager.query<
        {
          total: number;
          hits: { id: string; fields: Record<string, FieldValue>; distance: number | null }[];
          facets: Record<string, number>;
        }[]
      >(sql, params.values);
    });

    const facets: SearchResult['facets'] = Object.fromEntries(facetFields.map((f) => [f, {}]));
    for (const [key, count] of Object.entries(row.facets)) {
      const separator = key.indexOf(':');
      facets[key.slice(0, separator)][key.slice(separator + 1)] = Number(count);
    }
    return {
      total: row.total,
      hits: row.hits.map((hit) => ({
        id: hit.id,
        fields: hit.fields,
        distanceKm: hit.distance === null ? null : Math.round(hit.distance * 10) / 10,
      })),
      facets,
    };
  }

  /**
   * Runs a write transaction on one index after taking that index's lock: upserts, deletes and
   * rebuilds of an index take their turn (a rebuild running next to the indexer would otherwise
   * deadlock on the rows both touch); searches never wait.
   */
  private writing(index: SearchIndexName, work: (manager: EntityManager) => Promise<void>) {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `search-index:${this.indexName(index)}`,
      ]);
      await work(manager);
    });
  }

  private indexName(index: SearchIndexName): string {
    return `${this.namespace}${index}`;
  }

  /**
   * Every query word must match: the word itself (Dutch stem), the indexed words nearest to it
   * when the word is not in the vocabulary (a typo), and for the last word any word starting
   * with it (search as you type). Returns null when no word is left (only punctuation).
   */
  private async textQuery(index: SearchIndexName, text: string): Promise<string | null> {
    const words = searchWords(text).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return null;
    const [row] = await this.dataSource.query<{ query: string | null }[]>(
      `WITH words AS (
         SELECT w.word, w.ord FROM unnest($2::text[]) WITH ORDINALITY AS w(word, ord)
       ),
       alternatives AS (
         SELECT ord, plainto_tsquery('werkspoor_nl', word)::text AS q FROM words
         UNION ALL
         SELECT ord, to_tsquery('werkspoor_nl', word || ':*')::text FROM words WHERE ord = $3
         UNION ALL
         SELECT w.ord, plainto_tsquery('werkspoor_nl', t.term)::text FROM words w
         CROSS JOIN LATERAL (
           SELECT term FROM search_terms
           WHERE index_name = $1 AND term % w.word AND similarity(term, w.word) >= $4
             AND NOT EXISTS (SELECT 1 FROM search_terms e WHERE e.index_name = $1 AND e.term = w.word)
           ORDER BY similarity(term, w.word) DESC, term LIMIT $5
         ) t
       ),
       groups AS (
         SELECT ord, '(' || string_agg(DISTINCT q, ' | ') || ')' AS q
         FROM alternatives WHERE q <> '' GROUP BY ord
       )
       SELECT string_agg(q, ' & ' ORDER BY ord) AS query FROM groups`,
      [this.indexName(index), words, words.length, TYPO_SIMILARITY, TYPO_ALTERNATIVES],
    );
    // only stop words ("de", "het"): nothing to search on, so no text condition
    return row.query;
  }

  private async write(
    manager: EntityManager,
    index: SearchIndexName,
    documents: SearchDocument[],
  ): Promise<void> {
    const schema = SEARCH_SCHEMAS[index];
    // the last version of a document wins when a batch names it twice
    const rows = [...new Map(documents.map((doc) => [doc.id, toRow(schema, doc)])).values()];
    for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
      const batch = rows.slice(start, start + UPSERT_BATCH);
      const vector = schema.text
        .map((_, i) => `setweight(to_tsvector('werkspoor_nl', d.texts ->> ${i}), '${'ABCD'[i]}')`)
        .join(' || ');
      await manager.query(
        `INSERT INTO search_documents (index_name, id, search_vector, keywords, facet_values, numbers, lat, lng, indexed_at)
         SELECT $1, d.id, ${vector},
           ARRAY(SELECT jsonb_array_elements_text(d.keywords)),
           ARRAY(SELECT jsonb_array_elements_text(d.facet_values)), d.numbers, d.lat, d.lng, now()
         FROM jsonb_to_recordset($2::jsonb)
           AS d(id text, texts jsonb, keywords jsonb, facet_values jsonb, numbers jsonb, lat float8, lng float8)
         ON CONFLICT (index_name, id) DO UPDATE SET search_vector = EXCLUDED.search_vector,
           keywords = EXCLUDED.keywords, facet_values = EXCLUDED.facet_values,
           numbers = EXCLUDED.numbers, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
           indexed_at = EXCLUDED.indexed_at`,
        [this.indexName(index), JSON.stringify(batch)],
      );
      await manager.query(
        `INSERT INTO search_document_fields (index_name, id, fields)
         SELECT $1, d.id, d.fields FROM jsonb_to_recordset($2::jsonb) AS d(id text, fields jsonb)
         ON CONFLICT (index_name, id) DO UPDATE SET fields = EXCLUDED.fields`,
        [this.indexName(index), JSON.stringify(batch.map(({ id, fields }) => ({ id, fields })))],
      );
      const terms = [...new Set(batch.flatMap((row) => row.texts.flatMap(searchWords)))].sort();
      await manager.query(
        `INSERT INTO search_terms (index_name, term) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [this.indexName(index), terms],
      );
    }
  }
}

function toRow(schema: IndexSchema, doc: SearchDocument): Row {
  const texts = schema.text.map((group) =>
    group.flatMap((field) => asStrings(doc.fields[field])).join(' \n '),
  );
  const valuesOf = (field: string) => asStrings(doc.fields[field]);
  return {
    id: doc.id,
    fields: doc.fields,
    texts,
    keywords: schema.keywords.flatMap((field) =>
      valuesOf(field).map((value) => keywordKey(field, value)),
    ),
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
