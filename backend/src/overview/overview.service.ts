import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OVERVIEW_DAYS, SOURCE_STATES, type OverviewDay, type OverviewDto, type SourceState } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { applyInboxScope } from '../contact-requests/contact-access';
import { ContactRequestEntity } from '../contact-requests/contact-request.entity';
import { IS_DUPLICATE_REASON_SQL } from '../ingestion/pipeline/item-store';
import { postInCitiesSql, POSTS_WITH_AMBASSADORS_SQL } from '../posts/post-access';
import { sourceState } from '../sources/source-dto';
import { applySourceScope } from '../sources/source-queries';
import { SourceEntity } from '../sources/source.entity';

/** The portal's days are German days, whatever the server's clock says. */
const TIME_ZONE = 'Europe/Berlin';

type Viewer = Pick<AuthUser, 'id' | 'role' | 'cities'>;

/**
 * `$1` is the viewer's role, `$2` their cities: an admin sees everything, a moderator the items of their
 * cities and the regional ones (no city), as in the moderation queue. Sources, posts and requests are
 * narrowed by the scope their own lists use.
 */
const IN_SCOPE = (cities: string) => `($1 = 'admin' OR cardinality(${cities}) = 0 OR ${cities} && $2::text[])`;

/** The numbers behind the dashboard's start page, each in the viewer's scope. */
@Injectable()
export class OverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(viewer: Viewer, now = new Date()): Promise<OverviewDto> {
    const scope = [viewer.role, viewer.cities];
    const [days, queue, sources, posts, requests, mail] = await Promise.all([
      this.days(scope, now),
      this.queue(scope),
      this.sources(viewer, now),
      this.postsWaiting(scope),
      this.newRequests(viewer),
      viewer.role === 'admin' ? this.mail() : Promise.resolve(null),
    ]);
    return { days, queue, sources, posts: { pendingReview: posts }, contactRequests: { new: requests }, mail };
  }

  /** Items by the (Berlin) day they came in over the last OVERVIEW_DAYS days, by what became of them. */
  private async days(scope: unknown[], now: Date): Promise<OverviewDay[]> {
    const rows: Array<{ day: string; auto_approved: string; approved: string; rejected: string; pending: string }> = await this.dataSource.query(
      `SELECT to_char((i.created_at AT TIME ZONE '${TIME_ZONE}')::date, 'YYYY-MM-DD') AS day,
              count(*) FILTER (WHERE i.status = 'approved' AND i.decided_by IS NULL) AS auto_approved,
              count(*) FILTER (WHERE i.status = 'approved' AND i.decided_by IS NOT NULL) AS approved,
              count(*) FILTER (WHERE i.status = 'rejected') AS rejected,
              count(*) FILTER (WHERE i.status = 'pending') AS pending
         FROM items i
        WHERE i.created_at >= ((($3::timestamptz AT TIME ZONE '${TIME_ZONE}')::date - ${OVERVIEW_DAYS - 1})::timestamp AT TIME ZONE '${TIME_ZONE}')
          AND ${IN_SCOPE('i.cities')}
        GROUP BY 1`,
      [...scope, now.toISOString()],
    );
    const byDay = new Map(rows.map((r) => [r.day, r]));
    return lastDays(now, OVERVIEW_DAYS).map((date) => {
      const row = byDay.get(date);
      return {
        date,
        autoApproved: Number(row?.auto_approved ?? 0),
        approved: Number(row?.approved ?? 0),
        rejected: Number(row?.rejected ?? 0),
        pending: Number(row?.pending ?? 0),
      };
    });
  }

  /** `held`: pending items a rule holds (any reason but the duplicate note), whether or not their source is trusted. */
  private async queue(scope: unknown[]): Promise<OverviewDto['queue']> {
    const [row]: Array<{ pending: string; held: string; duplicates: string }> = await this.dataSource.query(
      `SELECT count(*) AS pending,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(i.held_reasons) AS r WHERE NOT ${IS_DUPLICATE_REASON_SQL('r')})) AS held,
              count(*) FILTER (WHERE i.duplicate_of_id IS NOT NULL) AS duplicates
         FROM items i
        WHERE i.status = 'pending' AND ${IN_SCOPE('i.cities')}`,
      scope,
    );
    return { pending: Number(row?.pending ?? 0), held: Number(row?.held ?? 0), duplicates: Number(row?.duplicates ?? 0) };
  }

  /** The sources of the source list (same scope), counted by the state it shows (sourceState), so the two always agree. */
  private async sources(viewer: Viewer, now: Date): Promise<Record<SourceState, number>> {
    const builder = this.dataSource
      .getRepository(SourceEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.active', 's.pausedReason', 's.leaseExpiresAt', 's.lastFetchedAt', 's.consecutiveFailures']);
    const sources = await applySourceScope(builder, viewer).getMany();
    const counts = Object.fromEntries(SOURCE_STATES.map((state) => [state, 0])) as Record<SourceState, number>;
    for (const source of sources) counts[sourceState(source, now)]++;
    return counts;
  }

  private async postsWaiting(scope: unknown[]): Promise<number> {
    const [row]: Array<{ count: string }> = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${POSTS_WITH_AMBASSADORS_SQL} WHERE p.status = 'pending_review' AND ($1 = 'admin' OR ${postInCitiesSql('$2::text[]')})`,
      scope,
    );
    return Number(row?.count ?? 0);
  }

  /** New questions in the viewer's inbox (applyInboxScope): all for an admin, the portal's of their cities for a moderator. */
  private newRequests(viewer: Viewer): Promise<number> {
    const builder = this.dataSource.getRepository(ContactRequestEntity).createQueryBuilder('r').where(`r.status = 'new'`);
    return applyInboxScope(builder, viewer).getCount();
  }

  private async mail(): Promise<NonNullable<OverviewDto['mail']>> {
    const [row]: Array<{ waiting: string; failed: string }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL) AS waiting,
              count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed
         FROM outbox`,
    );
    return { waiting: Number(row?.waiting ?? 0), failed: Number(row?.failed ?? 0) };
  }
}

/** The last `count` calendar days in Berlin, oldest first, as YYYY-MM-DD. */
export function lastDays(now: Date, count: number): string[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1, day - (count - 1 - i))).toISOString().slice(0, 10));
}
