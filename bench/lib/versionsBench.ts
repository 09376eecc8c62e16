import * as Y from 'yjs';
import { diffSnapshots } from '../../shared/model/diffSnapshots';
import { parseMapFile } from '../../shared/exchange/parseMapFile';
import { setNodeData } from '../../shared/model/mapDoc';
import { openBenchClient, waitFor } from './clients';
import { addBenchMap, nodeCount } from './mapFixture';
import { startContender } from './servers';
import { median } from './stats';

/** Versions of a big map: saving one (server time), storage per version, and opening a comparison of two. */
export interface VersionsResult {
  nodes: number;
  /** POST /versions round trips on localhost, per try. */
  saveMs: number[];
  saveMedianMs: number;
  /** The state the map's own client would encode, and what the server stored for one version. */
  stateBytes: number;
  versionBytes: number;
  /** Two GETs of the versions through the import gate plus the difference, as the compare view does before drawing. */
  compareMs: number[];
  compareMedianMs: number;
  changes: number;
}

export async function versionsBench(nodes = 2000, tries = 5): Promise<VersionsResult> {
  const server = await startContender('mantelkaart');
  try {
    const res = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'versies' }) });
    const created = (await res.json()) as { room: string; tokens: { edit: string; view: string } };
    const client = openBenchClient({ url: `ws://127.0.0.1:${server.port}/yjs`, room: created.room, token: created.tokens.edit, protocol: 'y-websocket' });
    await waitFor(() => client.isSynced(), 'the client syncs', 20_000);
    addBenchMap(client.doc, { nodes, edges: nodes * 1.5 });
    const check = openBenchClient({ url: `ws://127.0.0.1:${server.port}/yjs`, room: created.room, token: created.tokens.view, protocol: 'y-websocket' });
    await waitFor(() => check.isSynced() && nodeCount(check.doc) === nodes, 'the map reaches the server', 60_000);
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${server.httpUrl}/api/rooms/${created.room}/versions${path}`, {
        method,
        headers: { Authorization: `Bearer ${created.tokens.edit}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!r.ok) throw new Error(`${method} versions${path} answered ${r.status}`);
      return r.json() as Promise<Record<string, unknown>>;
    };
    const saveMs: number[] = [];
    const ids: string[] = [];
    let versionBytes = 0;
    for (let i = 0; i < tries; i++) {
      // Each version a little different, as after a session: a tenth of the cards changed.
      client.doc.transact(() => {
        for (let k = i; k < nodes; k += 10) setNodeData(client.doc, `n${k}`, { note: `sessie ${i}` });
      });
      await waitFor(() => check.doc.getMap('nodes').get(`n${i}`) !== undefined && (check.doc.getMap('nodes').get(`n${i}`) as Y.Map<unknown>).get('data') instanceof Y.Map && ((check.doc.getMap('nodes').get(`n${i}`) as Y.Map<unknown>).get('data') as Y.Map<unknown>).get('note') === `sessie ${i}`, 'the change reaches the server', 30_000);
      const started = performance.now();
      const meta = await call('POST', '', { name: `Sessie ${i + 1}` });
      saveMs.push(performance.now() - started);
      ids.push(String(meta.id));
      versionBytes = Number(meta.bytes);
    }
    const stateBytes = Y.encodeStateAsUpdate(client.doc).byteLength;
    const compareMs: number[] = [];
    let changes = 0;
    for (let i = 1; i < ids.length; i++) {
      const started = performance.now();
      const [a, b] = await Promise.all([call('GET', `/${ids[i - 1]}`), call('GET', `/${ids[i]}`)]);
      const pa = parseMapFile(JSON.stringify(a));
      const pb = parseMapFile(JSON.stringify(b));
      if (!pa.ok || !pb.ok) throw new Error('a version did not pass the import gate');
      changes = diffSnapshots(pa.snapshot, pb.snapshot).length;
      compareMs.push(performance.now() - started);
    }
    client.destroy();
    check.destroy();
    return { nodes, saveMs, saveMedianMs: median(saveMs), stateBytes, versionBytes, compareMs, compareMedianMs: median(compareMs), changes };
  } finally {
    await server.stop();
  }
}
