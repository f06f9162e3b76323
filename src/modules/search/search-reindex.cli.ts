import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../infra/config/app-config';
import { AppConfigModule } from '../../infra/config/config.module';
import { DatabaseModule } from '../../infra/database/database.module';
import { OutboxModule } from '../../infra/outbox/outbox.module';
import { SEARCH_INDEXES, SearchIndexName } from '../../infra/search/search-engine';
import { SearchModule } from '../../infra/search/search.module';
import { SearchIndexingModule } from './search-indexing.module';
import { SearchReindexService } from './search-reindex.service';

@Module({
  imports: [AppConfigModule, DatabaseModule, SearchModule, OutboxModule, SearchIndexingModule],
})
class ReindexModule {}

/** `npm run search:reindex [candidates|vacancies|employers ...]`: all indexes when none named. */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(SEARCH_INDEXES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown index ${unknown.join(', ')}; choose from ${SEARCH_INDEXES.join(', ')}`,
    );
  }
  loadConfig();
  const app = await NestFactory.createApplicationContext(ReindexModule, { logger: ['error'] });
  try {
    const reindex = app.get(SearchReindexService);
    const indexes = asked.length > 0 ? (asked as SearchIndexName[]) : [...SEARCH_INDEXES];
    for (const index of indexes) {
      const { documents, seconds } = await reindex.reindex(index);
      console.log(`${index}: ${documents} documents in ${seconds.toFixed(1)} s`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
