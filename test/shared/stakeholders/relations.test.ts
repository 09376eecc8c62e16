import { describe, expect, it } from 'vitest';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { RELATION, RELATION_KINDS, relationKindsFor, relationStrength } from '../../../shared/stakeholders/relations';
import { edge } from './helpers';

describe('relation kinds for a pair of nodes', () => {
  it('offers ‘bereikt’ first from a key figure to a community', () => {
    expect(relationKindsFor(KIND.keyFigure, KIND.community)[0]).toBe(RELATION.reaches);
  });
  it('offers only ‘komt samen in’ from a community to a place', () => {
    expect(relationKindsFor(KIND.community, KIND.place)).toEqual([RELATION.meetsAt]);
  });
  it('offers referring, collaborating and sharing knowledge between organisations, referring first', () => {
    expect(relationKindsFor(KIND.partner, KIND.organisation).slice(0, 3)).toEqual([RELATION.refersTo, RELATION.collaborates, RELATION.sharesKnowledge]);
  });
  it('offers ‘zet zich in voor’ first from a person to an offer', () => {
    expect(relationKindsFor(KIND.teamMember, KIND.offer)[0]).toBe(RELATION.commitsTo);
  });
  it('offers ‘vertrouwt’ from a community to a key figure', () => {
    expect(relationKindsFor(KIND.community, KIND.keyFigure)[0]).toBe(RELATION.trusts);
  });
  it('offers nothing for notes and lanes, so the host draws a plain link', () => {
    expect(relationKindsFor('note', KIND.community)).toEqual([]);
    expect(relationKindsFor(KIND.area, KIND.partner)).toEqual([]);
  });
  it('only ever offers declared relation kinds', () => {
    const ids = new Set(RELATION_KINDS.map((r) => r.id));
    const kinds = Object.values(KIND);
    for (const a of kinds) for (const b of kinds) for (const r of relationKindsFor(a, b)) expect(ids.has(r)).toBe(true);
  });
  it('reads a strength of 1 to 3, clamping bad values and defaulting to 2', () => {
    expect(relationStrength(edge('reaches', 'a', 'b', { strength: 3 }))).toBe(3);
    expect(relationStrength(edge('reaches', 'a', 'b', { strength: 9 }))).toBe(3);
    expect(relationStrength(edge('reaches', 'a', 'b', { strength: 'sterk' }))).toBe(2);
    expect(relationStrength(edge('reaches', 'a', 'b'))).toBe(2);
  });
});
