import { describe, expect, it } from 'vitest';
import { format, initialLocale } from '../../client/i18n/i18n';
import { nl } from '../../client/i18n/messages.nl';
import { en } from '../../client/i18n/messages.en';

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
    expect(format('nl', 'status.unsent', { n: 3 })).toBe('3 wijziging(en) nog niet opgeslagen');
    expect(format('en', 'status.people', { n: 4 })).toBe('4 online');
  });
});
