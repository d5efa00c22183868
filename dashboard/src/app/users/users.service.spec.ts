import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { UsersService } from './users.service';

describe('UsersService', () => {
  let users: UsersService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    users = TestBed.inject(UsersService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the filters that are set', () => {
    users.list({ role: '', city: 'essen', q: '  ada ' }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/users');
    expect(request.request.params.keys()).toEqual(['city', 'q']);
    expect(request.request.params.get('q')).toBe('ada');
    request.flush([]);
  });

  it('creates with POST and changes with PATCH on the escaped id', () => {
    users.create({ email: 'a@example.org', name: 'A', password: 'long-enough-1', role: 'admin' }).subscribe();
    expect(http.expectOne('/api/users').request.method).toBe('POST');

    users.update('a/b', { active: false }).subscribe();
    const patch = http.expectOne('/api/users/a%2Fb');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ active: false });
  });
});
