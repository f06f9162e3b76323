import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentTables } from './lib/search-document-tables';

/**
 * Search documents keep their text vector in the row (storage MAIN, rows up to a page before
 * anything moves to the TOAST table): a search scanning documents then reads each vector in
 * place. PostgresSearchEngine creates new tables (and rebuilds) the same way. Existing rows are
 * rewritten here so that their vectors move back in line; the contents do not change.
 */
export class SearchVectorsInline1795448000000 implements MigrationInterface {
  name = 'SearchVectorsInline1795448000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner)) {
      await queryRunner.query(`ALTER TABLE "${table}" SET (toast_tuple_target = 8160)`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "search_vector" SET STORAGE MAIN`,
      );
      // a new value (not the stored pointer) so that it is stored again under the new rules
      await queryRunner.query(
        `UPDATE "${table}" SET "search_vector" = "search_vector" || ''::tsvector`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner)) {
      await queryRunner.query(`ALTER TABLE "${table}" RESET (toast_tuple_target)`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "search_vector" SET STORAGE EXTENDED`,
      );
    }
  }
}
