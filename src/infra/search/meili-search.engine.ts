import { MeiliSearch } from 'meilisearch';
import { SearchEngine } from './search-engine';

/** Meilisearch through the official client; started by docker-compose in production. */
export class MeiliSearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly client: MeiliSearch;

  constructor(
    host: string,
    apiKey: string | undefined,
    readonly indexPrefix: string,
  ) {
    this.client = new MeiliSearch({ host, apiKey });
  }

  async health(): Promise<void> {
    const health = await this.client.health();
    if (health.status !== 'available')
      throw new Error(`Meilisearch status is ${String(health.status)}`);
  }
}
