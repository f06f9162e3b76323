import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (changes on their way to the search index) and the PostgreSQL search engine's
 * tables: documents with a Dutch, accent-insensitive tsvector and a vocabulary of indexed words
 * with a trigram index for typo tolerance.
 */
export class CreateOutboxAndSearchDocuments1795434776952 implements MigrationInterface {
  name = 'CreateOutboxAndSearchDocuments1795434776952';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "topic" text NOT NULL, "aggregate_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_pending" ON "outbox" ("id") WHERE relayed_at IS NULL`,
    );
    // wakes the relay at commit (NOTIFY is delivered only when the transaction commits)
    await queryRunner.query(
      `CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );

    await queryRunner.query(
      `CREATE TEXT SEARCH CONFIGURATION werkspoor_nl (COPY = pg_catalog.dutch)`,
    );
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION werkspoor_nl ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_documents" ("index_name" text NOT NULL, "id" text NOT NULL, "search_vector" tsvector NOT NULL, "keywords" text[] NOT NULL, "facet_values" text[] NOT NULL, "numbers" jsonb NOT NULL, "lat" double precision, "lng" double precision, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_search_documents" PRIMARY KEY ("index_name", "id"))`,
    );
    // the stored fields, apart: searches visit only the narrow rows above
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
    await queryRunner.query(
      `CREATE TABLE "search_terms" ("index_name" text NOT NULL, "term" text NOT NULL, CONSTRAINT "PK_search_terms" PRIMARY KEY ("index_name", "term"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_search_terms_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_terms"`);
    await queryRunner.query(`DROP TABLE "search_document_fields"`);
    await queryRunner.query(`DROP TABLE "search_documents"`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION werkspoor_nl`);
    await queryRunner.query(`DROP TRIGGER outbox_notify ON "outbox"`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
