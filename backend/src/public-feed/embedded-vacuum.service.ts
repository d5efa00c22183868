import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DatabaseTarget } from '../database/data-source';
import { DATABASE_TARGET } from '../database/database.module';

/** The tables the public feed reads; their statistics and visibility maps decide its plans. */
const TABLES = ['items', 'sources'] as const;
const CHECK_INTERVAL_MS = 5 * 60_000;

interface TableState {
  reltuples: number;
  relpages: number;
  relallvisible: number;
  changed: number;
  modified: number;
}

/**
 * The embedded database (PGlite) runs no autovacuum. Without it the planner never gets statistics, and
 * the feed's index-only scans turn into a table visit per index entry (the visibility map stays empty).
 * So this does what autovacuum would, for the feed's tables: VACUUM (ANALYZE) when a tenth of the rows
 * changed or most pages are not known to be all-visible, ANALYZE when a tenth were modified. A PostgreSQL
 * server has autovacuum for this; there the service does nothing.
 */
@Injectable()
export class EmbeddedVacuumService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EmbeddedVacuumService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  onApplicationBootstrap(): void {
    if (this.target.url !== null) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Checks each table and vacuums or analyzes it when due; one run at a time. */
  runOnce(): Promise<void> {
    this.running ??= this.maintain().finally(() => (this.running = null));
    return this.running;
  }

  private async maintain(): Promise<void> {
    for (const table of TABLES) {
      try {
        const state = await this.state(table);
        if (!state) continue;
        const threshold = 50 + 0.1 * Math.max(state.reltuples, 0);
        const neverAnalyzed = state.reltuples < 0;
        const needsVacuum = neverAnalyzed || state.changed > threshold || (state.relpages > 100 && state.relallvisible < 0.5 * state.relpages);
        const needsAnalyze = needsVacuum || state.modified > threshold;
        if (!needsAnalyze) continue;
        const started = Date.now();
        await this.dataSource.query(needsVacuum ? `VACUUM (ANALYZE) ${table}` : `ANALYZE ${table}`);
        this.logger.log(`${needsVacuum ? 'Vacuumed and analyzed' : 'Analyzed'} ${table} in ${Date.now() - started} ms`);
      } catch (error) {
        this.logger.warn({ err: error }, `Could not vacuum ${table}`);
      }
    }
  }

  private async state(table: string): Promise<TableState | null> {
    const rows: Array<Record<keyof TableState, string | number | null>> = await this.dataSource.query(
      `SELECT c.reltuples, c.relpages, c.relallvisible,
              coalesce(s.n_dead_tup, 0) + coalesce(s.n_ins_since_vacuum, 0) AS changed,
              coalesce(s.n_mod_since_analyze, 0) AS modified
         FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.oid = to_regclass($1)`,
      [table],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      reltuples: Number(row.reltuples),
      relpages: Number(row.relpages),
      relallvisible: Number(row.relallvisible),
      changed: Number(row.changed),
      modified: Number(row.modified),
    };
  }
}
