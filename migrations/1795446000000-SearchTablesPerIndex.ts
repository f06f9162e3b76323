import { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES = ['candidates', 'vacancies', 'employers'];
const TOPICS = [
  ['candidate', 'candidates'],
  ['vacancy', 'vacancies'],
  ['employer', 'employers'],
];

/**
 * The PostgreSQL search engine keeps each index in its own tables (`search_docs_<index>`,
 * `search_fields_<index>`) instead of one pair of tables with an index_name column: a search
 * visits only its index's rows and statistics, and a rebuild loads fresh tables and swaps them
 * in. The documents gain `title_vector` (the words of the first text group, GIN-indexed).
 * The same DDL is in PostgresSearchEngine, which creates the tables of other indexes (tests)
 * on demand. The old documents are not converted: every record is queued in the outbox again,
 * so the worker indexes it anew (`npm run search:reindex` does the same faster).
 */
export class SearchTablesPerIndex1795446000000 implements MigrationInterface {
  name = 'SearchTablesPerIndex1795446000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      const docs = `search_docs_${index}`;
      const fields = `search_fields_${index}`;
      await queryRunner.query(
        `CREATE TABLE "${docs}" ("id" text NOT NULL, "search_vector" tsvector NOT NULL, "title_vector" tsvector NOT NULL, "keywords" text[] NOT NULL, "facet_values" text[] NOT NULL, "numbers" jsonb NOT NULL, "lat" double precision, "lng" double precision, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "${docs}_pkey" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE INDEX "${docs}_vector" ON "${docs}" USING gin ("search_vector")`,
      );
      await queryRunner.query(
        `CREATE INDEX "${docs}_title" ON "${docs}" USING gin ("title_vector")`,
      );
      await queryRunner.query(
        `CREATE INDEX "${docs}_keywords" ON "${docs}" USING gin ("keywords")`,
      );
      await queryRunner.query(`CREATE INDEX "${docs}_geo" ON "${docs}" ("lat", "lng")`);
      await queryRunner.query(
        `CREATE TABLE "${fields}" ("id" text NOT NULL, "fields" jsonb NOT NULL, CONSTRAINT "${fields}_pkey" PRIMARY KEY ("id"))`,
      );
    }
    await queryRunner.query(`DROP TABLE "search_document_fields"`);
    await queryRunner.query(`DROP TABLE "search_documents"`);
    await this.requeueEverything(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_documents" ("index_name" text NOT NULL, "id" text NOT NULL, "search_vector" tsvector NOT NULL, "keywords" text[] NOT NULL, "facet_values" text[] NOT NULL, "numbers" jsonb NOT NULL, "lat" double precision, "lng" double precision, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_search_documents" PRIMARY KEY ("index_name", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_document_fields" ("index_name" text NOT NULL, "id" text NOT NULL, "fields" jsonb NOT NULL, CONSTRAINT "PK_search_document_fields" PRIMARY KEY ("index_name", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_search_documents_vector" ON "search_documents" USING gin ("search_vector")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_search_documents_keywords" ON "search_documents" USING gin ("keywords")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_search_documents_geo" ON "search_documents" ("index_name", "lat", "lng")`,
    );
    // the application's indexes; tables of other namespaces (tests) are left alone
    for (const index of INDEXES) {
      await queryRunner.query(`DROP TABLE "search_fields_${index}"`);
      await queryRunner.query(`DROP TABLE "search_docs_${index}"`);
    }
    await this.requeueEverything(queryRunner);
  }

  /** Every record goes through the outbox again: the worker indexes it into the new tables. */
  private async requeueEverything(queryRunner: QueryRunner): Promise<void> {
    for (const [topic, table] of TOPICS)
      await queryRunner.query(
        `INSERT INTO "outbox" ("topic", "aggregate_id") SELECT $1, "id" FROM "${table}" ORDER BY "id"`,
        [topic],
      );
  }
}
