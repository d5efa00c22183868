import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { PublicFeedItem, PublicFeedResponse } from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

/** Items per page of the picker. */
export const FEED_PAGE_SIZE = 12;
/** The most the public feed returns at once; the look-up by id searches that many recent items. */
export const FEED_LOOKUP_SIZE = 50;

export interface FeedQuery {
  /** City slugs; empty: every city. */
  cities?: readonly string[];
  cursor?: string | null;
  limit?: number;
}

/** The portal's public feed (approved items), from which ambassadors share items in their posts. */
@Injectable({ providedIn: 'root' })
export class PortalFeedService {
  private readonly http = inject(HttpClient);

  page(query: FeedQuery = {}): Observable<PublicFeedResponse> {
    return this.http.get<PublicFeedResponse>('/api/public/feed', {
      params: queryParams({
        city: query.cities?.join(','),
        limit: query.limit ?? FEED_PAGE_SIZE,
        cursor: query.cursor,
      }),
    });
  }

  /**
   * An approved item by id, looked for among the most recent items of every city: the API has no
   * look-up of a single public item. Null when it is older, or no longer approved.
   */
  find(id: string): Observable<PublicFeedItem | null> {
    return this.page({ limit: FEED_LOOKUP_SIZE }).pipe(map((page) => page.items.find((item) => item.id === id) ?? null));
  }
}
