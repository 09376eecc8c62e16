import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { appliesCleanly, appliesToEmptyDoc, passesWithoutDoc } from '../../server/updateCheck';
import { createEdge, createNode, deleteNodes, setNodeData, updateNode } from '../../shared/model/mapDoc';
import { below, randomBytes, seededRandom } from './seededRandom';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** Updates real clients send: every kind of content, first updates (clock 0) and later ones, deletions, merges. */
function realUpdates(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const record = (doc: Y.Doc) => doc.on('update', (u: Uint8Array) => out.push(u));
  const a = new Y.Doc();
  const b = new Y.Doc();
  record(a);
  record(b);
  const root = a.getMap('bench');
  root.set('s', 'tekst');
  root.set('n', 42.5);
  root.set('o', { nested: [1, 'twee', null, true], deep: { x: -7 } });
  root.set('bytes', new Uint8Array([1, 2, 3]));
  for (let i = 0; i < 5; i++) root.set('s', `~1:2:${i}~`);
  root.delete('n');
  const ids = [createNode(a, { label: 'kaart', x: 1, y: 2 }), createNode(a, { label: 'tweede' })];
  for (let i = 0; i < 4; i++) updateNode(a, ids[0], { x: i * 10, y: -i });
  setNodeData(a, ids[1], { telefoon: '0612345678' });
  createEdge(a, { source: ids[0], target: ids[1] });
  deleteNodes(a, [ids[1]]);
  const text = b.getText('t');
  text.insert(0, 'hallo wereld');
  text.format(0, 5, { bold: true });
  text.insertEmbed(3, { image: 'x.png' });
  text.delete(2, 4);
  const arr = b.getArray<unknown>('a');
  arr.push([1, new Uint8Array([9, 8]), 'drie']);
  arr.delete(0, 1);
  const xml = b.getXmlFragment('x');
  const el = new Y.XmlElement('p');
  el.setAttribute('class', 'k');
  el.insert(0, [new Y.XmlText('binnen')]);
  xml.insert(0, [el]);
  b.getMap('docs').set('sub', new Y.Doc());
  // A peer that joins late gets merged state: GC'd and deleted content, several clients in one update.
  out.push(Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b), Y.mergeUpdates(out.slice(3, 9)));
  // Later updates only (everything after each client's first): merged, they start above clock 0 and may hold Skips.
  out.push(Y.mergeUpdates([out[6], out[9]]), Y.diffUpdate(Y.encodeStateAsUpdate(a), Y.encodeStateVector(new Y.Doc())));
  return out;
}

/** A V1 update of one item of client 7 at clock 5 (origin 7:4), content written by `content`, and a delete set. */
function crafted(content: (e: encoding.Encoder) => void, deletes: [number, number][] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // clients
  encoding.writeVarUint(e, 1); // structs
  encoding.writeVarUint(e, 7); // client
  encoding.writeVarUint(e, 5); // clock
  content(e);
  encoding.writeVarUint(e, deletes.length ? 1 : 0);
  if (deletes.length) {
    encoding.writeVarUint(e, 3);
    encoding.writeVarUint(e, deletes.length);
    for (const [clock, len] of deletes) (encoding.writeVarUint(e, clock), encoding.writeVarUint(e, len));
  }
  return encoding.toUint8Array(e);
}

const anyItem = (value: unknown) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, 0x80 | 8); // origin present, ContentAny
  encoding.writeVarUint(e, 7);
  encoding.writeVarUint(e, 4);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, value as never);
};

function mutate(rand: () => number, u: Uint8Array, other: Uint8Array): Uint8Array {
  const c = Uint8Array.from(u);
  switch (below(rand, 5)) {
    case 0:
      for (let i = 0, n = 1 + below(rand, 3); i < n; i++) c[below(rand, c.length)] ^= 1 << below(rand, 8);
      return c;
    case 1:
      c[below(rand, c.length)] = below(rand, 256);
      return c;
    case 2:
      return c.subarray(0, below(rand, c.length));
    case 3: {
      const at = below(rand, c.length + 1);
      return Uint8Array.from([...c.subarray(0, at), ...randomBytes(rand, 1 + below(rand, 6)), ...c.subarray(at)]);
    }
    default: {
      const at = below(rand, c.length);
      return Uint8Array.from([...c.subarray(0, at), ...other.subarray(below(rand, other.length))]);
    }
  }
}

describe('the update check before storing', () => {
  it('refuses crafted updates that decode but cannot be written back or hold an empty delete range', () => {
    const protoBytes = crafted((e) => {
      encoding.writeUint8(e, 0x80 | 8);
      encoding.writeVarUint(e, 7);
      encoding.writeVarUint(e, 4);
      encoding.writeVarUint(e, 1);
      // An object whose "__proto__" key holds bytes: it decodes into something Yjs cannot encode again.
      encoding.writeUint8(e, 118);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '__proto__');
      encoding.writeAny(e, new Uint8Array([1, 2]));
    });
    const emptyDelete = crafted(anyItem('ok'), [[2, 0]]);
    const unknownContent = crafted((e) => encoding.writeUint8(e, 0x80 | 11));
    for (const u of [protoBytes, emptyDelete, unknownContent]) {
      expect(appliesToEmptyDoc(u)).toBe(false);
      expect(passesWithoutDoc(u)).toBe(false);
      expect(appliesCleanly(u)).toBe(false);
    }
    const fine = crafted(anyItem('ok'), [[2, 3]]);
    expect([passesWithoutDoc(fine), appliesCleanly(fine)]).toEqual([true, true]);
  });

  it(`never passes without a document what applying to an empty one refuses (seed ${SEED})`, () => {
    const rand = seededRandom(SEED);
    const real = realUpdates();
    const cases = [...real];
    for (let i = 0; i < 5_000; i++) cases.push(mutate(rand, real[below(rand, real.length)], real[below(rand, real.length)]));
    let fast = 0;
    let refused = 0;
    const wronglyPassed: string[] = [];
    for (const u of cases) {
      const applies = appliesToEmptyDoc(u);
      if (!applies) refused++;
      if (passesWithoutDoc(u)) {
        fast++;
        if (!applies) wronglyPassed.push(Buffer.from(u).toString('hex'));
      }
      expect(appliesCleanly(u)).toBe(applies);
    }
    console.log(`${cases.length} updates: ${fast} passed without a document, ${refused} refused`);
    expect(wronglyPassed).toEqual([]);
    // Both sides are exercised: many updates take the cheap path, many are refused.
    expect(fast).toBeGreaterThan(cases.length / 10);
    expect(refused).toBeGreaterThan(cases.length / 10);
  });

  it('takes the cheap path for what clients send after their first update', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const id = createNode(doc, { label: 'eerste' });
    for (let i = 1; i <= 5; i++) updateNode(doc, id, { x: i });
    expect(updates.map(passesWithoutDoc)).toEqual([false, true, true, true, true, true]);
    expect(updates.every(appliesCleanly)).toBe(true);
  });
});
