import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PgDocStore } from '../../../server/storage/PgDocStore';
import { clusterServices, startPostgres, type TestPostgres } from '../../helpers/clusterServices';

const services = clusterServices();

/** One small Yjs update per call: client `client` sets key `k` to `v` in map `m`. */
function edits(client: number, count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  doc.clientID = client;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`c${client}-${i % 50}`, i);
  return { updates, doc };
}

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.skipIf(!services.available)('PostgreSQL storage (STORAGE=postgres)', () => {
  let pg: TestPostgres;
  let a: PgDocStore;
  let b: PgDocStore;

  beforeAll(async () => {
    pg = await startPostgres();
    // Two stores, two pools: as two instances see the database.
    [a, b] = await Promise.all([PgDocStore.open(pg.url), PgDocStore.open(pg.url)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.stop();
  });

  it('gives appends from two instances one order without gaps or repeats, and loads what both wrote', async () => {
    const one = edits(1, 60);
    const two = edits(2, 60);
    const seqs = await Promise.all([...one.updates.map((u) => a.appendSeq('kaart', [u])), ...two.updates.map((u) => b.appendSeq('kaart', [u]))]);
    const numbers = seqs.map((s) => s.first).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const stored = await a.load('kaart');
    expect(stored.lastSeq).toBe(120);
    const loaded = docOf(stored.updates);
    expect(loaded.getMap('m').toJSON()).toEqual({ ...one.doc.getMap('m').toJSON(), ...two.doc.getMap('m').toJSON() });
    // Rows after a point: what an instance that missed stream entries reads.
    expect((await b.since('kaart', 100)).map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 101));
  });

  it('compacts on one instance while another appends, and loses nothing', async () => {
    const one = edits(3, 200);
    for (const u of one.updates.slice(0, 100)) await a.append('drukke-kaart', [u]);
    const upTo = await a.lastSeq('drukke-kaart');
    const state = Y.encodeStateAsUpdate(docOf((await a.load('drukke-kaart')).updates));
    await Promise.all([a.compact('drukke-kaart', state, upTo), ...one.updates.slice(100).map((u) => b.append('drukke-kaart', [u]))]);
    const stored = await b.load('drukke-kaart');
    expect(docOf(stored.updates).getMap('m').toJSON()).toEqual(one.doc.getMap('m').toJSON());
    expect(await a.pendingCount('drukke-kaart')).toBe(100);
    // A compaction that would go behind the newer one is refused: it would keep old bytes next to the new state.
    await expect(b.compact('drukke-kaart', state, upTo - 10)).rejects.toThrow(/STORE_COMPACT_STALE/);
    // The state row covers everything before it: a catch-up from before the compaction gets the state first.
    const rows = await a.since('drukke-kaart', 5);
    expect(rows[0].seq).toBe(upTo);
    expect(rows.length).toBe(101);
  });

  it('keeps meta records as JSON and lists them by prefix, taking LIKE characters literally', async () => {
    await a.putMeta('room:abc', { title: 'Kaart', generations: { edit: 1 } });
    await a.putMeta('room:abd', { title: 'Andere' });
    await a.putMeta('room_x', { title: 'niet erbij' });
    expect(await b.getMeta('room:abc')).toEqual({ title: 'Kaart', generations: { edit: 1 } });
    expect((await b.listMeta('room:ab')).map((r) => r.key)).toEqual(['room:abc', 'room:abd']);
    expect((await b.listMeta('room_')).map((r) => r.key)).toEqual(['room_x']);
    await b.deleteMeta('room:abc');
    expect(await a.getMeta('room:abc')).toBeUndefined();
  });

  it('deletes every row of a document, and an append or compaction still on its way cannot bring it back', async () => {
    const { updates, doc } = edits(4, 3);
    await a.append('weg', updates);
    expect(await a.list()).toContain('weg');
    await b.delete('weg');
    expect(await a.list()).not.toContain('weg');
    expect((await a.load('weg')).updates).toEqual([]);
    expect(await pg.sql("SELECT count(*) FROM mk_updates WHERE doc = 'weg'")).toBe('0\n');
    await expect(a.append('weg', edits(5, 1).updates)).rejects.toThrow(/STORE_DOC_DELETED/);
    await expect(a.compact('weg', Y.encodeStateAsUpdate(doc), 3)).rejects.toThrow(/STORE_DOC_DELETED/);
    expect(await pg.sql("SELECT count(*) FROM mk_updates WHERE doc = 'weg'")).toBe('0\n');
  });
});
