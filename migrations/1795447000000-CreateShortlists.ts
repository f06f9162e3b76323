import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shortlists for employers: the list, its candidates (with the frozen pseudonymised profile),
 * the employer's answers and the links (token hashes only). A nomination step may now be the
 * employer's through a link, without a user: nomination_transitions.actor_id becomes nullable.
 */
export class CreateShortlists1795447000000 implements MigrationInterface {
  name = 'CreateShortlists1795447000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "shortlists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "vacancy_id" uuid, "account_manager_id" uuid NOT NULL, "title" text NOT NULL, "introduction" text, "status" text NOT NULL DEFAULT 'draft', "expires_on" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "close_note" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_cef7d8cee850bbdd9205a9dcd46" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d1726e5777a64810efa4940923" ON "shortlists" ("vacancy_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3f339d1b29575f868a86d09824" ON "shortlists" ("account_manager_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ea072c27280dd0038df98f4f3a" ON "shortlists" ("employer_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shortlist_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shortlist_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_id" uuid, "last_opened_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0d7d3f994fce82015447b288dc3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f6319f5f7b027bcd03708c0ec" ON "shortlist_links" ("shortlist_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a445bb200b13cff428cf80e794" ON "shortlist_links" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shortlist_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shortlist_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "position" integer NOT NULL, "pitch" text NOT NULL, "match_score" real, "match_label" text, "snapshot" jsonb, "consent_recorded_at" TIMESTAMP WITH TIME ZONE, "consent_recorded_by_id" uuid, "consent_note" text, "revealed_at" TIMESTAMP WITH TIME ZONE, "revealed_by_id" uuid, "nomination_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea78584da6e635c91c786064234" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48b128fbe2bb751712b3e04819" ON "shortlist_entries" ("candidate_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_shortlist_entries_candidate" ON "shortlist_entries" ("shortlist_id", "candidate_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shortlist_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "kind" text NOT NULL, "reason" text, "text" text, "interview_at" TIMESTAMP WITH TIME ZONE, "channel" text NOT NULL, "user_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_792786560c2ec6259fd4dea53b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7f0d4e64db4c9723660938ffcc" ON "shortlist_answers" ("entry_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" DROP CONSTRAINT "FK_1a7aa3777e6c6dc26c0501e6c5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" ALTER COLUMN "actor_id" DROP NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlists" ADD CONSTRAINT "FK_b74f70bf06fe1c149defe0b9051" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlists" ADD CONSTRAINT "FK_d1726e5777a64810efa49409239" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlists" ADD CONSTRAINT "FK_3f339d1b29575f868a86d098241" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_links" ADD CONSTRAINT "FK_1f6319f5f7b027bcd03708c0ec3" FOREIGN KEY ("shortlist_id") REFERENCES "shortlists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_links" ADD CONSTRAINT "FK_02781c6ab77e102ec5ba9e931c8" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" ADD CONSTRAINT "FK_c5094c7ec6bad82d79bd7fe5bb6" FOREIGN KEY ("shortlist_id") REFERENCES "shortlists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" ADD CONSTRAINT "FK_48b128fbe2bb751712b3e048192" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" ADD CONSTRAINT "FK_26eedf3993ab2eaa7c470f55b8d" FOREIGN KEY ("consent_recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" ADD CONSTRAINT "FK_238db7618486ce8ea74354d1af7" FOREIGN KEY ("revealed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" ADD CONSTRAINT "FK_26baace2a275dc487b505978821" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_answers" ADD CONSTRAINT "FK_aa90e11d4547a3a6ad023710df0" FOREIGN KEY ("entry_id") REFERENCES "shortlist_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_answers" ADD CONSTRAINT "FK_25cbe32365c15f36e5af980de46" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" ADD CONSTRAINT "FK_1a7aa3777e6c6dc26c0501e6c5b" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // shown to employers next to pseudonymised candidates: no word about the client's benefit
    await queryRunner.query(
      `UPDATE "arrangement_rules" SET "employer_summary" = $1 WHERE "code" = 'proefplaatsing-participatiewet' AND "employer_summary" = $2`,
      [TRIAL_SUMMARY, TRIAL_SUMMARY_BEFORE],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "arrangement_rules" SET "employer_summary" = $1 WHERE "code" = 'proefplaatsing-participatiewet' AND "employer_summary" = $2`,
      [TRIAL_SUMMARY_BEFORE, TRIAL_SUMMARY],
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" DROP CONSTRAINT "FK_1a7aa3777e6c6dc26c0501e6c5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_answers" DROP CONSTRAINT "FK_25cbe32365c15f36e5af980de46"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_answers" DROP CONSTRAINT "FK_aa90e11d4547a3a6ad023710df0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" DROP CONSTRAINT "FK_26baace2a275dc487b505978821"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" DROP CONSTRAINT "FK_238db7618486ce8ea74354d1af7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" DROP CONSTRAINT "FK_26eedf3993ab2eaa7c470f55b8d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" DROP CONSTRAINT "FK_48b128fbe2bb751712b3e048192"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_entries" DROP CONSTRAINT "FK_c5094c7ec6bad82d79bd7fe5bb6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_links" DROP CONSTRAINT "FK_02781c6ab77e102ec5ba9e931c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlist_links" DROP CONSTRAINT "FK_1f6319f5f7b027bcd03708c0ec3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlists" DROP CONSTRAINT "FK_3f339d1b29575f868a86d098241"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlists" DROP CONSTRAINT "FK_d1726e5777a64810efa49409239"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shortlists" DROP CONSTRAINT "FK_b74f70bf06fe1c149defe0b9051"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" ALTER COLUMN "actor_id" SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_transitions" ADD CONSTRAINT "FK_1a7aa3777e6c6dc26c0501e6c5b" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_7f0d4e64db4c9723660938ffcc"`);
    await queryRunner.query(`DROP TABLE "shortlist_answers"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_shortlist_entries_candidate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48b128fbe2bb751712b3e04819"`);
    await queryRunner.query(`DROP TABLE "shortlist_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a445bb200b13cff428cf80e794"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f6319f5f7b027bcd03708c0ec"`);
    await queryRunner.query(`DROP TABLE "shortlist_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea072c27280dd0038df98f4f3a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f339d1b29575f868a86d09824"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1726e5777a64810efa4940923"`);
    await queryRunner.query(`DROP TABLE "shortlists"`);
  }
}

const TRIAL_SUMMARY =
  'De werkgever betaalt geen loon tijdens de proefplaatsing (meestal 2 maanden, hooguit 6). Vooraf verklaart de werkgever een contract van minstens 6 maanden te bieden als het goed gaat.';
const TRIAL_SUMMARY_BEFORE =
  'De werkgever betaalt geen loon tijdens de proefplaatsing (meestal 2 maanden, hooguit 6); de klant houdt de uitkering. Vooraf verklaart de werkgever een contract van minstens 6 maanden te bieden als het goed gaat.';
