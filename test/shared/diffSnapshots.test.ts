import { describe, expect, it } from 'vitest';
import { countChanges, diffSnapshots } from '../../shared/model/diffSnapshots';
import type { MapSnapshot } from '../../shared/model/schema';
import { commitment, edge, map, node } from './stakeholders/helpers';
import { KIND } from '../../shared/stakeholders/kinds/kindIds';
import { RELATION } from '../../shared/stakeholders/relations';
import { voorbeeldkaartSnapshot, VK } from '../fixtures/voorbeeldkaart';

const hatice = node('h', KIND.keyFigure, 'Hatice Demir', { capacityHoursPerMonth: 8, languages: ['Turks'] });
const turks = node('t', KIND.community, 'Turkse gemeenschap');
const base = map([hatice, turks], [edge(RELATION.reaches, 'h', 't')], [commitment('c1', { who: 'h', hours: 8, from: '2027-01', to: '2027-12' })]);

describe('the difference between two versions of a map', () => {
  it('finds nothing between a map and itself', () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });

  it('names added and removed cards, relations and commitments', () => {
    const karim = node('k', KIND.keyFigure, 'Karim Amrani');
    const after = map([turks, karim], [edge(RELATION.reaches, 'k', 't')], [commitment('c2', { who: 'k', hours: 12, from: '2027-02' })]);
    const summary = diffSnapshots(base, after).map((c) => `${c.on} ${c.type} ${'id' in c ? c.id : ''}`);
    expect(summary).toEqual([
      'node removed h',
      'node added k',
      'edge removed h-reaches-t',
      'edge added k-reaches-t',
      'record removed c1',
      'record added c2',
    ]);
    expect(countChanges(diffSnapshots(base, after))).toMatchObject({ node: { added: 1, removed: 1 }, edge: { added: 1, removed: 1 }, record: { added: 1, removed: 1 } });
  });

  it('lists each changed field with its old and new value, lists included', () => {
    const after: MapSnapshot = { ...base, nodes: [{ ...hatice, label: 'Hatice Demir-Yılmaz', data: { capacityHoursPerMonth: 6, languages: ['Turks', 'Nederlands'] } }, turks] };
    const [change] = diffSnapshots(base, after);
    expect(change).toMatchObject({ on: 'node', type: 'changed', id: 'h' });
    expect('fields' in change && change.fields).toEqual([
      { field: 'label', before: 'Hatice Demir', after: 'Hatice Demir-Yılmaz' },
      { field: 'data.capacityHoursPerMonth', before: 8, after: 6 },
      { field: 'data.languages', before: ['Turks'], after: ['Turks', 'Nederlands'] },
    ]);
  });

  it('does not count a card that only moved, unless asked', () => {
    const after: MapSnapshot = { ...base, nodes: [{ ...hatice, x: 400, y: 120 }, turks] };
    expect(diffSnapshots(base, after)).toEqual([]);
    expect(diffSnapshots(base, after, { includeMoves: true }).map((c) => `${c.on} ${c.type}`)).toEqual(['node moved']);
  });

  it('sees a relation that changed kind and a commitment whose hours changed', () => {
    const after: MapSnapshot = {
      ...base,
      edges: [{ ...base.edges[0], kind: RELATION.trusts }],
      collections: { commitments: [{ id: 'c1', data: { ...base.collections.commitments[0].data, hours: 6 } }] },
    };
    const changes = diffSnapshots(base, after);
    expect(changes.map((c) => (c.type === 'changed' && c.on !== 'title' ? `${c.on} ${c.fields.map((f) => `${f.field}: ${String(f.before)} → ${String(f.after)}`).join(', ')}` : ''))).toEqual([
      'edge kind: reaches → trusts',
      'record data.hours: 8 → 6',
    ]);
  });

  it('gives the same list in the same order however the map lists its parts', () => {
    const after = voorbeeldkaartSnapshot();
    after.nodes = after.nodes.filter((n) => n.id !== VK.ilse).map((n) => (n.id === VK.hatice ? { ...n, label: 'Hatice' } : n));
    const shuffled: MapSnapshot = { ...after, nodes: [...after.nodes].reverse(), edges: [...after.edges].reverse() };
    const before = voorbeeldkaartSnapshot();
    expect(diffSnapshots(before, shuffled)).toEqual(diffSnapshots(before, after));
    expect(diffSnapshots(before, after).filter((c) => c.on === 'node').map((c) => `${c.type} ${'id' in c ? c.id : ''}`)).toEqual([`changed ${VK.hatice}`, `removed ${VK.ilse}`]);
  });

  it('notes a renamed map', () => {
    const after: MapSnapshot = { ...base, meta: { ...base.meta, title: 'Lerende praktijk Oost' } };
    expect(diffSnapshots(base, after)).toEqual([{ on: 'title', type: 'changed', before: 'test', after: 'Lerende praktijk Oost' }]);
  });
});
