import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_KINDS, privateFieldKeys, KIND } from '../../../shared/stakeholders/kinds/index';

describe('node kinds', () => {
  it('have unique ids and unique field keys per kind', () => {
    expect(new Set(STAKEHOLDER_KINDS.map((k) => k.id)).size).toBe(STAKEHOLDER_KINDS.length);
    for (const k of STAKEHOLDER_KINDS) expect(new Set(k.fields.map((f) => f.key)).size).toBe(k.fields.length);
  });
  it('keep people’s phone and e-mail private, and a place’s public address in the map', () => {
    expect(privateFieldKeys(KIND.keyFigure)).toEqual(['phone', 'email']);
    expect(privateFieldKeys(KIND.partner)).toEqual(['phone', 'email']);
    expect(privateFieldKeys(KIND.teamMember)).toEqual(['phone', 'email']);
    expect(privateFieldKeys(KIND.place)).toEqual([]);
  });
  it('give every select its options and every label both languages', () => {
    for (const k of STAKEHOLDER_KINDS) {
      expect(k.title.nl && k.title.en).toBeTruthy();
      for (const f of k.fields) {
        expect(f.label.nl && f.label.en).toBeTruthy();
        if (f.type === 'select' || f.type === 'multiselect') expect(f.options?.length).toBeGreaterThan(1);
      }
    }
  });
});
