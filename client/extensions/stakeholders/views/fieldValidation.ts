import type { FieldSchema, LocalizedText } from '../../../../shared/model/fields';
import type { FieldValue } from '../../../../shared/model/schema';

/** What a form field's input turns into: a value to store (undefined clears the field), or a plain-Dutch reason. */
export type FieldInputResult = { ok: true; value: FieldValue | undefined } | { ok: false; message: LocalizedText };

const fail = (nl: string, en: string): FieldInputResult => ({ ok: false, message: { nl, en } });

/** '14', '14,5', '1.800', '€ 32,50' → a number; null when it is not one. Dutch decimal commas are the default. */
export function parseDutchNumber(raw: string): number | null {
  let s = raw.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (!s) return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(n);
}

/**
 * Checks what someone typed into a field of the inspector or the commitments table and turns it into the value
 * to store. Empty input clears the field unless it is required. Messages say what to type instead.
 */
export function parseFieldInput(field: FieldSchema, raw: string | string[] | boolean): FieldInputResult {
  if (typeof raw === 'boolean') return { ok: true, value: raw ? true : undefined };
  if (Array.isArray(raw)) {
    const list = [...new Set(raw.map((s) => s.trim()).filter(Boolean))];
    if (field.type === 'multiselect' && field.options) {
      const bad = list.find((v) => !field.options!.some((o) => o.value === v));
      if (bad) return fail(`‘${bad}’ is geen keuze uit de lijst.`, `‘${bad}’ is not one of the choices.`);
    }
    if (list.length === 0 && field.required) return fail('Kies er minstens één.', 'Choose at least one.');
    return { ok: true, value: list.length ? list : undefined };
  }
  const text = raw.trim();
  if (!text) {
    if (field.required) return fail('Dit veld is verplicht.', 'This field is required.');
    return { ok: true, value: undefined };
  }
  switch (field.type) {
    case 'number': {
      const n = parseDutchNumber(text);
      if (n === null) return fail(`Vul een getal in, zoals 8 of 32,50.`, `Enter a number, like 8 or 32.50.`);
      if (field.min !== undefined && n < field.min) return fail(`Vul ${formatNumber(field.min)} of meer in.`, `Enter ${field.min} or more.`);
      if (field.max !== undefined && n > field.max) return fail(`Vul ${formatNumber(field.max)} of minder in.`, `Enter ${field.max} or less.`);
      if (field.step !== undefined && Number.isInteger(field.step) && field.step === 1 && !Number.isInteger(n)) {
        return fail('Vul een heel getal in.', 'Enter a whole number.');
      }
      return { ok: true, value: n };
    }
    case 'month': {
      const iso = /^(\d{4})-(\d{2})$/.exec(text);
      if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return { ok: true, value: text };
      const dutch = /^(\d{1,2})[-/](\d{4})$/.exec(text);
      if (dutch && Number(dutch[1]) >= 1 && Number(dutch[1]) <= 12) return { ok: true, value: `${dutch[2]}-${dutch[1].padStart(2, '0')}` };
      return fail('Vul een maand in als 2027-03 (of 03-2027).', 'Enter a month like 2027-03.');
    }
    case 'date': {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
      const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2].padStart(2, '0'), dutch[1].padStart(2, '0')] : [];
      if (!y) return fail('Vul een datum in als 2027-03-15 (of 15-03-2027).', 'Enter a date like 2027-03-15.');
      const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.getUTCMonth() + 1 !== Number(mo)) return fail('Deze datum bestaat niet.', 'This date does not exist.');
      return { ok: true, value: `${y}-${mo}-${d}` };
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { ok: true, value: text } : fail('Vul een e-mailadres in, zoals naam@voorbeeld.nl.', 'Enter an e-mail address, like name@example.org.');
    case 'phone':
      return /^\+?[\d\s().-]{6,20}$/.test(text) ? { ok: true, value: text } : fail('Vul een telefoonnummer in, zoals 06 12345678.', 'Enter a phone number, like +31 6 12345678.');
    case 'select':
      if (field.options && !field.options.some((o) => o.value === text)) return fail('Kies een waarde uit de lijst.', 'Choose a value from the list.');
      return { ok: true, value: text };
    default:
      return { ok: true, value: text };
  }
}

/** How a stored value shows in a text input (numbers with a Dutch decimal comma). */
export function formatFieldValue(field: FieldSchema, value: FieldValue | undefined, language: 'nl' | 'en'): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return field.type === 'number' && language === 'nl' ? String(value).replace('.', ',') : String(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
