import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const root = join(__dirname, '..', '..', '..');

/** One definition of the database connection, shared by the API, the worker, the CLI and tests. */
export function typeormOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, no extension needed
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    // query logging would print parameters, which can hold personal data; errors surface as exceptions
    logging: false,
    extra: {
      max: config.database.poolSize,
      application_name: 'werkspoor45',
      // Per connection, not for the server. jit: every statement here is short, and compiling
      // one to machine code costs more than running it (PostgreSQL decides by estimated cost,
      // and a search estimated high still runs in milliseconds). synchronize_seqscans: a scan
      // of a large table otherwise starts where another scan of it stopped, so a search that
      // stops after its first matches would find other matches (another count, other facets,
      // another ranking) each time it is run; off, the same search answers the same.
      options: '-c jit=off -c synchronize_seqscans=off',
    },
  };
}
