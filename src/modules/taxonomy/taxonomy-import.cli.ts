import 'reflect-metadata';
import { resolve } from 'node:path';
import dataSource from '../../infra/database/data-source';
import { importTaxonomy } from './taxonomy-import';

/**
 * `npm run taxonomy:import [-- --force] [-- --data-dir <dir>]`: loads data/taxonomy into the
 * database named by DATABASE_URL. Does nothing when that data version is already loaded.
 */
async function main(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const dirIndex = args.indexOf('--data-dir');
  const dataDir = dirIndex >= 0 && args[dirIndex + 1] ? resolve(args[dirIndex + 1]) : undefined;
  await dataSource.initialize();
  try {
    const result = await importTaxonomy(dataSource, { force, dataDir });
    const version = result.version.slice(0, 12);
    if (result.status === 'unchanged') {
      console.log(`Taxonomy ${version} is already loaded (use --force to load it again)`);
    } else {
      const counts = Object.entries(result.counts)
        .map(([table, rows]) => `${table} ${rows}`)
        .join(', ');
      console.log(`Loaded taxonomy ${version} in ${result.durationMs} ms: ${counts}`);
    }
    if (result.transitions.status === 'computed') {
      const { rows, durationMs } = result.transitions;
      console.log(`Computed ${rows} occupation transitions in ${durationMs} ms`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
