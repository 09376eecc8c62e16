import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportMapJson, stringifyMapFile } from '../../../shared/exchange/exportMapJson';
import { importMapFile } from '../../../shared/exchange/importMapFile';
import { parseMapFile } from '../../../shared/exchange/parseMapFile';
import { snapshotMap } from '../../../shared/model/mapDoc';
import { SCHEMA_VERSION } from '../../../shared/model/schema';
import { sampleMap } from './sampleMap';

const validText = () => stringifyMapFile(exportMapJson(snapshotMap(sampleMap().doc)));
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('reading a map file', () => {
  it('says which field is wrong and on which line', () => {
    const file = JSON.parse(validText());
    file.map.nodes[3].x = 'links';
    const text = JSON.stringify(file, null, 2);
    const result = parseMapFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [e] = result.errors;
    expect(e.code).toBe('WRONG_TYPE');
    expect(e.path).toBe('map.nodes[3].x');
    expect(e.line).toBe(lineOf(text, '"x": "links"'));
    expect(e.message.nl).toBe('map.nodes[3].x moet een getal zijn, maar is tekst.');
    expect(e.message.en).toBe('map.nodes[3].x must be a number, but is text.');
  });

  it('points a missing field at the object that lacks it', () => {
    const file = JSON.parse(validText());
    delete file.map.edges[1].target;
    const text = JSON.stringify(file, null, 2);
    const result = parseMapFile(text);
    if (result.ok) throw new Error('accepted');
    expect(result.errors[0]).toMatchObject({ code: 'MISSING_FIELD', path: 'map.edges[1].target' });
    // the line where edges[1] starts: its id is on the next line
    expect(result.errors[0].line).toBe(lineOf(text, '"id": "e2"') - 1);
  });

  it('gives the line and column of a syntax error', () => {
    const text = '{\n  "format": "mantelkaart-map",\n  "schemaVersion": 1\n  "map": {}\n}';
    const result = parseMapFile(text);
    if (result.ok) throw new Error('accepted');
    expect(result.errors[0].code).toBe('NOT_JSON');
    expect(result.errors[0].line).toBe(4);
    expect(result.errors[0].message.nl).toContain('regel 4, kolom 3');
  });

  it('lists several problems at once, at most fifty', () => {
    const file = JSON.parse(validText());
    file.map.nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, kind: 'note', x: 'a', y: 0 }));
    const result = parseMapFile(JSON.stringify(file));
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toHaveLength(50);
    expect(result.errors[49].path).toBe('map.nodes[49].x');
  });

  it('fills defaults for optional fields', () => {
    const text = JSON.stringify({ format: 'mantelkaart-map', schemaVersion: 1, map: { meta: { title: 'Kaart' }, nodes: [{ id: 'a', kind: 'note', x: 1, y: 2 }] } });
    const result = parseMapFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.snapshot).toEqual({
      meta: { schemaVersion: SCHEMA_VERSION, title: 'Kaart', template: '', createdAt: 0 },
      nodes: [{ id: 'a', kind: 'note', x: 1, y: 2, width: 180, height: 64, label: '', pinned: false, data: {} }],
      edges: [],
      collections: {},
      texts: {},
    });
  });

  it('accepts a byte order mark before the JSON', () => {
    expect(parseMapFile(`\ufeff${validText()}`).ok).toBe(true);
  });

  it('drops an edge to a missing node with a warning instead of refusing the file', () => {
    const file = JSON.parse(validText());
    file.map.edges.push({ id: 'e9', kind: 'reaches', source: 'n-hatice', target: 'n-weg' });
    const text = JSON.stringify(file, null, 2);
    const result = parseMapFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.snapshot.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'EDGE_DANGLING_DROPPED', path: 'map.edges[2]', line: lineOf(text, '"id": "e9"') - 1 });
    expect(result.warnings[0].message.nl).toContain('n-weg');
  });

  it('drops private details of a node that is not in the file', () => {
    const file = JSON.parse(validText());
    file.private = { 'n-hatice': { phone: '06-1' }, 'n-weg': { phone: '06-2' } };
    const result = parseMapFile(JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.private).toEqual({ 'n-hatice': { phone: '06-1' } });
    expect(result.warnings.map((w) => w.code)).toEqual(['PRIVATE_ORPHAN_DROPPED']);
  });

  it('migrates a file from before versioning', () => {
    const v0 = {
      title: 'Oude kaart',
      nodes: [
        { id: 'k', kind: 'keyFigure', x: 0, y: 0, label: 'Karim Amrani', rate: 32.5, languages: ['Tarifit', 'Arabisch'] },
        { id: 'g', kind: 'community', x: 100, y: 0, label: 'Marokkaanse gemeenschap' },
      ],
      edges: [{ id: 'e', source: 'k', target: 'g', kind: 'reaches' }],
      commitments: [{ id: 'c', who: 'k', hours: 12, role: 'ervaringsdeskundige' }],
    };
    const result = parseMapFile(JSON.stringify(v0));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.migratedFrom).toBe(0);
    expect(result.snapshot.meta).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Oude kaart', template: '', createdAt: 0 });
    expect(result.snapshot.nodes.find((n) => n.id === 'k')).toEqual({
      id: 'k', kind: 'keyFigure', x: 0, y: 0, width: 180, height: 64, label: 'Karim Amrani', pinned: false,
      data: { rate: 32.5, languages: ['Tarifit', 'Arabisch'] },
    });
    expect(result.snapshot.collections).toEqual({ commitments: [{ id: 'c', data: { who: 'k', hours: 12, role: 'ervaringsdeskundige' } }] });

    const doc = new Y.Doc();
    expect(importMapFile(doc, JSON.stringify(v0), 'import')).toMatchObject({ ok: true, migratedFrom: 0, nodes: 2, edges: 1, records: 1 });
    expect(snapshotMap(doc)).toEqual(result.snapshot);
  });

  it('refuses a file from a newer Mantelkaart and says to update', () => {
    const file = JSON.parse(validText());
    file.schemaVersion = SCHEMA_VERSION + 1;
    const result = parseMapFile(JSON.stringify(file, null, 2));
    if (result.ok) throw new Error('accepted');
    expect(result.errors[0]).toMatchObject({ code: 'NEWER_VERSION', path: 'schemaVersion', line: 3 });
    expect(result.errors[0].message.nl).toContain('Werk Mantelkaart bij');
  });

  it('refuses a prototype-pollution key even when it is written with an escape', () => {
    const text = validText().replace('"wijk"', '"\\u005f\\u005fproto__": {"polluted": true}, "wijk"');
    const result = parseMapFile(text);
    if (result.ok) throw new Error('accepted');
    expect(result.errors[0]).toMatchObject({ code: 'FORBIDDEN_KEY', path: 'map.nodes[3].data.__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
