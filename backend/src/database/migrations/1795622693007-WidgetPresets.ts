import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved configurations of the feed widget, one city each (widget-presets/widget-preset.entity.ts). */
export class WidgetPresets1795622693007 implements MigrationInterface {
  name = 'WidgetPresets1795622693007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "widget_presets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city" character varying(60) NOT NULL, "name" character varying(100) NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eea3c68ddab193a1c44c2391069" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "widget_presets_city_name_key" ON "widget_presets"  ("city", "name") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."widget_presets_city_name_key"`);
    await queryRunner.query(`DROP TABLE "widget_presets"`);
  }
}
