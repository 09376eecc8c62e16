/**
 * Phone numbers and e-mail addresses typed where they do not belong: in a label, a contact person or a note, which
 * every viewer and every export sees. Recognises Dutch and international phone numbers (06-12345678,
 * 010 123 45 67, +31 6 1234 5678) and e-mail addresses; years, postcodes, amounts and periods are not numbers
 * that start with 0 or + and have ten or more digits, so they never match.
 */
export type ContactKind = 'phone' | 'email';

export interface ContactMatch {
  kind: ContactKind;
  /** The text as typed. */
  value: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Starts with +, 00 or 0; digits with spaces, dashes, dots or brackets between them.
const PHONE = /(?<![\w@.])(?:\+|0)[\d()][\d\s().-]{7,}\d(?![\w@])/g;

function digits(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Every phone number and e-mail address in a text, in order of appearance. */
export function findContactDetails(text: string): ContactMatch[] {
  const found: { at: number; match: ContactMatch }[] = [];
  const emails: [number, number][] = [];
  for (const m of text.matchAll(EMAIL)) {
    found.push({ at: m.index, match: { kind: 'email', value: m[0] } });
    emails.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(PHONE)) {
    const value = m[0].trim();
    const n = digits(value);
    if (n < 10 || n > 13) continue;
    if (emails.some(([from, to]) => m.index < to && m.index + m[0].length > from)) continue;
    found.push({ at: m.index, match: { kind: 'phone', value } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.match);
}

/** The text with `value` taken out, and the punctuation that joined it tidied ("POH mw. Jansen, 06-…" → "POH mw. Jansen"). */
export function removeContactText(text: string, value: string): string {
  const at = text.indexOf(value);
  if (at < 0) return text;
  const before = text.slice(0, at).replace(/[\s,;:(/-]*(?:tel\.?|telefoon|e-?mail|mail)?[\s:]*$/i, '');
  const after = text.slice(at + value.length).replace(/^[\s,;)]*/, '');
  if (!before) return after;
  if (!after) return before;
  return `${before} ${after}`;
}
