import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collectionMap, createEdge, createNode, nodesMap, readNodes, snapshotMap, updateNode } from '../../../shared/model/mapDoc';
import { peopleMap, setPrivateFields } from '../../../shared/model/privateDoc';
import { privateRoomOf } from '../../../shared/model/roomName';
import { encodeSyncUpdate } from '../../../shared/protocol/frame';
import { PgDocStore } from '../../../server/storage/PgDocStore';
import { TestCluster } from '../../helpers/cluster';
import { clusterServices } from '../../helpers/clusterServices';
import { openClient, openRaw, openSynced, waitFor, waitSynced, type TestClient } from '../../helpers/clients';
import { awarenessFrame, docUrl } from '../frames';
import { randomEdit, seededRandom as rng } from '../seededRandom';

const services = clusterServices();


const sameMap = (docs: Y.Doc[]) => docs.every((d) => isDeepStrictEqual(snapshotMap(d), snapshotMap(docs[0])));

/** The map as PostgreSQL holds it, read the way an instance loads it. */
async function storedMap(cluster: TestCluster, name: string): Promise<Y.Doc> {
  const store = await PgDocStore.open(cluster.pg.url, { poolSize: 1 });
  try {
    const doc = new Y.Doc();
    for (const u of (await store.load(name)).updates) Y.applyUpdate(doc, u);
    return doc;
  } finally {
    await store.close();
  }
}

describe.skipIf(!services.available)('several instances on PostgreSQL and Redis', () => {
  let cluster: TestCluster;
  const clients: TestClient[] = [];
  const track = (c: TestClient) => (clients.push(c), c);

  beforeAll(async () => {
    cluster = await TestCluster.start(3, { COMPACT_AFTER_UPDATES: '40', VERSION_AFTER_SESSION_MINUTES: '0' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.dispose();
  });

  it('lets clients on three instances doing seeded random edits converge, with everything in PostgreSQL', async () => {
    const [a, b, c] = cluster.instances;
    const room = await a.createRoom('Drie instanties');
    const group = await Promise.all([a, b, c, b].map((s) => openSynced(s.wsUrl, room.room, room.tokens.edit).then(track)));
    for (let round = 0; round < 6; round++) {
      group.forEach((client, i) => {
        const rand = rng(7000 + 100 * round + i);
        for (let k = 0; k < 12; k++) randomEdit(client.doc, rand, `c${i}`);
      });
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => sameMap(group.map((g) => g.doc)), 'all four clients on three instances show the same map');
    // Relayed through the streams as they came, not found later by the periodic check for missed entries.
    for (const s of cluster.instances) expect(s.logLines('RELAY_CATCH_UP')).toEqual([]);
    // Compactions ran on the way (COMPACT_AFTER_UPDATES=40) on whichever instance got there first.
    expect(cluster.instances.some((s) => s.logLines('STORE_COMPACTED').length > 0)).toBe(true);
    const stored = await storedMap(cluster, room.room);
    expect(isDeepStrictEqual(snapshotMap(stored), snapshotMap(group[0].doc))).toBe(true);
    // A latecomer on any instance gets exactly that state.
    const late = track(await openSynced(c.wsUrl, room.room, room.tokens.view));
    expect(isDeepStrictEqual(snapshotMap(late.doc), snapshotMap(group[0].doc))).toBe(true);
  });

  it('refuses a view link’s writes on every instance', async () => {
    const room = await cluster.instances[0].createRoom('Alleen kijken');
    const editor = track(await openSynced(cluster.instances[0].wsUrl, room.room, room.tokens.edit));
    for (const [i, s] of cluster.instances.entries()) {
      const raw = openRaw(docUrl(s.wsUrl, room.room, room.tokens.view));
      await raw.opened;
      const forged = new Y.Doc();
      createNode(forged, { label: `vervalst via ${s.port}` });
      raw.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged)));
      // Frames of one socket are handled in order: once its presence reached the editor, the update was handled.
      raw.send(awarenessFrame(9000 + i, 1, { user: { name: `kijker ${i}` } }));
      await waitFor(() => editor.provider.awareness.getStates().has(9000 + i), `the viewer on instance ${i} was heard`);
      raw.ws.close();
    }
    createNode(editor.doc, { label: 'echt' });
    await waitFor(async () => readNodes(await storedMap(cluster, room.room)).length === 1, 'the editor’s card is stored');
    expect(readNodes(await storedMap(cluster, room.room)).map((n) => n.label)).toEqual(['echt']);
    expect(readNodes(editor.doc).map((n) => n.label)).toEqual(['echt']);
  });

  it('closes a revoked link’s sockets on another instance within a second', async () => {
    const [a, b] = cluster.instances;
    const room = await a.createRoom('Intrekken');
    const viewer = track(await openSynced(b.wsUrl, room.room, room.tokens.view));
    const started = Date.now();
    const r = await a.api('POST', `/api/rooms/${room.room}/revoke`, { token: room.tokens.owner, body: { link: 'view' } });
    expect(r.status).toBe(200);
    await waitFor(() => viewer.closes.some((c) => c.code === 4401), 'the viewer on the other instance is closed', 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    // And refused everywhere afterwards.
    for (const s of cluster.instances) {
      const raw = openRaw(docUrl(s.wsUrl, room.room, room.tokens.view));
      await expect(raw.opened).rejects.toThrow(/401|403/);
    }
  });

  it('shows presence across instances and removes it when the socket closes', async () => {
    const [a, b, c] = cluster.instances;
    const room = await a.createRoom('Wie is er');
    const observer = track(await openSynced(c.wsUrl, room.room, room.tokens.view));
    const anna = openRaw(docUrl(a.wsUrl, room.room, room.tokens.edit));
    await anna.opened;
    anna.send(awarenessFrame(4242, 1, { user: { name: 'Anna' } }));
    await waitFor(() => observer.provider.awareness.getStates().get(4242) !== undefined, 'the observer on another instance sees Anna');
    // A newcomer on a third instance sees her at once, not after her next renewal.
    const late = track(await openSynced(b.wsUrl, room.room, room.tokens.view));
    await waitFor(() => late.provider.awareness.getStates().get(4242) !== undefined, 'a newcomer elsewhere sees Anna');
    anna.ws.close();
    await waitFor(() => !observer.provider.awareness.getStates().has(4242) && !late.provider.awareness.getStates().has(4242), 'Anna is gone everywhere');
  });

  it('keeps one automatic version when the last person leaves, on whichever instance that is', async () => {
    const [a, b] = cluster.instances;
    const room = await a.createRoom('Sessie over twee servers');
    const anna = openClient(a.wsUrl, room.room, room.tokens.edit);
    const bram = openClient(b.wsUrl, room.room, room.tokens.edit);
    await Promise.all([waitSynced(anna), waitSynced(bram)]);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    bram.provider.awareness.setLocalStateField('user', { name: 'Bram' });
    await waitFor(() => anna.provider.awareness.getStates().size === 2 && bram.provider.awareness.getStates().size === 2, 'both see each other');
    createNode(anna.doc, { label: 'Koffieochtend' });
    await waitFor(() => nodesMap(bram.doc).size === 1, 'the card crossed');
    const versions = async () => ((await a.api('GET', `/api/rooms/${room.room}/versions`, { token: room.tokens.owner })).body as { versions: { reason: string }[] }).versions;
    anna.destroy();
    // Bram is still on the map through the other instance: Anna leaving is not the end of the session. (Anna's
    // client had echoed Bram's presence to her instance; that echo must not have made it hers to take away.)
    await waitFor(() => bram.provider.awareness.getStates().size === 1, 'Anna is gone for Bram');
    expect(await versions()).toEqual([]);
    expect(cluster.instances[0].logLines('VERSION_SAVED').filter((l) => l.includes(room.room))).toEqual([]);
    bram.destroy();
    await waitFor(async () => (await versions()).length === 1, 'the session is kept once Bram leaves too');
    expect((await versions())[0].reason).toBe('leave');
  });

  it('counts a vote whose ballots arrive at three instances at once', async () => {
    const [a] = cluster.instances;
    const room = await a.createRoom('Stemmen overal');
    const editor = track(await openSynced(a.wsUrl, room.room, room.tokens.edit));
    const cards = ['Koffieochtend', 'Huisbezoek', 'Voorlichting'].map((label) => createNode(editor.doc, { label }));
    // Stored is not yet applied on the instance that starts the vote (that follows when the stream brings it back):
    // a watcher on that instance sees the cards once it has them.
    const watcher = track(await openSynced(a.wsUrl, room.room, room.tokens.view));
    await waitFor(() => readNodes(watcher.doc).length === 3, 'the instance has the cards');
    const started = await a.api('POST', `/api/rooms/${room.room}/votes`, { token: room.tokens.edit, body: { question: 'Wat eerst?', cards, dots: 2, stack: true } });
    expect(started.status).toBe(201);
    const vote = (started.body as { id: string }).id;
    // Twelve phones, each on whichever instance the balancer gave it, all at once.
    const ballots = Array.from({ length: 12 }, (_, i) =>
      cluster.instances[i % 3].api('POST', `/api/rooms/${room.room}/votes/${vote}/ballot`, {
        token: room.tokens.view,
        body: { cards: [cards[i % 3], cards[0]] },
        headers: { 'X-Device-Id': `telefoon-${i}-abcdefgh` },
      }),
    );
    expect((await Promise.all(ballots)).map((r) => r.status)).toEqual(Array(12).fill(200));
    expect((await cluster.instances[1].api('POST', `/api/rooms/${room.room}/votes/${vote}/end`, { token: room.tokens.edit })).status).toBe(200);
    await waitFor(() => (collectionMap(editor.doc, 'votes').get(vote)?.get('status') as string | undefined) === 'ended', 'the editor sees the vote ended');
    const record = collectionMap(editor.doc, 'votes').get(vote)!;
    expect(record.get('voters')).toBe(12);
    expect(record.get('counts')).toEqual([16, 4, 4]);
  });

  it('closes every socket of a deleted map on every instance and keeps no row of it', async () => {
    const [a, b, c] = cluster.instances;
    const room = await a.createRoom('Weg ermee');
    const onB = track(await openSynced(b.wsUrl, room.room, room.tokens.edit));
    const onC = track(await openSynced(c.wsUrl, room.room, room.tokens.edit));
    createNode(onB.doc, { label: 'verdwijnt' });
    await waitFor(() => nodesMap(onC.doc).size === 1, 'the card crossed instances');
    const r = await a.api('DELETE', `/api/rooms/${room.room}`, { token: room.tokens.owner });
    expect(r.status).toBe(200);
    await waitFor(() => onB.closes.some((x) => x.code === 4404) && onC.closes.some((x) => x.code === 4404), 'sockets on both other instances closed');
    await waitFor(async () => (await cluster.pg.sql(`SELECT count(*) FROM mk_updates WHERE doc LIKE '${room.room}%'`)) === '0\n', 'no stored row left');
  });

  it('deletes a person completely: no byte of the name or phone number left in PostgreSQL', async () => {
    const [a, b] = cluster.instances;
    const LABEL = 'Mevrouw Clusterverwijderd';
    const PHONE = '+31 6 4444 0202';
    const room = await a.createRoom('Privacy');
    const map = track(await openSynced(b.wsUrl, room.room, room.tokens.edit));
    const priv = track(await openSynced(b.wsUrl, privateRoomOf(room.room), room.tokens.edit));
    const keep = createNode(map.doc, { label: 'blijft' });
    const person = createNode(map.doc, { kind: 'person', label: LABEL });
    createEdge(map.doc, { source: keep, target: person });
    setPrivateFields(priv.doc, person, { phone: PHONE });
    for (let i = 0; i < 5; i++) updateNode(map.doc, person, { label: `${LABEL} ${i}` });
    await waitFor(async () => (await cluster.pg.sql(`SELECT count(*) FROM mk_updates WHERE position('\\x${Buffer.from(PHONE).toString('hex')}'::bytea in data) > 0`)) !== '0\n', 'the phone number is stored');
    // Deleted through another instance than the one the editor is on.
    const r = await a.api('DELETE', `/api/rooms/${room.room}/nodes/${person}`, { token: room.tokens.owner });
    expect(r.status).toBe(200);
    await waitFor(() => !nodesMap(map.doc).has(person) && !peopleMap(priv.doc).has(person), 'the editor sees the person gone');
    for (const needle of [LABEL, PHONE]) {
      const hex = Buffer.from(needle).toString('hex');
      expect(await cluster.pg.sql(`SELECT count(*) FROM mk_updates WHERE position('\\x${hex}'::bytea in data) > 0`), needle).toBe('0\n');
      expect(await cluster.pg.sql(`SELECT count(*) FROM mk_meta WHERE position('${needle}' in value::text) > 0`), needle).toBe('0\n');
    }
  });
});
