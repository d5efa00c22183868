import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateWidgetPresetRequest, UpdateWidgetPresetRequest, WidgetPresetDto } from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

function path(id: string): string {
  return `/api/widget-presets/${encodeURIComponent(id)}`;
}

/** Named widget configurations of a city, which `<welcome-ruhr-feed preset="…">` reads. */
@Injectable({ providedIn: 'root' })
export class WidgetPresetsService {
  private readonly http = inject(HttpClient);

  list(city?: string): Observable<WidgetPresetDto[]> {
    return this.http.get<WidgetPresetDto[]>('/api/widget-presets', { params: queryParams({ city }) });
  }

  create(request: CreateWidgetPresetRequest): Observable<WidgetPresetDto> {
    return this.http.post<WidgetPresetDto>('/api/widget-presets', request);
  }

  update(id: string, request: UpdateWidgetPresetRequest): Observable<WidgetPresetDto> {
    return this.http.patch<WidgetPresetDto>(path(id), request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete(path(id)).pipe(map(() => undefined));
  }
}
