import type { LocalizedText } from '../model/fields';

/**
 * Months as teams plan in them: 'YYYY-MM'. Commitments, offers and the project period all count in whole months,
 * because that is how a lerende praktijk agrees on time ("8 uur per maand, januari t/m december").
 */
export type Month = string;

export interface MonthPeriod {
  from: Month;
  to: Month;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const MONTH_NAMES: Record<keyof LocalizedText, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The value as a Month, or null when it is not a 'YYYY-MM' string (a date 'YYYY-MM-DD' is cut to its month). */
export function parseMonth(value: unknown): Month | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (MONTH_PATTERN.test(v)) return v;
  if (DATE_PATTERN.test(v)) return v.slice(0, 7);
  return null;
}

/** The value as a 'YYYY-MM-DD' date, or null. */
export function parseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return DATE_PATTERN.test(v) ? v : null;
}

/** Months since year 0, so months compare and subtract as numbers. */
export function monthIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

export function compareMonths(a: Month, b: Month): number {
  return monthIndex(a) - monthIndex(b);
}

/** 'maart 2027' / 'March 2027'. */
export function formatMonth(month: Month, locale: keyof LocalizedText): string {
  return `${MONTH_NAMES[locale][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/**
 * Names a set of months the way people say them: contiguous runs become ranges.
 * ['2027-03','2027-04','2027-05','2027-06'] → 'maart t/m juni 2027'; two runs are joined with 'en'.
 */
export function formatMonths(months: Month[], locale: keyof LocalizedText): string {
  const sorted = [...new Set(months)].sort(compareMonths);
  const runs: MonthPeriod[] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && monthIndex(m) === monthIndex(last.to) + 1) last.to = m;
    else runs.push({ from: m, to: m });
  }
  const through = locale === 'nl' ? 't/m' : 'to';
  const names = MONTH_NAMES[locale];
  const parts = runs.map(({ from, to }) => {
    if (from === to) return formatMonth(from, locale);
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    const start = sameYear ? names[Number(from.slice(5, 7)) - 1] : formatMonth(from, locale);
    return `${start} ${through} ${formatMonth(to, locale)}`;
  });
  if (parts.length <= 1) return parts[0] ?? '';
  const and = locale === 'nl' ? 'en' : 'and';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}
