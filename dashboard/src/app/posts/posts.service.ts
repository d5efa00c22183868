import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreatePostRequest,
  ModerationPostsResponse,
  PostDto,
  PostStatus,
  UpdatePostRequest,
} from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export interface PostQuery {
  status?: PostStatus | '';
  /** Posts due or published from this moment on (ISO). */
  from?: string;
  /** … and before this one. */
  to?: string;
}

function path(id: string): string {
  return `/api/posts/${encodeURIComponent(id)}`;
}

/** An ambassador's posts, and the moderators' review of them. */
@Injectable({ providedIn: 'root' })
export class PostsService {
  private readonly http = inject(HttpClient);

  list(query: PostQuery = {}): Observable<PostDto[]> {
    return this.http.get<PostDto[]>('/api/posts', { params: queryParams({ ...query }) });
  }

  get(id: string): Observable<PostDto> {
    return this.http.get<PostDto>(path(id));
  }

  create(request: CreatePostRequest): Observable<PostDto> {
    return this.http.post<PostDto>('/api/posts', request);
  }

  update(id: string, request: UpdatePostRequest): Observable<PostDto> {
    return this.http.patch<PostDto>(path(id), request);
  }

  /** Sends a draft for review. */
  submit(id: string): Observable<PostDto> {
    return this.http.post<PostDto>(`${path(id)}/submit`, null);
  }

  /** Withdraws the post until publishing starts. */
  cancel(id: string): Observable<PostDto> {
    return this.http.post<PostDto>(`${path(id)}/cancel`, null);
  }

  /** Tries the failed channels of a failed post again. */
  retry(id: string): Observable<PostDto> {
    return this.http.post<PostDto>(`${path(id)}/retry`, null);
  }

  /** The image file itself is the body. */
  setImage(id: string, file: Blob): Observable<PostDto> {
    return this.http.put<PostDto>(`${path(id)}/image`, file, { headers: { 'Content-Type': file.type } });
  }

  removeImage(id: string): Observable<PostDto> {
    return this.http.delete<PostDto>(`${path(id)}/image`);
  }

  reviewQueue(status: PostStatus = 'pending_review'): Observable<ModerationPostsResponse> {
    return this.http.get<ModerationPostsResponse>('/api/moderation/posts', { params: queryParams({ status }) });
  }

  approve(id: string): Observable<PostDto> {
    return this.http.post<PostDto>(`/api/moderation/posts/${encodeURIComponent(id)}/approve`, null);
  }

  reject(id: string, reason: string): Observable<PostDto> {
    return this.http.post<PostDto>(`/api/moderation/posts/${encodeURIComponent(id)}/reject`, { reason });
  }
}
