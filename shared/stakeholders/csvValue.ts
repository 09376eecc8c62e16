import type { FieldSchema, LocalizedText } from '../model/fields';
import type { FieldValue } from '../model/schema';
import { toAmount } from './nodeData';
import { closestMatch, normalizeText } from './textMatch';

/** A cell turned into a field value, or a plain-language reason it cannot be. */
export type CellResult = { ok: true; value: FieldValue } | { ok: false; problem: LocalizedText };

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const PHONE = /^\+?[\d\s\-()./]+$/;

function matchOption(raw: string, field: FieldSchema): string | null {
  const v = normalizeText(raw);
  const found = (field.options ?? []).find((o) => [o.value, o.label.nl, o.label.en].some((t) => normalizeText(t) === v));
  return found ? found.value : null;
}

function unknownOption(raw: string, field: FieldSchema): LocalizedText {
  const labels = (field.options ?? []).map((o) => o.label.nl);
  const guess = closestMatch(raw, labels);
  const name = field.label.nl.toLowerCase();
  const choices = labels.map((l) => `‘${l}’`).join(', ');
  return {
    nl: `${name} ‘${raw}’ is onbekend; ${guess ? `bedoelt u ‘${guess}’?` : `kies uit ${choices}.`}`,
    en: `${field.label.en.toLowerCase()} ‘${raw}’ is unknown; ${guess ? `did you mean ‘${guess}’?` : `choose from ${choices}.`}`,
  };
}

/** Converts one non-empty cell for a field, accepting what Excel users type (Dutch decimals, "€ 32,50", lists with commas). */
export function cellValue(raw: string, field: FieldSchema): CellResult {
  const text = raw.trim();
  switch (field.type) {
    case 'select': {
      const v = matchOption(text, field);
      return v ? { ok: true, value: v } : { ok: false, problem: unknownOption(text, field) };
    }
    case 'multiselect': {
      const values: string[] = [];
      for (const part of text.split(/[,/+]| en /).map((p) => p.trim()).filter(Boolean)) {
        const v = matchOption(part, field);
        if (!v) return { ok: false, problem: unknownOption(part, field) };
        if (!values.includes(v)) values.push(v);
      }
      return { ok: true, value: values };
    }
    case 'tags':
    case 'nodeRefs':
      return { ok: true, value: text.split(/[,/]/).map((p) => p.trim()).filter(Boolean) };
    case 'number': {
      const n = toAmount(text);
      if (n === null) return { ok: false, problem: { nl: `${field.label.nl.toLowerCase()} ‘${text}’ is geen getal; schrijf bijvoorbeeld 8 of 32,50.`, en: `${field.label.en.toLowerCase()} ‘${text}’ is not a number; write e.g. 8 or 32.50.` } };
      return { ok: true, value: n };
    }
    case 'email':
      if (!EMAIL.test(text)) return { ok: false, problem: { nl: `e-mail ‘${text}’ is geen e-mailadres; laat het leeg of vul een adres in zoals naam@organisatie.nl.`, en: `e-mail ‘${text}’ is not an e-mail address; leave it empty or write one like name@organisation.nl.` } };
      return { ok: true, value: text };
    case 'phone': {
      const digits = text.replace(/\D/g, '').length;
      if (!PHONE.test(text) || digits < 5 || digits > 15) return { ok: false, problem: { nl: `telefoon ‘${text}’ is geen telefoonnummer; gebruik alleen cijfers, spaties, + en -, zoals 0412-555010.`, en: `phone ‘${text}’ is not a phone number; use digits, spaces, + and - only, like 0412-555010.` } };
      return { ok: true, value: text };
    }
    case 'boolean': {
      const v = normalizeText(text);
      if (['ja', 'yes', 'true', 'waar', 'x', '1'].includes(v)) return { ok: true, value: true };
      if (['nee', 'no', 'false', 'onwaar', '0'].includes(v)) return { ok: true, value: false };
      return { ok: false, problem: { nl: `${field.label.nl.toLowerCase()} ‘${text}’: vul ja of nee in.`, en: `${field.label.en.toLowerCase()} ‘${text}’: write yes or no.` } };
    }
    default:
      return { ok: true, value: text };
  }
}
