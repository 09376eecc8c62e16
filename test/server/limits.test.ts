import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, nodesMap } from '../../shared/model/mapDoc';
import { encodeSyncStep1 } from '../../shared/protocol/frame';
import { TestServer, durable } from '../helpers/server';
import { openRaw, openSynced, tryUpgrade, waitFor, type RawSocket, type TestClient } from '../helpers/clients';
import { seededRandom, below } from './seededRandom';
import { awarenessFrame, docUrl } from './frames';

const KiB = 1024;

describe('limits with clear outcomes', () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function start(env: Record<string, string>): Promise<TestServer> {
    const server = await TestServer.start({ env });
    cleanup.push(() => server.removeData());
    cleanup.push(() => server.dispose());
    return server;
  }
  async function client(p: Promise<TestClient>): Promise<TestClient> {
    const c = await p;
    cleanup.push(() => c.destroy());
    return c;
  }
  async function raw(url: string): Promise<RawSocket> {
    const r = openRaw(url);
    cleanup.push(() => r.ws.terminate());
    await r.opened;
    return r;
  }

  it('refuses an update that would make a map larger than MAX_DOC_BYTES, closing that socket with 4413 and keeping the map intact', async () => {
    const server = await start({ MAX_DOC_BYTES: String(64 * KiB) });
    const room = await server.createRoom('Vol');
    const editor = await client(openSynced(server.wsUrl, room.room, room.tokens.edit));
    const watcher = await client(openSynced(server.wsUrl, room.room, room.tokens.view));
    const rand = seededRandom(4413);
    const accepted: string[] = [];
    let refusedId: string | undefined;
    for (let i = 0; i < 40 && refusedId === undefined; i++) {
      const label = `n${i} ` + Array.from({ length: 6000 }, () => String.fromCharCode(97 + below(rand, 26))).join('');
      const id = createNode(editor.doc, { label });
      await waitFor(() => nodesMap(watcher.doc).has(id) || editor.closes.length > 0, `node ${i} relayed or its socket closed`);
      if (nodesMap(watcher.doc).has(id)) accepted.push(id);
      else refusedId = id;
    }
    console.log(`doc size limit: ${accepted.length} nodes of ~6 KiB stored, node ${accepted.length + 1} refused; close ${JSON.stringify(editor.closes)}`);
    expect(refusedId).toBeDefined();
    expect(editor.closes[0]).toEqual({ code: 4413, reason: 'map too large' });
    expect(server.logLines('ROOM_DOC_TOO_LARGE')).toHaveLength(1);
    // 44xx: the stock client does not reconnect and re-send the same update in a loop.
    expect(editor.provider.shouldConnect).toBe(false);
    // The room is what it was before the refused update, for everyone who comes later too.
    const fresh = await client(openSynced(server.wsUrl, room.room, room.tokens.edit));
    expect([...nodesMap(fresh.doc).keys()].sort()).toEqual(accepted.slice().sort());
    expect(nodesMap(watcher.doc).has(refusedId!)).toBe(false);
    expect(watcher.provider.wsconnected).toBe(true);
  });

  it('refuses sockets past MAX_CONNECTIONS_PER_ROOM with 503 and past MAX_CONNECTIONS_PER_IP with 429, and admits again once one closes', async () => {
    const server = await start({ MAX_CONNECTIONS_PER_ROOM: '3', MAX_CONNECTIONS_PER_IP: '5' });
    const a = await server.createRoom('A');
    const b = await server.createRoom('B');
    const inA = [];
    for (let i = 0; i < 3; i++) inA.push(await raw(docUrl(server.wsUrl, a.room, a.tokens.edit)));
    const fourth = await tryUpgrade(docUrl(server.wsUrl, a.room, a.tokens.edit));
    expect(fourth.status).toBe(503);
    expect(fourth.bytes.toString()).toContain('maximum of 3 connections');
    // The private document is a document of its own, with its own count.
    const inB = [await raw(docUrl(server.wsUrl, b.room, b.tokens.edit)), await raw(docUrl(server.wsUrl, `${b.room}.private`, b.tokens.edit))];
    const sixth = await tryUpgrade(docUrl(server.wsUrl, b.room, b.tokens.edit));
    expect(sixth.status).toBe(429);
    expect(sixth.bytes.toString()).toContain('too many open connections from your address');
    // The log line reaches this process through a pipe, possibly after the refused client has its answer.
    const refusals = (code: string) => server.logLines('WS_REFUSED').filter((l) => l.includes(`code=${code}`)).length;
    await waitFor(() => refusals('CONNECTIONS_PER_ROOM') >= 1 && refusals('CONNECTIONS_PER_IP') >= 1, 'both refusals are logged');
    expect(refusals('CONNECTIONS_PER_ROOM')).toBe(1);
    expect(refusals('CONNECTIONS_PER_IP')).toBe(1);

    inA[0].ws.close();
    await inA[0].closed;
    let tries = 0;
    await waitFor(async () => (tries++, (await tryUpgrade(docUrl(server.wsUrl, a.room, a.tokens.edit))).opened), 'a socket to A is admitted after one closed');
    console.log(`connection limits: 3 per map, 5 per address; refused 503 and 429; admitted again after ${tries} tries; ${inB.length} sockets to B stayed open`);
    expect(inB.every((s) => s.ws.readyState === s.ws.OPEN)).toBe(true);
  });

  it.runIf(durable)('keeps at most MAX_LOADED_ROOMS documents in memory: unloads the least recently used idle one, refuses with 503 when all are busy, loads again on the next visit', async () => {
    const server = await start({ MAX_LOADED_ROOMS: '2', ROOM_IDLE_SECONDS: '3600' });
    const [a, b, c] = [await server.createRoom('A'), await server.createRoom('B'), await server.createRoom('C')];
    const writer = await client(openSynced(server.wsUrl, a.room, a.tokens.edit));
    const written = createNode(writer.doc, { label: 'in A vóór het uitladen' });
    const reader = await client(openSynced(server.wsUrl, a.room, a.tokens.view));
    await waitFor(() => nodesMap(reader.doc).has(written), 'the edit in A is stored and relayed');
    writer.destroy();
    reader.destroy();
    await waitFor(() => server.logLines('ROOM_IDLE').some((l) => l.includes(`doc=${a.room} `)), 'A is idle');

    // B loads into the second place; C needs a place: A (idle, least recently used) goes, after it is stored.
    const info = (r: typeof a) => server.api('GET', `/api/rooms/${r.room}`, { token: r.tokens.view });
    expect((await info(b)).status).toBe(200);
    expect((await info(c)).status).toBe(200);
    expect(server.logLines('ROOM_EVICTED').map((l) => /doc=(\S+)/.exec(l)?.[1])).toEqual([a.room]);

    // Sockets keep B and C busy: A cannot load, and both the socket and the API say so with 503.
    const onB = await client(openSynced(server.wsUrl, b.room, b.tokens.edit));
    await client(openSynced(server.wsUrl, c.room, c.tokens.edit));
    const refused = await tryUpgrade(docUrl(server.wsUrl, a.room, a.tokens.edit));
    expect(refused.status).toBe(503);
    expect(refused.bytes.toString()).toContain('too many maps open');
    expect((await info(a)).status).toBe(503);

    // When B's last socket goes, A loads again with everything it had.
    onB.destroy();
    await waitFor(() => server.logLines('ROOM_IDLE').some((l) => l.includes(`doc=${b.room} `)), 'B is idle');
    const back = await client(openSynced(server.wsUrl, a.room, a.tokens.view));
    expect(nodesMap(back.doc).has(written)).toBe(true);
    const evicted = server.logLines('ROOM_EVICTED').map((l) => /doc=(\S+)/.exec(l)?.[1]);
    console.log(`loaded-rooms limit 2: evicted in order ${evicted.length} (${evicted.join(', ')}), refused A while B and C were busy`);
    expect(evicted).toEqual([a.room, b.room]);
  });

  it('disconnects a client that does not read, once its send buffer passes MAX_BUFFERED_BYTES, while others keep receiving', async () => {
    const limit = 256 * KiB;
    const server = await start({ MAX_BUFFERED_BYTES: String(limit), AWARENESS_MAX_BYTES: String(1024 * KiB), AWARENESS_PER_SECOND_EDIT: '1000' });
    const room = await server.createRoom('Traag');
    const slow = await raw(docUrl(server.wsUrl, room.room, room.tokens.view));
    slow.ws.pause(); // stops reading: the kernel buffers fill, then the server's send buffer grows
    const healthy = await client(openSynced(server.wsUrl, room.room, room.tokens.view));
    const sender = await raw(docUrl(server.wsUrl, room.room, room.tokens.edit));
    const before = server.memory();
    // Incompressible, as a flood meant to hurt would be: the socket compresses large frames (permessage-deflate).
    const pad = randomBytes(150 * KiB).toString('base64');
    const clientID = 4242;
    let sent = 0;
    for (let clock = 1; clock <= 400 && server.logLines('WS_SLOW_CONSUMER').length === 0; clock++) {
      sender.send(awarenessFrame(clientID, clock, { pad, clock }));
      sent++;
      await waitFor(() => (healthy.provider.awareness.meta.get(clientID)?.clock ?? 0) >= clock, `the healthy client received presence ${clock}`);
    }
    const line = server.logLines('WS_SLOW_CONSUMER')[0];
    expect(line).toBeDefined();
    const buffered = Number(/buffered=(\d+)/.exec(line)?.[1]);
    // The buffer never grows much past the bound: at most one frame more.
    expect(buffered).toBeLessThanOrEqual(limit + 210 * KiB);
    slow.ws.resume();
    const closed = await slow.closed;
    const after = server.memory();
    console.log(
      `slow client: ${sent} presence frames of 200 KiB (${Math.round((sent * 200) / 1024)} MiB) sent, closed with ${closed.code} at ${buffered} buffered bytes ` +
        `(bound ${limit}); server RSS ${before.rssMiB} -> ${after.rssMiB} MiB, peak ${after.peakMiB} MiB`,
    );
    expect([1013, 1006]).toContain(closed.code);
    expect(healthy.provider.wsconnected).toBe(true);
    // What this costs the server in memory is measured in `npm run bench` (robustness part).
  });

  it('passes at most AWARENESS_PER_SECOND presence updates of one socket and drops the rest', async () => {
    const server = await start({ AWARENESS_PER_SECOND_VIEW: '5' });
    const room = await server.createRoom('Aanwezig');
    const observer = await client(openSynced(server.wsUrl, room.room, room.tokens.edit));
    const clientID = 777;
    let seen = 0;
    observer.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(clientID) || updated.includes(clientID)) seen++;
    });
    const viewer = await raw(docUrl(server.wsUrl, room.room, room.tokens.view));
    const started = Date.now();
    const burst = 200;
    for (let clock = 1; clock <= burst; clock++) viewer.send(awarenessFrame(clientID, clock, { user: { name: 'Kijker' }, clock }));
    // A sync step 1 after the burst: its answer means the server has handled every frame before it.
    viewer.send(encodeSyncStep1(new Uint8Array([0])));
    await waitFor(() => viewer.received.some((f) => f[0] === 0 && f[1] === 1), 'the server answered the frame after the burst');
    await waitFor(() => seen > 0, 'the observer saw the viewer');
    const seconds = (Date.now() - started) / 1000;
    console.log(`awareness rate limit 5/s: ${burst} sent in ${seconds.toFixed(2)} s, ${seen} passed`);
    expect(seen).toBeLessThanOrEqual(5 + Math.ceil(5 * seconds) + 1);
    expect(server.logLines('WS_AWARENESS_LIMITED')).toHaveLength(1);
    expect(viewer.ws.readyState).toBe(viewer.ws.OPEN);
  });
});
