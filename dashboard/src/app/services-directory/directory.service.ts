import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateServiceRequest,
  ServiceCategoryDto,
  ServiceDto,
  ServiceImportJob,
  ServiceImportReport,
  UpdateServiceRequest,
} from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export interface ServiceQuery {
  city?: string;
  category?: string;
  /** Languages spoken there, comma separated. */
  languages?: string;
  q?: string;
  cursor?: string | null;
  limit?: number;
}

export interface ServiceList {
  items: ServiceDto[];
  nextCursor: string | null;
}

function path(id: string): string {
  return `/api/services/${encodeURIComponent(id)}`;
}

/** The services directory as editors see it: every language of each entry, CSV import. */
@Injectable({ providedIn: 'root' })
export class DirectoryService {
  private readonly http = inject(HttpClient);

  list(query: ServiceQuery = {}): Observable<ServiceList> {
    return this.http.get<ServiceList>('/api/services', { params: queryParams({ ...query }) });
  }

  categories(): Observable<ServiceCategoryDto[]> {
    return this.http.get<ServiceCategoryDto[]>('/api/public/service-categories');
  }

  create(request: CreateServiceRequest): Observable<ServiceDto> {
    return this.http.post<ServiceDto>('/api/services', request);
  }

  update(id: string, request: UpdateServiceRequest): Observable<ServiceDto> {
    return this.http.patch<ServiceDto>(path(id), request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete(path(id)).pipe(map(() => undefined));
  }

  /** Starts an import on the server (the CSV file is the body); follow it with {@link importStatus}. */
  startImport(file: Blob): Observable<ServiceImportJob | ServiceImportReport> {
    return this.http.post<ServiceImportJob | ServiceImportReport>('/api/services/import', file, {
      params: queryParams({ async: 1 }),
      headers: { 'Content-Type': 'text/csv' },
    });
  }

  importStatus(jobId: string): Observable<ServiceImportReport> {
    return this.http.get<ServiceImportReport>(`/api/services/import/${encodeURIComponent(jobId)}`);
  }
}
