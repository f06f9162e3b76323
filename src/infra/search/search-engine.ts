/**
 * The search-engine port. Two real implementations: PostgreSQL (full text + pg_trgm, the
 * embedded default) and Meilisearch (production), chosen by SEARCH_ENGINE. Both pass the
 * same contract suite (test/search-engine.contract.ts).
 *
 * Documents are flat: keyword fields (string or string[]) for exact filters and facets,
 * number fields for ranges and sorting, text fields for full-text search, and an optional
 * point for radius filters. What a field is, is said once, in the index's schema.
 */
export const SEARCH_INDEXES = ['candidates', 'vacancies', 'employers'] as const;
export type SearchIndexName = (typeof SEARCH_INDEXES)[number];

/** Keyword fields hold strings (booleans as 'true' / 'false'), number fields numbers. */
export type FieldValue = string | string[] | number | null;

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface SearchDocument {
  id: string;
  /** The point a radius filter measures from (a PC4 centroid); null when unknown. */
  geo: GeoPoint | null;
  fields: Record<string, FieldValue>;
}

export interface IndexSchema {
  /** Full-text fields, most important first; the first ranks highest. */
  text: readonly (readonly string[])[];
  /** Exact-match fields (string or string[]), usable in `anyOf` filters. */
  keywords: readonly string[];
  /** Keyword fields that can be counted as facets (a subset of keywords). */
  facets: readonly string[];
  /** Number fields (integer; null allowed) usable in `range` filters and sorting. */
  numbers: readonly string[];
  /**
   * The fields a hit carries, to show it: what a search result shows and nothing else (the
   * other fields are searched, filtered on and counted only, and are not read back).
   */
  displayed: readonly string[];
}

/** A keyword field holds at least one of the values. */
export interface AnyOfFilter {
  kind: 'anyOf';
  field: string;
  values: string[];
}

/** A number field lies within [min, max], both inclusive and optional; null never matches. */
export interface RangeFilter {
  kind: 'range';
  field: string;
  min?: number;
  max?: number;
}

export type SearchFilter = AnyOfFilter | RangeFilter;

export type SearchSort =
  | { by: 'relevance' }
  | { by: 'distance' }
  | { by: 'field'; field: string; direction: 'asc' | 'desc' };

export interface SearchQuery {
  /** Free text; every word must match (typos tolerated); empty means all documents. */
  text?: string;
  /** All filters must hold. */
  filters?: SearchFilter[];
  /** Only documents whose point lies within radiusKm of the centre. */
  near?: { centre: GeoPoint; radiusKm: number };
  /** Keyword fields to count values of, within the matching documents. */
  facets?: string[];
  sort?: SearchSort;
  offset: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  /** The index's displayed fields of the document. */
  fields: Record<string, FieldValue>;
  /** Distance from the `near` centre in km (one decimal) when `near` was given. */
  distanceKm: number | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /**
   * Number of matching documents: exact when `totalIsExact`, otherwise a lower bound (an engine
   * counts exactly up to its limit; PostgreSQL 1,000 by default, Meilisearch its maxTotalHits).
   */
  total: number;
  totalIsExact: boolean;
  /**
   * field -> value -> count, for the requested facets: within all matching documents when
   * `totalIsExact`, otherwise within the `total` matches the engine counted (a sample).
   */
  facets: Record<string, Record<string, number>>;
  /**
   * Query words that are in no document, not even by their stem, which the engine searched for
   * as the listed indexed words instead (typo tolerance: "magazijnmedewerkr" as "magazijnmedewerker").
   * Undefined when the engine does not say: Meilisearch corrects typos without reporting which.
   */
  corrections?: SearchCorrection[];
}

export interface SearchCorrection {
  word: string;
  /** The indexed words searched for instead, the nearest first. */
  searchedAs: string[];
}

export interface IndexStats {
  documents: number;
}

export interface SearchEngine {
  readonly kind: 'postgres' | 'meilisearch';
  /** Resolves when the engine answers; rejects with the reason otherwise. */
  health(): Promise<void>;
  /** Creates the index when missing and applies its schema settings; safe to run twice. */
  configure(index: SearchIndexName): Promise<void>;
  /** Inserts or replaces documents by id; resolves only when they are searchable. */
  upsert(index: SearchIndexName, documents: SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored; resolves when they are gone. */
  delete(index: SearchIndexName, ids: string[]): Promise<void>;
  search(index: SearchIndexName, query: SearchQuery): Promise<SearchResult>;
  /**
   * Replaces the whole index with the documents the batches yield. Searches keep seeing the
   * old contents until the new index is complete (Meilisearch: build aside, then swap).
   */
  rebuild(index: SearchIndexName, batches: AsyncIterable<SearchDocument[]>): Promise<IndexStats>;
  stats(index: SearchIndexName): Promise<IndexStats>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** Thrown for queries that name fields the schema does not have, or malformed values. */
export class SearchQueryError extends Error {}
