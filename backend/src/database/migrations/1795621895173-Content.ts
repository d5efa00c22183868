import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Content1795621895173 implements MigrationInterface {
  name = 'Content1795621895173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" character varying(60) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(100) NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log"  ("at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log"  ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(20) NOT NULL, "kind" character varying(20) NOT NULL DEFAULT 'partner', "name" character varying(200) NOT NULL, "url" text, "external_id" character varying(200), "cities" text array NOT NULL DEFAULT '{}', "topics" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "auto_approve" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "access_token_encrypted" text, "ambassador_id" uuid, "created_by" uuid, "next_fetch_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fetch_interval_seconds" integer NOT NULL DEFAULT '1800', "lease_owner" character varying(100), "lease_expires_at" TIMESTAMP WITH TIME ZONE, "last_fetched_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_http_status" integer, "last_error" text, "consecutive_failures" integer NOT NULL DEFAULT '0', "paused_reason" text, "etag" character varying(500), "last_modified" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sources_kind_check" CHECK ("kind" IN ('ambassador', 'partner', 'city')), CONSTRAINT "sources_type_check" CHECK ("type" IN ('rss', 'facebook_page', 'mastodon')), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sources_next_fetch_at_idx" ON "sources"  ("next_fetch_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "sources_external_id_key" ON "sources"  ("type", "external_id") WHERE "external_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sources_url_key" ON "sources"  ("type", "url") WHERE "url" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "key" character varying(512) NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "html" text NOT NULL DEFAULT '', "url" text, "canonical_url" text, "image_url" text, "author" character varying(200), "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character(64) NOT NULL, "language" character varying(8), "language_confidence" real, "cities" text array NOT NULL DEFAULT '{}', "topics" text array NOT NULL DEFAULT '{}', "status" character varying(20) NOT NULL DEFAULT 'pending', "reject_reason" text, "held_reasons" text array NOT NULL DEFAULT '{}', "duplicate_of_id" uuid, "pinned" boolean NOT NULL DEFAULT false, "tags_edited" boolean NOT NULL DEFAULT false, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "items_status_check" CHECK ("status" IN ('pending', 'approved', 'rejected')), CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "items_canonical_url_idx" ON "items"  ("canonical_url") `);
    await queryRunner.query(`CREATE INDEX "items_moderation_idx" ON "items"  ("status", "published_at") `);
    await queryRunner.query(`CREATE INDEX "items_public_feed_idx" ON "items"  ("pinned", "published_at", "id") WHERE "status" = 'approved'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "items_source_key_key" ON "items"  ("source_id", "key") `);
    await queryRunner.query(`CREATE TABLE "blocked_phrases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phrase" character varying(200) NOT NULL, "language" character varying(8), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_26b1401d60849e1e81b0ca598b8" UNIQUE ("phrase"), CONSTRAINT "PK_b79586d812c0e1602d9f73205a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "topics" ("slug" character varying(40) NOT NULL, "labels" jsonb NOT NULL DEFAULT '{}', "keywords" jsonb NOT NULL DEFAULT '{}', "position" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97c66ab0029f49fde30517f8199" PRIMARY KEY ("slug"))`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_310bb69adbba3002f97773ca374" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Array containment filters of the public feed (city, topic); not expressible as entity metadata.
    await queryRunner.query(`CREATE INDEX "items_cities_idx" ON "items" USING gin ("cities")`);
    await queryRunner.query(`CREATE INDEX "items_topics_idx" ON "items" USING gin ("topics")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."items_topics_idx"`);
    await queryRunner.query(`DROP INDEX "public"."items_cities_idx"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_310bb69adbba3002f97773ca374"`);
    await queryRunner.query(`DROP TABLE "topics"`);
    await queryRunner.query(`DROP TABLE "blocked_phrases"`);
    await queryRunner.query(`DROP INDEX "public"."items_source_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."items_public_feed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."items_moderation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."items_canonical_url_idx"`);
    await queryRunner.query(`DROP TABLE "items"`);
    await queryRunner.query(`DROP INDEX "public"."sources_url_key"`);
    await queryRunner.query(`DROP INDEX "public"."sources_external_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."sources_next_fetch_at_idx"`);
    await queryRunner.query(`DROP TABLE "sources"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
