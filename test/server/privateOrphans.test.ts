import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNode, deleteNodes, nodesMap } from '../../shared/model/mapDoc';
import { peopleMap, readPrivateFields, setPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { LevelDocStore } from '../../server/storage/LevelDocStore';
import { durable, TestServer } from '../helpers/server';
import { openSynced, waitFor } from '../helpers/clients';

/**
 * AVG: contact details of a card deleted by any client (also one that, like an old version of the app or a stock
 * y-websocket client, deletes the card only) do not outlive the private document's next compaction.
 */
describe.runIf(durable)('contact details of deleted cards', () => {
  it('are purged at compaction; those of cards still on the map, or not arrived yet, are kept', async () => {
    const server = await TestServer.start();
    const GONE = '06-11112222';
    const KEPT = '06-33334444';
    const EARLY = 'vroeg@example.nl';
    try {
      const room = await server.createRoom('Wezen');
      const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
      const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
      const deleted = createNode(map.doc, { kind: 'keyFigure', label: 'Weg' });
      const kept = createNode(map.doc, { kind: 'keyFigure', label: 'Blijft' });
      setPrivateFields(priv.doc, deleted, { phone: GONE });
      setPrivateFields(priv.doc, kept, { phone: KEPT });
      // Contact details for a card whose creation travels on the other socket and has not been stored yet.
      setPrivateFields(priv.doc, 'nog-niet-aangekomen', { email: EARLY });
      deleteNodes(map.doc, [deleted]);
      const check = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.owner);
      await waitFor(() => peopleMap(check.doc).size === 3, 'the private entries are stored');
      const checkMap = await openSynced(server.wsUrl, room.room, room.tokens.owner);
      await waitFor(() => !nodesMap(checkMap.doc).has(deleted), 'the delete is stored');
      for (const c of [map, priv, check, checkMap]) c.destroy();

      // A clean stop compacts every document that changed.
      expect(await server.stop()).toBe(0);
      expect(server.logLines('PRIVATE_ORPHANS_PURGED').length).toBeGreaterThan(0);
      const store = await LevelDocStore.open(join(server.dataDir, 'db'));
      try {
        const stored = Buffer.concat((await store.load(privateRoomOf(room.room))).updates.map((u) => Buffer.from(u)));
        expect(stored.includes(Buffer.from(GONE))).toBe(false);
        expect(stored.includes(Buffer.from(KEPT))).toBe(true);
        expect(stored.includes(Buffer.from(EARLY))).toBe(true);
      } finally {
        await store.close();
      }

      // And a client opening the map afterwards reads the same.
      const again = await server.restart();
      try {
        const reread = await openSynced(again.wsUrl, privateRoomOf(room.room), room.tokens.edit);
        expect(peopleMap(reread.doc).has(deleted)).toBe(false);
        expect(readPrivateFields(reread.doc, kept).phone).toBe(KEPT);
        reread.destroy();
      } finally {
        await again.dispose();
      }
    } finally {
      await server.dispose();
      server.removeData();
    }
  });
});
