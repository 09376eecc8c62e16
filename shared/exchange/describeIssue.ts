import type { z } from 'zod';
import type { LocalizedText } from '../model/fields';
import { MAP_FILE_LIMITS } from './mapFileLimits';
import type { MapFileErrorCode } from './mapFileProblem';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja/nee (true of false)', en: 'yes/no (true or false)' },
  array: { nl: 'een lijst', en: 'a list' },
  object: { nl: 'een object', en: 'an object' },
  record: { nl: 'een object', en: 'an object' },
  null: { nl: 'leeg (null)', en: 'empty (null)' },
};

function typeName(t: string): LocalizedText {
  return TYPE_NAMES[t] ?? { nl: t, en: t };
}

function describeValue(v: unknown): LocalizedText {
  if (v === null) return { nl: 'leeg (null)', en: 'empty (null)' };
  if (Array.isArray(v)) return { nl: 'een lijst', en: 'a list' };
  switch (typeof v) {
    case 'string':
      return { nl: 'tekst', en: 'text' };
    case 'number':
      return { nl: 'een getal', en: 'a number' };
    case 'boolean':
      return { nl: 'ja/nee', en: 'yes/no' };
    case 'object':
      return { nl: 'een object', en: 'an object' };
    default:
      return { nl: typeof v, en: typeof v };
  }
}

/**
 * Turns one zod issue into a coded error in plain Dutch and English that names the place. `missing` says the
 * field is absent from the file (zod reports that as a wrong type); `value` is what the file holds there.
 */
export function describeIssue(issue: Issue, where: string, missing: boolean, value: unknown): { code: MapFileErrorCode; message: LocalizedText } {
  const at = where === '' ? { nl: 'het bestand', en: 'the file' } : { nl: where, en: where };
  switch (issue.code) {
    case 'invalid_type': {
      const want = typeName(issue.expected);
      if (missing) {
        return {
          code: 'MISSING_FIELD',
          message: { nl: `Het veld ${at.nl} ontbreekt; het moet ${want.nl} zijn.`, en: `The field ${at.en} is missing; it must be ${want.en}.` },
        };
      }
      const got = typeof value === 'number' && !Number.isFinite(value) ? { nl: 'een oneindig getal', en: 'an infinite number' } : describeValue(value);
      return {
        code: 'WRONG_TYPE',
        message: { nl: `${at.nl} moet ${want.nl} zijn, maar is ${got.nl}.`, en: `${at.en} must be ${want.en}, but is ${got.en}.` },
      };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') {
        return { code: 'TOO_MANY', message: { nl: `${at.nl} heeft meer dan ${max} elementen.`, en: `${at.en} has more than ${max} items.` } };
      }
      if (issue.origin === 'string') {
        return { code: 'INVALID_VALUE', message: { nl: `${at.nl} is langer dan ${max} tekens.`, en: `${at.en} is longer than ${max} characters.` } };
      }
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} is groter dan ${max}.`, en: `${at.en} is greater than ${max}.` } };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') {
        return { code: 'INVALID_VALUE', message: { nl: `${at.nl} mag niet leeg zijn.`, en: `${at.en} must not be empty.` } };
      }
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} is kleiner dan ${min} of gelijk eraan.`, en: `${at.en} is too small (at least ${min}).` } };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} moet ${allowed} zijn.`, en: `${at.en} must be ${allowed}.` } };
    }
    case 'invalid_union':
      if (Array.isArray(value) && value.length > MAP_FILE_LIMITS.maxListItems) {
        const max = String(MAP_FILE_LIMITS.maxListItems);
        return { code: 'TOO_MANY', message: { nl: `${at.nl} heeft meer dan ${max} elementen.`, en: `${at.en} has more than ${max} items.` } };
      }
      return {
        code: 'WRONG_TYPE',
        message: {
          nl: `${at.nl} moet tekst, een getal, ja/nee, leeg of een lijst van teksten of getallen zijn, maar is ${describeValue(value).nl}.`,
          en: `${at.en} must be text, a number, yes/no, empty or a list of texts or numbers, but is ${describeValue(value).en}.`,
        },
      };
    case 'invalid_format':
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} heeft een ongeldige naam.`, en: `${at.en} has an invalid name.` } };
    case 'invalid_key':
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} bevat een ongeldige veldnaam.`, en: `${at.en} contains an invalid field name.` } };
    case 'custom': {
      const params = issue.params ?? {};
      if (params.forbidden) return { code: 'FORBIDDEN_KEY', message: { nl: `${at.nl} gebruikt een verboden naam.`, en: `${at.en} uses a forbidden name.` } };
      if (params.tooManyFields || params.tooManyCollections) return { code: 'TOO_MANY', message: { nl: `${at.nl} heeft te veel velden.`, en: `${at.en} has too many fields.` } };
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} is ongeldig.`, en: `${at.en} is invalid.` } };
    }
    default:
      return { code: 'INVALID_VALUE', message: { nl: `${at.nl} is ongeldig.`, en: `${at.en} is invalid.` } };
  }
}
