import 'reflect-metadata';
import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';

/**
 * Runs once per test run: creates the test database when missing, applies migrations (never
 * synchronize) and empties the test Redis database. Reference data is loaded here, once.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const config = loadConfig();
  await ensureDatabase(config.database.url);
  const dataSource = new DataSource(typeormOptions(config));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { loadReferenceData } = await import('./helpers/reference-data');
    await loadReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const redis = new Redis(config.redis.url);
  await redis.flushdb();
  await redis.quit();
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
