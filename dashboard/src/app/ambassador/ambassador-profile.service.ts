import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AmbassadorProfileDto, UpdateAmbassadorProfileRequest } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';

/** The signed-in ambassador's public profile. */
@Injectable({ providedIn: 'root' })
export class AmbassadorProfileService {
  private readonly http = inject(HttpClient);

  get(): Observable<AmbassadorProfileDto> {
    return this.http.get<AmbassadorProfileDto>('/api/ambassadors/me');
  }

  update(request: UpdateAmbassadorProfileRequest): Observable<AmbassadorProfileDto> {
    return this.http.put<AmbassadorProfileDto>('/api/ambassadors/me', request);
  }

  /** The image file itself is the body (JPEG, PNG or WebP). */
  setPhoto(file: Blob): Observable<AmbassadorProfileDto> {
    return this.http.put<AmbassadorProfileDto>('/api/ambassadors/me/photo', file, {
      headers: { 'Content-Type': file.type },
    });
  }

  removePhoto(): Observable<AmbassadorProfileDto> {
    return this.http.delete<AmbassadorProfileDto>('/api/ambassadors/me/photo');
  }

  /**
   * The own photo needs the sign-in (a hidden profile's photo is not public), so an <img> cannot load
   * it by address; it comes as a blob through the interceptor.
   */
  photo(url: string): Observable<Blob> {
    return this.http.get(url, { responseType: 'blob' });
  }
}
