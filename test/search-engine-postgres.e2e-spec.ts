import { DataSource } from 'typeorm';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';
import { PostgresSearchEngine } from '../src/infra/search/postgres-search.engine';
import { describeSearchEngineContract } from './search-engine.contract';

/** Index names of the contract documents: never those of the application's own indexes. */
const NAMESPACE = 'contract_';

describeSearchEngineContract('postgres', async () => {
  const dataSource = new DataSource(typeormOptions(loadConfig()));
  await dataSource.initialize();
  return {
    engine: new PostgresSearchEngine(dataSource, NAMESPACE),
    clean: async () => {
      for (const table of ['search_documents', 'search_terms'])
        await dataSource.query(`DELETE FROM ${table} WHERE starts_with(index_name, $1)`, [
          NAMESPACE,
        ]);
    },
    close: () => dataSource.destroy(),
  };
});
