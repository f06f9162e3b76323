import 'reflect-metadata';
import dataSource from './data-source';

/** Runs pending migrations, each in its own transaction; exits non-zero on failure. */
async function main(): Promise<void> {
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length
        ? `Applied ${applied.map((m) => m.name).join(', ')}`
        : 'Database is up to date',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
