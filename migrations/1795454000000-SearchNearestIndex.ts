import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentTables } from './lib/search-document-tables';

/**
 * A GiST index on each search documents table's point, in the plane PostgresSearchEngine's
 * nearPoint() uses (a degree of longitude shortened as at 52.2° N): a search sorted by distance
 * finds the nearest matches first through it, instead of ordering every match in a box. The
 * expression must stay the same as nearPoint()'s, or the planner cannot use the index.
 */
export class SearchNearestIndex1795454000000 implements MigrationInterface {
  name = 'SearchNearestIndex1795454000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner))
      await queryRunner.query(
        `CREATE INDEX IF NOT EXISTS "${table}_near" ON "${table}" USING gist (point(lng * 0.6122::float8, lat))`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner))
      await queryRunner.query(`DROP INDEX IF EXISTS "${table}_near"`);
  }
}
