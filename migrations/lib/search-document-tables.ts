import { QueryRunner } from 'typeorm';

/**
 * Every search index's documents table (`search_docs_<index>`), the application's and any other
 * namespace's (tests), for migrations that change all of them. Outside the migrations glob.
 */
export async function searchDocumentTables(queryRunner: QueryRunner): Promise<string[]> {
  const rows = (await queryRunner.query(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename LIKE 'search\\_docs\\_%'
     ORDER BY tablename`,
  )) as { name: string }[];
  return rows.map((row) => row.name);
}
