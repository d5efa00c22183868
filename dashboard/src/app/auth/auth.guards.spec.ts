import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { Role } from '@welcome-ruhr/contracts';
import { adminGuard, moderatorGuard, signedInGuard, signedOutGuard } from './auth.guards';
import { AuthService } from './auth.service';

describe('route guards', () => {
  const role = signal<Role | null>(null);
  let ready: jest.Mock;

  beforeEach(() => {
    role.set(null);
    ready = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: AuthService,
          useValue: { ready, signedIn: () => role() !== null, role: () => role() },
        },
      ],
    });
  });

  async function run(guard: typeof signedInGuard, url: string): Promise<unknown> {
    const state = { url } as RouterStateSnapshot;
    return TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, state));
  }

  function serialize(result: unknown): string {
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  describe('signedInGuard', () => {
    it('waits for the session to be restored, then lets signed-in people in', async () => {
      role.set('moderator');
      await expect(run(signedInGuard, '/profile')).resolves.toBe(true);
      expect(ready).toHaveBeenCalled();
    });

    it('sends everyone else to the sign-in page with the way back', async () => {
      expect(serialize(await run(signedInGuard, '/profile'))).toBe('/login?returnUrl=%2Fprofile');
      expect(serialize(await run(signedInGuard, '/'))).toBe('/login');
    });
  });

  describe('adminGuard', () => {
    it('lets admins in', async () => {
      role.set('admin');
      await expect(run(adminGuard, '/users')).resolves.toBe(true);
    });

    it('sends moderators and ambassadors to the overview', async () => {
      role.set('moderator');
      expect(serialize(await run(adminGuard, '/users'))).toBe('/');
      role.set('ambassador');
      expect(serialize(await run(adminGuard, '/users'))).toBe('/');
    });

    it('sends signed-out people to the sign-in page', async () => {
      expect(serialize(await run(adminGuard, '/users'))).toBe('/login?returnUrl=%2Fusers');
    });
  });

  describe('moderatorGuard', () => {
    it.each<Role>(['moderator', 'admin'])('lets a %s in', async (r) => {
      role.set(r);
      await expect(run(moderatorGuard, '/moderation')).resolves.toBe(true);
    });

    it('sends ambassadors to the overview and signed-out people to the sign-in page', async () => {
      role.set('ambassador');
      expect(serialize(await run(moderatorGuard, '/sources'))).toBe('/');
      role.set(null);
      expect(serialize(await run(moderatorGuard, '/sources'))).toBe('/login?returnUrl=%2Fsources');
    });
  });

  describe('signedOutGuard', () => {
    it('shows the sign-in page to signed-out people', async () => {
      await expect(run(signedOutGuard, '/login')).resolves.toBe(true);
    });

    it('sends signed-in people to the overview', async () => {
      role.set('ambassador');
      expect(serialize(await run(signedOutGuard, '/login'))).toBe('/');
    });
  });
});
