import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups (opvolging) and the e-mails they send. A trigger wakes the worker at commit when a
 * follow-up changed in a way the queue must follow (queued_version behind version), as the
 * outbox does.
 */
export class CreateFollowUps1795442000000 implements MigrationInterface {
  name = 'CreateFollowUps1795442000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "title" text NOT NULL, "details" text, "fired_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" uuid, "snoozed_until" TIMESTAMP WITH TIME ZONE, "cancelled_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "queued_version" integer, CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_ups_subject" ON "follow_ups" ("subject_type", "subject_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_ups_status_due" ON "follow_ups" ("status", "due_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_ups_owner_status_due" ON "follow_ups" ("owner_id", "status", "due_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_ups_unqueued" ON "follow_ups" ("id") WHERE queued_version IS DISTINCT FROM version`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_ups_pending" ON "follow_ups" ("id") WHERE status IN ('scheduled', 'snoozed')`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_ff46329774a867f6714d1ed2ecd" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "outgoing_emails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "follow_up_id" uuid, "follow_up_version" integer, "to_address" text NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE, "smtp_response" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ed08b7e58bb489239f09b55820" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_outgoing_emails_follow_up_firing" ON "outgoing_emails" ("follow_up_id", "follow_up_version")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outgoing_emails_queued" ON "outgoing_emails" ("created_at") WHERE status = 'queued'`,
    );
    await queryRunner.query(
      `ALTER TABLE "outgoing_emails" ADD CONSTRAINT "FK_cb5c1fd200ec6abb8505fd1289c" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // wakes the worker's scheduler at commit (NOTIFY is delivered only when the transaction
    // commits; equal payloads of one transaction are folded into one notification)
    await queryRunner.query(
      `CREATE FUNCTION follow_ups_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('follow_ups', ''); RETURN NULL; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER follow_ups_notify AFTER INSERT OR UPDATE ON "follow_ups" FOR EACH ROW WHEN (NEW.queued_version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION follow_ups_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER follow_ups_notify ON "follow_ups"`);
    await queryRunner.query(`DROP FUNCTION follow_ups_notify()`);
    await queryRunner.query(`DROP TABLE "outgoing_emails"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
  }
}
