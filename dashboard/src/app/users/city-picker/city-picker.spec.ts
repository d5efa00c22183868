import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { cityName, MUNICIPALITIES, PARTNER_CITIES } from '@welcome-ruhr/contracts';
import { descriptionOf, getByLabel, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { Message } from '../../shared/api-error';
import { CityPicker } from './city-picker';

@Component({
  imports: [CityPicker],
  template: `<wr-city-picker [(value)]="cities" [error]="error()" hintKey="userForm.citiesHint">Städte</wr-city-picker>`,
})
class Host {
  readonly cities = signal<string[]>(['essen']);
  readonly error = signal<Message | null>(null);
}

describe('CityPicker', () => {
  function render() {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTestTranslations('de')] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement, host: fixture.componentInstance };
  }

  it('offers every municipality once, the partner cities first', () => {
    const { root } = render();
    const labels = Array.from(root.querySelectorAll('label')).map(textOf);
    expect(labels).toHaveLength(MUNICIPALITIES.length);
    expect(new Set(labels).size).toBe(MUNICIPALITIES.length);
    expect(labels.slice(0, PARTNER_CITIES.length)).toEqual(PARTNER_CITIES.map(cityName));
    expect(textOf(root.querySelector('legend'))).toBe('Städte');
  });

  it('shows the selection and changes it both ways', () => {
    const { fixture, root, host } = render();
    expect(getByLabel(root, 'Essen').checked).toBe(true);

    getByLabel(root, 'Herne').click();
    getByLabel(root, 'Essen').click();
    fixture.detectChanges();
    expect(host.cities()).toEqual(['herne']);

    host.cities.set(['bottrop']);
    fixture.detectChanges();
    expect(getByLabel(root, 'Bottrop').checked).toBe(true);
    expect(getByLabel(root, 'Herne').checked).toBe(false);
  });

  it('describes the group with its hint, or with the problem when there is one', () => {
    const { fixture, root, host } = render();
    const group = root.querySelector('fieldset') as HTMLElement;
    expect(descriptionOf(group)).toBe('Die Städte, für die diese Person arbeitet.');

    host.error.set({ text: 'Pick at least one city.' });
    fixture.detectChanges();
    expect(descriptionOf(group)).toBe('Pick at least one city.');
  });
});
