import {
  EnqueuedTaskPromise,
  IndexSwap,
  MeiliSearch,
  MeiliSearchApiError,
  Settings,
  WaitOptions,
} from 'meilisearch';
import { checkQuery } from './check-query';
import { buildMeiliFilter } from './meili-filter';
import {
  FieldValue,
  GeoPoint,
  IndexSchema,
  IndexStats,
  SearchDocument,
  SearchEngine,
  SearchIndexName,
  SearchQuery,
  SearchQueryError,
  SearchResult,
} from './search-engine';
import { SEARCH_SCHEMAS } from './search-indexes';
import { distanceKm, MAX_QUERY_WORDS, searchWords } from './search-text';

/** A document as Meilisearch stores it: the fields at the top level, the point as `_geo`. */
interface MeiliDocument {
  id: string;
  _geo: GeoPoint | null;
  [field: string]: FieldValue | GeoPoint | null;
}

/** Documents per addDocuments call: well below Meilisearch's 100 MB payload limit. */
const UPSERT_BATCH = 1000;
/** Tasks are polled until done; a large rebuild batch can take minutes on a small machine. */
const WAIT: WaitOptions = { timeout: 10 * 60_000, interval: 50 };
/**
 * Totals are exact up to this many matching documents (the default is 1000). The cost: a broad
 * query makes Meilisearch rank up to this many candidates, and deep pages stay reachable.
 */
const MAX_TOTAL_HITS = 200_000;
/** Facet values returned per facet field (the default is 100); ISCO groups run to a few hundred. */
const MAX_VALUES_PER_FACET = 1000;
/**
 * Meilisearch's default rules with `sort` first: a chosen sort order (distance, a number field)
 * is strict, as in the PostgreSQL engine; without a sort the rule does nothing.
 */
const RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];
/** ISO 639-3 Dutch: fixes the tokenizer's language instead of guessing it per document. */
const LOCALES = ['nld'];

/** Meilisearch through the official client; started by docker-compose in production. */
export class MeiliSearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly client: MeiliSearch;

  constructor(
    host: string,
    apiKey: string | undefined,
    readonly indexPrefix: string,
  ) {
    this.client = new MeiliSearch({ host, apiKey, timeout: 30_000, defaultWaitOptions: WAIT });
  }

  async health(): Promise<void> {
    const health = await this.client.health();
    if (health.status !== 'available')
      throw new Error(`Meilisearch status is ${String(health.status)}`);
  }

  async configure(index: SearchIndexName): Promise<void> {
    await this.createAndConfigure(this.uid(index), SEARCH_SCHEMAS[index]);
  }

  async upsert(index: SearchIndexName, documents: SearchDocument[]): Promise<void> {
    await this.addDocuments(this.uid(index), documents);
  }

  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // an index that does not exist holds none of these ids either
    await this.run(
      `delete from ${this.uid(index)}`,
      this.client.index(this.uid(index)).deleteDocuments(ids),
      'index_not_found',
    );
  }

  async search(index: SearchIndexName, query: SearchQuery): Promise<SearchResult> {
    const schema = SEARCH_SCHEMAS[index];
    checkQuery(schema, query);
    if (query.offset % query.limit !== 0)
      throw new SearchQueryError('offset must be a multiple of limit');
    const requested = query.facets ?? [];
    const noFacets = () => Object.fromEntries(requested.map((field) => [field, {}]));
    const filter = buildMeiliFilter(schema, query.filters ?? [], query.near);
    if (filter === null) return { hits: [], total: 0, totalIsExact: true, facets: noFacets() };

    // the same words the PostgreSQL engine searches for: no phrase ("…") or negation (-word)
    // operators reach Meilisearch, and every word must match
    const words = searchWords(query.text ?? '').slice(0, MAX_QUERY_WORDS);
    const response = await this.client
      .index<MeiliDocument>(this.uid(index))
      .search(words.length > 0 ? words.join(' ') : null, {
        filter: filter.length > 0 ? filter : undefined,
        facets: requested.length > 0 ? requested : undefined,
        sort: this.sort(query),
        // a hit carries the displayed fields (and the point, for its distance)
        attributesToRetrieve: ['id', '_geo', ...schema.displayed],
        matchingStrategy: 'all',
        locales: LOCALES,
        // page-based pagination gives an exact totalHits (offset/limit gives an estimate)
        page: query.offset / query.limit + 1,
        hitsPerPage: query.limit,
      });

    const facets = noFacets();
    for (const field of requested)
      Object.assign(facets[field], response.facetDistribution?.[field]);
    return {
      total: response.totalHits,
      // page-based totalHits is exhaustive up to maxTotalHits, where it stops counting
      totalIsExact: response.totalHits < MAX_TOTAL_HITS,
      facets,
      hits: response.hits.map((hit) => {
        const fields: Record<string, FieldValue> = {};
        for (const [key, value] of Object.entries(hit))
          if (key !== 'id' && !key.startsWith('_')) fields[key] = value as FieldValue;
        return {
          id: hit.id,
          fields,
          distanceKm: query.near && hit._geo ? distanceKm(query.near.centre, hit._geo) : null,
        };
      }),
    };
  }

  /**
   * Builds the new contents in an index aside with the same settings, then swaps it with the
   * live one in one step (searches see the old contents until then) and drops the old contents.
   */
  async rebuild(
    index: SearchIndexName,
    batches: AsyncIterable<SearchDocument[]>,
  ): Promise<IndexStats> {
    const live = this.uid(index);
    const fresh = `${live}_rebuild_${Date.now()}`;
    const drop = () =>
      this.run(`delete ${fresh}`, this.client.deleteIndex(fresh), 'index_not_found');
    try {
      await this.createAndConfigure(fresh, SEARCH_SCHEMAS[index]);
      for await (const batch of batches) await this.addDocuments(fresh, batch);
      await this.createIndex(live);
      // `rename` exists from Meilisearch 1.18 on and older servers refuse unknown fields;
      // without it every version swaps
      const swap = { indexes: [live, fresh] } as IndexSwap;
      await this.run(`swap ${live} and ${fresh}`, this.client.swapIndexes([swap]));
    } catch (error) {
      // the half-built index goes; the live one was not touched
      await drop().catch(() => undefined);
      throw error;
    }
    // after the swap it holds the old contents
    await drop();
    return this.stats(index);
  }

  async stats(index: SearchIndexName): Promise<IndexStats> {
    try {
      const stats = await this.client.index(this.uid(index)).getStats();
      return { documents: stats.numberOfDocuments };
    } catch (error) {
      if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found')
        return { documents: 0 };
      throw error;
    }
  }

  private uid(index: SearchIndexName): string {
    return `${this.indexPrefix}_${index}`;
  }

  private sort(query: SearchQuery): string[] | undefined {
    const sort = query.sort ?? { by: 'relevance' };
    switch (sort.by) {
      case 'relevance':
        return undefined;
      case 'distance': {
        if (!query.near) throw new SearchQueryError('sorting by distance needs a centre');
        const { lat, lng } = query.near.centre;
        return [`_geoPoint(${lat.toFixed(6)}, ${lng.toFixed(6)}):asc`];
      }
      case 'field':
        return [`${sort.field}:${sort.direction === 'desc' ? 'desc' : 'asc'}`];
    }
  }

  private async createIndex(uid: string): Promise<void> {
    await this.run(
      `create ${uid}`,
      this.client.createIndex(uid, { primaryKey: 'id' }),
      'index_already_exists',
    );
  }

  private async createAndConfigure(uid: string, schema: IndexSchema): Promise<void> {
    await this.createIndex(uid);
    const numbers = [...schema.numbers];
    const settings: Settings = {
      searchableAttributes: schema.text.flat(),
      filterableAttributes: [...schema.keywords, ...numbers, '_geo'],
      sortableAttributes: [...numbers, '_geo'],
      rankingRules: RANKING_RULES,
      typoTolerance: { enabled: true },
      faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
      pagination: { maxTotalHits: MAX_TOTAL_HITS },
      localizedAttributes: [{ attributePatterns: schema.text.flat(), locales: LOCALES }],
    };
    await this.run(`settings of ${uid}`, this.client.index(uid).updateSettings(settings));
  }

  /** Adds or replaces whole documents; resolves when they are searchable. */
  private async addDocuments(uid: string, documents: SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += UPSERT_BATCH) {
      const batch = documents
        .slice(start, start + UPSERT_BATCH)
        .map((doc): MeiliDocument => ({ ...doc.fields, id: doc.id, _geo: doc.geo }));
      await this.run(
        `add documents to ${uid}`,
        this.client.index<MeiliDocument>(uid).addDocuments(batch, { primaryKey: 'id' }),
      );
    }
  }

  /**
   * Waits for a task; a task that did not succeed throws with Meilisearch's reason, unless it
   * failed with the one error code the caller expects (such as index_already_exists).
   */
  private async run(what: string, enqueued: EnqueuedTaskPromise, tolerated?: string) {
    const task = await enqueued.waitTask(WAIT);
    if (task.status === 'succeeded') return;
    if (task.status === 'failed' && tolerated !== undefined && task.error?.code === tolerated)
      return;
    throw new Error(
      `Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
    );
  }
}
