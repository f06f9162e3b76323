import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentTables } from './lib/search-document-tables';

/**
 * The (lat, lng) index of each search documents table also holds the document's id
 * (`INCLUDE`): a radius searched alone then counts and pages its matches from the index only,
 * instead of reading each document's row (1.6 kB, most of it the text vector) for its id. Same
 * DDL as indexesSql() in postgres-search.engine.ts.
 */
export class SearchGeoIndexCoversId1795457000000 implements MigrationInterface {
  name = 'SearchGeoIndexCoversId1795457000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, 'INCLUDE ("id")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, '');
  }

  private async replace(queryRunner: QueryRunner, include: string): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner)) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${table}_geo"`);
      await queryRunner.query(
        `CREATE INDEX "${table}_geo" ON "${table}" ("lat", "lng") ${include}`,
      );
    }
  }
}
