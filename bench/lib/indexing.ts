import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule } from '../../src/infra/config/config.module';
import { DatabaseModule } from '../../src/infra/database/database.module';
import { OutboxModule } from '../../src/infra/outbox/outbox.module';
import { SEARCH_ENGINE, SearchEngine, SearchIndexName } from '../../src/infra/search/search-engine';
import { SearchModule } from '../../src/infra/search/search.module';
import { SearchIndexingModule } from '../../src/modules/search/search-indexing.module';
import { SearchReindexService } from '../../src/modules/search/search-reindex.service';
import { EngineProbe } from './engine-probe';

/** What `npm run search:reindex` runs, without HTTP, queues or the outbox relay. */
@Module({
  imports: [AppConfigModule, DatabaseModule, SearchModule, OutboxModule, SearchIndexingModule],
})
class BenchIndexingModule {}

export interface ReindexFigures {
  index: SearchIndexName;
  documents: number;
  ms: number;
  /**
   * The engine waiting for its next batch: loading the records and building the documents, as
   * far as that was not done while it wrote the batch before (the reindex reads one ahead).
   */
  buildMs: number;
  /** The rest: the engine writing (and, for PostgreSQL, indexing) the documents. */
  writeMs: number;
  docsPerSecond: number;
}

/** Rebuilds each index from the database with SearchReindexService and times it. */
export async function measureReindex(indexes: SearchIndexName[]): Promise<ReindexFigures[]> {
  const app = await NestFactory.createApplicationContext(BenchIndexingModule, { logger: false });
  try {
    const probe = new EngineProbe(app.get<SearchEngine>(SEARCH_ENGINE));
    const reindex = app.get(SearchReindexService);
    const figures: ReindexFigures[] = [];
    for (const index of indexes) {
      const started = performance.now();
      const { documents } = await reindex.reindex(index);
      const ms = performance.now() - started;
      const buildMs = probe.batchMs.get(index) ?? Number.NaN;
      figures.push({
        index,
        documents,
        ms,
        buildMs,
        writeMs: ms - buildMs,
        docsPerSecond: (documents / ms) * 1000,
      });
    }
    return figures;
  } finally {
    await app.close();
  }
}
