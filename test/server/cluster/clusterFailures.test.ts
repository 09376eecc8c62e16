import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, nodesMap, readNodes, snapshotMap } from '../../../shared/model/mapDoc';
import { PgDocStore } from '../../../server/storage/PgDocStore';
import { TestBalancer, TestCluster } from '../../helpers/cluster';
import { clusterServices } from '../../helpers/clusterServices';
import { openSynced, waitFor, type TestClient } from '../../helpers/clients';

const services = clusterServices();

async function storedLabels(cluster: TestCluster, name: string): Promise<string[]> {
  const store = await PgDocStore.open(cluster.pg.url, { poolSize: 1 });
  try {
    const doc = new Y.Doc();
    for (const u of (await store.load(name)).updates) Y.applyUpdate(doc, u);
    return readNodes(doc)
      .map((n) => n.label)
      .sort();
  } finally {
    await store.close();
  }
}

const labelsOf = (doc: Y.Doc) =>
  readNodes(doc)
    .map((n) => n.label)
    .sort();

/** Each test starts its own cluster: these tests kill instances, Redis and PostgreSQL. */
describe.skipIf(!services.available)('a cluster when something fails', () => {
  let cluster: TestCluster | undefined;
  const clients: TestClient[] = [];
  const balancers: TestBalancer[] = [];
  const track = (c: TestClient) => (clients.push(c), c);

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const b of balancers.splice(0)) await b.close();
    await cluster?.dispose();
    cluster = undefined;
  });

  it('loses nothing anyone saw when an instance is killed with -9 right after a burst, and its clients go on elsewhere', async () => {
    cluster = await TestCluster.start(2);
    const [a, b] = cluster.instances;
    const room = await a.createRoom('Val om');
    // X reaches the instances through a balancer (its first connection lands on a); Y is on b.
    const balancer = await TestBalancer.start([a.port, b.port]);
    balancers.push(balancer);
    const x = track(await openSynced(balancer.wsUrl, room.room, room.tokens.edit));
    const y = track(await openSynced(b.wsUrl, room.room, room.tokens.edit));
    x.doc.transact(() => {});
    for (let i = 0; i < 150; i++) createNode(x.doc, { label: `burst-${String(i).padStart(3, '0')}` });
    await waitFor(() => nodesMap(y.doc).size === 150, 'the burst reached the client on the other instance');
    await a.kill9();
    // Everything y saw is in PostgreSQL, though its instance had no chance to flush anything.
    expect(await storedLabels(cluster, room.room)).toEqual(labelsOf(y.doc));
    // x reconnects through the balancer to b, and both go on together.
    await waitFor(() => x.provider.wsconnected && x.provider.synced, 'x is back, on the other instance');
    createNode(x.doc, { label: 'na de val' });
    await waitFor(() => nodesMap(y.doc).size === 151 && isDeepStrictEqual(snapshotMap(x.doc), snapshotMap(y.doc)), 'x and y converge after the failover');
  });

  it('loses nothing when Redis restarts mid-edit, and everyone converges once it is back', async () => {
    cluster = await TestCluster.start(2);
    const [a, b] = cluster.instances;
    const room = await a.createRoom('Redis weg');
    const x = track(await openSynced(a.wsUrl, room.room, room.tokens.edit));
    const y = track(await openSynced(b.wsUrl, room.room, room.tokens.edit));
    for (let i = 0; i < 20; i++) {
      createNode(x.doc, { label: `x-voor-${i}` });
      createNode(y.doc, { label: `y-voor-${i}` });
    }
    await cluster.redis.stop();
    // Edits while Redis is away: refused by the servers, kept by the clients.
    for (let i = 0; i < 20; i++) {
      createNode(x.doc, { label: `x-tijdens-${i}` });
      createNode(y.doc, { label: `y-tijdens-${i}` });
    }
    await waitFor(() => x.closes.some((c) => c.code === 1013) && y.closes.some((c) => c.code === 1013), 'both clients were told the server cannot relay now');
    await cluster.redis.start();
    for (let i = 0; i < 20; i++) createNode(x.doc, { label: `x-na-${i}` });
    await waitFor(() => nodesMap(x.doc).size === 100 && nodesMap(y.doc).size === 100, 'every edit reached both clients', 20_000);
    expect(isDeepStrictEqual(snapshotMap(x.doc), snapshotMap(y.doc))).toBe(true);
    await waitFor(async () => (await storedLabels(cluster!, room.room)).length === 100, 'every edit is stored');
    expect(await storedLabels(cluster, room.room)).toEqual(labelsOf(x.doc));
  });

  it('relays nothing that is not stored while PostgreSQL is away, and the client’s change arrives once it is back', async () => {
    cluster = await TestCluster.start(2);
    const [a, b] = cluster.instances;
    const room = await a.createRoom('Database weg');
    const x = track(await openSynced(a.wsUrl, room.room, room.tokens.edit));
    const y = track(await openSynced(b.wsUrl, room.room, room.tokens.edit));
    createNode(x.doc, { label: 'voor' });
    await waitFor(() => nodesMap(y.doc).size === 1, 'the first card crossed');
    await cluster.pg.pause();
    createNode(x.doc, { label: 'tijdens' });
    // The server refused to store it and closed x's socket (x keeps the change); y never got it.
    await waitFor(() => x.closes.some((c) => c.code === 1011), 'x is told storage failed');
    expect(labelsOf(y.doc)).toEqual(['voor']);
    expect(labelsOf(x.doc)).toEqual(['tijdens', 'voor']);
    await cluster.pg.resume();
    await waitFor(() => labelsOf(y.doc).length === 2, 'the change arrives once the database is back', 20_000);
    expect(await storedLabels(cluster, room.room)).toEqual(['tijdens', 'voor']);
  });
});
