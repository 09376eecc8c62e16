import { nodesMap } from '../../shared/model/mapDoc';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { openSynced, waitFor, type TestClient } from './clients';
import type { CreatedRoom, TestServer } from './server';

/**
 * A new map holding the Voorbeeldkaart (its cards keep the fixture's ids, see test/fixtures/voorbeeldkaart.ts), stored
 * on the server before this resolves: a fresh owner client has every card. Returns the edit client that wrote it,
 * still open; the caller destroys it.
 */
export async function seedExampleMap(server: TestServer, title: string): Promise<{ room: CreatedRoom; editor: TestClient }> {
  const room = await server.createRoom(title);
  const editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
  applyTemplate(editor.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
  const check = await openSynced(server.wsUrl, room.room, room.tokens.owner);
  try {
    await waitFor(() => nodesMap(check.doc).size === nodesMap(editor.doc).size, 'the map is stored');
  } finally {
    check.destroy();
  }
  return { room, editor };
}
