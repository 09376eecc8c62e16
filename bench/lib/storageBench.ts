import * as Y from 'yjs';
import { join } from 'node:path';
import { updateNode, metaMap } from '../../shared/model/mapDoc';
import { openBenchClient, waitFor } from './clients';
import { addBenchMap, nodeCount } from './mapFixture';
import { dirBytes } from './proc';
import { repoRoot, startContender, type RoomTarget } from './servers';
import { snapshot } from './snapshot';

export interface ColdLoadResult {
  contender: 'mantelkaart' | 'yws-leveldb';
  nodes: number;
  edges: number;
  stateBytes: number;
  diskBytes: number;
  /** Process spawn until it listens. */
  startMs: number;
  /** Socket opened until the client holds every node (the room loads from disk on first join). */
  connectToSyncedMs: number;
  /** Process spawn until the first client holds every node. */
  spawnToSyncedMs: number;
  /** Ours only: LevelDocStore.open + load + applying into a Y.Doc, in this process, no network. */
  directLoadMs?: number;
}

type Persisting = 'mantelkaart' | 'yws-leveldb';

/**
 * Cold load: a map pushed through a provider, the server stopped, then started again on the same data. `env`
 * points ours at another storage (STORAGE=postgres with DATABASE_URL: the cluster part).
 */
export async function coldLoad(contender: Persisting, nodes: number, edges: number, env?: Record<string, string>): Promise<ColdLoadResult> {
  let server = await startContender(contender, { env });
  const dataDir = server.dataDir;
  let target: RoomTarget;
  let stateBytes = 0;
  try {
    target = await server.createRoom('cold-load');
    const writer = openBenchClient(target);
    await waitFor(() => writer.isSynced(), 'writer synced', 30_000);
    addBenchMap(writer.doc, { nodes, edges });
    stateBytes = Y.encodeStateAsUpdate(writer.doc).length;
    const check = openBenchClient(target);
    await waitFor(() => check.isSynced() && nodeCount(check.doc) === nodes, `a second client sees ${nodes} nodes`, 120_000);
    check.destroy();
    writer.destroy();
  } finally {
    await server.stop();
  }
  // y-leveldb writes in the background and has no flush on exit; ours compacted on SIGTERM.
  const diskBytes = dirBytes(dataDir);
  try {
    server = await startContender(contender, { dataDir, env });
    const startMs = server.listeningAt - server.startedAt;
    const t0 = performance.now();
    const reader = openBenchClient(server.target(target.room, target.token));
    await waitFor(() => reader.isSynced() && nodeCount(reader.doc) === nodes, `cold client sees ${nodes} nodes`, 120_000);
    const t1 = performance.now();
    reader.destroy();
    const result: ColdLoadResult = {
      contender,
      nodes,
      edges,
      stateBytes,
      diskBytes,
      startMs,
      connectToSyncedMs: t1 - t0,
      spawnToSyncedMs: t1 - server.startedAt,
    };
    await server.stop();
    if (contender === 'mantelkaart' && env?.STORAGE !== 'postgres') result.directLoadMs = await directLoad(join(dataDir, 'db'), target.room, nodes);
    return result;
  } finally {
    await server.kill();
    server.removeData();
  }
}

async function directLoad(dbDir: string, room: string, nodes: number): Promise<number> {
  const { LevelDocStore } = await import(join(snapshot()?.root ?? repoRoot, 'server/storage/LevelDocStore.ts'));
  const t0 = performance.now();
  const store: { load(name: string): Promise<{ updates: Uint8Array[] }>; close(): Promise<void> } = await LevelDocStore.open(dbDir);
  const stored = await store.load(room);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of stored.updates) Y.applyUpdate(doc, u);
  });
  const ms = performance.now() - t0;
  const count = nodeCount(doc);
  await store.close();
  if (count !== nodes) throw new Error(`direct load found ${count} nodes, expected ${nodes}`);
  return ms;
}

export interface LogGrowthResult {
  contender: Persisting;
  edits: number;
  seconds: number;
  editsPerSecond: number;
  /** Size of the whole document as one update (what a compacted store holds). */
  stateBytes: number;
  /** Data directory after the edits, server still running. */
  diskBytesRunning: number;
  /** Data directory after a clean stop (ours compacts on close). */
  diskBytesStopped: number;
  ratioRunning: number;
  ratioStopped: number;
}

/** Many small edits (one node position each, each its own update) through one client, then size on disk. */
export async function logGrowth(contender: Persisting, edits: number, chunk = 1000): Promise<LogGrowthResult> {
  const server = await startContender(contender);
  try {
    const target = await server.createRoom('log-growth');
    const writer = openBenchClient(target);
    const observer = openBenchClient(target);
    await waitFor(() => writer.isSynced() && observer.isSynced(), 'clients synced', 30_000);
    const ids = addBenchMap(writer.doc, { nodes: 100, edges: 0 });
    let seed = 1;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const t0 = performance.now();
    for (let done = 0, round = 1; done < edits; round++) {
      const n = Math.min(chunk, edits - done);
      for (let k = 0; k < n; k++) updateNode(writer.doc, ids[Math.floor(rand() * ids.length)], { x: Math.floor(rand() * 5000) });
      done += n;
      // The marker arrives after every edit before it (one socket, in order): relayed means stored on our server.
      metaMap(writer.doc).set('benchMarker', round);
      await waitFor(() => metaMap(observer.doc).get('benchMarker') === round, `edits up to ${done} relayed`, 120_000);
    }
    const seconds = (performance.now() - t0) / 1000;
    const stateBytes = Y.encodeStateAsUpdate(writer.doc).length;
    writer.destroy();
    observer.destroy();
    // y-leveldb stores in the background: wait until the directory stops changing (bounded).
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const now = dirBytes(server.dataDir);
      if (now === last) break;
      last = now;
      await new Promise((r) => setTimeout(r, 500));
    }
    const diskBytesRunning = dirBytes(server.dataDir);
    await server.stop();
    const diskBytesStopped = dirBytes(server.dataDir);
    return {
      contender,
      edits,
      seconds,
      editsPerSecond: edits / seconds,
      stateBytes,
      diskBytesRunning,
      diskBytesStopped,
      ratioRunning: diskBytesRunning / stateBytes,
      ratioStopped: diskBytesStopped / stateBytes,
    };
  } finally {
    await server.kill();
    server.removeData();
  }
}
