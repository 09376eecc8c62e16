import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, nodesMap, readNode, updateNode } from '../../shared/model/mapDoc';
import { updatePrefix } from '../../server/storage/storeKeys';
import { TestServer, durable } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { below, seededRandom } from './seededRandom';
import { LOG_BLOCK, scanLevelLog } from '../../server/storage/levelLogTail';

/** The newest write-ahead log file of a LevelDB directory. */
function newestLog(dir: string): string {
  const logs = readdirSync(dir).filter((f) => /^\d+\.log$/.test(f)).sort();
  if (logs.length === 0) throw new Error(`no LevelDB log in ${dir}`);
  return join(dir, logs[logs.length - 1]);
}

const labelsIn = (doc: Y.Doc): Set<string> => new Set([...nodesMap(doc).entries()].map(([id, y]) => readNode(id, y).label));

describe.runIf(durable)('crash and restart', () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function client(p: Promise<TestClient>): Promise<TestClient> {
    const c = await p;
    cleanup.push(() => c.destroy());
    return c;
  }
  function track(server: TestServer): TestServer {
    cleanup.push(() => server.dispose());
    return server;
  }

  it('keeps every edit any of 50 editing clients had received when the server is killed with kill -9 under load', async () => {
    const server = track(await TestServer.start());
    cleanup.push(() => server.removeData());
    const room = await server.createRoom('Drukte');
    const clients = await Promise.all(Array.from({ length: 50 }, () => client(openSynced(server.wsUrl, room.room, room.tokens.edit))));
    // What each client has received from the server (remote transactions), as node id -> label.
    const received = clients.map(() => new Map<string, string>());
    const receivedByAnyone = new Set<string>();
    clients.forEach((c, i) =>
      nodesMap(c.doc).observeDeep((events, tx) => {
        if (tx.origin !== c.provider) return;
        const nodes = nodesMap(c.doc);
        // Only what this transaction changed: the rest of the doc may hold this client's own unconfirmed edits.
        const ids = events.flatMap((e) => (e.target === nodes ? [...e.changes.keys.keys()] : [String(e.path[0])]));
        for (const id of ids) {
          const y = nodes.get(id);
          if (y) received[i].set(id, readNode(id, y).label);
          if (y) receivedByAnyone.add(id);
        }
      }),
    );
    const rand = seededRandom(50);
    let made = 0;
    let running = true;
    const loops = clients.map(async (c, i) => {
      const own: string[] = [];
      while (running) {
        if (own.length > 0 && rand() < 0.3) updateNode(c.doc, own[below(rand, own.length)], { label: `c${i}-u${made++}` });
        else own.push(createNode(c.doc, { label: `c${i}-n${made++}`, x: below(rand, 1000) }));
        await new Promise((r) => setTimeout(r, 50 + below(rand, 100)));
      }
    });
    // Killed while everyone is still editing, once there is a good amount to check.
    await waitFor(() => made >= 300 && receivedByAnyone.size >= 250, '250 nodes relayed to other clients', 90_000);
    await server.kill9();
    running = false;
    for (const c of clients) c.destroy(); // nobody reconnects and re-sends: only what the server stored counts
    await Promise.all(loops);

    // Node ids any client had received, with the newest label each saw; labels only grow in number per node.
    const expected = new Map<string, Set<string>>();
    for (const r of received) for (const [id, label] of r) (expected.get(id) ?? expected.set(id, new Set()).get(id)!).add(label);
    const again = track(await server.restart());
    const fresh = await client(openSynced(again.wsUrl, room.room, room.tokens.view));
    const stored = nodesMap(fresh.doc);
    const missing = [...expected.keys()].filter((id) => !stored.has(id));
    // A label someone received may since have been overwritten, but never by one older than every received one.
    const order = (label: string) => Number(/-[nu](\d+)$/.exec(label)?.[1]);
    const stale = [...expected].filter(([id, labels]) => stored.has(id) && order(readNode(id, stored.get(id)!).label) < Math.max(...[...labels].map(order)));
    console.log(
      `kill -9 under load: 50 clients, ${made} edits made, ${expected.size} nodes received by some client checked after restart, ` +
        `${stored.size} nodes stored, ${missing.length} missing, ${stale.length} with an older label than someone saw`,
    );
    expect(expected.size).toBeGreaterThanOrEqual(250);
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  }, 120_000);

  it("detects a damaged LevelDB log, a corrupt record and a torn last write at start-up, keeps every record before the damage and says what it did", async () => {
    // No compaction: every update stays its own record, so damage can be placed between known records. Without our
    // own write-ahead log: it would hold the newest records again and heal the damage this test puts in LevelDB's
    // files (that is tested in writeAheadLog.test.ts); here LevelDB's own recovery is on trial.
    const env = { COMPACT_AFTER_UPDATES: '1000000', STORAGE_WAL: '0' };
    const server = track(await TestServer.start({ env }));
    cleanup.push(() => server.removeData());
    const db = join(server.dataDir, 'db');
    const room = await server.createRoom('Schade');
    const editor = await client(openSynced(server.wsUrl, room.room, room.tokens.edit));
    const watcher = await client(openSynced(server.wsUrl, room.room, room.tokens.view));
    const label = (n: number) => `rec-${String(n).padStart(6, '0')}-${'p'.repeat(60)}`;
    const N = 400;
    for (let n = 0; n < N; n++) {
      createNode(editor.doc, { label: label(n) });
      // One update per record: wait for each, so group commit cannot merge them into one write.
      if (n % 4 === 3) await waitFor(() => labelsIn(watcher.doc).has(label(n)), `record ${n} stored`);
    }
    await waitFor(() => labelsIn(watcher.doc).has(label(N - 1)), 'all records stored');
    editor.destroy();
    watcher.destroy();
    await server.kill9();

    // 1. Garbage in the middle of the log, as a write cut short by a crash of the disk or the machine.
    const logFile = newestLog(db);
    const bytes = readFileSync(logFile);
    const { records } = scanLevelLog(bytes);
    const damageAt = Math.floor(bytes.length / 2);
    const blockStart = damageAt - (damageAt % LOG_BLOCK);
    const keptEnd = records.filter((r) => r.end <= blockStart).at(-1)?.end ?? 0;
    const before = Array.from({ length: N }, (_, n) => n).filter((n) => {
      const at = bytes.indexOf(Buffer.from(label(n)));
      return at >= 0 && at < keptEnd;
    });
    bytes.fill(0x55, damageAt, damageAt + 16);
    writeFileSync(logFile, bytes);

    const second = track(await server.restart());
    let view = await client(openSynced(second.wsUrl, room.room, room.tokens.view));
    let present = labelsIn(view.doc);
    const lostBefore = before.filter((n) => !present.has(label(n)));
    const afterKept = Array.from({ length: N }, (_, n) => n).filter((n) => !before.includes(n) && present.has(label(n))).length;
    console.log(
      `log damage at byte ${damageAt} of ${bytes.length} (${records.length} write batches): ${before.length} records wholly before the damaged block, ` +
        `${lostBefore.length} of them lost; ${afterKept} of the ${N - before.length} after it readable; server said: ` +
        [...second.logLines('STORE_LOG_DAMAGE'), ...second.logLines('STORE_RECOVERED')].map((l) => l.slice(0, 120)).join(' | '),
    );
    expect(before.length).toBeGreaterThan(N / 5);
    expect(lostBefore).toEqual([]);
    expect(second.logLines('STORE_LOG_DAMAGE').length).toBeGreaterThan(0);
    expect(second.logLines('STORE_RECOVERED')).toHaveLength(1);
    view.destroy();

    // 2. One stored record whose bytes changed (bit rot, a bad sector): found by the start-up check, skipped, the rest kept.
    const writer = await client(openSynced(second.wsUrl, room.room, room.tokens.edit));
    const extra = Array.from({ length: 5 }, (_, i) => `extra-${i}`);
    for (const l of extra) createNode(writer.doc, { label: l });
    const checker = await client(openSynced(second.wsUrl, room.room, room.tokens.view));
    await waitFor(() => extra.every((l) => labelsIn(checker.doc).has(l)), 'the extra nodes are stored');
    writer.destroy();
    checker.destroy();
    await second.kill9();
    const level = new ClassicLevel<string, Uint8Array>(db, { keyEncoding: 'utf8', valueEncoding: 'view' });
    await level.open();
    const keys = await level.keys({ gte: updatePrefix(room.room), lt: updatePrefix(room.room) + '\uffff' }).all();
    const lastKey = keys[keys.length - 1];
    const value = Uint8Array.from((await level.get(lastKey))!);
    value[value.length - 1] ^= 0x40;
    await level.put(lastKey, value);
    await level.close();

    const third = track(await server.restart());
    // The start-up check runs after the server listens; on a busy machine its lines come a little later.
    await waitFor(() => third.logLines('STORE_CHECKED').length > 0, 'the start-up check of every record');
    const skippedAtStart = third.logLines('STORE_RECORD_SKIPPED');
    const checked = third.logLines('STORE_CHECKED');
    view = await client(openSynced(third.wsUrl, room.room, room.tokens.view));
    present = labelsIn(view.doc);
    const extraKept = extra.filter((l) => present.has(l));
    console.log(`corrupt record ${lastKey}: ${skippedAtStart.length} skipped at start-up (${checked[0]}), ${extraKept.length} of ${extra.length} later nodes kept`);
    expect(skippedAtStart).toHaveLength(1);
    expect(skippedAtStart[0]).toContain('STORE_RECORD_CHECKSUM');
    expect(checked[0]).toContain('damagedRecords=1');
    expect(before.every((n) => present.has(label(n)))).toBe(true);
    expect(extraKept).toEqual(extra.slice(0, -1));
    view.destroy();

    // 3. A torn last write: the log ends in the middle of a record. Everything before it is kept.
    const w2 = await client(openSynced(third.wsUrl, room.room, room.tokens.edit));
    createNode(w2.doc, { label: 'laatste' });
    const c2 = await client(openSynced(third.wsUrl, room.room, room.tokens.view));
    await waitFor(() => labelsIn(c2.doc).has('laatste'), 'the last node is stored');
    w2.destroy();
    c2.destroy();
    await third.kill9();
    const torn = newestLog(db);
    truncateSync(torn, statSync(torn).size - 20);
    const fourth = track(await server.restart());
    view = await client(openSynced(fourth.wsUrl, room.room, room.tokens.view));
    present = labelsIn(view.doc);
    const said = fourth.logLines('STORE_LOG_TORN');
    console.log(`torn write: last node ${present.has('laatste') ? 'kept' : 'lost'}; start-up said: ${said.join(' | ')}`);
    expect(said).toHaveLength(1);
    expect(fourth.logLines('STORE_RECOVERED')).toHaveLength(1);
    expect(before.every((n) => present.has(label(n)))).toBe(true);
    expect(extra.slice(0, -1).every((l) => present.has(l))).toBe(true);
  });

  it('lets clients that stay open through a restart reconnect by themselves, keeping everything they did while the server was down', async () => {
    const server = track(await TestServer.start());
    cleanup.push(() => server.removeData());
    const room = await server.createRoom('Herstart');
    const clients = await Promise.all([0, 1, 2].map(() => client(openSynced(server.wsUrl, room.room, room.tokens.edit))));
    const shared = createNode(clients[0].doc, { label: 'gedeeld' });
    await waitFor(() => clients.every((c) => nodesMap(c.doc).has(shared)), 'everyone has the shared node');
    const made: string[] = [];
    let running = true;
    let duringDowntime = 0;
    let down = false;
    const loops = clients.map(async (c, i) => {
      for (let k = 0; running; k++) {
        made.push(createNode(c.doc, { label: `c${i}-${k}` }));
        if (down) duringDowntime++;
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await waitFor(() => made.length >= 30, 'edits before the restart');
    down = true;
    expect(await server.stop()).toBe(0);
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 'clients noticed the server is gone');
    updateNode(clients[1].doc, shared, { label: 'offline hernoemd', x: 7 });
    await waitFor(() => duringDowntime >= 30, 'edits while the server is down');
    const again = track(await server.restart());
    down = false;
    await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), 'every client reconnected by itself', 20_000);
    const afterReconnect = made.length;
    await waitFor(() => made.length >= afterReconnect + 15, 'edits after reconnecting');
    running = false;
    await Promise.all(loops);
    await waitFor(() => clients.every((c) => made.every((id) => nodesMap(c.doc).has(id))), 'every client has every edit', 20_000);

    // Stored, not only relayed: after kill -9 and another restart a newcomer has all of it.
    for (const c of clients) c.destroy();
    await again.kill9();
    const third = track(await server.restart());
    const fresh = await client(openSynced(third.wsUrl, room.room, room.tokens.view));
    const missing = made.filter((id) => !nodesMap(fresh.doc).has(id));
    console.log(`restart with open clients: ${made.length} edits by 3 clients, ${duringDowntime} while the server was down, ${missing.length} missing after kill -9 and restart`);
    expect(missing).toEqual([]);
    expect(readNode(shared, nodesMap(fresh.doc).get(shared)!)).toMatchObject({ label: 'offline hernoemd', x: 7 });
  });
});
