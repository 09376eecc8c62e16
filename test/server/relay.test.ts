import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, nodesMap, readMeta, snapshotMap } from '../../shared/model/mapDoc';
import { encodeSyncStep1, encodeSyncUpdate } from '../../shared/protocol/frame';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openClient, openRaw, openSynced, tryUpgrade, waitFor, type TestClient } from '../helpers/clients';
import { randomEdit, seededRandom as rng } from './seededRandom';


describe('the relay server', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    room = await server.createRoom('Convergentie');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
    server.removeData();
  });

  it('lets several clients doing seeded random edits converge to the same map', async () => {
    const group = await Promise.all([0, 1, 2, 3].map(() => openSynced(server.wsUrl, room.room, room.tokens.edit)));
    clients.push(...group);
    for (let round = 0; round < 5; round++) {
      group.forEach((c, i) => {
        const rand = rng(1000 * round + i);
        for (let k = 0; k < 15; k++) randomEdit(c.doc, rand, `c${i}`);
      });
      await new Promise((r) => setImmediate(r));
    }
    // Deep equality, not JSON text: field order inside a node's data depends on the order updates arrived.
    const same = () => group.every((c) => isDeepStrictEqual(snapshotMap(c.doc), snapshotMap(group[0].doc)));
    await waitFor(same, 'all four clients show the same map');
    // A latecomer gets exactly that state from the server.
    const late = await openSynced(server.wsUrl, room.room, room.tokens.view);
    clients.push(late);
    await waitFor(() => isDeepStrictEqual(snapshotMap(late.doc), snapshotMap(group[0].doc)), 'a latecomer sees the same map');
    expect(readMeta(late.doc).title).toBe('Convergentie');
  });

  it('closes only the socket that sent a malformed frame, and the room keeps working', async () => {
    const a = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    const b = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(a, b);
    const bad = openRaw(`${server.wsUrl}/${room.room}?token=${room.tokens.edit}`);
    await bad.opened;
    bad.send(Uint8Array.from([0, 2, 50, 1, 2, 3])); // a sync update claiming 50 bytes, carrying 3
    const closed = await bad.closed;
    expect([1003, 1007]).toContain(closed.code);
    const garbage = openRaw(`${server.wsUrl}/${room.room}?token=${room.tokens.edit}`);
    await garbage.opened;
    garbage.send(encodeSyncUpdate(Uint8Array.from([9, 9, 9, 9, 9, 200, 1])));
    expect([1003, 1007]).toContain((await garbage.closed).code);
    const unknown = openRaw(`${server.wsUrl}/${room.room}?token=${room.tokens.edit}`);
    await unknown.opened;
    unknown.send(Uint8Array.from([77]));
    expect((await unknown.closed).code).toBe(1003);

    const id = createNode(a.doc, { label: 'na de rommel' });
    await waitFor(() => nodesMap(b.doc).has(id), 'the room still relays edits');
    expect(server.log).toMatch(new RegExp(`WS_BAD_FRAME doc=${room.room} `));
    expect(server.log).not.toContain(room.tokens.edit);
    expect(server.proc.exitCode).toBeNull();
  });

  it('relays an edit to everyone else but does not send it back to the socket it came from', async () => {
    const other = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(other);
    const raw = openRaw(`${server.wsUrl}/${room.room}?token=${room.tokens.edit}`);
    await raw.opened;
    const sender = new Y.Doc();
    const edit: Uint8Array[] = [];
    sender.on('update', (u: Uint8Array) => edit.push(u));
    sender.getMap('echo').set('k', 'alleen voor de anderen');
    raw.send(encodeSyncUpdate(edit[0]));
    await waitFor(() => other.doc.getMap('echo').get('k') === 'alleen voor de anderen', 'the other client has the edit');
    // The server answers frames in order: once the answer to this sync step 1 is here, an echo would have come first.
    const before = raw.received.length;
    raw.send(encodeSyncStep1(Y.encodeStateVector(sender)));
    await waitFor(() => raw.received.slice(before).some((b) => b[0] === 0 && b[1] === 1), 'the answer to sync step 1');
    const echoes = raw.received.filter((b) => b[0] === 0 && b[1] === 2 && b.includes('alleen voor de anderen'));
    expect(echoes).toEqual([]);
    raw.ws.close();
  });

  it('closes a socket that sends a frame over MAX_FRAME_BYTES with 1009', async () => {
    const big = openRaw(`${server.wsUrl}/${room.room}?token=${room.tokens.edit}`);
    await big.opened;
    big.send(encodeSyncStep1(new Uint8Array(5 * 1024 * 1024)));
    expect((await big.closed).code).toBe(1009);
    await waitFor(() => server.log.includes('WS_FRAME_TOO_LARGE'), 'the oversize frame is logged');
  });

  it('refuses room names outside the pattern with 400', async () => {
    for (const name of ['bad%20name', 'a'.repeat(65), 'x.y', 'abc.private.private']) {
      const r = await tryUpgrade(`${server.wsUrl}/${name}?token=${room.tokens.edit}`);
      expect(r.status, name).toBe(400);
      expect(r.opened).toBe(false);
    }
  });
});

describe('loading a room', () => {
  it('completes before the first client is synced, so nobody sees an empty map that has content', async () => {
    const first = await TestServer.start();
    try {
      const room = await first.createRoom('Vol');
      const writer = await openSynced(first.wsUrl, room.room, room.tokens.edit);
      const ids = Array.from({ length: 20 }, (_, i) => createNode(writer.doc, { label: `n${i}` }));
      const checker = await openSynced(first.wsUrl, room.room, room.tokens.view);
      await waitFor(() => ids.every((id) => nodesMap(checker.doc).has(id)), 'the nodes reached another client');
      writer.destroy();
      checker.destroy();
      await first.stop();
      // Slow loads widen the window in which a server that syncs too early would answer with an empty doc.
      const second = await TestServer.start({ dataDir: first.dataDir, env: { TEST_LOAD_DELAY_MS: '400' } });
      try {
        const seen = await Promise.all(
          [0, 1, 2].map(async () => {
            const c = openClient(second.wsUrl, room.room, room.tokens.edit);
            await waitFor(() => c.provider.synced, 'synced');
            const count = nodesMap(c.doc).size;
            c.destroy();
            return count;
          }),
        );
        expect(seen).toEqual([20, 20, 20]);
      } finally {
        await second.dispose();
      }
    } finally {
      await first.dispose();
      first.removeData();
    }
  });
});
