import { describe, expect, it } from 'vitest';
import { format, initialLocale } from '../../client/i18n/i18n';
import { nl } from '../../client/i18n/messages.nl';
import { en } from '../../client/i18n/messages.en';
import { relativeTime } from '../../client/start/relativeTime';

describe('the interface language', () => {
  it('is Dutch unless the browser asks for English first, and a remembered choice wins', () => {
    expect(initialLocale(null, ['nl-NL', 'en'])).toBe('nl');
    expect(initialLocale(null, ['en-GB', 'nl'])).toBe('en');
    expect(initialLocale(null, ['de-DE', 'fr'])).toBe('nl');
    expect(initialLocale('en', ['nl-NL'])).toBe('en');
    expect(initialLocale('xx', ['en-US'])).toBe('en');
  });

  it('has every message in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
  });

  it('fills placeholders', () => {
    expect(format('nl', 'status.unsent', { n: 3 })).toBe('3 wijzigingen nog niet opgeslagen');
    expect(format('en', 'status.people', { n: 4 })).toBe('4 online');
  });

  it('says one day, not one days', () => {
    const day = 24 * 60 * 60_000;
    const said = (locale: 'nl' | 'en', ago: number) => {
      const [key, params] = relativeTime(0, ago);
      return format(locale, key, params);
    };
    expect(said('nl', day)).toBe('1 dag geleden');
    expect(said('en', day)).toBe('1 day ago');
    expect(said('nl', 3 * day)).toBe('3 dagen geleden');
    expect(said('en', 3 * day)).toBe('3 days ago');
  });
});
