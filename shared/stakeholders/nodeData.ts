import type { FieldValue } from '../model/schema';

/**
 * Narrow readers for a node's or record's data map. The document is edited by many clients (and older versions),
 * so any field may be missing or of the wrong type; each reader returns a safe default instead of throwing.
 */
export type Data = Record<string, FieldValue>;

/** A trimmed string, or '' when absent or not a string. */
export function textField(data: Data, key: string): string {
  const v = data[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** A list of non-empty strings; a single string counts as a one-item list (a select later turned multiselect). */
export function listField(data: Data, key: string): string[] {
  const v = data[key];
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return (v as unknown[]).filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
  return [];
}

/** A finite number ≥ 0, or null. Numbers typed as text with a Dutch decimal comma ("32,50") are accepted. */
export function amountField(data: Data, key: string): number | null {
  return toAmount(data[key]);
}

export function toAmount(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*€?\s*\d+([.,]\d+)?\s*$/.test(value)) n = Number(value.replace('€', '').trim().replace(',', '.'));
  else return null;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The value when it is one of the allowed ids, else null. */
export function optionField<T extends string>(data: Data, key: string, allowed: readonly T[]): T | null {
  const v = data[key];
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** All values of a list field that are allowed ids. */
export function optionsField<T extends string>(data: Data, key: string, allowed: readonly T[]): T[] {
  return listField(data, key).filter((v): v is T => (allowed as readonly string[]).includes(v));
}
