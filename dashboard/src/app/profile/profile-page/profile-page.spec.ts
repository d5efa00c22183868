import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { ProfilePage } from './profile-page';

describe('ProfilePage', () => {
  it("shows the person's details, fresh from /api/auth/me", () => {
    TestBed.configureTestingModule({
      imports: [ProfilePage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations('de')],
    });
    const http = TestBed.inject(HttpTestingController);
    const user = newUser({ name: 'Amina', email: 'amina@example.org', role: 'ambassador', cities: ['bochum'] });
    TestBed.inject(AuthService).login({ email: user.email, password: 'pw' }).subscribe();
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresIn: 900, user });

    const fixture = TestBed.createComponent(ProfilePage);
    fixture.detectChanges();
    const details = () => Array.from(fixture.nativeElement.querySelectorAll('.details dd')).map((dd) => textOf(dd as Element));
    expect(details()).toEqual(['Amina', 'amina@example.org', 'Ambassador', 'Bochum']);

    http.expectOne('/api/auth/me').flush({ ...user, cities: ['bochum', 'herne'] });
    fixture.detectChanges();
    expect(details()[3]).toBe('Bochum, Herne');
    http.verify();
  });
});
