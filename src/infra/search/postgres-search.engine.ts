import { DataSource } from 'typeorm';
import { SearchEngine } from './search-engine';

/** The embedded default: search tables in the application's own PostgreSQL database. */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async health(): Promise<void> {
    await this.dataSource.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
  }
}
