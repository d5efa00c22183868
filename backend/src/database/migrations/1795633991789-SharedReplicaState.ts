import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedReplicaState1795633991789 implements MigrationInterface {
  name = 'SharedReplicaState1795633991789';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "owner_id" uuid NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'running', "total" integer NOT NULL, "processed" integer NOT NULL DEFAULT '0', "report" jsonb NOT NULL, "error" text, "runner" character varying(100) NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "import_jobs_owner_id_idx" ON "import_jobs"  ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "import_jobs_finished_at_idx" ON "import_jobs"  ("finished_at") `);
    await queryRunner.query(`CREATE TABLE "rate_limits" ("key" text NOT NULL, "points" integer NOT NULL DEFAULT '0', "expire" bigint, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"  ("expire") `);
    await queryRunner.query(`ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_86c4c2f3463cc245baaa9d1752e" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_86c4c2f3463cc245baaa9d1752e"`);
    await queryRunner.query(`DROP INDEX "public"."rate_limits_expire_idx"`);
    await queryRunner.query(`DROP TABLE "rate_limits"`);
    await queryRunner.query(`DROP INDEX "public"."import_jobs_finished_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."import_jobs_owner_id_idx"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
