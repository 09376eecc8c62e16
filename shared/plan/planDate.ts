import { formatMonth } from '../stakeholders/months';
import type { PlanLang } from './planDocument';

/** '2027-01-15' or a Date → '15 januari 2027' / '15 January 2027'; anything else is shown as given. */
export function formatPlanDate(date: string | Date, lang: PlanLang): string {
  const iso = typeof date === 'string' ? date.trim() : Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${formatMonth(`${m[1]}-${m[2]}`, lang)}`;
}
