import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportMapJson, stringifyMapFile, type MapFile } from '../../../shared/exchange/exportMapJson';
import { importMapFile } from '../../../shared/exchange/importMapFile';
import { MAP_FILE_LIMITS } from '../../../shared/exchange/mapFileLimits';
import { snapshotMap } from '../../../shared/model/mapDoc';
import { sampleMap } from './sampleMap';

/** mulberry32: a tiny seeded generator, so a failing case can be reproduced from its name. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const validFile = (): MapFile => {
  const { doc, privateDoc } = sampleMap();
  void privateDoc;
  return exportMapJson(snapshotMap(doc), undefined, { exportedAt: new Date('2027-01-15T10:00:00Z') });
};
const VALID = stringifyMapFile(validFile());
type Json = ReturnType<typeof JSON.parse>;
const clone = (): Json => JSON.parse(VALID);
const text = (v: unknown) => JSON.stringify(v, null, 2);
const mutate = (f: (file: Json) => void) => {
  const file = clone();
  f(file);
  return text(file);
};
const nest = (depth: number, open: string, close: string, inner = '0') => open.repeat(depth) + inner + close.repeat(depth);

const handWritten: Record<string, string> = {
  'empty file': '',
  'only whitespace': '  \n\t ',
  'not JSON at all': 'Dit is een verslag van de bijeenkomst.',
  'CSV instead of JSON': 'naam,wijk\nTurkse gemeenschap,Oost\n',
  'truncated JSON': VALID.slice(0, Math.floor(VALID.length / 2)),
  'truncated in a string': VALID.slice(0, VALID.indexOf('Turkse') + 3),
  'trailing comma': VALID.replace(/\n}\n$/, ',\n}\n'),
  'two documents': VALID + VALID,
  'single quotes': "{'format': 'mantelkaart-map'}",
  'comments in JSON': `// export\n${VALID}`,
  'NaN literal': VALID.replace('"x": 10', '"x": NaN'),
  'Infinity literal': VALID.replace('"x": 10', '"x": Infinity'),
  'negative Infinity literal': VALID.replace('"x": 10', '"x": -Infinity'),
  'number that overflows to Infinity': VALID.replace('"x": 10', '"x": 1e999'),
  'number as string "NaN"': VALID.replace('"x": 10', '"x": "NaN"'),
  'hex number': VALID.replace('"x": 10', '"x": 0x10'),
  'leading zeros': VALID.replace('"x": 10', '"x": 010'),
  'binary garbage (PNG header)': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000',
  'binary garbage (zip/docx)': 'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000',
  'invalid UTF-8 decoded': new TextDecoder().decode(new Uint8Array([0xff, 0xfe, 0x7b, 0xc3, 0x28, 0xa0, 0xa1])),
  'JSON null': 'null',
  'JSON number': '42',
  'JSON string': '"mantelkaart-map"',
  'JSON array': '[]',
  'empty object': '{}',
  'wrong format marker': mutate((f) => { f.format = 'excalidraw'; }),
  'format marker of wrong type': mutate((f) => { f.format = 1; }),
  'newer schema version': mutate((f) => { f.schemaVersion = 2; }),
  'much newer schema version': mutate((f) => { f.schemaVersion = 999; }),
  'schema version zero with marker': mutate((f) => { f.schemaVersion = 0; }),
  'fractional schema version': mutate((f) => { f.schemaVersion = 1.5; }),
  'schema version as string': mutate((f) => { f.schemaVersion = '1'; }),
  'map missing': mutate((f) => { delete f.map; }),
  'map is a list': mutate((f) => { f.map = []; }),
  'nodes missing': mutate((f) => { delete f.map.nodes; }),
  'nodes is an object': mutate((f) => { f.map.nodes = {}; }),
  'meta missing': mutate((f) => { delete f.map.meta; }),
  'title is a number': mutate((f) => { f.map.meta.title = 42; }),
  'node without id': mutate((f) => { delete f.map.nodes[0].id; }),
  'node with empty id': mutate((f) => { f.map.nodes[0].id = ''; }),
  'node id __proto__': mutate((f) => { f.map.nodes[0].id = '__proto__'; }),
  'node x is text': mutate((f) => { f.map.nodes[1].x = 'links'; }),
  'node far outside the canvas': mutate((f) => { f.map.nodes[1].x = 1e300; }),
  'node with negative width': mutate((f) => { f.map.nodes[1].width = -5; }),
  'pinned is a string': mutate((f) => { f.map.nodes[1].pinned = 'ja'; }),
  'data is a list': mutate((f) => { f.map.nodes[1].data = [1, 2]; }),
  'data value is an object': mutate((f) => { f.map.nodes[1].data.size = { value: 1800 }; }),
  'data list of mixed types': mutate((f) => { f.map.nodes[1].data.languages = ['Turks', 3]; }),
  'data list of lists': mutate((f) => { f.map.nodes[1].data.languages = [['Turks']]; }),
  'edge without target': mutate((f) => { delete f.map.edges[0].target; }),
  'edge source is a number': mutate((f) => { f.map.edges[0].source = 7; }),
  'duplicate node ids': mutate((f) => { f.map.nodes[1].id = f.map.nodes[0].id; }),
  'duplicate edge ids': mutate((f) => { f.map.edges[1].id = f.map.edges[0].id; }),
  'duplicate record ids': mutate((f) => { f.map.collections.commitments[1].id = f.map.collections.commitments[0].id; }),
  'collection with a bad name': mutate((f) => { f.map.collections['c:evil name'] = []; }),
  'collection is an object': mutate((f) => { f.map.collections.commitments = { c1: {} }; }),
  'private is a list': mutate((f) => { f.private = ['06-12345678']; }),
  '__proto__ at the root': VALID.replace('{', '{\n  "__proto__": { "polluted": true },'),
  '__proto__ in node data': VALID.replace('"wijk"', '"__proto__": { "polluted": true },\n "wijk"'),
  'escaped __proto__ key': VALID.replace('"wijk"', '"\\u005f_proto__": { "polluted": true },\n "wijk"'),
  'constructor.prototype in meta': VALID.replace('"title"', '"constructor": { "prototype": { "polluted": true } },\n "title"'),
  'prototype key in collections': VALID.replace('"commitments"', '"prototype": [],\n "commitments"'),
  'duplicate key in an object': VALID.replace('"title"', '"title": "Een andere titel",\n "title"'),
  'deep nesting of lists (10,000 levels)': nest(10_000, '[', ']'),
  'deep nesting of objects (10,000 levels)': nest(10_000, '{"a":', '}'),
  'deep nesting inside node data': VALID.replace('"size": 1800', `"size": ${nest(10_000, '[', ']')}`),
  'nesting just past the limit': nest(MAP_FILE_LIMITS.maxDepth + 1, '[', ']'),
  'huge label': mutate((f) => { f.map.nodes[0].label = 'x'.repeat(MAP_FILE_LIMITS.maxStringLength + 1); }),
  'huge key': VALID.replace('"wijk"', `"${'k'.repeat(MAP_FILE_LIMITS.maxStringLength + 1)}"`),
  'long data key': mutate((f) => { f.map.nodes[0].data['k'.repeat(500)] = 1; }),
  'file larger than the limit': ' '.repeat(MAP_FILE_LIMITS.maxChars + 1),
  'enormous array of numbers': `{"format":"mantelkaart-map","schemaVersion":1,"map":{"meta":{"title":""},"nodes":[${'0,'.repeat(200_000)}0]}}`,
  'too many nodes': mutate((f) => { f.map.nodes = Array.from({ length: MAP_FILE_LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'note', x: 0, y: 0 })); }),
  'enormous list in a field': mutate((f) => { f.map.nodes[0].data.languages = Array.from({ length: MAP_FILE_LIMITS.maxListItems + 1 }, () => 'Turks'); }),
  'object with too many fields': mutate((f) => { for (let i = 0; i < 1_100; i++) f.map.nodes[0].data[`f${i}`] = i; }),
  'control character in a string': VALID.replace('Turkse gemeenschap', 'Turkse\u0001gemeenschap'),
  'bad escape in a string': VALID.replace('Turkse gemeenschap', 'Turkse\\x41gemeenschap'),
  'unterminated unicode escape': VALID.replace('Turkse gemeenschap', 'Turkse\\u12'),
  'version 0 file with wrong node shape': text({ title: 'Oud', nodes: [{ id: 'a', kind: 'note', x: 'nul', y: 0 }], edges: [] }),
  'version 0 file with object field': text({ title: 'Oud', nodes: [{ id: 'a', kind: 'note', x: 0, y: 0, wijk: { naam: 'Oost' } }] }),
};

type Mutation = (file: Json, r: () => number) => string;
const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** Each mutation is guaranteed to make the file invalid, whatever the random choices. */
const mutations: Record<string, Mutation> = {
  'a required node field gets a wrong type': (f, r) => {
    const n = pick(r, f.map.nodes as Json[]);
    const key = pick(r, ['id', 'kind', 'x', 'y']);
    n[key] = pick(r, key === 'x' || key === 'y' ? [null, true, 'tekst', [], {}] : [null, true, 12, [], {}]);
    return text(f);
  },
  'a required field is removed': (f, r) => {
    const target = pick(r, ['node', 'edge', 'root']);
    if (target === 'node') delete pick(r, f.map.nodes as Json[])[pick(r, ['id', 'kind', 'x', 'y'])];
    else if (target === 'edge') delete pick(r, f.map.edges as Json[])[pick(r, ['id', 'source', 'target'])];
    else delete f[pick(r, ['format', 'map'])];
    return text(f);
  },
  'a field value becomes an object or a mixed list': (f, r) => {
    const n = pick(r, f.map.nodes as Json[]);
    n.data[pick(r, ['wijk', 'size', 'extra'])] = pick(r, [{ a: 1 }, [1, 'a'], [[1]], [null]]);
    return text(f);
  },
  'the text is cut off': (_f, r) => VALID.slice(0, 1 + Math.floor(r() * (VALID.length - 3))),
  'a structural character is removed': (_f, r) => {
    const positions = [...VALID].flatMap((c, i) => ('{}[]:'.includes(c) ? [i] : []));
    const at = pick(r, positions);
    return VALID.slice(0, at) + VALID.slice(at + 1);
  },
  'a forbidden key is planted in a random object': (_f, r) => {
    const positions = [...VALID].flatMap((c, i) => (c === '{' ? [i] : []));
    const at = pick(r, positions);
    const key = pick(r, ['__proto__', 'constructor', 'prototype']);
    return `${VALID.slice(0, at + 1)}"${key}": {"isAdmin": true},${VALID.slice(at + 1)}`;
  },
  'an id is duplicated': (f, r) => {
    const list = pick(r, [f.map.nodes, f.map.edges, f.map.collections.commitments] as Json[][]);
    list[1].id = list[0].id;
    return text(f);
  },
  'random bytes': (_f, r) => {
    const bytes = Array.from({ length: 1 + Math.floor(r() * 2000) }, () => Math.floor(r() * 256));
    bytes[0] = Math.floor(r() * 32); // a control byte first: random bytes that happen to spell JSON are not garbage
    return String.fromCharCode(...bytes);
  },
  'the schema version is from the future': (f, r) => {
    f.schemaVersion = 2 + Math.floor(r() * 1000);
    return text(f);
  },
  'a string grows past the limit': (f, r) => {
    pick(r, f.map.nodes as Json[]).label = 'ä'.repeat(MAP_FILE_LIMITS.maxStringLength + 1 + Math.floor(r() * 100));
    return text(f);
  },
  'a value is nested very deeply': (_f, r) => {
    const depth = MAP_FILE_LIMITS.maxDepth + Math.floor(r() * 10_000);
    const [open, close] = pick(r, [['[', ']'], ['{"a":', '}']] as const);
    return VALID.replace('"size": 1800', `"size": ${nest(depth, open, close, '1')}`);
  },
};

function generated(count: number): Array<[string, string]> {
  const names = Object.keys(mutations);
  const out: Array<[string, string]> = [];
  for (let seed = 1; out.length < count; seed++) {
    const r = rng(seed);
    const name = names[(seed - 1) % names.length];
    out.push([`seed ${seed}: ${name}`, mutations[name](clone(), r)]);
  }
  return out;
}

const cases: Array<[string, string]> = [...Object.entries(handWritten), ...generated(70)];

describe('importing a corrupted or hostile map file', () => {
  it('has at least a hundred cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)('refuses %s with a message and changes nothing', (_name, fileText) => {
    const doc = new Y.Doc();
    const privateDoc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    const result = importMapFile(doc, fileText, 'import', privateDoc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(e.code).toMatch(/^[A-Z_]+$/);
      expect(e.message.nl.length).toBeGreaterThan(10);
      expect(e.message.en.length).toBeGreaterThan(10);
      expect(e.message.nl.length).toBeLessThan(600);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(snapshotMap(doc).nodes).toEqual([]);
    expect(privateDoc.share.size).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('accepts the untouched file the hostile ones were made from', () => {
    expect(importMapFile(new Y.Doc(), VALID, 'import').ok).toBe(true);
  });
});
