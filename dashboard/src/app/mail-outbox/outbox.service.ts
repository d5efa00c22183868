import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { OutboxListDto, OutboxMessageDto, OutboxStatus } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export interface OutboxQuery {
  status?: OutboxStatus | '';
  cursor?: string | null;
  limit?: number;
}

/** The mails the portal sends, as admins see them: waiting, sent, failed. */
@Injectable({ providedIn: 'root' })
export class OutboxService {
  private readonly http = inject(HttpClient);

  list(query: OutboxQuery = {}): Observable<OutboxListDto> {
    return this.http.get<OutboxListDto>('/api/mail/outbox', { params: queryParams({ ...query }) });
  }

  retry(id: string): Observable<OutboxMessageDto> {
    return this.http.post<OutboxMessageDto>(`/api/mail/outbox/${encodeURIComponent(id)}/retry`, null);
  }
}
