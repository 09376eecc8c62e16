import type { LocalizedText } from '../model/fields';
import type { NodeRecord } from '../model/schema';
import { kindSpec } from './kinds/index';

type Locale = keyof LocalizedText;

// Made once per locale: building an Intl.NumberFormat costs far more than using one, and every card's capacity badge
// formats hours while a map is drawn (a sixth of a slow phone's time opening the example map).
const hourFormats = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const countFormats = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };
const euroFormats = { nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }), en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }) };

/** 14 → '14', 17.333 → '17,3' (nl) / '17.3' (en): hours as people say them. */
export function formatHours(hours: number, locale: Locale): string {
  return hourFormats[locale].format(hours);
}

/** 12000 → '12.000' (nl) / '12,000' (en). */
export function formatCount(n: number, locale: Locale): string {
  return countFormats[locale].format(n);
}

/** 390 → '€ 390,00' (nl) / '€390.00' (en). */
export function formatEuro(amount: number, locale: Locale): string {
  return euroFormats[locale].format(amount);
}

/** A node's name for messages; an unnamed node is called after its kind so the message still points somewhere. */
export function nodeName(node: NodeRecord | undefined, locale: Locale): string {
  if (!node) return locale === 'nl' ? '(onbekend)' : '(unknown)';
  if (node.label.trim()) return node.label.trim();
  const title = kindSpec(node.kind)?.title[locale] ?? (locale === 'nl' ? 'knoop' : 'node');
  return locale === 'nl' ? `(naamloze ${title.toLowerCase()})` : `(unnamed ${title.toLowerCase()})`;
}

/** 'A', 'A en B', 'A, B en C'. */
export function formatList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = locale === 'nl' ? 'en' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
