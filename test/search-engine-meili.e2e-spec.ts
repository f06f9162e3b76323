import { randomBytes } from 'node:crypto';
import { MeiliSearch } from 'meilisearch';
import { MeiliSearchEngine } from '../src/infra/search/meili-search.engine';
import { describeSearchEngineContract } from './search-engine.contract';

/**
 * Runs against a real Meilisearch when MEILI_URL is set (MEILI_KEY when it has a master key),
 * in indexes of its own (`contract_<random>_…`) that it deletes afterwards.
 */
const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_KEY || undefined;
const prefix = `contract_${randomBytes(4).toString('hex')}`;

describeSearchEngineContract(
  'meilisearch',
  () => {
    const host = url ?? '';
    const client = new MeiliSearch({ host, apiKey });
    return Promise.resolve({
      engine: new MeiliSearchEngine(host, apiKey, prefix),
      clean: async () => {
        const { results } = await client.getRawIndexes({ limit: 1000 });
        for (const { uid } of results.filter((index) => index.uid.startsWith(`${prefix}_`)))
          await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
      },
      close: () => Promise.resolve(),
    });
  },
  url ? undefined : 'set MEILI_URL=http://127.0.0.1:7700 (and MEILI_KEY if needed) to run them',
);
