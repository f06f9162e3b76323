import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/infra/config/app-config';
import { typeormOptions } from '../../src/infra/database/typeorm-options';
import { importTaxonomy } from '../../src/modules/taxonomy/taxonomy-import';

const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

async function withAdmin<T>(url: string, work: (client: Client, name: string) => Promise<T>) {
  const name = new URL(url).pathname.slice(1).replace(/"/g, '');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist yet. */
export function ensureDatabase(url: string): Promise<{ created: boolean }> {
  return withAdmin(url, async (client, name) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount !== 0) return { created: false };
    await client.query(`CREATE DATABASE "${name}"`);
    return { created: true };
  });
}

/** Drops the database named in `url` (closing its connections) and creates it empty. */
export function recreateDatabase(url: string): Promise<void> {
  return withAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

/**
 * A hash of the migration files: a migration edited after the bench database was migrated
 * (while it is being written) cannot be re-run, so the database is rebuilt instead.
 */
export function migrationsChecksum(): string {
  const hash = createHash('sha256');
  // recursive: the helpers under migrations/lib shape the schema as much as the migrations
  const files = readdirSync(MIGRATIONS_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(relative(MIGRATIONS_DIR, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function storedChecksum(dataSource: DataSource): Promise<string | null> {
  // the table is missing in a database this code has not prepared yet
  const rows = await dataSource
    .query<{ checksum: string }[]>(`SELECT checksum FROM bench_schema`)
    .catch(() => []);
  return rows[0]?.checksum ?? null;
}

export interface PreparedDatabase {
  dataSource: DataSource;
  /** 'new': created now; 'rebuilt': dropped and created (reset asked, or migrations changed). */
  state: 'new' | 'rebuilt' | 'reused';
  migrations: number;
  taxonomy: 'imported' | 'unchanged';
  setupMs: number;
}

/**
 * Creates the bench database when missing (or rebuilds it when `reset` or when the migration
 * files changed since it was migrated), applies the migrations and imports the taxonomy (both
 * no-ops when already done) and returns an initialised DataSource.
 */
export async function prepareDatabase(
  config: AppConfig,
  options: { reset?: boolean } = {},
): Promise<PreparedDatabase> {
  const started = performance.now();
  const checksum = migrationsChecksum();
  const { created } = await ensureDatabase(config.database.url);
  let state: PreparedDatabase['state'] = created ? 'new' : 'reused';
  let dataSource = new DataSource(typeormOptions(config));
  await dataSource.initialize();
  const stored = await storedChecksum(dataSource);
  if (!created && (options.reset || (stored !== null && stored !== checksum))) {
    await dataSource.destroy();
    await recreateDatabase(config.database.url);
    state = 'rebuilt';
    dataSource = new DataSource(typeormOptions(config));
    await dataSource.initialize();
  }
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    const taxonomy = await importTaxonomy(dataSource);
    await dataSource.query(
      `CREATE TABLE IF NOT EXISTS bench_schema (id int PRIMARY KEY DEFAULT 1, checksum text NOT NULL)`,
    );
    await dataSource.query(
      `INSERT INTO bench_schema (checksum) VALUES ($1) ON CONFLICT (id) DO UPDATE SET checksum = $1`,
      [checksum],
    );
    return {
      dataSource,
      state,
      migrations: migrations.length,
      taxonomy: taxonomy.status,
      setupMs: performance.now() - started,
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

export interface RelationSize {
  relation: string;
  /** Table, TOAST and indexes together. */
  totalBytes: number;
  indexBytes: number;
}

/** On-disk sizes of the given tables (missing tables are left out). */
export async function relationSizes(
  dataSource: DataSource,
  tables: string[],
): Promise<RelationSize[]> {
  const rows = await dataSource.query<
    { relation: string; total_bytes: string; index_bytes: string }[]
  >(
    `SELECT c.relname AS relation, pg_total_relation_size(c.oid) AS total_bytes,
            pg_indexes_size(c.oid) AS index_bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($1::text[])
     ORDER BY c.relname`,
    [tables],
  );
  return rows.map((r) => ({
    relation: r.relation,
    totalBytes: Number(r.total_bytes),
    indexBytes: Number(r.index_bytes),
  }));
}
