import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ChannelDto,
  ChooseFacebookPageRequest,
  CreateChannelRequest,
  FacebookLoginPagesDto,
  FacebookLoginStartDto,
} from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';
import { EXTERNAL_NAVIGATION } from '../shared/external-navigation';
import { queryParams } from '../shared/query-params';

function path(id: string): string {
  return `/api/channels/${encodeURIComponent(id)}`;
}

/** An ambassador's connected Facebook pages and Mastodon accounts. */
@Injectable({ providedIn: 'root' })
export class ChannelsService {
  private readonly http = inject(HttpClient);
  private readonly navigateAway = inject(EXTERNAL_NAVIGATION);

  list(): Observable<ChannelDto[]> {
    return this.http.get<ChannelDto[]>('/api/channels');
  }

  /** A Mastodon account (instance and token), or a Facebook page with its page token. */
  create(request: CreateChannelRequest): Observable<ChannelDto> {
    return this.http.post<ChannelDto>('/api/channels', request);
  }

  check(id: string): Observable<ChannelDto> {
    return this.http.post<ChannelDto>(`${path(id)}/check`, null);
  }

  remove(id: string): Observable<void> {
    return this.http.delete(path(id)).pipe(map(() => undefined));
  }

  /** Where to send the browser for Facebook Login; Facebook returns to /channels/facebook/callback. */
  facebookLogin(): Observable<FacebookLoginStartDto> {
    return this.http.get<FacebookLoginStartDto>('/api/channels/facebook/login');
  }

  /** Sends the browser to Facebook's dialog (connecting a page, or reconnecting one whose token was refused). */
  startFacebookLogin(): Observable<void> {
    return this.facebookLogin().pipe(map((start) => this.navigateAway(start.url)));
  }

  /** Finishes the login with what Facebook appended to the address: the pages to choose from. */
  facebookCallback(code: string, state: string): Observable<FacebookLoginPagesDto> {
    return this.http.get<FacebookLoginPagesDto>('/api/channels/facebook/callback', {
      params: queryParams({ code, state }),
    });
  }

  chooseFacebookPage(request: ChooseFacebookPageRequest): Observable<ChannelDto> {
    return this.http.post<ChannelDto>('/api/channels/facebook/pages', request);
  }
}
