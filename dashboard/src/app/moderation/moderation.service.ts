import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  BlockedPhraseDto,
  BulkModerationRequest,
  BulkModerationResponse,
  CreateBlockedPhraseRequest,
  ItemDto,
  ItemStatus,
  ModerationItemsResponse,
  UpdateItemRequest,
} from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export interface ItemQuery {
  status: ItemStatus;
  city?: string;
  topic?: string;
  lang?: string;
  sourceId?: string;
  q?: string;
  /** Only items a rule held for review. */
  held?: boolean;
  cursor?: string | null;
  limit?: number;
}

function itemPath(id: string): string {
  return `/api/moderation/items/${encodeURIComponent(id)}`;
}

/** The moderation queue: items to approve, reject, pin and tag, and the blocked phrases. */
@Injectable({ providedIn: 'root' })
export class ModerationService {
  private readonly http = inject(HttpClient);

  items(query: ItemQuery): Observable<ModerationItemsResponse> {
    return this.http.get<ModerationItemsResponse>('/api/moderation/items', {
      params: queryParams({ ...query, held: query.held ? 'true' : null }),
    });
  }

  approve(id: string): Observable<ItemDto> {
    return this.http.post<ItemDto>(`${itemPath(id)}/approve`, null);
  }

  reject(id: string, reason: string): Observable<ItemDto> {
    return this.http.post<ItemDto>(`${itemPath(id)}/reject`, { reason });
  }

  pin(id: string, pinned: boolean): Observable<ItemDto> {
    return this.http.post<ItemDto>(`${itemPath(id)}/${pinned ? 'pin' : 'unpin'}`, null);
  }

  update(id: string, request: UpdateItemRequest): Observable<ItemDto> {
    return this.http.patch<ItemDto>(itemPath(id), request);
  }

  bulk(request: BulkModerationRequest): Observable<BulkModerationResponse> {
    return this.http.post<BulkModerationResponse>('/api/moderation/items/bulk', request);
  }

  blockedPhrases(): Observable<BlockedPhraseDto[]> {
    return this.http.get<BlockedPhraseDto[]>('/api/moderation/blocked-phrases');
  }

  addBlockedPhrase(request: CreateBlockedPhraseRequest): Observable<BlockedPhraseDto> {
    return this.http.post<BlockedPhraseDto>('/api/moderation/blocked-phrases', request);
  }

  removeBlockedPhrase(id: string): Observable<void> {
    return this.http.delete(`/api/moderation/blocked-phrases/${encodeURIComponent(id)}`).pipe(map(() => undefined));
  }
}
