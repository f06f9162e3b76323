import { DataSource } from 'typeorm';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';
import { PostgresSearchEngine } from '../src/infra/search/postgres-search.engine';
import { SearchDocument } from '../src/infra/search/search-engine';
import { describeSearchEngineContract } from './search-engine.contract';

/** Index names of the contract documents: never those of the application's own indexes. */
const NAMESPACE = 'contract_';

async function openDataSource(): Promise<DataSource> {
  const dataSource = new DataSource(typeormOptions(loadConfig()));
  await dataSource.initialize();
  return dataSource;
}

async function clean(dataSource: DataSource, namespace: string): Promise<void> {
  for (const table of ['search_documents', 'search_document_fields', 'search_terms'])
    await dataSource.query(`DELETE FROM ${table} WHERE starts_with(index_name, $1)`, [namespace]);
}

describeSearchEngineContract('postgres', async () => {
  const dataSource = await openDataSource();
  return {
    engine: new PostgresSearchEngine(dataSource, NAMESPACE),
    clean: () => clean(dataSource, NAMESPACE),
    close: () => dataSource.destroy(),
  };
});

describe('postgres search engine: a rebuild while the indexer writes', () => {
  const namespace = 'concurrent_';
  let dataSource: DataSource;
  let engine: PostgresSearchEngine;
  const doc = (id: string, word: string): SearchDocument => ({
    id,
    geo: null,
    fields: { occupationLabels: [word], hoursMin: 24, hoursMax: 32 },
  });

  beforeAll(async () => {
    dataSource = await openDataSource();
    engine = new PostgresSearchEngine(dataSource, namespace);
    await clean(dataSource, namespace);
  });
  afterAll(async () => {
    await clean(dataSource, namespace);
    await dataSource.destroy();
  });

  it('lets both finish, the later upsert on top of the rebuilt contents', async () => {
    await engine.upsert('candidates', [doc('a', 'kok'), doc('b', 'kok')]);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* batches() {
      yield [doc('a', 'bakker')];
      await held; // the rebuild holds its transaction open here
      yield [doc('b', 'bakker'), doc('c', 'bakker')];
    }
    const rebuild = engine.rebuild('candidates', batches());
    await new Promise((resolve) => setTimeout(resolve, 100));
    // c is new (the upsert inserts it first), b is held by the rebuild: without the index lock
    // the two transactions would wait for each other
    const upsert = engine.upsert('candidates', [doc('c', 'slager'), doc('b', 'slager')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([rebuild, upsert]);

    const found = async (text: string) =>
      (await engine.search('candidates', { text, offset: 0, limit: 10 })).hits.map((h) => h.id);
    expect(await found('bakker')).toEqual(['a']);
    expect((await found('slager')).sort()).toEqual(['b', 'c']);
    expect(await found('kok')).toEqual([]);
  });
});
