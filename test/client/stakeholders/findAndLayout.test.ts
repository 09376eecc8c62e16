import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../../client/extensions/stakeholders/layout/autoLayout';
import { dimOutside, EMPTY_QUERY, findNodes, neighbourhood } from '../../../client/extensions/stakeholders/find/findNodes';
import { KIND, RELATION } from '../../../shared/stakeholders';
import { voorbeeldkaartSnapshot, VK } from '../../fixtures/voorbeeldkaart';
import { edge, map, node } from '../../shared/stakeholders/helpers';

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe('finding on the Voorbeeldkaart', () => {
  const snap = voorbeeldkaartSnapshot();

  it('finds by name, accents and case ignored, and by words in the fields', () => {
    expect(ids(findNodes(snap, { ...EMPTY_QUERY, text: 'hatice' }))).toEqual([VK.hatice]);
    expect(ids(findNodes(snap, { ...EMPTY_QUERY, text: 'moskee' }))).toEqual(expect.arrayContaining([VK.ulucamii, VK.alhoudaPlek]));
    expect(findNodes(snap, { ...EMPTY_QUERY, text: 'tarifit' }).map((n) => n.id)).toEqual(expect.arrayContaining([VK.marokkaans, VK.karim]));
  });

  it('filters by kind, by partner category and role, and by phase', () => {
    expect(ids(findNodes(snap, { ...EMPTY_QUERY, kinds: [KIND.keyFigure] }))).toEqual([VK.hatice, VK.ilse, VK.karim].sort());
    expect(ids(findNodes(snap, { ...EMPTY_QUERY, role: 'doorverwijsorganisatie' }))).toEqual([VK.wmo, VK.zorgzaam].sort());
    expect(ids(findNodes(snap, { ...EMPTY_QUERY, category: 'welzijn' }))).toEqual([VK.alzheimer, VK.bibliotheek].sort());
    expect(ids(findNodes(snap, { ...EMPTY_QUERY, phase: 'binden' }))).toEqual([VK.dochters, VK.theehuis].sort());
  });

  it('filters by community: the community and everything linked to it', () => {
    const turks = ids(findNodes(snap, { ...EMPTY_QUERY, community: VK.turks }));
    expect(turks).toEqual(expect.arrayContaining([VK.turks, VK.hatice, VK.ulucamii, VK.kruisakker]));
    expect(turks).not.toContain(VK.karim);
  });
});

describe('focus on a node and its neighbours', () => {
  const m = map(
    [node('a', KIND.keyFigure, 'A'), node('b', KIND.community, 'B'), node('c', KIND.place, 'C'), node('d', KIND.partner, 'D'), node('lane', KIND.area, 'Stap')],
    [edge(RELATION.reaches, 'a', 'b'), edge(RELATION.meetsAt, 'b', 'c'), edge(RELATION.collaborates, 'd', 'c')],
  );

  it('takes N steps along relations in either direction', () => {
    expect([...neighbourhood(m, ['a'], 0)]).toEqual(['a']);
    expect([...neighbourhood(m, ['a'], 1)].sort()).toEqual(['a', 'b']);
    expect([...neighbourhood(m, ['a'], 2)].sort()).toEqual(['a', 'b', 'c']);
    expect([...neighbourhood(m, ['c'], 1)].sort()).toEqual(['b', 'c', 'd']);
  });

  it('counts a reference in a field as a relation', () => {
    const withRef = map([node('k', KIND.keyFigure, 'K', { reaches: ['b'] }), node('b', KIND.community, 'B')]);
    expect([...neighbourhood(withRef, ['b'], 1)].sort()).toEqual(['b', 'k']);
  });

  it('dims the rest, never the background lanes', () => {
    const dim = dimOutside(m, neighbourhood(m, ['a'], 1));
    expect([...dim.keys()].sort()).toEqual(['c', 'd']);
  });
});

describe('automatic layout', () => {
  const pinned = { ...node('p', KIND.partner, 'Vast'), x: 999, y: 777, pinned: true };
  const lane = { ...node('lane', KIND.area, 'Stap 01'), x: 0, y: 0, width: 420, height: 1000 };
  const nodes = [
    { ...node('a', KIND.keyFigure, 'A'), x: 500, y: 500 },
    { ...node('b', KIND.community, 'B'), x: 500, y: 500 },
    { ...node('c', KIND.place, 'C'), x: 520, y: 510 },
    pinned,
    lane,
  ];
  const edges = [edge(RELATION.reaches, 'a', 'b'), edge(RELATION.meetsAt, 'b', 'c'), edge(RELATION.collaborates, 'p', 'c')];

  it('keeps pinned nodes and background lanes where they are and spreads the rest into layers', () => {
    const pos = autoLayout(nodes, edges, { fixedKinds: new Set([KIND.area]) });
    expect(pos.has('p')).toBe(false);
    expect(pos.has('lane')).toBe(false);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => pos.get(id)!);
    // Left to right along the relations, no overlaps.
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(b.x - a.x).toBeGreaterThanOrEqual(180);
    // The group stays where it was: its top-left corner is the old one.
    expect(Math.min(a.x, b.x, c.x)).toBe(500);
    expect(Math.min(a.y, b.y, c.y)).toBe(500);
  });

  it('moves only the selection when asked', () => {
    const pos = autoLayout(nodes, edges, { only: new Set(['a', 'b']) });
    expect([...pos.keys()].sort()).toEqual(['a', 'b']);
  });

  it('does nothing when everything is pinned', () => {
    expect(autoLayout([pinned], []).size).toBe(0);
  });
});
