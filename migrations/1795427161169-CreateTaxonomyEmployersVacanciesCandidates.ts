import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTaxonomyEmployersVacanciesCandidates1795427161169 implements MigrationInterface {
  name = 'CreateTaxonomyEmployersVacanciesCandidates1795427161169';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "employer_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "name" text NOT NULL, "job_title" text, "email" text, "phone" text, "user_id" uuid, CONSTRAINT "PK_a1cb255b4447cfc2c47a9088452" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8059cd04de7c6f56b863128edc" ON "employer_contacts" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "employer_locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "name" text NOT NULL, "pc4" character(4) NOT NULL, "city" text, CONSTRAINT "PK_f889105d0594ab33acb8fa2555f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fe59a6d1f73e6d0185f29261bc" ON "employer_locations" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "employers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kvk_number" text, "sector" character(1) NOT NULL, "sbi_code" text, "account_manager_id" uuid NOT NULL, "openness_to45_plus" text NOT NULL DEFAULT 'unknown', "accepts_trial_placements" boolean NOT NULL DEFAULT false, "trial_placement_experience" boolean NOT NULL DEFAULT false, "diversity_workshop_interest" boolean NOT NULL DEFAULT false, "website" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_f2c1aea3e8d7aa3c5fba949c97d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_30444052abf5cfcf593547e432" ON "employers" ("sector") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e639e860246d629b7008e75d0e" ON "employers" ("account_manager_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d88357c887c3c4550453984177" ON "employers" ("kvk_number") WHERE kvk_number IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "occupations" ("uri" text NOT NULL, "code" text NOT NULL, "isco_group" text NOT NULL, "label_nl" text NOT NULL, "label_en" text NOT NULL, "alt_labels_nl" text array NOT NULL DEFAULT '{}', "alt_labels_en" text array NOT NULL DEFAULT '{}', "sectors" text array NOT NULL DEFAULT '{}', "nace_codes" text array NOT NULL DEFAULT '{}', "brc_class" text, "brc_class_label" text, "brc_group" text, "brc_group_label" text, "skills_based_sector" text, CONSTRAINT "PK_296804f8c64abd1cc43807e9efe" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_824de064f8a59438962a5a031d" ON "occupations" ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vacancies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "kind" text NOT NULL DEFAULT 'posted', "occupation_uri" text NOT NULL, "sector" character(1) NOT NULL, "skills" jsonb NOT NULL DEFAULT '[]', "certificates" text array NOT NULL DEFAULT '{}', "driving_licences" text array NOT NULL DEFAULT '{}', "languages" jsonb NOT NULL DEFAULT '[]', "hours_min" smallint NOT NULL, "hours_max" smallint NOT NULL, "shifts" text array NOT NULL DEFAULT '{}', "pc4" character(4) NOT NULL, "physical_demands" jsonb NOT NULL DEFAULT '{}', "contract_type" text NOT NULL, "start_date" date, "status" text NOT NULL DEFAULT 'draft', "trial_placement_possible" boolean NOT NULL DEFAULT false, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_3b45154a366568190cc15be2906" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cd36bbed756589cd4051b96e4f" ON "vacancies" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b15c2387a30b7d0b45369324cd" ON "vacancies" ("occupation_uri") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_45937a38f79057b809d733657f" ON "vacancies" ("status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_09a1db73c1fdc2b73dfc605526" ON "vacancies" ("status", "sector") `,
    );
    await queryRunner.query(
      `CREATE TABLE "taxonomy_labels" ("id" BIGSERIAL NOT NULL, "concept_type" text NOT NULL, "concept_uri" text NOT NULL, "label" text NOT NULL, "normalized" text NOT NULL, "language" text NOT NULL, "preferred" boolean NOT NULL, CONSTRAINT "PK_a6fa8a1a8d7c0038a815808e84a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8cadcdc3de412d12199089553a" ON "taxonomy_labels" ("concept_type", "concept_uri") `,
    );
    await queryRunner.query(
      `CREATE INDEX "taxonomy_labels_normalized_trgm" ON "taxonomy_labels" USING gin ("normalized" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE TABLE "skills" ("uri" text NOT NULL, "skill_type" text NOT NULL, "reuse_level" text, "label_nl" text, "label_en" text NOT NULL, "alt_labels_nl" text array NOT NULL DEFAULT '{}', "alt_labels_en" text array NOT NULL DEFAULT '{}', "group_codes" text array NOT NULL DEFAULT '{}', "group_labels_nl" text array NOT NULL DEFAULT '{}', "occupation_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_9fcaef4cbd55ed13a81ad39a809" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "skill_broader" ("skill_uri" text NOT NULL, "broader_uri" text NOT NULL, CONSTRAINT "PK_e5b0111f7b363907fe192a4fe25" PRIMARY KEY ("skill_uri", "broader_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_146bb2ab583892db9fd76a2b8b" ON "skill_broader" ("broader_uri") `,
    );
    await queryRunner.query(
      `CREATE TABLE "postcodes" ("pc4" character(4) NOT NULL, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "place" text NOT NULL, "municipality" text NOT NULL, "province" text NOT NULL, CONSTRAINT "PK_fcf8cf11d57ecc6644543bc86b2" PRIMARY KEY ("pc4"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "occupation_skills" ("occupation_uri" text NOT NULL, "skill_uri" text NOT NULL, "essential" boolean NOT NULL, CONSTRAINT "PK_4b853a44df8b67eb146ec829933" PRIMARY KEY ("occupation_uri", "skill_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd476a39842406d04fdc5092f2" ON "occupation_skills" ("skill_uri") `,
    );
    await queryRunner.query(
      `CREATE TABLE "employer_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "author_id" uuid NOT NULL, "channel" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "summary" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ee22d344815f896c2a5377c794" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eb588bdddff00280ce6357bf9c" ON "employer_notes" ("employer_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "candidates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_number" text NOT NULL, "bsn_hash" text, "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text, "phone" text, "birth_year" smallint NOT NULL, "klantmanager_id" uuid NOT NULL, "home_pc4" character(4) NOT NULL, "max_commute_km" smallint, "max_commute_minutes" smallint, "hours_min" smallint NOT NULL, "hours_max" smallint NOT NULL, "experiences" jsonb NOT NULL DEFAULT '[]', "skills" jsonb NOT NULL DEFAULT '[]', "languages" jsonb NOT NULL DEFAULT '[]', "activities" jsonb NOT NULL DEFAULT '[]', "education_level" text NOT NULL, "diplomas" jsonb NOT NULL DEFAULT '[]', "certificates" text array NOT NULL DEFAULT '{}', "driving_licences" text array NOT NULL DEFAULT '{}', "work_capacity" jsonb NOT NULL DEFAULT '{}', "work_capacity_notes" text, "available_from" date, "sectors_of_interest" text array NOT NULL DEFAULT '{}', "sectors_refused" text array NOT NULL DEFAULT '{}', "participation_rung" smallint NOT NULL, "programme_status" text NOT NULL DEFAULT 'intake', "available_for_matching" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_140681296bf033ab1eb95288abb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0b3ed16cee155ed3086d0d3138" ON "candidates" ("client_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_88316a37c5516a5a580f5346e2" ON "candidates" ("bsn_hash") WHERE bsn_hash IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_668e4381c681a3a887e1c2fcd1" ON "candidates" ("klantmanager_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ef4edf4f913b9b62dca432f9b9" ON "candidates" ("programme_status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e2029243915bf51b712d90d7a2" ON "candidates" ("klantmanager_id", "programme_status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_7ccdd9dad36fd0b1ea94c4979af" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_contacts" ADD CONSTRAINT "FK_8059cd04de7c6f56b863128edc5" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_locations" ADD CONSTRAINT "FK_fe59a6d1f73e6d0185f29261bce" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employers" ADD CONSTRAINT "FK_e639e860246d629b7008e75d0e9" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" ADD CONSTRAINT "FK_cd36bbed756589cd4051b96e4f5" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" ADD CONSTRAINT "FK_b15c2387a30b7d0b45369324cd3" FOREIGN KEY ("occupation_uri") REFERENCES "occupations"("uri") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidates" ADD CONSTRAINT "FK_668e4381c681a3a887e1c2fcd1b" FOREIGN KEY ("klantmanager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "taxonomy_labels_normalized_trgm"`);
    await queryRunner.query(
      `ALTER TABLE "candidates" DROP CONSTRAINT "FK_668e4381c681a3a887e1c2fcd1b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" DROP CONSTRAINT "FK_b15c2387a30b7d0b45369324cd3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" DROP CONSTRAINT "FK_cd36bbed756589cd4051b96e4f5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employers" DROP CONSTRAINT "FK_e639e860246d629b7008e75d0e9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_locations" DROP CONSTRAINT "FK_fe59a6d1f73e6d0185f29261bce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_contacts" DROP CONSTRAINT "FK_8059cd04de7c6f56b863128edc5"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_7ccdd9dad36fd0b1ea94c4979af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e2029243915bf51b712d90d7a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef4edf4f913b9b62dca432f9b9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_668e4381c681a3a887e1c2fcd1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88316a37c5516a5a580f5346e2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0b3ed16cee155ed3086d0d3138"`);
    await queryRunner.query(`DROP TABLE "candidates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb588bdddff00280ce6357bf9c"`);
    await queryRunner.query(`DROP TABLE "employer_notes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd476a39842406d04fdc5092f2"`);
    await queryRunner.query(`DROP TABLE "occupation_skills"`);
    await queryRunner.query(`DROP TABLE "postcodes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_146bb2ab583892db9fd76a2b8b"`);
    await queryRunner.query(`DROP TABLE "skill_broader"`);
    await queryRunner.query(`DROP TABLE "skills"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cadcdc3de412d12199089553a"`);
    await queryRunner.query(`DROP TABLE "taxonomy_labels"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09a1db73c1fdc2b73dfc605526"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_45937a38f79057b809d733657f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b15c2387a30b7d0b45369324cd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cd36bbed756589cd4051b96e4f"`);
    await queryRunner.query(`DROP TABLE "vacancies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_824de064f8a59438962a5a031d"`);
    await queryRunner.query(`DROP TABLE "occupations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d88357c887c3c4550453984177"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e639e860246d629b7008e75d0e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_30444052abf5cfcf593547e432"`);
    await queryRunner.query(`DROP TABLE "employers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe59a6d1f73e6d0185f29261bc"`);
    await queryRunner.query(`DROP TABLE "employer_locations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8059cd04de7c6f56b863128edc"`);
    await queryRunner.query(`DROP TABLE "employer_contacts"`);
  }
}
