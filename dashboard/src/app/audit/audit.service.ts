import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AuditEntryDto } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** The id of the last entry seen: older entries follow. */
  before?: string | null;
  limit?: number;
}

/** The audit log: every decision and edit, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<AuditEntryDto[]> {
    return this.http.get<AuditEntryDto[]>('/api/audit', { params: queryParams({ ...query }) });
  }
}
