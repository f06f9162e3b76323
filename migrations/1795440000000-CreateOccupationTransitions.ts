import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Precomputed occupation transitions (derived from the taxonomy by `ensureTransitions`, rewritten
 * whole when the taxonomy or the algorithm changes; no foreign keys, so an import that drops an
 * occupation is not held up by them) and a one-row marker of what they were computed from.
 *
 * Only the pair, rank and score: the API derives the shared skills and gaps from the taxonomy
 * graph. No primary key either: the rows are written by one process under a lock, and a unique
 * index on two URIs would cost as much as the table (about 200k rows, 37 MB); the one index, on
 * `from_uri` (deduplicated, under 2 MB), serves every query.
 */
export class CreateOccupationTransitions1795440000000 implements MigrationInterface {
  name = 'CreateOccupationTransitions1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "occupation_transitions" ("from_uri" text NOT NULL, "to_uri" text NOT NULL, "rank" smallint NOT NULL, "score" real NOT NULL, "other_sector" boolean NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_occupation_transitions_from" ON "occupation_transitions" ("from_uri")`,
    );
    await queryRunner.query(
      `CREATE TABLE "occupation_transitions_versions" ("id" boolean NOT NULL DEFAULT true, "taxonomy_version" text NOT NULL, "algorithm_version" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_count" integer NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "PK_occupation_transitions_versions" PRIMARY KEY ("id"), CONSTRAINT "CHK_occupation_transitions_versions_one_row" CHECK ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "occupation_transitions_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_occupation_transitions_from"`);
    await queryRunner.query(`DROP TABLE "occupation_transitions"`);
  }
}
