import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSourceFetchOutcome1795622232589 implements MigrationInterface {
  name = 'AddSourceFetchOutcome1795622232589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ADD "last_fetch" jsonb`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "feed_ttl_seconds" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "feed_ttl_seconds"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "last_fetch"`);
  }
}
