import { afterEach, describe, expect, it } from 'vitest';
import { createNode, nodesMap, readNode, updateNode } from '../../shared/model/mapDoc';
import { TestServer, durable } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';

describe.runIf(durable)('durable storage', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function track(client: Promise<TestClient>): Promise<TestClient> {
    const c = await client;
    cleanup.push(() => c.destroy());
    return c;
  }

  it('keeps every edit another participant has seen when the server is killed with kill -9', async () => {
    const server = await TestServer.start();
    cleanup.push(() => server.removeData());
    cleanup.push(() => server.dispose());
    const room = await server.createRoom('Crash');
    const editor = await track(openSynced(server.wsUrl, room.room, room.tokens.edit));
    const watcher = await track(openSynced(server.wsUrl, room.room, room.tokens.view));
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      ids.push(createNode(editor.doc, { label: `burst ${i}`, x: i }));
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    for (const id of ids.slice(0, 100)) updateNode(editor.doc, id, { label: 'moved', x: 9999 });
    await waitFor(() => ids.every((id) => nodesMap(watcher.doc).has(id)) && readNode(ids[99], nodesMap(watcher.doc).get(ids[99])!).x === 9999, 'the watcher received the whole burst');
    // The instant the watcher has it, the process dies without a chance to flush.
    await server.kill9();
    editor.destroy();
    watcher.destroy();

    const again = await server.restart();
    cleanup.push(() => again.dispose());
    const fresh = await track(openSynced(again.wsUrl, room.room, room.tokens.view));
    const nodes = nodesMap(fresh.doc);
    expect(ids.filter((id) => !nodes.has(id))).toEqual([]);
    expect(ids.slice(0, 100).every((id) => readNode(id, nodes.get(id)!).x === 9999)).toBe(true);
  });

  it('merges what a client edited while the server was down when it reconnects', async () => {
    const server = await TestServer.start();
    cleanup.push(() => server.removeData());
    cleanup.push(() => server.dispose());
    const room = await server.createRoom('Offline');
    const a = await track(openSynced(server.wsUrl, room.room, room.tokens.edit));
    const b = await track(openSynced(server.wsUrl, room.room, room.tokens.edit));
    const shared = createNode(a.doc, { label: 'gedeeld' });
    await waitFor(() => nodesMap(b.doc).has(shared), 'b has the shared node');

    await server.kill9();
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, 'both clients noticed the server is gone');
    const offlineA = createNode(a.doc, { label: 'offline van A' });
    updateNode(b.doc, shared, { label: 'hernoemd door B', x: 42 });

    const again = await server.restart();
    cleanup.push(() => again.dispose());
    await waitFor(() => nodesMap(b.doc).has(offlineA), 'b receives what a made offline', 20_000);
    await waitFor(() => readNode(shared, nodesMap(a.doc).get(shared)!).label === 'hernoemd door B', 'a receives what b changed offline', 20_000);
    expect(readNode(shared, nodesMap(a.doc).get(shared)!).x).toBe(42);
    // And it is stored: a newcomer after another restart still sees both.
    a.destroy();
    b.destroy();
    await again.stop();
    const third = await server.restart();
    cleanup.push(() => third.dispose());
    const c = await track(openSynced(third.wsUrl, room.room, room.tokens.view));
    expect(nodesMap(c.doc).has(offlineA)).toBe(true);
    expect(readNode(shared, nodesMap(c.doc).get(shared)!).label).toBe('hernoemd door B');
  });

  it('stops gracefully on SIGTERM with exit code 0', async () => {
    const server = await TestServer.start();
    cleanup.push(() => server.removeData());
    const room = await server.createRoom('Stop');
    const a = await track(openSynced(server.wsUrl, room.room, room.tokens.edit));
    createNode(a.doc, { label: 'x' });
    expect(await server.stop()).toBe(0);
    expect(server.log).toContain('SERVER_STOPPED');
  });
});
