import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { wait } from '../../../testing/content';
import { getButton, getByLabel, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newChannel } from '../../../testing/posts';
import { FacebookCallbackPage } from './facebook-callback-page';

@Component({ template: '<h1>Kanäle</h1>' })
class StubChannels {}

describe('FacebookCallbackPage', () => {
  let http: HttpTestingController;

  async function open(url: string): Promise<{ harness: RouterTestingHarness; root: () => HTMLElement }> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        provideRouter([
          { path: 'channels/facebook/callback', component: FacebookCallbackPage },
          { path: 'channels', component: StubChannels },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create(url);
    return { harness, root: () => harness.routeNativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('finishes the login, lists the pages and connects the chosen one', async () => {
    const { harness, root } = await open('/channels/facebook/callback?code=abc&state=signed');
    const callback = http.expectOne((r) => r.url === '/api/channels/facebook/callback');
    expect(callback.request.params.get('code')).toBe('abc');
    expect(callback.request.params.get('state')).toBe('signed');
    expect(TestBed.inject(Router).url).toBe('/channels/facebook/callback'); // the code left the address
    callback.flush({
      loginId: 'login-1',
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
      pages: [
        { id: '111', name: 'Ayşe in Dortmund', category: 'Community', canPublish: true },
        { id: '222', name: 'Fremde Seite', category: null, canPublish: false },
      ],
    });
    harness.detectChanges();

    expect(getByLabel(root(), 'Fremde Seite').disabled).toBe(true);
    expect(getByLabel(root(), 'Ayşe in Dortmund (Community)').checked).toBe(true); // the only one possible
    getButton(root(), 'Seite verbinden').click();
    const choose = http.expectOne({ method: 'POST', url: '/api/channels/facebook/pages' });
    expect(choose.request.body).toEqual({ pageId: '111', loginId: 'login-1' });
    choose.flush(newChannel({ name: 'Ayşe in Dortmund' }));
    await wait();
    expect(TestBed.inject(Router).url).toBe('/channels');
  });

  it('says so when the person did not allow the connection', async () => {
    const { harness, root } = await open(
      '/channels/facebook/callback?error=access_denied&error_description=Permissions%20error',
    );
    harness.detectChanges();
    expect(textOf(root().querySelector('[role="alert"] + [role="alert"], .notice--error'))).toContain(
      'Die Verbindung mit Facebook wurde nicht erlaubt oder abgebrochen.',
    );
    expect(textOf(root())).toContain('Facebook meldet: Permissions error');
  });
});
