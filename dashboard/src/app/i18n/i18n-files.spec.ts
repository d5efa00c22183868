import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@welcome-ruhr/contracts';
import { TranslationObject } from '@ngx-translate/core';
import { I18N_DIR, readTranslations } from '../../testing/i18n';
import { LANGUAGES } from './language.service';

/** "a.b.c" for every text in a nested translation object. */
function keysOf(object: TranslationObject, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? keysOf(value as TranslationObject, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function valueAt(object: TranslationObject, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], object);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(html|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every quoted "namespace.key" in templates and code whose namespace is a top-level section of the
 * translation files (`'users.created'`, `labelKey: 'nav.users'`, `'login.title' | translate`).
 */
function literalKeysInSources(namespaces: string[]): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(__dirname, '..'))) {
    const text = readFileSync(file, 'utf8');
    // quoted strings, but not whole binding expressions such as [attr.lang]="language.code"
    for (const match of text.matchAll(/(?<![\])]=)(['"])([a-zA-Z]+(?:\.[a-zA-Z]+)+)\1/g)) {
      if (namespaces.includes(match[2].split('.')[0])) keys.add(match[2]);
    }
  }
  return [...keys].sort();
}

describe('translation files', () => {
  const de = readTranslations('de');
  const others = LANGUAGES.map((l) => l.code).filter((code) => code !== 'de');
  /** Keys the code builds at run time ('roles.' + role), so the literal scan cannot see them. */
  const dynamicSections = ['roles.', 'language.'];

  it('offers German, English, Turkish, Arabic and Ukrainian, each with its file and nothing else', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['de', 'en', 'tr', 'ar', 'uk']);
    const files = readdirSync(I18N_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(files).toEqual(['ar.json', 'de.json', 'en.json', 'tr.json', 'uk.json']);
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
  });

  it.each(others)('%s is translated, not a copy of the German texts', (code) => {
    const translations = readTranslations(code);
    const same = keysOf(de).filter((key) => valueAt(de, key) === valueAt(translations, key));
    // Names stay as they are (Welcome Ruhr, Widgets, Mastodon, …); everything else is translated.
    expect(same.length).toBeLessThan(keysOf(de).length / 20);
  });

  it.each(others)('%s has exactly the keys of de', (code) => {
    expect(keysOf(readTranslations(code)).sort()).toEqual(keysOf(de).sort());
  });

  it.each(LANGUAGES.map((l) => l.code))('%s has no empty texts', (code) => {
    const translations = readTranslations(code);
    const empty = keysOf(translations).filter((key) => String(valueAt(translations, key)).trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(others)('%s uses the same {{placeholders}} as de in every text', (code) => {
    const translations = readTranslations(code);
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const differing = keysOf(de).filter(
      (key) => placeholders(valueAt(de, key)).join() !== placeholders(valueAt(translations, key)).join(),
    );
    expect(differing).toEqual([]);
  });

  it('has a text for every key the code uses', () => {
    const used = literalKeysInSources(Object.keys(de));
    expect(used.length).toBeGreaterThan(80); // the scan finds the keys at all
    expect(used).toEqual(expect.arrayContaining(['users.created', 'userForm.submitEdit', 'nav.users', 'login.title']));
    expect(used.filter((key) => typeof valueAt(de, key) !== 'string')).toEqual([]);
  });

  it('has no text that nothing uses', () => {
    const used = new Set(literalKeysInSources(Object.keys(de)));
    const unused = keysOf(de).filter((key) => !used.has(key) && !dynamicSections.some((s) => key.startsWith(s)));
    expect(unused).toEqual([]);
  });

  it('names every role and language', () => {
    for (const role of ROLES) expect(typeof valueAt(de, `roles.${role}`)).toBe('string');
    for (const { code } of LANGUAGES) expect(typeof valueAt(de, `language.${code}`)).toBe('string');
  });
});
