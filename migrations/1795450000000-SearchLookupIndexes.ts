import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentTables } from './lib/search-document-tables';

/**
 * Two indexes for the PostgreSQL search engine's lookups:
 * - the vocabulary is looked up by the beginning of a word (which indexed words start with the
 *   last word of a query); `text_pattern_ops` lets `LIKE 'word%'` use the index whatever the
 *   database's collation;
 * - each documents table gets one GIN index over text and keywords together in place of one
 *   each, so that a search on words and filters is one scan (PostgresSearchEngine creates the
 *   tables of new indexes, and rebuilds, the same way).
 */
export class SearchLookupIndexes1795450000000 implements MigrationInterface {
  name = 'SearchLookupIndexes1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_search_terms_prefix" ON "search_terms" ("index_name", "term" text_pattern_ops)`,
    );
    for (const table of await searchDocumentTables(queryRunner)) {
      await queryRunner.query(
        `CREATE INDEX "${table}_text_keywords" ON "${table}" USING gin ("search_vector", "keywords")`,
      );
      await queryRunner.query(`DROP INDEX IF EXISTS "${table}_vector"`);
      await queryRunner.query(`DROP INDEX IF EXISTS "${table}_keywords"`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner)) {
      await queryRunner.query(
        `CREATE INDEX "${table}_vector" ON "${table}" USING gin ("search_vector")`,
      );
      await queryRunner.query(
        `CREATE INDEX "${table}_keywords" ON "${table}" USING gin ("keywords")`,
      );
      await queryRunner.query(`DROP INDEX IF EXISTS "${table}_text_keywords"`);
    }
    await queryRunner.query(`DROP INDEX "IDX_search_terms_prefix"`);
  }
}
