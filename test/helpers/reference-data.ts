import { DataSource } from 'typeorm';
import { importTaxonomy } from '../../src/modules/taxonomy/taxonomy-import';

/**
 * Loads the taxonomy (data/taxonomy, committed) once per test database; skipped when the same
 * data version is already there, so only the first run on a fresh database pays for it.
 */
export async function loadReferenceData(dataSource: DataSource): Promise<void> {
  await importTaxonomy(dataSource);
}
