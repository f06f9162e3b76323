import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows are marked synced by the indexer once the index holds their change, and count
 * their relays; the relay sends a row again when it was relayed but never synced (its job lost).
 * Rows relayed before this migration are taken as synced (their jobs ran or are still queued and
 * carry no row ids to mark); `npm run search:reindex` repairs anything lost before it.
 */
export class OutboxSyncedAt1795449000000 implements MigrationInterface {
  name = 'OutboxSyncedAt1795449000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_pending"`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "relays" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "synced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "outbox" SET "synced_at" = "relayed_at", "relays" = 1 WHERE "relayed_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_unsynced" ON "outbox" ("id") WHERE synced_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_unsynced"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "synced_at"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "relays"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_pending" ON "outbox" ("id") WHERE relayed_at IS NULL`,
    );
  }
}
