import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nominations (voordrachten) with their transition history, trial placements with evaluations,
 * and placements. At most one open nomination per candidate and vacancy (or per candidate and
 * employer without a vacancy): partial unique indexes. Erasing a candidate erases all of it.
 */
export class CreateNominationsAndPlacements1795443000000 implements MigrationInterface {
  name = 'CreateNominationsAndPlacements1795443000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "nominations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "vacancy_id" uuid, "account_manager_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "motivation" text NOT NULL, "interview_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "end_reason_text" text, "ended_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_94d2a23f18ea8e3b22d1ec6e972" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12e0e6c1f0ca0e5a1073b1ddaf" ON "nominations" ("candidate_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b76f2d8d39aac85e51010a30e7" ON "nominations" ("employer_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8944c17c0b87704bc365739593" ON "nominations" ("vacancy_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4538f2c14387f4838f38faba3c" ON "nominations" ("account_manager_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9b557733e912c71a1fb3077b80" ON "nominations" ("status")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_nominations_open_per_employer" ON "nominations" ("candidate_id", "employer_id") WHERE status IN ('draft', 'proposed', 'interview-planned', 'trial-placement') AND vacancy_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_nominations_open_per_vacancy" ON "nominations" ("candidate_id", "vacancy_id") WHERE status IN ('draft', 'proposed', 'interview-planned', 'trial-placement') AND vacancy_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "trial_placements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "original_end_date" date NOT NULL, "hours_per_week" smallint NOT NULL, "supervisor_name" text NOT NULL, "supervisor_role" text NOT NULL, "employer_intent_to_offer" boolean NOT NULL, "employer_intent_date" date NOT NULL, "status" text NOT NULL DEFAULT 'active', "ended_on" date, "previous_programme_status" text, "extensions" jsonb NOT NULL DEFAULT '[]', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_ffc1677b9fb156b49878c302fbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_95e8ae99500917de30428441d9" ON "trial_placements" ("nomination_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_04a126a0cc5b1d04dc24220ab3" ON "trial_placements" ("candidate_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0078664d43b22c022534501631" ON "trial_placements" ("status")`,
    );
    await queryRunner.query(
      `CREATE TABLE "trial_placement_evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trial_placement_id" uuid NOT NULL, "evaluated_on" date NOT NULL, "outcome" text NOT NULL, "notes" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9338be2b925816bf6fa3c24d29e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_162a474491d57abca888c0e512" ON "trial_placement_evaluations" ("trial_placement_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "placements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "vacancy_id" uuid, "trial_placement_id" uuid, "account_manager_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "hours_per_week" smallint NOT NULL, "contract_type" text NOT NULL, "ended_on" date, "end_reason" text, "end_reason_text" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_91cca43a1baa03ee278d7be74da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_03673f1e4de6ce612c57a0a0f7" ON "placements" ("nomination_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_31e08dff8a1e324a3c62fb4661" ON "placements" ("candidate_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_345d54f8326a195fb2e0499908" ON "placements" ("employer_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "nomination_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "reason" text, "reason_text" text, "note" text, "actor_id" uuid NOT NULL, "actor_role" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00799642d5e859c6a15646acbb9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3dd572451a68dbbd5d6b058dcb" ON "nomination_transitions" ("nomination_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_12e0e6c1f0ca0e5a1073b1ddafc" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_b76f2d8d39aac85e51010a30e76" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_8944c17c0b87704bc365739593a" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_4538f2c14387f4838f38faba3c9" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placements" ADD CONSTRAINT "FK_95e8ae99500917de30428441d9e" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placements" ADD CONSTRAINT "FK_04a126a0cc5b1d04dc24220ab35" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placements" ADD CONSTRAINT "FK_138cb8756b36bd4372d0f9e5782" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placement_evaluations" ADD CONSTRAINT "FK_162a474491d57abca888c0e512e" FOREIGN KEY ("trial_placement_id") REFERENCES "trial_placements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_03673f1e4de6ce612c57a0a0f74" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_31e08dff8a1e324a3c62fb46615" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_345d54f8326a195fb2e04999084" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_4f6b960fb60264c9fc4ba917f78" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_44c421b88027328911d12abf2d7" FOREIGN KEY ("trial_placement_id") REFERENCES "trial_placements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" ADD CONSTRAINT "FK_3dd572451a68dbbd5d6b058dcb9" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" ADD CONSTRAINT "FK_1a7aa3777e6c6dc26c0501e6c5b" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" DROP CONSTRAINT "FK_1a7aa3777e6c6dc26c0501e6c5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" DROP CONSTRAINT "FK_3dd572451a68dbbd5d6b058dcb9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" DROP CONSTRAINT "FK_44c421b88027328911d12abf2d7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" DROP CONSTRAINT "FK_4f6b960fb60264c9fc4ba917f78"`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" DROP CONSTRAINT "FK_345d54f8326a195fb2e04999084"`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" DROP CONSTRAINT "FK_31e08dff8a1e324a3c62fb46615"`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" DROP CONSTRAINT "FK_03673f1e4de6ce612c57a0a0f74"`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placement_evaluations" DROP CONSTRAINT "FK_162a474491d57abca888c0e512e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placements" DROP CONSTRAINT "FK_138cb8756b36bd4372d0f9e5782"`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placements" DROP CONSTRAINT "FK_04a126a0cc5b1d04dc24220ab35"`,
    );
    await queryRunner.query(
      `ALTER TABLE "trial_placements" DROP CONSTRAINT "FK_95e8ae99500917de30428441d9e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "FK_4538f2c14387f4838f38faba3c9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "FK_8944c17c0b87704bc365739593a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "FK_b76f2d8d39aac85e51010a30e76"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "FK_12e0e6c1f0ca0e5a1073b1ddafc"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_c1fd96a3031b02e86e88ef8940"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3dd572451a68dbbd5d6b058dcb"`);
    await queryRunner.query(`DROP TABLE "nomination_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_345d54f8326a195fb2e0499908"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_31e08dff8a1e324a3c62fb4661"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03673f1e4de6ce612c57a0a0f7"`);
    await queryRunner.query(`DROP TABLE "placements"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_162a474491d57abca888c0e512"`);
    await queryRunner.query(`DROP TABLE "trial_placement_evaluations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0078664d43b22c022534501631"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_04a126a0cc5b1d04dc24220ab3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_95e8ae99500917de30428441d9"`);
    await queryRunner.query(`DROP TABLE "trial_placements"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_nominations_open_per_vacancy"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_nominations_open_per_employer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b557733e912c71a1fb3077b80"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4538f2c14387f4838f38faba3c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8944c17c0b87704bc365739593"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b76f2d8d39aac85e51010a30e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12e0e6c1f0ca0e5a1073b1ddaf"`);
    await queryRunner.query(`DROP TABLE "nominations"`);
  }
}
