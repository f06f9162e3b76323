import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MeiliSearchEngine } from './meili-search.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SEARCH_ENGINE, SearchEngine } from './search-engine';

export function createSearchEngine(config: AppConfig, dataSource: DataSource): SearchEngine {
  switch (config.search.engine) {
    case 'postgres':
      return new PostgresSearchEngine(dataSource, { concurrency: config.search.concurrency });
    case 'meilisearch':
      return new MeiliSearchEngine(
        config.search.meiliUrl ?? '',
        config.search.meiliKey,
        config.search.meiliIndexPrefix,
      );
  }
}

@Global()
@Module({
  providers: [
    {
      provide: SEARCH_ENGINE,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: createSearchEngine,
    },
  ],
  exports: [SEARCH_ENGINE],
})
export class SearchModule {}
