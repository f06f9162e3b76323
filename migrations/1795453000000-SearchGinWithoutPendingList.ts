import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GIN indexes of the search documents take changes at once instead of queueing them in a
 * pending list that every search reads in full until a vacuum empties it (PostgresSearchEngine
 * creates new indexes the same way). What is queued now is moved into the indexes here.
 */
export class SearchGinWithoutPendingList1795453000000 implements MigrationInterface {
  name = 'SearchGinWithoutPendingList1795453000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of await this.ginIndexes(queryRunner)) {
      await queryRunner.query(`ALTER INDEX "${index}" SET (fastupdate = off)`);
      await queryRunner.query(`SELECT gin_clean_pending_list($1::regclass)`, [`"${index}"`]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of await this.ginIndexes(queryRunner))
      await queryRunner.query(`ALTER INDEX "${index}" RESET (fastupdate)`);
  }

  /** The GIN indexes on every index's documents table (the application's and tests'). */
  private async ginIndexes(queryRunner: QueryRunner): Promise<string[]> {
    const rows = (await queryRunner.query(
      `SELECT i.indexname AS name FROM pg_indexes i
       JOIN pg_class c ON c.relname = i.indexname JOIN pg_am a ON a.oid = c.relam
       WHERE i.schemaname = current_schema() AND i.tablename LIKE 'search\\_docs\\_%' AND a.amname = 'gin'
       ORDER BY i.indexname`,
    )) as { name: string }[];
    return rows.map((row) => row.name);
  }
}
