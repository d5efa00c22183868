import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact requests and their replies, the mail outbox, invitations, and the services directory with its
 * categories (seeded) and full-text indexes. Written by hand: only these tables.
 */
export class ContactAndServices1795622981083 implements MigrationInterface {
  name = 'ContactAndServices1795622981083';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contact_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "routed_to" character varying(20) NOT NULL, "ambassador_id" uuid, "city" character varying(60), "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "language" character varying(8) NOT NULL, "message" text NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'new', "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "privacy_notice_version" character varying(20) NOT NULL, "reply_token" character varying(40) NOT NULL, "assigned_by" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contact_requests_routed_to_check" CHECK ("routed_to" IN ('ambassador', 'portal')), CONSTRAINT "contact_requests_status_check" CHECK ("status" IN ('new', 'answered', 'closed')), CONSTRAINT "PK_5fc5cfa569e4e66051c6acde3b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "contact_requests_reply_token_key" ON "contact_requests"  ("reply_token") `);
    await queryRunner.query(`CREATE INDEX "contact_requests_email_idx" ON "contact_requests"  ("email") `);
    await queryRunner.query(`CREATE INDEX "contact_requests_closed_idx" ON "contact_requests"  ("closed_at") WHERE "status" = 'closed'`);
    await queryRunner.query(`CREATE INDEX "contact_requests_portal_idx" ON "contact_requests"  ("city", "created_at") WHERE "routed_to" = 'portal'`);
    await queryRunner.query(`CREATE INDEX "contact_requests_ambassador_idx" ON "contact_requests"  ("ambassador_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "contact_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contact_request_id" uuid NOT NULL, "author_id" uuid, "author_name" character varying(200) NOT NULL, "message" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b58d521da2be0a27c801bdc17b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "contact_replies_request_idx" ON "contact_replies"  ("contact_request_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "cities" text array NOT NULL DEFAULT '{}', "language" character varying(8) NOT NULL DEFAULT 'de', "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_id" uuid, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invitations_role_check" CHECK ("role" IN ('admin', 'moderator', 'ambassador')), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invitations_open_email_key" ON "invitations"  ("email") WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "to_address" character varying(254) NOT NULL, "from_name" character varying(200), "reply_to" character varying(254), "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text, "language" character varying(8) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "message_id" character varying(300), "contact_request_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_created_at_idx" ON "outbox"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "outbox_to_address_idx" ON "outbox"  ("to_address") `);
    await queryRunner.query(`CREATE INDEX "outbox_due_idx" ON "outbox"  ("next_attempt_at") WHERE "sent_at" IS NULL AND "failed_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "service_categories" ("slug" character varying(40) NOT NULL, "labels" jsonb NOT NULL DEFAULT '{}', "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88a33271b3d94a0c4bc14db3b76" PRIMARY KEY ("slug"))`);
    await queryRunner.query(`CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category" character varying(40) NOT NULL, "city" character varying(60) NOT NULL, "name" character varying(200) NOT NULL, "address" character varying(300), "latitude" double precision, "longitude" double precision, "opening_hours" jsonb, "phone" character varying(60), "email" character varying(254), "website" text, "appointment_url" text, "languages" text array NOT NULL DEFAULT '{}', "descriptions" jsonb NOT NULL DEFAULT '{}', "demo" boolean NOT NULL DEFAULT false, "created_by" uuid, "updated_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "services_longitude_check" CHECK ("longitude" IS NULL OR ("longitude" >= -180 AND "longitude" <= 180)), CONSTRAINT "services_latitude_check" CHECK ("latitude" IS NULL OR ("latitude" >= -90 AND "latitude" <= 90)), CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "services_category_idx" ON "services"  ("category") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "services_identity_key" ON "services"  ("city", "category", "name") `);
    await queryRunner.query(`ALTER TABLE "contact_requests" ADD CONSTRAINT "FK_224de264268f650a1c537f47541" FOREIGN KEY ("ambassador_id") REFERENCES "ambassadors"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_replies" ADD CONSTRAINT "FK_b6ef46d28f90c664d6fa8735f6a" FOREIGN KEY ("contact_request_id") REFERENCES "contact_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "FK_f242249f89c85575602bb84864b" FOREIGN KEY ("contact_request_id") REFERENCES "contact_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "services" ADD CONSTRAINT "FK_cfdcce31c9c571f9e5a8226dec7" FOREIGN KEY ("category") REFERENCES "service_categories"("slug") ON DELETE RESTRICT ON UPDATE CASCADE`);
    // Not expressible as entity metadata (the entity marks them synchronize: false); service-search.ts repeats the
    // expressions verbatim so that queries use these indexes (a test checks the plans).
    await queryRunner.query(`CREATE INDEX "services_languages_idx" ON "services" USING gin ("languages")`);
    await queryRunner.query(`CREATE INDEX "services_search_de_idx" ON "services" USING gin (to_tsvector('german'::regconfig, coalesce("name", '') || ' ' || coalesce("descriptions" ->> 'de', '') || ' ' || coalesce("address", '')))`);
    await queryRunner.query(`CREATE INDEX "services_search_en_idx" ON "services" USING gin (to_tsvector('english'::regconfig, coalesce("name", '') || ' ' || coalesce("descriptions" ->> 'en', '')))`);
    await queryRunner.query(`CREATE INDEX "services_search_simple_idx" ON "services" USING gin ((to_tsvector('simple'::regconfig, coalesce("name", '')) || jsonb_to_tsvector('simple'::regconfig, "descriptions", '["string"]')))`);
    await queryRunner.query(
      `INSERT INTO "service_categories" ("slug", "labels", "position") VALUES
        ('registration-office', '{"de": "Bürgerbüro / Meldebehörde", "en": "Registration office", "tr": "Nüfus kayıt ofisi", "ar": "مكتب تسجيل السكن", "uk": "Бюро реєстрації місця проживання"}'::jsonb, 10),
        ('foreigners-office', '{"de": "Ausländerbehörde", "en": "Foreigners'' office", "tr": "Yabancılar dairesi", "ar": "دائرة شؤون الأجانب", "uk": "Відомство у справах іноземців"}'::jsonb, 20),
        ('welcome-centre', '{"de": "Welcome Center", "en": "Welcome centre", "tr": "Karşılama merkezi", "ar": "مركز الترحيب", "uk": "Центр підтримки новоприбулих"}'::jsonb, 30),
        ('recognition', '{"de": "Anerkennung ausländischer Abschlüsse", "en": "Recognition of qualifications", "tr": "Yabancı diplomaların denkliği", "ar": "الاعتراف بالمؤهلات الأجنبية", "uk": "Визнання іноземних кваліфікацій"}'::jsonb, 40),
        ('language-courses', '{"de": "Sprachkurse", "en": "Language courses", "tr": "Dil kursları", "ar": "دورات اللغة", "uk": "Мовні курси"}'::jsonb, 50),
        ('relocation', '{"de": "Relocation-Service", "en": "Relocation services", "tr": "Taşınma hizmetleri", "ar": "خدمات الانتقال", "uk": "Послуги з релокації"}'::jsonb, 60),
        ('migrant-association', '{"de": "Migrantenorganisationen", "en": "Migrant associations", "tr": "Göçmen dernekleri", "ar": "جمعيات المهاجرين", "uk": "Об''єднання мігрантів"}'::jsonb, 70),
        ('counselling', '{"de": "Beratung", "en": "Counselling", "tr": "Danışmanlık", "ar": "الاستشارات", "uk": "Консультації"}'::jsonb, 80),
        ('university-international-office', '{"de": "International Office der Hochschulen", "en": "University international offices", "tr": "Üniversite uluslararası ofisleri", "ar": "المكاتب الدولية للجامعات", "uk": "Міжнародні відділи університетів"}'::jsonb, 90)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."services_search_simple_idx"`);
    await queryRunner.query(`DROP INDEX "public"."services_search_en_idx"`);
    await queryRunner.query(`DROP INDEX "public"."services_search_de_idx"`);
    await queryRunner.query(`DROP INDEX "public"."services_languages_idx"`);
    await queryRunner.query(`ALTER TABLE "services" DROP CONSTRAINT "FK_cfdcce31c9c571f9e5a8226dec7"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "FK_f242249f89c85575602bb84864b"`);
    await queryRunner.query(`ALTER TABLE "contact_replies" DROP CONSTRAINT "FK_b6ef46d28f90c664d6fa8735f6a"`);
    await queryRunner.query(`ALTER TABLE "contact_requests" DROP CONSTRAINT "FK_224de264268f650a1c537f47541"`);
    await queryRunner.query(`DROP INDEX "public"."services_identity_key"`);
    await queryRunner.query(`DROP INDEX "public"."services_category_idx"`);
    await queryRunner.query(`DROP TABLE "services"`);
    await queryRunner.query(`DROP TABLE "service_categories"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_to_address_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_open_email_key"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."contact_replies_request_idx"`);
    await queryRunner.query(`DROP TABLE "contact_replies"`);
    await queryRunner.query(`DROP INDEX "public"."contact_requests_ambassador_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contact_requests_portal_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contact_requests_closed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contact_requests_email_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contact_requests_reply_token_key"`);
    await queryRunner.query(`DROP TABLE "contact_requests"`);
  }
}
