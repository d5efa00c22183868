import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateSourceRequest,
  OpmlImportJob,
  OpmlImportReport,
  OpmlImportRequest,
  SourceDto,
  SourceKind,
  SourceStatsDto,
  SourceState,
  UpdateSourceRequest,
} from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export interface SourceFilter {
  city?: string;
  kind?: SourceKind | '';
  state?: SourceState | '';
}

function path(id: string): string {
  return `/api/sources/${encodeURIComponent(id)}`;
}

/** Sources: feeds, Facebook pages and Mastodon accounts that items come from. */
@Injectable({ providedIn: 'root' })
export class SourcesService {
  private readonly http = inject(HttpClient);

  list(filter: SourceFilter = {}): Observable<SourceDto[]> {
    return this.http.get<SourceDto[]>('/api/sources', { params: queryParams({ ...filter }) });
  }

  create(request: CreateSourceRequest): Observable<SourceDto> {
    return this.http.post<SourceDto>('/api/sources', request);
  }

  update(id: string, request: UpdateSourceRequest): Observable<SourceDto> {
    return this.http.patch<SourceDto>(path(id), request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete(path(id)).pipe(map(() => undefined));
  }

  /** Fetches the source now; answers with its new state once the fetch is over. */
  fetchNow(id: string): Observable<SourceDto> {
    return this.http.post<SourceDto>(`${path(id)}/fetch`, null);
  }

  /** Items per day over the last `days` days. */
  stats(id: string, days = 30): Observable<SourceStatsDto> {
    return this.http.get<SourceStatsDto>(`${path(id)}/stats`, { params: queryParams({ days }) });
  }

  /** Starts an import that runs on the server; follow it with {@link importStatus}. */
  startImport(request: OpmlImportRequest): Observable<OpmlImportJob | OpmlImportReport> {
    return this.http.post<OpmlImportJob | OpmlImportReport>('/api/sources/import', request, {
      params: queryParams({ async: 1 }),
    });
  }

  importStatus(jobId: string): Observable<OpmlImportReport> {
    return this.http.get<OpmlImportReport>(`/api/sources/import/${encodeURIComponent(jobId)}`);
  }

  /** The sources as an OPML file (the export needs the sign-in, so it cannot be a plain link). */
  exportOpml(): Observable<Blob> {
    return this.http.get('/api/sources/export.opml', { responseType: 'blob' });
  }
}
