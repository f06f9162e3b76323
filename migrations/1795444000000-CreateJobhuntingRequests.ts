import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobhunting requests (jobhuntverzoeken) with their history and activities. A partial unique
 * index keeps one running request per candidate; erasing a candidate erases their requests.
 */
export class CreateJobhuntingRequests1795444000000 implements MigrationInterface {
  name = 'CreateJobhuntingRequests1795444000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobhunting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_id" uuid NOT NULL, "filed_by_id" uuid NOT NULL, "motivation" text NOT NULL, "preferences" jsonb NOT NULL, "primary_sector" character(1) NOT NULL, "preferred_account_manager_id" uuid, "account_manager_id" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'open', "accepted_at" TIMESTAMP WITH TIME ZONE, "last_activity_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "close_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_73772288311c3d161b5dda3ff50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c2a43618680526091c3faae4fa" ON "jobhunting_requests" ("candidate_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d4b7bb54d9d3b29fb023697bbc" ON "jobhunting_requests" ("account_manager_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_064ca1cf80261e37c5bc8c65ad" ON "jobhunting_requests" ("status", "primary_sector") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_jobhunting_requests_open_candidate" ON "jobhunting_requests" ("candidate_id") WHERE status IN ('open', 'accepted', 'in-progress')`,
    );
    await queryRunner.query(
      `CREATE TABLE "jobhunting_request_transitions" ("id" BIGSERIAL NOT NULL, "request_id" uuid NOT NULL, "event" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "account_manager_id" uuid, "reason" text, "note" text, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c873d92ac97a6dbe1333ee5a46c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1fd96a3031b02e86e88ef8940" ON "jobhunting_request_transitions" ("request_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "jobhunting_request_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "kind" text NOT NULL, "employer_id" uuid, "vacancy_id" uuid, "outcome" text, "text" text NOT NULL, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_748f70968e82c8cf12cc5f8f538" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8706e8fdfd7e65b354a0ac06b0" ON "jobhunting_request_activities" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e417f61644da2ee22709a4a60f" ON "jobhunting_request_activities" ("vacancy_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3aa0f67a52b5a54c4f1211a0e5" ON "jobhunting_request_activities" ("request_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_requests" ADD CONSTRAINT "FK_c2a43618680526091c3faae4fa5" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_requests" ADD CONSTRAINT "FK_0dd47687639c919f773004f6360" FOREIGN KEY ("filed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_requests" ADD CONSTRAINT "FK_d4b7bb54d9d3b29fb023697bbce" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_transitions" ADD CONSTRAINT "FK_e1a32b57a9b7e22558deb84f326" FOREIGN KEY ("request_id") REFERENCES "jobhunting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_activities" ADD CONSTRAINT "FK_d29750688b40203a48f454b7d8d" FOREIGN KEY ("request_id") REFERENCES "jobhunting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_activities" ADD CONSTRAINT "FK_8706e8fdfd7e65b354a0ac06b0f" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_activities" ADD CONSTRAINT "FK_e417f61644da2ee22709a4a60f5" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_activities" DROP CONSTRAINT "FK_e417f61644da2ee22709a4a60f5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_activities" DROP CONSTRAINT "FK_8706e8fdfd7e65b354a0ac06b0f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_activities" DROP CONSTRAINT "FK_d29750688b40203a48f454b7d8d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_request_transitions" DROP CONSTRAINT "FK_e1a32b57a9b7e22558deb84f326"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_requests" DROP CONSTRAINT "FK_d4b7bb54d9d3b29fb023697bbce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_requests" DROP CONSTRAINT "FK_0dd47687639c919f773004f6360"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobhunting_requests" DROP CONSTRAINT "FK_c2a43618680526091c3faae4fa5"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_3aa0f67a52b5a54c4f1211a0e5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e417f61644da2ee22709a4a60f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8706e8fdfd7e65b354a0ac06b0"`);
    await queryRunner.query(`DROP TABLE "jobhunting_request_activities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1fd96a3031b02e86e88ef8940"`);
    await queryRunner.query(`DROP TABLE "jobhunting_request_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_jobhunting_requests_open_candidate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_064ca1cf80261e37c5bc8c65ad"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d4b7bb54d9d3b29fb023697bbc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2a43618680526091c3faae4fa"`);
    await queryRunner.query(`DROP TABLE "jobhunting_requests"`);
  }
}
