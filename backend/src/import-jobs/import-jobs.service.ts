import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { affectedRows } from '../database/query-result';
import type { ImportJobKind } from './import-job.entity';

/** A running job's report is written at most this often (and always at its end). */
export const PROGRESS_WRITE_MS = 500;
/** How often a running job says it is alive, even while one chunk takes long. */
export const HEARTBEAT_MS = 10_000;
/** A running job whose runner was silent this long is taken for dead: its process stopped. */
export const DEAD_AFTER_SECONDS = 60;
/** Finished jobs (and dead ones) are kept this long for their reports. */
export const KEEP_HOURS = 24;

/** What every import report has. */
export interface JobReport {
  done: boolean;
  total: number;
  processed: number;
}

/**
 * Thrown by a runner's progress() once its job no longer runs in the database: a reader took the runner for dead
 * (no heartbeat for DEAD_AFTER_SECONDS, e.g. a stalled process) and failed the job. The import stops there, so
 * the person who uploads the file again does not race an import that was declared over.
 */
export class ImportJobAbandonedError extends Error {
  constructor(
    readonly jobId: string,
    /** 'dead': a reader failed the job; 'shutdown': this process is stopping and gave its jobs up itself. */
    readonly reason: 'dead' | 'shutdown' = 'dead',
  ) {
    super(
      reason === 'shutdown'
        ? `Import job ${jobId} was given up because its process is shutting down; this runner stops`
        : `Import job ${jobId} was given up as dead by another reader; this runner stops`,
    );
    this.name = 'ImportJobAbandonedError';
  }
}

/** The handle of a job this process runs. */
export interface ImportJobRun<R extends JobReport> {
  readonly id: string;
  /**
   * Writes the report when the last write is PROGRESS_WRITE_MS old or more. Rejects with ImportJobAbandonedError
   * once the job was failed by a reader (seen by that write or by the heartbeat): the runner must stop.
   */
  progress(report: R): Promise<void>;
  finish(report: R): Promise<void>;
  /** Writes the report as it ends after an error (the caller has filled in what was not imported). */
  fail(report: R, error: unknown): Promise<void>;
}

interface JobRow {
  owner_id: string;
  state: string;
  report: unknown;
  silent: boolean;
}

/**
 * Import jobs in the database (import_jobs), so any replica answers a progress poll. The runner writes the
 * report as it goes and beats a heartbeat; a reader that finds a running job without a heartbeat for
 * DEAD_AFTER_SECONDS marks it failed with the kind's own words (the file is gone with its process).
 */
@Injectable()
export class ImportJobsService implements OnModuleDestroy {
  private readonly logger = new Logger(ImportJobsService.name);
  private readonly runner = `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  /** Set when the module is destroyed: every run of this process stops at its next progress(). */
  private shuttingDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'schedulerEnabled'>,
  ) {}

  /**
   * On shutdown the runs of this process are given up: each stops at its next progress() (the DataSource is about
   * to close under it), and their rows lose their heartbeat, so the next poll (on any replica) fails them at once
   * with the kind's "upload the file again" report instead of showing them running for DEAD_AFTER_SECONDS.
   */
  async onModuleDestroy(): Promise<void> {
    this.shuttingDown = true;
    for (const timer of this.heartbeats) clearInterval(timer);
    this.heartbeats.clear();
    try {
      await this.dataSource.query(`UPDATE import_jobs SET heartbeat_at = '-infinity' WHERE runner = $1 AND state = 'running'`, [this.runner]);
    } catch (error) {
      this.logger.error({ err: error, runner: this.runner }, 'running import jobs not given up on shutdown');
    }
  }

  async start<R extends JobReport>(kind: ImportJobKind, owner: Pick<AuthUser, 'id'>, report: R): Promise<ImportJobRun<R>> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO import_jobs (kind, owner_id, total, processed, report, runner) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
      [kind, owner.id, report.total, report.processed, JSON.stringify(report), this.runner],
    );
    let lastWrite = Date.now();
    let abandoned = false;
    const heartbeat = setInterval(() => {
      this.dataSource
        // A heartbeat of -infinity was set at shutdown (onModuleDestroy): a beat still in flight must not undo it.
        .query(`UPDATE import_jobs SET heartbeat_at = now() WHERE id = $1 AND state = 'running' AND heartbeat_at > '-infinity'`, [id])
        .then((result: unknown) => {
          if (affectedRows(result) === 0) abandoned = true;
        })
        .catch((error: unknown) => this.logger.warn({ err: error, jobId: id }, 'import job heartbeat failed'));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    this.heartbeats.add(heartbeat);
    const stop = () => {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
    };
    // The report is serialized at once: the import goes on changing it while the statement waits for a connection.
    // A progress write does not revive a job given up at shutdown (heartbeat -infinity); its end is still written.
    const write = (state: 'running' | 'done' | 'failed', report: R, error: string | null = null) =>
      this.dataSource.query(
        `UPDATE import_jobs SET state = $2, report = $3::jsonb, processed = $4, error = $5, heartbeat_at = now(), updated_at = now(),
                finished_at = CASE WHEN $6::boolean THEN now() END
          WHERE id = $1 AND state = 'running' AND ($2 <> 'running' OR heartbeat_at > '-infinity')`,
        [id, state, JSON.stringify(report), report.processed, error, state !== 'running'],
      );
    return {
      id,
      progress: async (current) => {
        if (this.shuttingDown) {
          stop();
          throw new ImportJobAbandonedError(id, 'shutdown');
        }
        if (!abandoned && Date.now() - lastWrite >= PROGRESS_WRITE_MS) {
          lastWrite = Date.now();
          try {
            if (affectedRows(await write('running', current)) === 0) abandoned = true;
          } catch (error) {
            // A lost progress write only delays what a poll shows; the end is written anyway.
            this.logger.warn({ err: error, jobId: id }, 'import progress not stored');
          }
        }
        if (abandoned) {
          stop();
          throw new ImportJobAbandonedError(id);
        }
      },
      finish: async (current) => {
        stop();
        await write('done', current);
      },
      fail: async (current, error) => {
        stop();
        await write('failed', current, error instanceof Error ? error.message : String(error));
      },
    };
  }

  /**
   * Logs why a background import ended early; an abandoned job's report belongs to the reader that failed it, so
   * only a real error is written (fail() changes nothing on a job that no longer runs anyway).
   */
  async endWithError<R extends JobReport>(run: ImportJobRun<R>, error: unknown, what: string, fillIn: () => R): Promise<void> {
    if (error instanceof ImportJobAbandonedError) {
      if (error.reason === 'shutdown') this.logger.warn({ jobId: run.id }, `${what} stopped: the process is shutting down`);
      else this.logger.warn({ jobId: run.id }, `${what} stopped: its job was given up after the runner was silent for ${DEAD_AFTER_SECONDS} s`);
      return;
    }
    this.logger.error({ err: error, jobId: run.id }, `${what} failed`);
    await run.fail(fillIn(), error);
  }

  /**
   * The report of a job of that kind, for its owner or an admin (404 for anyone else, like an unknown id).
   * A running job whose runner went silent is marked failed with the report `whenDead` makes of it.
   */
  async read<R extends JobReport>(kind: ImportJobKind, viewer: AuthUser, id: string, whenDead: (report: R) => { report: R; error: string }): Promise<R> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT owner_id, state, report, heartbeat_at < now() - make_interval(secs => $3) AS silent FROM import_jobs WHERE id = $1 AND kind = $2`,
      [id, kind, DEAD_AFTER_SECONDS],
    );
    const job = rows[0];
    if (!job || (job.owner_id !== viewer.id && viewer.role !== 'admin')) throw DomainError.notFound('The import');
    const report = job.report as R;
    if (job.state !== 'running' || !job.silent) return report;
    const dead = whenDead(report);
    const result: unknown = await this.dataSource.query(
      `UPDATE import_jobs SET state = 'failed', report = $2::jsonb, processed = $3, error = $4, updated_at = now(), finished_at = now()
        WHERE id = $1 AND state = 'running' AND heartbeat_at < now() - make_interval(secs => $5)`,
      [id, JSON.stringify(dead.report), dead.report.processed, dead.error, DEAD_AFTER_SECONDS],
    );
    if (affectedRows(result) !== 0) return dead.report;
    // The runner beat its heartbeat, wrote progress or ended between the SELECT and the UPDATE (or another reader
    // failed the job first): what is stored now is the report, not the one made up for a dead runner.
    const [current]: { report: unknown }[] = await this.dataSource.query(`SELECT report FROM import_jobs WHERE id = $1`, [id]);
    if (!current) throw DomainError.notFound('The import');
    return current.report as R;
  }

  /** Deletes jobs that ended (or went silent) more than KEEP_HOURS ago; returns how many. */
  async purge(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM import_jobs
        WHERE finished_at < now() - make_interval(hours => $1)
           OR (finished_at IS NULL AND heartbeat_at < now() - make_interval(hours => $1))`,
      [KEEP_HOURS],
    );
    return result[1] ?? 0;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'import-job-retention' })
  async purgeOnSchedule(): Promise<void> {
    if (!this.config.schedulerEnabled) return;
    try {
      const deleted = await this.purge();
      if (deleted > 0) this.logger.log({ deleted }, 'old import jobs deleted');
    } catch (error) {
      this.logger.error({ err: error }, 'import job retention failed');
    }
  }
}
