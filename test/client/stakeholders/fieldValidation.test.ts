import { describe, expect, it } from 'vitest';
import type { FieldSchema } from '../../../shared/model/fields';
import { formatFieldValue, parseDutchNumber, parseFieldInput } from '../../../client/extensions/stakeholders/views/fieldValidation';
import { keyFigureKind, RELATION_FIELDS } from '../../../shared/stakeholders';

const field = (key: string): FieldSchema => keyFigureKind.fields.find((f) => f.key === key)!;
const strength = RELATION_FIELDS.find((f) => f.key === 'strength')!;

describe('what people type into the inspector', () => {
  it('reads Dutch numbers: decimal comma, thousands dots, a euro sign', () => {
    expect(parseDutchNumber('14')).toBe(14);
    expect(parseDutchNumber('32,50')).toBe(32.5);
    expect(parseDutchNumber('€ 32,50')).toBe(32.5);
    expect(parseDutchNumber('1.800')).toBe(1800);
    expect(parseDutchNumber('17.5')).toBe(17.5);
    expect(parseDutchNumber('acht')).toBeNull();
  });

  it('stores a capacity as a number and says in plain Dutch when it is not one', () => {
    expect(parseFieldInput(field('capacityHoursPerMonth'), '8')).toEqual({ ok: true, value: 8 });
    const bad = parseFieldInput(field('capacityHoursPerMonth'), 'acht uur');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message.nl).toBe('Vul een getal in, zoals 8 of 32,50.');
    const negative = parseFieldInput(field('capacityHoursPerMonth'), '-2');
    expect(negative.ok ? null : negative.message.nl).toBe('Vul 0 of meer in.');
  });

  it('keeps a relation strength between 1 and 3, whole', () => {
    expect(parseFieldInput(strength, '3')).toEqual({ ok: true, value: 3 });
    expect(parseFieldInput(strength, '4').ok).toBe(false);
    expect(parseFieldInput(strength, '1,5').ok).toBe(false);
  });

  it('clears a field when emptied, unless it is required', () => {
    expect(parseFieldInput(field('hourlyRate'), '  ')).toEqual({ ok: true, value: undefined });
    const required: FieldSchema = { key: 'hours', type: 'number', required: true, label: { nl: 'Uren', en: 'Hours' } };
    const r = parseFieldInput(required, '');
    expect(r.ok ? null : r.message.nl).toBe('Dit veld is verplicht.');
  });

  it('accepts months and dates the Dutch way too, and refuses ones that do not exist', () => {
    const month: FieldSchema = { key: 'to', type: 'month', label: { nl: 'Tot', en: 'Until' } };
    expect(parseFieldInput(month, '2027-06')).toEqual({ ok: true, value: '2027-06' });
    expect(parseFieldInput(month, '6-2027')).toEqual({ ok: true, value: '2027-06' });
    expect(parseFieldInput(month, '2027-13').ok).toBe(false);
    const date: FieldSchema = { key: 'nextReview', type: 'date', label: { nl: 'Evaluatie', en: 'Review' } };
    expect(parseFieldInput(date, '15-03-2027')).toEqual({ ok: true, value: '2027-03-15' });
    expect(parseFieldInput(date, '2027-02-30').ok).toBe(false);
  });

  it('checks private contact details before they are stored', () => {
    expect(parseFieldInput(field('email'), 'hatice@example.nl')).toEqual({ ok: true, value: 'hatice@example.nl' });
    expect(parseFieldInput(field('email'), 'hatice at home').ok).toBe(false);
    expect(parseFieldInput(field('phone'), '06 12345678')).toEqual({ ok: true, value: '06 12345678' });
    expect(parseFieldInput(field('phone'), 'bel maar').ok).toBe(false);
  });

  it('only takes choices from the list for selects and multiselects; tags are deduplicated', () => {
    expect(parseFieldInput(field('engagement'), 'betaald')).toEqual({ ok: true, value: 'betaald' });
    expect(parseFieldInput(field('engagement'), 'soms').ok).toBe(false);
    expect(parseFieldInput(field('languages'), ['Turks', ' Turks ', 'Nederlands', ''])).toEqual({ ok: true, value: ['Turks', 'Nederlands'] });
    expect(parseFieldInput(field('languages'), [])).toEqual({ ok: true, value: undefined });
  });

  it('shows stored numbers with a decimal comma in Dutch', () => {
    expect(formatFieldValue(field('hourlyRate'), 32.5, 'nl')).toBe('32,5');
    expect(formatFieldValue(field('hourlyRate'), 32.5, 'en')).toBe('32.5');
    expect(formatFieldValue(field('languages'), ['Turks', 'Nederlands'], 'nl')).toBe('Turks, Nederlands');
  });
});
