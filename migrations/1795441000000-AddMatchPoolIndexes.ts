import { MigrationInterface, QueryRunner } from 'typeorm';

/** The matching pool reads the candidates and vacancies changed since its last refresh. */
export class AddMatchPoolIndexes1795441000000 implements MigrationInterface {
  name = 'AddMatchPoolIndexes1795441000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_candidates_updated_at" ON "candidates" ("updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_vacancies_updated_at" ON "vacancies" ("updated_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_vacancies_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_candidates_updated_at"`);
  }
}
