import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ContactRequestDto, ContactRequestListDto, ContactRequestListQuery } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

function path(id: string): string {
  return `/api/contact-requests/${encodeURIComponent(id)}`;
}

/** Contact requests: an ambassador's own, a moderator's portal requests of their cities. */
@Injectable({ providedIn: 'root' })
export class InboxService {
  private readonly http = inject(HttpClient);

  list(query: ContactRequestListQuery = {}): Observable<ContactRequestListDto> {
    return this.http.get<ContactRequestListDto>('/api/contact-requests', { params: queryParams({ ...query }) });
  }

  /** One request with its message and replies; opening it is recorded in the audit log. */
  get(id: string): Observable<ContactRequestDto> {
    return this.http.get<ContactRequestDto>(path(id));
  }

  reply(id: string, message: string): Observable<ContactRequestDto> {
    return this.http.post<ContactRequestDto>(`${path(id)}/reply`, { message });
  }

  close(id: string): Observable<ContactRequestDto> {
    return this.http.post<ContactRequestDto>(`${path(id)}/close`, null);
  }

  assign(id: string, ambassadorId: string): Observable<ContactRequestDto> {
    return this.http.post<ContactRequestDto>(`${path(id)}/assign`, { ambassadorId });
  }
}
