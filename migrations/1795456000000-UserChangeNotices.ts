import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices of changes to what authentication reads of a user (role, employer, active flag, the
 * row itself), at commit, on channel `user_changes`: the API keeps the user behind a token in
 * memory only while it receives them (src/infra/auth/auth-users.ts). The payload is the user id;
 * an empty payload (TRUNCATE) means every user.
 */
export class UserChangeNotices1795456000000 implements MigrationInterface {
  name = 'UserChangeNotices1795456000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION users_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_LEVEL = 'STATEMENT' THEN
           PERFORM pg_notify('user_changes', '');
         ELSE
           PERFORM pg_notify('user_changes', OLD.id::text);
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_notify_change AFTER UPDATE OF role, employer_id, active OR DELETE ON "users"
       FOR EACH ROW EXECUTE FUNCTION users_notify_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON "users"
       FOR EACH STATEMENT EXECUTE FUNCTION users_notify_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_notify_truncate ON "users"`);
    await queryRunner.query(`DROP TRIGGER users_notify_change ON "users"`);
    await queryRunner.query(`DROP FUNCTION users_notify_change()`);
  }
}
