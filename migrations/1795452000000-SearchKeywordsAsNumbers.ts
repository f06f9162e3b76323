import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentTables } from './lib/search-document-tables';

/**
 * The PostgreSQL search engine keeps keyword hashes as numbers (bigint[]) instead of 16 hex
 * characters each (text[]): the same 64 bits, compared in one step and stored in half the
 * bytes. The stored hashes are converted in place (hex to signed 64-bit, as the engine's
 * keywordKey computes them); the GIN index over text and keywords is rebuilt with the column.
 */
export class SearchKeywordsAsNumbers1795452000000 implements MigrationInterface {
  name = 'SearchKeywordsAsNumbers1795452000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.convert(
      queryRunner,
      'bigint[]',
      `SELECT ARRAY(SELECT ('x' || k)::bit(64)::bigint FROM unnest($1) k)`,
      'text[]',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.convert(
      queryRunner,
      'text[]',
      `SELECT ARRAY(SELECT lpad(to_hex(k), 16, '0') FROM unnest($1) k)`,
      'bigint[]',
    );
  }

  /** ALTER COLUMN ... USING takes no subquery: the conversion goes through a session function. */
  private async convert(queryRunner: QueryRunner, to: string, body: string, from: string) {
    await queryRunner.query(
      `CREATE FUNCTION pg_temp.converted_keywords(${from}) RETURNS ${to}
       LANGUAGE sql IMMUTABLE AS $$ ${body} $$`,
    );
    for (const table of await searchDocumentTables(queryRunner))
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "keywords" TYPE ${to}
         USING pg_temp.converted_keywords("keywords")`,
      );
    await queryRunner.query(`DROP FUNCTION pg_temp.converted_keywords(${from})`);
  }
}
