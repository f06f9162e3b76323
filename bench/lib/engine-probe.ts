import {
  SearchDocument,
  SearchEngine,
  SearchIndexName,
  SearchQuery,
  SearchResult,
} from '../../src/infra/search/search-engine';

export interface EngineCall {
  index: SearchIndexName;
  query: SearchQuery;
  ms: number;
  total: number;
}

/**
 * Wraps a running engine instance (the one the application uses) to see what it is asked:
 * every `search` call with its query and duration, and for `rebuild` the time spent producing
 * the batches (loading records and building documents) apart from the engine's own writing.
 */
export class EngineProbe {
  /** Calls are collected while this is an array; null stops collecting. */
  calls: EngineCall[] | null = null;
  /** Per index: milliseconds spent waiting for the next batch during the last rebuild. */
  readonly batchMs = new Map<SearchIndexName, number>();
  /** The engine's own search, without the probe. */
  readonly search: SearchEngine['search'];

  constructor(readonly engine: SearchEngine) {
    const search = engine.search.bind(engine);
    const rebuild = engine.rebuild.bind(engine);
    this.search = search;
    engine.search = async (index: SearchIndexName, query: SearchQuery): Promise<SearchResult> => {
      const started = performance.now();
      const result = await search(index, query);
      this.calls?.push({ index, query, ms: performance.now() - started, total: result.total });
      return result;
    };
    engine.rebuild = (index: SearchIndexName, batches: AsyncIterable<SearchDocument[]>) => {
      this.batchMs.set(index, 0);
      return rebuild(index, this.timed(index, batches));
    };
  }

  /** Collects the calls `work` causes (run it alone: calls of concurrent work mix in). */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; calls: EngineCall[] }> {
    const calls: EngineCall[] = [];
    this.calls = calls;
    try {
      return { result: await work(), calls };
    } finally {
      this.calls = null;
    }
  }

  private async *timed(
    index: SearchIndexName,
    batches: AsyncIterable<SearchDocument[]>,
  ): AsyncIterable<SearchDocument[]> {
    const iterator = batches[Symbol.asyncIterator]();
    for (;;) {
      const started = performance.now();
      const next = await iterator.next();
      this.batchMs.set(index, (this.batchMs.get(index) ?? 0) + performance.now() - started);
      if (next.done) return;
      yield next.value;
    }
  }
}
