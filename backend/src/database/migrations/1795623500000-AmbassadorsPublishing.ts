import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ambassador profiles (photo, languages, city, community, bio), channels, Facebook logins,
 * notifications, posts with their images and per-channel deliveries (see docs/ambassadors-and-publishing.md).
 */
export class AmbassadorsPublishing1795623500000 implements MigrationInterface {
  name = 'AmbassadorsPublishing1795623500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ambassadors" ADD "languages" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "ambassadors" ADD "city" character varying(60)`);
    await queryRunner.query(`ALTER TABLE "ambassadors" ADD "community" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "ambassadors" ADD "bio" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "ambassadors" ADD "photo_updated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ambassadors" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE TABLE "ambassador_photos" ("ambassador_id" uuid NOT NULL, "content" bytea NOT NULL, "content_type" character varying(40) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6364536f5ba2c5dc9e9ac1ee5ae" PRIMARY KEY ("ambassador_id"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "message" text NOT NULL, "channel_id" uuid, "post_id" uuid, "dedupe_key" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications"  ("user_id", "dedupe_key") WHERE "dedupe_key" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_user_idx" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ambassador_id" uuid NOT NULL, "type" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "external_id" character varying(300) NOT NULL, "instance_url" text, "access_token_encrypted" text, "status" character varying(20) NOT NULL DEFAULT 'connected', "status_reason" text, "token_expires_at" TIMESTAMP WITH TIME ZONE, "expiry_warned_for" TIMESTAMP WITH TIME ZONE, "last_checked_at" TIMESTAMP WITH TIME ZONE, "next_check_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "blocked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "channels_status_check" CHECK ("status" IN ('connected', 'needs_reconnect', 'disconnected')), CONSTRAINT "channels_type_check" CHECK ("type" IN ('facebook_page', 'mastodon')), CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "channels_next_check_idx" ON "channels"  ("next_check_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "channels_ambassador_external_key" ON "channels"  ("ambassador_id", "type", "external_id") `);
    await queryRunner.query(`CREATE TABLE "facebook_logins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "state_nonce" character varying(64) NOT NULL, "pages" jsonb NOT NULL DEFAULT '[]', "user_token_expires_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a093db7f2fc20235a50f556769e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "facebook_logins_user_idx" ON "facebook_logins"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "facebook_logins_state_nonce_key" ON "facebook_logins"  ("state_nonce") `);
    await queryRunner.query(`CREATE TABLE "posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ambassador_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "text" text NOT NULL, "link" text, "scheduled_at" TIMESTAMP WITH TIME ZONE, "as_soon_as_approved" boolean NOT NULL DEFAULT false, "item_id" uuid, "image_updated_at" TIMESTAMP WITH TIME ZONE, "reject_reason" text, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "posts_status_check" CHECK ("status" IN ('draft', 'pending_review', 'scheduled', 'publishing', 'published', 'failed', 'rejected', 'cancelled')), CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "posts_status_idx" ON "posts"  ("status", "scheduled_at") `);
    await queryRunner.query(`CREATE INDEX "posts_ambassador_idx" ON "posts"  ("ambassador_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "post_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "attempt_id" uuid, "attempt_started_at" TIMESTAMP WITH TIME ZONE, "first_sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_owner" character varying(100), "lease_expires_at" TIMESTAMP WITH TIME ZONE, "external_id" character varying(200), "external_url" text, "error" text, "error_code" character varying(40), "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "post_deliveries_status_check" CHECK ("status" IN ('pending', 'sending', 'unknown', 'published', 'failed', 'cancelled')), CONSTRAINT "PK_be2f6ce8ea7cfd5d37421704531" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "post_deliveries_channel_idx" ON "post_deliveries"  ("channel_id", "external_id") `);
    await queryRunner.query(`CREATE INDEX "post_deliveries_due_idx" ON "post_deliveries"  ("next_attempt_at") WHERE "status" IN ('pending', 'sending', 'unknown')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "post_deliveries_post_channel_key" ON "post_deliveries"  ("post_id", "channel_id") `);
    await queryRunner.query(`CREATE TABLE "post_images" ("post_id" uuid NOT NULL, "content" bytea NOT NULL, "content_type" character varying(40) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cbea080987be6204e913a691aea" PRIMARY KEY ("post_id"))`);
    await queryRunner.query(`ALTER TABLE "ambassador_photos" ADD CONSTRAINT "FK_6364536f5ba2c5dc9e9ac1ee5ae" FOREIGN KEY ("ambassador_id") REFERENCES "ambassadors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "channels" ADD CONSTRAINT "FK_78af8489981e06c413ad836f351" FOREIGN KEY ("ambassador_id") REFERENCES "ambassadors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facebook_logins" ADD CONSTRAINT "FK_fa036c7049e4580e656142b9735" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "posts" ADD CONSTRAINT "FK_26be8b0401218cd613cb49a3295" FOREIGN KEY ("ambassador_id") REFERENCES "ambassadors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "posts" ADD CONSTRAINT "FK_95f7fe5214c6f86fe3010c81f7d" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "post_deliveries" ADD CONSTRAINT "FK_645f79d1865f65cc2814ba7d2c8" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "post_deliveries" ADD CONSTRAINT "FK_4dc7838840eb68a5bbf38887ff6" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "post_images" ADD CONSTRAINT "FK_cbea080987be6204e913a691aea" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "post_images"`);
    await queryRunner.query(`DROP TABLE "post_deliveries"`);
    await queryRunner.query(`DROP TABLE "posts"`);
    await queryRunner.query(`DROP TABLE "facebook_logins"`);
    await queryRunner.query(`DROP TABLE "channels"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "ambassador_photos"`);
    await queryRunner.query(`ALTER TABLE "ambassadors" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "ambassadors" DROP COLUMN "photo_updated_at"`);
    await queryRunner.query(`ALTER TABLE "ambassadors" DROP COLUMN "bio"`);
    await queryRunner.query(`ALTER TABLE "ambassadors" DROP COLUMN "community"`);
    await queryRunner.query(`ALTER TABLE "ambassadors" DROP COLUMN "city"`);
    await queryRunner.query(`ALTER TABLE "ambassadors" DROP COLUMN "languages"`);
  }
}
