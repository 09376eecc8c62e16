import * as Y from 'yjs';
import { createEdge, createNode, initMeta, putRecord, collectionMap } from '../../../shared/model/mapDoc';
import { setPrivateFields } from '../../../shared/model/privateDoc';

/** A small map with every kind of content the file format carries: nodes, edges, collections, private fields. */
export function sampleMap(): { doc: Y.Doc; privateDoc: Y.Doc } {
  const doc = new Y.Doc();
  const privateDoc = new Y.Doc();
  initMeta(doc, { title: 'Lerende praktijk Maasdonk-Oost', template: 'voorbeeldkaart', createdAt: 1_790_000_000_000 });
  const turks = createNode(doc, { id: 'n-turks', kind: 'community', label: 'Turkse gemeenschap', x: 10, y: 20, data: { wijk: 'Oost, Kruisakker', languages: ['Turks', 'Nederlands'], size: 1800 } });
  const hatice = createNode(doc, { id: 'n-hatice', kind: 'keyFigure', label: 'Hatice Demir', x: -300.5, y: 42, width: 220, pinned: true, data: { capacityHoursPerMonth: 8, paid: false, rate: null } });
  const moskee = createNode(doc, { id: 'n-moskee', kind: 'place', label: 'Moskee Ulu Camii', x: 400, y: 0, height: 80, data: {} });
  createNode(doc, { id: 'n-note', label: 'Let op: "aanhalingstekens", regels\nen ünïcödé ✓', x: 0, y: 500 });
  createEdge(doc, { id: 'e1', kind: 'reaches', source: hatice, target: turks, data: { strength: 3 } });
  createEdge(doc, { id: 'e2', kind: 'meetsAt', source: turks, target: moskee, sourceHandle: 'right', targetHandle: 'left', label: 'vrijdag' });
  putRecord(doc, 'commitments', { who: hatice, role: 'vrijwilliger', task: 'inloopspreekuur, tolken', hours: 8, unit: 'month', from: '2027-01', to: '2027-12', status: 'afgesproken' }, 'c1');
  putRecord(doc, 'commitments', { who: hatice, role: 'vrijwilliger', task: 'Alzheimer Theehuis', hours: 6, unit: 'month', from: '2027-03', to: '2027-06', months: [3, 4, 5, 6] }, 'c2');
  collectionMap(doc, 'empty');
  setPrivateFields(privateDoc, hatice, { phone: '06-12345678', email: 'hatice@example.nl' });
  return { doc, privateDoc };
}
