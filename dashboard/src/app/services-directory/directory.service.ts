import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateServiceRequest,
  ServiceCategoryDto,
  ServiceDto,
  ServiceImportJob,
  ServiceImportReport,
  UpdateServiceCategoryRequest,
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

/** `DELETE /api/services/demo`: how many example entries went. */
export interface DemoRemoval {
  deleted: number;
}

function path(id: string): string {
  return `/api/services/${encodeURIComponent(id)}`;
}

function categoryPath(slug: string): string {
  return `/api/service-categories/${encodeURIComponent(slug)}`;
}

/** The services directory as editors see it: every language of each entry, CSV import, categories, example data. */
@Injectable({ providedIn: 'root' })
export class DirectoryService {
  private readonly http = inject(HttpClient);

  list(query: ServiceQuery = {}): Observable<ServiceList> {
    return this.http.get<ServiceList>('/api/services', { params: queryParams({ ...query }) });
  }

  /**
   * The categories with every label. The public answer may be cached for a minute (for widgets); editors
   * ask past the browser's cache so that a change made a moment ago shows.
   */
  categories(): Observable<ServiceCategoryDto[]> {
    return this.http.get<ServiceCategoryDto[]>('/api/public/service-categories', {
      headers: { 'Cache-Control': 'no-cache' },
    });
  }

  /** Creates the category or replaces its labels (and position); admins only. */
  saveCategory(slug: string, request: UpdateServiceCategoryRequest): Observable<ServiceCategoryDto> {
    return this.http.put<ServiceCategoryDto>(categoryPath(slug), request);
  }

  /** Refused with 409 while a service is in the category. */
  removeCategory(slug: string): Observable<void> {
    return this.http.delete(categoryPath(slug)).pipe(map(() => undefined));
  }

  /** Loads the example data set (entries named "Beispiel: … (Demo)"); loading it again updates them. */
  loadDemo(): Observable<ServiceImportReport> {
    return this.http.post<ServiceImportReport>('/api/services/demo', null);
  }

  removeDemo(): Observable<DemoRemoval> {
    return this.http.delete<DemoRemoval>('/api/services/demo');
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
