/**
 * The search-engine port. Two real implementations: PostgreSQL (full text + pg_trgm, the
 * embedded default) and Meilisearch (production), chosen by SEARCH_ENGINE.
 */
export interface SearchEngine {
  readonly kind: 'postgres' | 'meilisearch';
  /** Resolves when the engine answers; rejects with the reason otherwise. */
  health(): Promise<void>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
