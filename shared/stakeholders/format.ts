import type { LocalizedText } from '../model/fields';
import type { NodeRecord } from '../model/schema';
import { kindSpec } from './kinds/index';

type Locale = keyof LocalizedText;

/** 14 → '14', 17.333 → '17,3' (nl) / '17.3' (en): hours as people say them. */
export function formatHours(hours: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(hours);
}

/** 390 → '€ 390,00' (nl) / '€390.00' (en). */
export function formatEuro(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
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
