import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { OverviewDto } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';

/** The numbers of the start page: what waits, and what came in over the last days. */
@Injectable({ providedIn: 'root' })
export class OverviewService {
  private readonly http = inject(HttpClient);

  get(): Observable<OverviewDto> {
    return this.http.get<OverviewDto>('/api/overview');
  }
}
