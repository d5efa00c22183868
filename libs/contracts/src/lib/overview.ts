import type { SourceState } from './content';

/** One day of incoming items (Europe/Berlin), by what became of them. */
export interface OverviewDay {
  /** YYYY-MM-DD */
  date: string;
  /** Approved without a moderator: a trusted source, no rule held it. */
  autoApproved: number;
  /** Approved by a moderator. */
  approved: number;
  rejected: number;
  /** Still waiting for a moderator. */
  pending: number;
}

/**
 * `GET /api/overview`: what needs attention, for the dashboard's start page. Scoped like the rest: a
 * moderator counts the items, sources, posts and requests of their cities (and the regional ones).
 */
export interface OverviewDto {
  /** The last 14 days, oldest first, today last; items by the day they came in. */
  days: OverviewDay[];
  queue: {
    pending: number;
    /** Of pending: held by at least one moderation rule (e.g. a blocked phrase), whatever the source's trust; a duplicate alone does not count. */
    held: number;
    /** Of pending: the same link came from another source. */
    duplicates: number;
  };
  sources: Record<SourceState, number>;
  posts: { pendingReview: number };
  contactRequests: { new: number };
  /** Admins only (null for moderators): mails waiting to be sent, and mails given up on. */
  mail: { waiting: number; failed: number } | null;
}

export const OVERVIEW_DAYS = 14;
