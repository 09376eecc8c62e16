import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markerOf, parseMarker, scanMarkers } from '../../bench/loadgen/marker';

const found = (bytes: Uint8Array, from = 0) => {
  const out: string[] = [];
  scanMarkers(bytes, from, (room, sender, seq) => out.push(markerOf(room, sender, seq)));
  return out;
};

/** Each sender writes its own key twice, as the load generator's clients do; returns every update in order. */
function edits(senders: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const docs = Array.from({ length: senders }, () => new Y.Doc());
  for (const doc of docs) doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let seq = 1; seq <= 2; seq++) docs.forEach((doc, i) => doc.getMap<string>('bench').set(String(i), markerOf(7, i, seq)));
  return updates;
}

describe('benchmark edit markers', () => {
  it('a wire client finds the marker in the update its edit produced', () => {
    const [first] = edits(1);
    expect(found(first)).toEqual(['~7:0:1~']);
  });

  it('a relayed batch (one transaction over several updates, as our server relays) carries every sender\'s latest value', () => {
    const server = new Y.Doc();
    let relayed: Uint8Array | undefined;
    server.on('update', (u: Uint8Array) => (relayed = u));
    server.transact(() => {
      for (const u of edits(3)) Y.applyUpdate(server, u);
    });
    // The superseded first values are garbage collected before the update is encoded; the latest stand for them.
    expect(found(relayed!).sort()).toEqual(['~7:0:2~', '~7:1:2~', '~7:2:2~']);
  });

  it('stray 0x7e bytes and broken patterns are not markers', () => {
    const text = new TextEncoder().encode('~~1:2~ ~1:x:3~ ~12:3:4~~ ~1:2:3');
    const noisy = new Uint8Array([0x7e, 0x7e, 0x31, ...text, 0x3a, 0x7e]);
    expect(found(noisy)).toEqual(['~12:3:4~']);
    expect(found(Buffer.from(noisy), 10)).toEqual(['~12:3:4~']);
  });

  it('a full client reads the same numbers from a map value', () => {
    expect(parseMarker(markerOf(3, 14, 159))).toEqual([3, 14, 159]);
    expect(parseMarker('~3:14~')).toBeUndefined();
    expect(parseMarker({ s: 1 })).toBeUndefined();
  });
});
