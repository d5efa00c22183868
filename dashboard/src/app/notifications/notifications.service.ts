import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NotificationDto } from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';

/** What the dashboard tells a user: a channel to reconnect, a token about to expire, a post that failed. */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);

  list(): Observable<NotificationDto[]> {
    return this.http.get<NotificationDto[]>('/api/notifications');
  }

  markRead(id: string): Observable<NotificationDto> {
    return this.http.post<NotificationDto>(`/api/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post('/api/notifications/read', null).pipe(map(() => undefined));
  }
}
