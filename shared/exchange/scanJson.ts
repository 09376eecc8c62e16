import type { LocalizedText } from '../model/fields';
import { formatJsonPath, type JsonPathSegment } from './jsonPath';
import type { MapFileErrorCode } from './mapFileProblem';

export interface JsonScanOptions {
  maxDepth: number;
  maxStringLength: number;
  maxArrayLength: number;
  maxKeysPerObject: number;
  forbiddenKeys: ReadonlySet<string>;
  /** Paths (as formatJsonPath writes them) whose line numbers the caller wants back. */
  wantLines?: ReadonlySet<string>;
}

export interface JsonScanError {
  code: MapFileErrorCode;
  path: string;
  line: number;
  column: number;
  message: LocalizedText;
}

export type JsonScanResult = { ok: true; lines: Map<string, number> } | { ok: false; error: JsonScanError };

interface Frame {
  array: boolean;
  index: number;
  keys: Set<string> | null;
  /** The key or index of the value being read; null in an object between a comma and the next key. */
  seg: JsonPathSegment | null;
}

const enum Mode {
  Value,
  Key,
  After,
}

const QUOTE = 34;
const BACKSLASH = 92;

class ScanFailure {
  constructor(readonly error: JsonScanError) {}
}

/**
 * Walks JSON text once, without recursion, before JSON.parse sees it: checks the syntax and reports the line and
 * column of the first fault, and enforces nesting depth, string and array lengths, refuses prototype-pollution and
 * duplicate keys (both decoded, so `"\u005f_proto__"` is caught too) and, when asked, records the line of given paths.
 * JSON.parse alone would accept duplicate keys silently and gives no usable position.
 */
export function scanJson(text: string, options: JsonScanOptions): JsonScanResult {
  const n = text.length;
  const want = options.wantLines && options.wantLines.size > 0 ? options.wantLines : null;
  const lines = new Map<string, number>();
  const frames: Frame[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const pathNow = () => {
    const segs: JsonPathSegment[] = [];
    for (const f of frames) if (f.seg !== null) segs.push(f.seg);
    return formatJsonPath(segs);
  };
  const fail = (code: MapFileErrorCode, nl: string, en: string, at = i): never => {
    throw new ScanFailure({ code, path: pathNow(), line, column: at - lineStart + 1, message: { nl, en } });
  };
  const describeChar = () => {
    if (i >= n) return { nl: 'het bestand houdt te vroeg op', en: 'the file ends too early' };
    const ch = text[i];
    const shown = /[\x20-\x7e]/.test(ch) ? `'${ch}'` : `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { nl: `onverwacht teken ${shown}`, en: `unexpected character ${shown}` };
  };
  const syntax = (expectedNl: string, expectedEn: string): never => {
    const d = describeChar();
    return fail(
      'NOT_JSON',
      `Dit is geen geldige JSON: ${d.nl} op regel ${line}, kolom ${i - lineStart + 1} (verwacht: ${expectedNl}). Kies een bestand dat met Mantelkaart is geëxporteerd.`,
      `This is not valid JSON: ${d.en} at line ${line}, column ${i - lineStart + 1} (expected ${expectedEn}). Choose a file exported from Mantelkaart.`,
    );
  };

  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else break;
    }
  };

  const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

  /** Reads a string at text[i] === '"'; returns its decoded value only when asked (keys), to spare memory. */
  const readString = (decode: boolean): string => {
    const start = i;
    i++;
    let len = 0;
    let out = '';
    for (;;) {
      if (i >= n) {
        i = start;
        return fail('NOT_JSON', `Een tekst is niet afgesloten (regel ${line}): het bestand is afgebroken of beschadigd.`, `A string is not closed (line ${line}): the file is truncated or damaged.`);
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i++;
        return out;
      }
      if (c === BACKSLASH) {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return syntax('vier hexadecimale cijfers na \\u', 'four hex digits after \\u');
          if (decode) out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          const v = e === undefined ? undefined : simple[e];
          if (v === undefined) {
            i++;
            return syntax('een geldig escapeteken', 'a valid escape character');
          }
          if (decode) out += v;
          i += 2;
        }
      } else if (c < 0x20) {
        return syntax('een afgesloten tekst zonder regeleinden', 'a closed string without line breaks');
      } else {
        if (decode) out += text[i];
        i++;
      }
      len++;
      if (len > options.maxStringLength) {
        i = start;
        return fail(
          'STRING_TOO_LONG',
          `Een tekst in het bestand is langer dan ${options.maxStringLength} tekens (regel ${line}). Zo lang kan een veld in Mantelkaart niet zijn.`,
          `A string in the file is longer than ${options.maxStringLength} characters (line ${line}). No Mantelkaart field is that long.`,
        );
      }
    }
  };

  const digits = () => {
    const s = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    return i - s;
  };

  const readNumber = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (digits() === 0) syntax('een cijfer', 'a digit');
    if (text[i] === '.') {
      i++;
      if (digits() === 0) syntax('een cijfer na de punt', 'a digit after the point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) syntax('een cijfer in de exponent', 'a digit in the exponent');
    }
  };

  const open = (array: boolean) => {
    if (frames.length >= options.maxDepth) {
      fail(
        'TOO_DEEP',
        `Het bestand is dieper genest dan ${options.maxDepth} niveaus (regel ${line}). Een Mantelkaart-bestand is nooit zo diep: dit bestand is beschadigd of niet van Mantelkaart.`,
        `The file is nested deeper than ${options.maxDepth} levels (line ${line}). A Mantelkaart file is never that deep: this file is damaged or not from Mantelkaart.`,
      );
    }
    frames.push({ array, index: 0, keys: array ? null : new Set<string>(), seg: array ? 0 : null });
    i++;
  };

  try {
    skipWs();
    let mode = Mode.Value;
    for (;;) {
      if (mode === Mode.Value) {
        if (want) {
          const p = pathNow();
          if (want.has(p) && !lines.has(p)) lines.set(p, line);
        }
        const c = text[i];
        if (c === '{') {
          open(false);
          skipWs();
          if (text[i] === '}') {
            i++;
            frames.pop();
            mode = Mode.After;
          } else mode = Mode.Key;
        } else if (c === '[') {
          open(true);
          skipWs();
          if (text[i] === ']') {
            i++;
            frames.pop();
            mode = Mode.After;
          } else mode = Mode.Value;
        } else if (c === '"') {
          readString(false);
          mode = Mode.After;
        } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
          readNumber();
          mode = Mode.After;
        } else if (text.startsWith('true', i)) {
          i += 4;
          mode = Mode.After;
        } else if (text.startsWith('false', i)) {
          i += 5;
          mode = Mode.After;
        } else if (text.startsWith('null', i)) {
          i += 4;
          mode = Mode.After;
        } else {
          syntax('een waarde', 'a value');
        }
        continue;
      }

      if (mode === Mode.Key) {
        if (text[i] !== '"') syntax('een veldnaam tussen aanhalingstekens', 'a quoted field name');
        const keyAt = i;
        const key = readString(true);
        const frame = frames[frames.length - 1];
        frame.seg = key;
        if (options.forbiddenKeys.has(key)) {
          fail(
            'FORBIDDEN_KEY',
            `Het bestand bevat de verboden veldnaam "${key}" (regel ${line}). Zo'n naam gebruikt Mantelkaart nooit; het bestand is gemanipuleerd of beschadigd.`,
            `The file contains the forbidden field name "${key}" (line ${line}). Mantelkaart never uses such a name; the file has been tampered with or is damaged.`,
            keyAt,
          );
        }
        const keys = frame.keys as Set<string>;
        if (keys.has(key)) {
          fail(
            'DUPLICATE_KEY',
            `Het veld "${key}" staat twee keer in hetzelfde object (regel ${line}). Het is dan onduidelijk welke waarde geldt; herstel het bestand of exporteer het opnieuw.`,
            `The field "${key}" appears twice in the same object (line ${line}). It is unclear which value applies; repair the file or export it again.`,
            keyAt,
          );
        }
        keys.add(key);
        if (keys.size > options.maxKeysPerObject) {
          fail('TOO_MANY_KEYS', `Een object heeft meer dan ${options.maxKeysPerObject} velden (regel ${line}).`, `An object has more than ${options.maxKeysPerObject} fields (line ${line}).`, keyAt);
        }
        skipWs();
        if (text[i] !== ':') syntax('een dubbele punt na de veldnaam', 'a colon after the field name');
        i++;
        skipWs();
        mode = Mode.Value;
        continue;
      }

      // Mode.After: a value has ended.
      skipWs();
      if (frames.length === 0) {
        if (i < n) syntax('het einde van het bestand', 'the end of the file');
        return { ok: true, lines };
      }
      const top = frames[frames.length - 1];
      const c = text[i];
      if (c === ',') {
        i++;
        skipWs();
        if (top.array) {
          top.index++;
          top.seg = top.index;
          if (top.index >= options.maxArrayLength) {
            fail(
              'ARRAY_TOO_LONG',
              `Een lijst in het bestand heeft meer dan ${options.maxArrayLength} elementen (regel ${line}).`,
              `A list in the file has more than ${options.maxArrayLength} items (line ${line}).`,
            );
          }
          mode = Mode.Value;
        } else {
          top.seg = null;
          mode = Mode.Key;
        }
      } else if (c === (top.array ? ']' : '}')) {
        i++;
        frames.pop();
      } else {
        syntax(top.array ? "',' of ']'" : "',' of '}'", top.array ? "',' or ']'" : "',' or '}'");
      }
    }
  } catch (e) {
    if (e instanceof ScanFailure) return { ok: false, error: e.error };
    throw e;
  }
}
