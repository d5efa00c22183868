import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { PublicFeedItem, PublicFeedResponse } from '@welcome-ruhr/contracts';
import { catchError, Observable, of, throwError } from 'rxjs';
import { queryParams } from '../shared/query-params';

/** Items per page of the picker. */
export const FEED_PAGE_SIZE = 12;

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

  /** An approved item by id, however old. Null when there is none: unknown, or no longer approved. */
  find(id: string): Observable<PublicFeedItem | null> {
    return this.http.get<PublicFeedItem>(`/api/public/feed/items/${encodeURIComponent(id)}`).pipe(
      catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))),
    );
  }
}
