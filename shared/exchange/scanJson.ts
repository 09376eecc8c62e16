import { printParseErrorCode, visit, type JSONPath } from 'jsonc-parser';
import type { LocalizedText } from '../model/fields';
import { formatJsonPath } from './jsonPath';
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

/** Thrown from a visitor callback: jsonc-parser does not catch it, so the walk stops at the first fault. */
class ScanFailure {
  constructor(readonly error: JsonScanError) {}
}

/** What jsonc-parser's error codes mean (by printParseErrorCode's name), for a person who picked the wrong file. */
const SYNTAX: Readonly<Record<string, LocalizedText>> = {
  InvalidSymbol: { nl: 'een teken dat daar niet hoort', en: 'a character that does not belong there' },
  InvalidNumberFormat: { nl: 'een ongeldig getal', en: 'an invalid number' },
  PropertyNameExpected: { nl: 'een veldnaam tussen aanhalingstekens verwacht', en: 'a quoted field name expected' },
  ValueExpected: { nl: 'een waarde verwacht', en: 'a value expected' },
  ColonExpected: { nl: 'een dubbele punt na de veldnaam verwacht', en: 'a colon after the field name expected' },
  CommaExpected: { nl: 'een komma verwacht', en: 'a comma expected' },
  CloseBraceExpected: { nl: "een '}' verwacht", en: "a '}' expected" },
  CloseBracketExpected: { nl: "een ']' verwacht", en: "a ']' expected" },
  EndOfFileExpected: { nl: 'het einde van het bestand verwacht', en: 'the end of the file expected' },
  InvalidCommentToken: { nl: 'commentaar, dat JSON niet kent', en: 'a comment, which JSON does not allow' },
  UnexpectedEndOfComment: { nl: 'commentaar, dat JSON niet kent', en: 'a comment, which JSON does not allow' },
  UnexpectedEndOfString: { nl: 'een tekst die niet is afgesloten: het bestand is afgebroken of beschadigd', en: 'a string that is not closed: the file is truncated or damaged' },
  UnexpectedEndOfNumber: { nl: 'een getal dat te vroeg ophoudt', en: 'a number that ends too early' },
  InvalidUnicode: { nl: 'vier hexadecimale cijfers na \\u verwacht', en: 'four hex digits after \\u expected' },
  InvalidEscapeCharacter: { nl: 'een ongeldig escapeteken', en: 'an invalid escape character' },
  InvalidCharacter: { nl: 'een regeleinde of stuurteken in een tekst', en: 'a line break or control character in a string' },
};

interface Frame {
  array: boolean;
  /** Values seen so far in an array. */
  items: number;
  keys: Set<string> | null;
}

/**
 * Checks JSON text before JSON.parse sees it, with VS Code's own scanner (jsonc-parser, comments and trailing commas
 * refused): reports the line and column of the first syntax fault, and enforces nesting depth, string and array
 * lengths, refuses prototype-pollution and duplicate keys (decoded, so `"\u005f_proto__"` is caught too) and, when
 * asked, records the line of given paths. JSON.parse alone would accept duplicate keys silently and gives no usable
 * position. The walk stops at the first fault, so a file nested a million levels deep never gets past `maxDepth`.
 */
export function scanJson(text: string, options: JsonScanOptions): JsonScanResult {
  const want = options.wantLines && options.wantLines.size > 0 ? options.wantLines : null;
  const lines = new Map<string, number>();
  const frames: Frame[] = [];
  const fail = (code: MapFileErrorCode, path: JSONPath, line: number, column: number, message: LocalizedText): never => {
    throw new ScanFailure({ code, path: formatJsonPath(path), line: line + 1, column: column + 1, message });
  };

  /** A value begins at `path`: counted in its list, and its line noted when the caller asked for it. */
  const value = (path: JSONPath, line: number, column: number) => {
    const parent = frames[frames.length - 1];
    if (parent?.array && ++parent.items > options.maxArrayLength) {
      fail('ARRAY_TOO_LONG', path, line, column, {
        nl: `Een lijst in het bestand heeft meer dan ${options.maxArrayLength} elementen (regel ${line + 1}).`,
        en: `A list in the file has more than ${options.maxArrayLength} items (line ${line + 1}).`,
      });
    }
    if (want) {
      const p = formatJsonPath(path);
      if (want.has(p) && !lines.has(p)) lines.set(p, line + 1);
    }
  };
  const open = (array: boolean, path: JSONPath, line: number, column: number) => {
    value(path, line, column);
    if (frames.length >= options.maxDepth) {
      fail('TOO_DEEP', path, line, column, {
        nl: `Het bestand is dieper genest dan ${options.maxDepth} niveaus (regel ${line + 1}). Een Mantelkaart-bestand is nooit zo diep: dit bestand is beschadigd of niet van Mantelkaart.`,
        en: `The file is nested deeper than ${options.maxDepth} levels (line ${line + 1}). A Mantelkaart file is never that deep: this file is damaged or not from Mantelkaart.`,
      });
    }
    frames.push({ array, items: 0, keys: array ? null : new Set<string>() });
  };
  const tooLong = (path: JSONPath, line: number, column: number) =>
    fail('STRING_TOO_LONG', path, line, column, {
      nl: `Een tekst in het bestand is langer dan ${options.maxStringLength} tekens (regel ${line + 1}). Zo lang kan een veld in Mantelkaart niet zijn.`,
      en: `A string in the file is longer than ${options.maxStringLength} characters (line ${line + 1}). No Mantelkaart field is that long.`,
    });

  try {
    visit(
      text,
      {
        onObjectBegin: (_offset, _length, line, column, path) => open(false, path(), line, column),
        onArrayBegin: (_offset, _length, line, column, path) => open(true, path(), line, column),
        onObjectEnd: () => void frames.pop(),
        onArrayEnd: () => void frames.pop(),
        onObjectProperty: (key, _offset, _length, line, column, path) => {
          const at = [...path(), key];
          if (key.length > options.maxStringLength) tooLong(at, line, column);
          if (options.forbiddenKeys.has(key)) {
            fail('FORBIDDEN_KEY', at, line, column, {
              nl: `Het bestand bevat de verboden veldnaam "${key}" (regel ${line + 1}). Zo'n naam gebruikt Mantelkaart nooit; het bestand is gemanipuleerd of beschadigd.`,
              en: `The file contains the forbidden field name "${key}" (line ${line + 1}). Mantelkaart never uses such a name; the file has been tampered with or is damaged.`,
            });
          }
          const keys = frames[frames.length - 1].keys as Set<string>;
          if (keys.has(key)) {
            fail('DUPLICATE_KEY', at, line, column, {
              nl: `Het veld "${key}" staat twee keer in hetzelfde object (regel ${line + 1}). Het is dan onduidelijk welke waarde geldt; herstel het bestand of exporteer het opnieuw.`,
              en: `The field "${key}" appears twice in the same object (line ${line + 1}). It is unclear which value applies; repair the file or export it again.`,
            });
          }
          keys.add(key);
          if (keys.size > options.maxKeysPerObject) {
            fail('TOO_MANY_KEYS', at, line, column, {
              nl: `Een object heeft meer dan ${options.maxKeysPerObject} velden (regel ${line + 1}).`,
              en: `An object has more than ${options.maxKeysPerObject} fields (line ${line + 1}).`,
            });
          }
        },
        onLiteralValue: (literal: unknown, _offset, _length, line, column, path) => {
          value(path(), line, column);
          if (typeof literal === 'string' && literal.length > options.maxStringLength) tooLong(path(), line, column);
        },
        onError: (code, _offset, _length, line, column) => {
          const what = SYNTAX[printParseErrorCode(code)] ?? { nl: 'iets dat geen JSON is', en: 'something that is not JSON' };
          fail('NOT_JSON', [], line, column, {
            nl: `Dit is geen geldige JSON: ${what.nl} op regel ${line + 1}, kolom ${column + 1}. Kies een bestand dat met Mantelkaart is geëxporteerd.`,
            en: `This is not valid JSON: ${what.en} at line ${line + 1}, column ${column + 1}. Choose a file exported from Mantelkaart.`,
          });
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (e) {
    if (e instanceof ScanFailure) return { ok: false, error: e.error };
    throw e;
  }
  return { ok: true, lines };
}
