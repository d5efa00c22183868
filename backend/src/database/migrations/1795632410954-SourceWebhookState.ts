import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SourceWebhookState1795632410954 implements MigrationInterface {
  name = 'SourceWebhookState1795632410954';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ADD "webhook_state" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "webhook_message" text`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "webhook_checked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "sources_webhook_state_check" CHECK ("webhook_state" IN ('subscribed', 'failed', 'not_configured', 'no_page_token'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "sources_webhook_state_check"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "webhook_checked_at"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "webhook_message"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "webhook_state"`);
  }
}
