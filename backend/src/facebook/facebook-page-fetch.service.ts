import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SourceFetchSummary } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { SecretBox } from '../common/crypto/secret-box';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FeedIngestService, type IngestCounts } from '../ingestion/pipeline/feed-ingest.service';
import { adaptInterval, delayAfterFailure, delayAfterSuccess, PAUSE_AFTER_FAILURES, pausedReason } from '../ingestion/scheduler/fetch-policy';
import { LEASE_SECONDS, SourceFetchService, type FetchOutcome } from '../ingestion/scheduler/source-fetch.service';
import type { ClaimedSource, FetchStateUpdate } from '../ingestion/scheduler/source-leases';
import { FacebookPageReader, type PageReadResult } from './facebook-page-reader';
import { GraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { SLOW_DOWN_PERCENT } from './graph-usage';
import { channelPageToken } from './page-tokens';
import { rowsOf } from '../database/query-result';

/** A paused reason that starts like this lifts itself when `next_fetch_at` comes; any other waits for a person. */
export const RATE_LIMIT_PAUSE_PREFIX = "Facebook's rate limit";

export interface FacebookSchedulerOptions {
  tickMs: number;
  /** Pages read at once in this process. */
  maxConcurrent: number;
}

export const FACEBOOK_SCHEDULER_OPTIONS = Symbol('FACEBOOK_SCHEDULER_OPTIONS');
const DEFAULTS: FacebookSchedulerOptions = { tickMs: 5000, maxConcurrent: 2 };

interface PageSourceRow {
  id: string;
  name: string;
  external_id: string;
  access_token_encrypted: string | null;
  ambassador_id: string | null;
  cities: string[];
  topics: string[];
  languages: string[];
  auto_approve: boolean;
  fetch_interval_seconds: number;
  consecutive_failures: number;
  last_fetched_at: Date | string | null;
}

const COLUMNS = `id, name, external_id, access_token_encrypted, ambassador_id, cities, topics, languages, auto_approve,
  fetch_interval_seconds, consecutive_failures, last_fetched_at`;

/**
 * Sources of type facebook_page: claimed with the same leases as feeds (the feed scheduler leaves them
 * alone), read by FacebookPageReader, stored by the same pipeline (sanitise, tag, moderate), and the
 * outcome written back in the source's fetch state — a rate limit as a pause that lifts itself when
 * Facebook says access returns. "Fetch now" of such a source arrives here through SourceFetchService.
 */
@Injectable()
export class FacebookPageFetchService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FacebookPageFetchService.name);
  private readonly reader: FacebookPageReader;
  private readonly secrets: SecretBox;
  private readonly options: FacebookSchedulerOptions;
  private readonly running = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private claiming: Promise<void> | null = null;
  /** An app-wide rate limit (code 4) stops every page read of this process until then. */
  private appBlockedUntil = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: GraphClient,
    private readonly ingest: FeedIngestService,
    private readonly fetches: SourceFetchService,
    @Optional() @Inject(FACEBOOK_SCHEDULER_OPTIONS) options?: Partial<FacebookSchedulerOptions>,
  ) {
    this.reader = new FacebookPageReader(graph);
    this.secrets = new SecretBox(config.secretKey);
    this.options = { ...DEFAULTS, ...options };
    this.fetches.registerReader('facebook_page', (source) => this.runClaimed(source));
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.claiming;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Claims due pages and reads them in the background; resolves when claiming is done. */
  tick(): Promise<void> {
    if (this.claiming) return this.claiming;
    this.claiming = this.claim().finally(() => (this.claiming = null));
    return this.claiming;
  }

  /** Waits until nothing runs in this process (tests). */
  async idle(): Promise<void> {
    while (this.claiming || this.running.size > 0) await Promise.allSettled([this.claiming, ...this.running.values()]);
  }

  /**
   * A webhook said the page changed: its sources become due now (not rate-limited or paused ones) and
   * this process reads them at once if it may schedule.
   */
  async pageChanged(pageId: string): Promise<string[]> {
    const rows: { id: string }[] = rowsOf(
      await this.dataSource.query(
        `UPDATE sources SET next_fetch_at = now()
         WHERE type = 'facebook_page' AND external_id = $1 AND active AND paused_reason IS NULL
         RETURNING id`,
        [pageId],
      ),
    );
    if (rows.length > 0 && this.config.schedulerEnabled) void this.tick();
    return rows.map((r) => r.id);
  }

  private async claim(): Promise<void> {
    try {
      const room = this.options.maxConcurrent - this.running.size;
      if (room <= 0 || Date.now() < this.appBlockedUntil) return;
      const rows: PageSourceRow[] = rowsOf(
        await this.dataSource.query(
          `UPDATE sources SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2)
           WHERE id IN (
             SELECT id FROM sources
             WHERE type = 'facebook_page' AND active AND external_id IS NOT NULL
               AND (paused_reason IS NULL OR starts_with(paused_reason, $4))
               AND next_fetch_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now())
             ORDER BY next_fetch_at
             LIMIT $3
             FOR UPDATE SKIP LOCKED)
           RETURNING ${COLUMNS}`,
          [this.fetches.owner, LEASE_SECONDS, room, RATE_LIMIT_PAUSE_PREFIX],
        ),
      );
      for (const row of rows) {
        const run = this.run(row)
          .catch((error) => this.logger.error({ err: error, sourceId: row.id }, 'reading a Facebook page failed unexpectedly'))
          .finally(() => this.running.delete(row.id));
        this.running.set(row.id, run);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'claiming due Facebook pages failed');
    }
  }

  /** "Fetch now": SourceFetchService claimed the source (lease held by the shared owner) and hands it over. */
  private async runClaimed(source: ClaimedSource): Promise<FetchOutcome> {
    const rows: PageSourceRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM sources WHERE id = $1`, [source.id]);
    if (!rows[0]) throw DomainError.notFound('The source');
    return this.run(rows[0]);
  }

  async run(source: PageSourceRow): Promise<FetchOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    try {
      const accessToken = await this.tokenFor(source);
      const read = await this.reader.read({
        pageId: source.external_id,
        pageName: source.name,
        accessToken,
        knownKeys: (keys) => this.knownKeys(source.id, keys),
      });
      const counts = await this.ingest.ingest(
        {
          id: source.id,
          cities: source.cities ?? [],
          topics: source.topics ?? [],
          languages: source.languages ?? [],
          autoApprove: source.auto_approve,
        },
        read.items,
        { feedUrl: `https://www.facebook.com/${source.external_id}`, fetchedAt: startedAt },
      );
      return await this.succeed(source, startedAt, started, read, counts);
    } catch (error) {
      return this.fail(source, startedAt, started, error);
    }
  }

  /** The source's own token; else a connected ambassador channel of the same page; else the app token (public pages). */
  private async tokenFor(source: PageSourceRow): Promise<string> {
    if (source.access_token_encrypted) return this.secrets.open(source.access_token_encrypted);
    const channelToken = await channelPageToken(this.dataSource, source.external_id, source.ambassador_id);
    if (channelToken) return this.secrets.open(channelToken);
    const appToken = this.graph.appAccessToken();
    if (appToken) return appToken;
    throw new GraphError(
      'This Facebook page has no access token: add the page token to the source, or set FACEBOOK_APP_ID and FACEBOOK_APP_SECRET to read public pages',
      { kind: 'token' },
    );
  }

  private async knownKeys(sourceId: string, keys: string[]): Promise<Set<string>> {
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT key FROM items WHERE source_id = $1 AND key IN (SELECT value FROM json_array_elements_text($2::json))`,
      [sourceId, JSON.stringify(keys)],
    );
    return new Set(rows.map((r) => r.key));
  }

  private async succeed(source: PageSourceRow, startedAt: Date, started: number, read: PageReadResult, counts: IngestCounts): Promise<FetchOutcome> {
    const lastFetchedAt = source.last_fetched_at === null ? null : new Date(source.last_fetched_at);
    let interval = adaptInterval({
      previousIntervalSeconds: source.fetch_interval_seconds,
      newItems: counts.new,
      secondsSincePreviousFetch: lastFetchedAt ? (startedAt.getTime() - lastFetchedAt.getTime()) / 1000 : null,
    });
    const warnings: string[] = [];
    if (read.usage.maxPercent > SLOW_DOWN_PERCENT) {
      // Up to four times the interval as usage nears 100 %, so this page takes less of the budget.
      const share = Math.min(1, (read.usage.maxPercent - SLOW_DOWN_PERCENT) / (100 - SLOW_DOWN_PERCENT));
      interval = Math.round(interval * (1 + 3 * share));
      warnings.push(`Facebook reports ${Math.round(read.usage.maxPercent)} % of the API budget used: this page is read less often for now.`);
    }
    if (read.truncated) warnings.push(`Read the newest ${read.items.length} posts; older ones were left out.`);
    const summary = summaryOf(startedAt, started, 'ok', counts, warnings);
    const update: FetchStateUpdate = {
      lastFetchedAt: startedAt,
      lastSuccessAt: startedAt,
      lastHttpStatus: 200,
      lastError: null,
      consecutiveFailures: 0,
      pausedReason: null,
      nextFetchAt: new Date(Date.now() + delayAfterSuccess(interval) * 1000),
      fetchIntervalSeconds: interval,
      lastFetch: summary,
    };
    const written = await this.fetches.leases.finish(source.id, update);
    return { summary, error: null, leaseLost: !written };
  }

  private async fail(source: PageSourceRow, startedAt: Date, started: number, error: unknown): Promise<FetchOutcome> {
    const graphError = error instanceof GraphError ? error : null;
    if (!graphError) this.logger.error({ err: error, sourceId: source.id }, 'reading a Facebook page failed');
    const summary = summaryOf(startedAt, started, 'failed', null, []);
    let update: FetchStateUpdate;
    if (graphError?.kind === 'rate_limit') {
      const resumeAt = new Date(Date.now() + graphError.retryAfterSeconds * 1000);
      if (graphError.code === 4) this.appBlockedUntil = resumeAt.getTime();
      const reason = `${RATE_LIMIT_PAUSE_PREFIX} is reached (code ${graphError.code}); reading resumes at ${clock(resumeAt)} UTC, when Facebook expects access again.`;
      update = {
        lastFetchedAt: startedAt,
        lastHttpStatus: graphError.details.httpStatus ?? null,
        lastError: reason,
        // Not the page's fault: the failure count stays as it was.
        consecutiveFailures: source.consecutive_failures,
        pausedReason: reason,
        nextFetchAt: resumeAt,
        fetchIntervalSeconds: source.fetch_interval_seconds,
        lastFetch: summary,
      };
    } else {
      const failures = source.consecutive_failures + 1;
      const message = describe(graphError);
      const tokenRefused = graphError?.kind === 'token' || graphError?.kind === 'permission';
      update = {
        lastFetchedAt: startedAt,
        lastHttpStatus: graphError?.details.httpStatus ?? null,
        lastError: message,
        consecutiveFailures: failures,
        // A refused token does not heal by waiting: pause until someone gives a new one.
        pausedReason: tokenRefused ? `Paused: ${message}` : failures >= PAUSE_AFTER_FAILURES ? pausedReason(failures, message) : null,
        nextFetchAt: new Date(Date.now() + delayAfterFailure(failures) * 1000),
        fetchIntervalSeconds: source.fetch_interval_seconds,
        lastFetch: summary,
      };
    }
    let written = false;
    try {
      written = await this.fetches.leases.finish(source.id, update);
    } catch (writeError) {
      this.logger.error({ err: writeError, sourceId: source.id }, 'could not record a failed page read');
    }
    return { summary, error: update.lastError, leaseLost: !written };
  }
}

function describe(error: GraphError | null): string {
  if (!error) return 'Something went wrong on our side while reading this page; it will be tried again.';
  switch (error.kind) {
    case 'token':
      return `Facebook refused the page's access token (${error.message}). Give the source a new page token, or ask the page's ambassador to reconnect the page.`;
    case 'permission':
      return `The access token may not read this page (${error.message}). Give the source a token of someone who manages the page.`;
    case 'no_response':
      return `${error.message}; the page will be read again later.`;
    case 'transient':
      return `Facebook had a temporary problem (${error.message}); the page will be read again later.`;
    default:
      return `Facebook refused to list the page's posts: ${error.message}. Check the page id.`;
  }
}

function clock(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

function summaryOf(at: Date, started: number, outcome: SourceFetchSummary['outcome'], counts: IngestCounts | null, warnings: string[]): SourceFetchSummary {
  return {
    at: at.toISOString(),
    outcome,
    durationMs: Math.round(performance.now() - started),
    items: counts?.items ?? 0,
    new: counts?.new ?? 0,
    updated: counts?.updated ?? 0,
    unchanged: counts?.unchanged ?? 0,
    approved: counts?.approved ?? 0,
    held: counts?.held ?? 0,
    duplicates: counts?.duplicates ?? 0,
    warnings,
  };
}
