import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTaxonomyImportsAndGroups1795432130517 implements MigrationInterface {
  name = 'CreateTaxonomyImportsAndGroups1795432130517';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "taxonomy_imports" ("id" BIGSERIAL NOT NULL, "version" text NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "counts" jsonb NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "PK_b3f339527a7736459ca0d28ba2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "skill_groups" ("uri" text NOT NULL, "code" text NOT NULL, "label_nl" text NOT NULL, "label_en" text NOT NULL, CONSTRAINT "PK_43bc84ba0171ee8ec8678d1277e" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_342a5be7e8104f7a39482c0ab8" ON "skill_groups" ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "isco_groups" ("code" text NOT NULL, "label_nl" text NOT NULL, "label_en" text NOT NULL, CONSTRAINT "PK_524ce5a0792eb4164cae391a52d" PRIMARY KEY ("code"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "isco_groups"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_342a5be7e8104f7a39482c0ab8"`);
    await queryRunner.query(`DROP TABLE "skill_groups"`);
    await queryRunner.query(`DROP TABLE "taxonomy_imports"`);
  }
}
