import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateInvitationRequest, InvitationDto, InvitationPreviewDto, UserDto } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';

/** Invitations by e-mail: admins send them, the invitee sets a password through the link. */
@Injectable({ providedIn: 'root' })
export class InvitationsService {
  private readonly http = inject(HttpClient);

  list(): Observable<InvitationDto[]> {
    return this.http.get<InvitationDto[]>('/api/invitations');
  }

  create(request: CreateInvitationRequest): Observable<InvitationDto> {
    return this.http.post<InvitationDto>('/api/invitations', request);
  }

  revoke(id: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/api/invitations/${encodeURIComponent(id)}/revoke`, null);
  }

  /** What the link offers (public, no sign-in). */
  preview(token: string): Observable<InvitationPreviewDto> {
    return this.http.get<InvitationPreviewDto>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  accept(token: string, password: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/invitations/${encodeURIComponent(token)}/accept`, { password });
  }
}
