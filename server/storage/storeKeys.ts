/*
 * Key layout (UTF-8 keys, binary values framed by storeRecord.ts):
 *
 *   d/<name>/s             compacted state of a document, with the sequence number it covers
 *   d/<name>/u/<seq>       one appended update; <seq> is 16 zero-padded decimal digits, so key order is append order
 *   m/<key>                one metadata value, JSON text
 *
 * <name> is encodeURIComponent(name): a name containing '/' can then never make one document's key range overlap
 * another's. 's' sorts before 'u', so a scan of d/<name>/ yields the state first and then the updates in order.
 */

const SEQ_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits

export const DOC_ROOT = 'd/';
export const META_ROOT = 'm/';

export function docPrefix(name: string): string {
  return `${DOC_ROOT}${encodeURIComponent(name)}/`;
}

export function stateKey(name: string): string {
  return `${docPrefix(name)}s`;
}

export function updatePrefix(name: string): string {
  return `${docPrefix(name)}u/`;
}

export function updateKey(name: string, seq: number): string {
  return `${updatePrefix(name)}${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

export function metaKey(key: string): string {
  return `${META_ROOT}${key}`;
}

/** What a key below d/<name>/ stands for, or undefined when it does not follow the layout. */
export function parseDocSuffix(suffix: string): { kind: 'state' } | { kind: 'update'; seq: number } | undefined {
  if (suffix === 's') return { kind: 'state' };
  const match = /^u\/(\d{16})$/.exec(suffix);
  return match ? { kind: 'update', seq: Number(match[1]) } : undefined;
}

/** The document name a d/ key belongs to, or undefined for a key outside the layout. */
export function docNameOf(key: string): string | undefined {
  if (!key.startsWith(DOC_ROOT)) return undefined;
  const end = key.indexOf('/', DOC_ROOT.length);
  if (end < 0) return undefined;
  try {
    return decodeURIComponent(key.slice(DOC_ROOT.length, end));
  } catch {
    return undefined;
  }
}

/**
 * The smallest key greater than every key that starts with `prefix`, for `lt` bounds. UTF-8 preserves code point
 * order, so bumping the last code unit is enough for the ASCII-ending prefixes used here.
 */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
