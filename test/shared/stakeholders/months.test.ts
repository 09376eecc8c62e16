import { describe, expect, it } from 'vitest';
import { formatMonths, monthsBetween, parseMonth } from '../../../shared/stakeholders/months';

describe('months', () => {
  it('lists the months of a period across a year boundary', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2027-01')).toEqual([]);
  });
  it('accepts YYYY-MM and cuts a date to its month, and nothing else', () => {
    expect([parseMonth('2027-03'), parseMonth('2027-03-15'), parseMonth('maart'), parseMonth('2027-3'), parseMonth(202703)]).toEqual(['2027-03', '2027-03', null, null, null]);
  });
  it('names months as people say them', () => {
    expect(formatMonths(['2027-06', '2027-03', '2027-04', '2027-05'], 'nl')).toBe('maart t/m juni 2027');
    expect(formatMonths(['2026-12', '2027-01'], 'nl')).toBe('december 2026 t/m januari 2027');
    expect(formatMonths(['2027-01', '2027-03', '2027-05'], 'en')).toBe('January 2027, March 2027 and May 2027');
  });
});
