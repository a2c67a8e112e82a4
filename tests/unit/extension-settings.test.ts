import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../extension/i18n/locale';
import { defaultAllowList, defaultSettings, settingsFromStorage } from '../../extension/settings/defaults';
import { AllowListEntry, Settings } from '../../extension/settings/schema';
import { hostAllowed, pageAllowed } from '../../extension/shared/allow-list';

describe('the allow-list', () => {
  it('by default holds the public sector and the platform, and nothing else', () => {
    expect(defaultAllowList('http://localhost:8787')).toEqual(['*.gouv.fr', 'localhost']);
    expect(defaultSettings().allowList).toContain('*.gouv.fr');
  });

  it('"*.gouv.fr" covers gouv.fr and every host under it, never a look-alike', () => {
    const list = ['*.gouv.fr'];
    for (const host of [
      'gouv.fr',
      'www.gouv.fr',
      'www.service-public.gouv.fr',
      'WWW.Economie.Gouv.FR',
      'www.gouv.fr.',
    ]) {
      expect(hostAllowed(host, list), host).toBe(true);
    }
    for (const host of ['evilgouv.fr', 'gouv.fr.evil.example', 'gouv.frx', 'www.service-public.fr', '']) {
      expect(hostAllowed(host, list), host).toBe(false);
    }
  });

  it('a plain entry is one host exactly; only http(s) pages are ever looked up', () => {
    expect(hostAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(hostAllowed('hors-liste.localhost', ['localhost'])).toBe(false);
    expect(pageAllowed('http://127.0.0.1:4000/plan', ['127.0.0.1'])).toBe(true);
    expect(pageAllowed('ftp://www.gouv.fr/', ['*.gouv.fr'])).toBe(false);
    expect(pageAllowed('not a url', ['*.gouv.fr'])).toBe(false);
    expect(pageAllowed(undefined, ['*.gouv.fr'])).toBe(false);
  });

  it('accepts domain names and wildcards, refuses anything else', () => {
    expect(AllowListEntry.parse('  *.Gouv.FR ')).toBe('*.gouv.fr');
    for (const bad of ['*', '*.', 'https://www.gouv.fr', 'www.gouv.fr/page', 'a b', '**.gouv.fr', 'gouv.*']) {
      expect(AllowListEntry.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('settings', () => {
  it('are checked: an address, a list, a language, a pseudonym within the contract', () => {
    expect(Settings.safeParse(defaultSettings()).success).toBe(true);
    expect(Settings.safeParse({ ...defaultSettings(), platformUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(Settings.safeParse({ ...defaultSettings(), language: 'de' }).success).toBe(false);
    expect(Settings.safeParse({ ...defaultSettings(), pseudonym: 'x'.repeat(41) }).success).toBe(false);
  });

  it('as the content script reads them, fall back to the defaults, never to "allowed"', () => {
    expect(settingsFromStorage(undefined)).toEqual(defaultSettings());
    expect(settingsFromStorage({ allowList: '*' }).allowList).toEqual(defaultSettings().allowList);
    expect(settingsFromStorage({ allowList: [1, 2] }).allowList).toEqual(defaultSettings().allowList);
    expect(settingsFromStorage({ allowList: ['127.0.0.1'], language: 'en' })).toMatchObject({
      allowList: ['127.0.0.1'],
      language: 'en',
    });
    expect(settingsFromStorage({ language: 'xx' }).language).toBe('auto');
  });
});

describe('the language', () => {
  it('is the citizen’s choice, else the browser’s: French first, English for English browsers', () => {
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'fr-FR')).toBe('fr');
    expect(resolveLocale('auto', 'de-DE')).toBe('fr');
    expect(resolveLocale('auto', undefined)).toBe('fr');
    expect(resolveLocale('fr', 'en-US')).toBe('fr');
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
  });
});
