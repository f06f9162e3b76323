import { DataSource } from 'typeorm';
import { loadConfig } from '../src/infra/config/app-config';
import { typeormOptions } from '../src/infra/database/typeorm-options';

describe('database schema', () => {
  it('is exactly what the entities describe after all migrations (no drift)', async () => {
    const dataSource = new DataSource(typeormOptions(loadConfig()));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
