import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeJson } from '../../server/compressJson';
import { createNode, nodesMap } from '../../shared/model/mapDoc';
import { encodeSyncStep1 } from '../../shared/protocol/frame';
import { MESSAGE_SYNC, SYNC_STEP2 } from '../../shared/protocol/messages';
import { openRaw, openSynced, waitFor, type RawSocket, type TestClient } from '../helpers/clients';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { docUrl } from './frames';

const CLIENT = fileURLToPath(new URL('../../dist/client-e2e/', import.meta.url));

/** A GET that leaves the body as it came over the wire (fetch would decompress it). */
function rawGet(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed app files', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.dispose();
    server?.removeData();
  });

  const textAssets = () => readdirSync(join(CLIENT, 'assets')).filter((f) => /\.(js|css|svg|json)$/.test(f));

  it('sends every text file as brotli to a browser that accepts it, gzip to one that only takes gzip, and as is otherwise', async () => {
    const files = ['/index.html', '/m/abc', ...textAssets().map((f) => `/assets/${f}`)];
    expect(files.length).toBeGreaterThan(5);
    for (const path of files) {
      const original = readFileSync(join(CLIENT, path.startsWith('/m/') ? 'index.html' : path));
      const br = await rawGet(server.httpUrl + path, 'gzip, deflate, br');
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary, path).toContain('Accept-Encoding');
      expect(Number(br.headers['content-length'])).toBe(br.body.length);
      expect(brotliDecompressSync(br.body).equals(original), path).toBe(true);
      expect(br.body.length, path).toBeLessThan(original.length + 32);

      const gz = await rawGet(server.httpUrl + path, 'gzip');
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body).equals(original), path).toBe(true);

      const none = await rawGet(server.httpUrl + path);
      expect(none.headers['content-encoding'], path).toBeUndefined();
      expect(none.body.equals(original), path).toBe(true);
    }
  });

  it('honours a refusal of brotli, and keeps the cache rules', async () => {
    const js = textAssets().find((f) => f.endsWith('.js'))!;
    const refused = await rawGet(`${server.httpUrl}/assets/${js}`, 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(refused.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await rawGet(`${server.httpUrl}/`, 'br');
    expect(index.headers['cache-control']).toBe('no-cache');
    // Pictures are sent as they are: compressing a PNG gains nothing.
    const png = readdirSync(join(CLIENT, 'assets')).find((f) => f.endsWith('.png'));
    if (png) expect((await rawGet(`${server.httpUrl}/assets/${png}`, 'br')).headers['content-encoding']).toBeUndefined();
  });
});

describe('compressed API answers', () => {
  const answer = (acceptEncoding: string | undefined, text: string) =>
    encodeJson({ req: { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } } } as unknown as ServerResponse, text);

  it('compresses a large JSON answer for a browser that accepts it, and leaves small ones alone', () => {
    const big = JSON.stringify({ nodes: Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, label: `Kaartje ${i}` })) });
    const br = answer('gzip, br', big);
    expect(br.headers['Content-Encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(big);
    expect(br.body.length).toBeLessThan(big.length / 3);
    const gz = answer('gzip', big);
    expect(gz.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(big);
    expect(answer(undefined, big).headers['Content-Encoding']).toBeUndefined();
    expect(answer('br', '{"ok":true}').headers['Content-Encoding']).toBeUndefined();
    expect(answer('br', '{"ok":true}').headers.Vary).toBe('Accept-Encoding');
  });
});

describe('a compressed socket', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await TestServer.start();
    room = await server.createRoom('Groot');
    const editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(editor);
    editor.doc.transact(() => {
      for (let i = 0; i < 300; i++) createNode(editor.doc, { label: `Sleutelfiguur ${i} in de wijk`, x: (i % 20) * 220, y: Math.floor(i / 20) * 140 });
    });
    const check = await openSynced(server.wsUrl, room.room, room.tokens.view);
    clients.push(check);
    await waitFor(() => nodesMap(check.doc).size === 300, 'the cards are on the server');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.dispose();
    server?.removeData();
  });

  /** Opens the map through the proxy as a bare socket (offering compression or not) and asks for the whole map. */
  async function openMap(proxy: CountingProxy, deflate: boolean): Promise<RawSocket> {
    const socket = openRaw(docUrl(proxy.url.replace('http:', 'ws:') + '/yjs', room.room, room.tokens.view), { perMessageDeflate: deflate });
    await socket.opened;
    socket.send(encodeSyncStep1(new Uint8Array([0])));
    await waitFor(() => socket.received.some(isMapAnswer), 'the map arrived');
    return socket;
  }
  const isMapAnswer = (m: Buffer) => m[0] === MESSAGE_SYNC && m[1] === SYNC_STEP2 && m.length > 10_000;

  /** The map's sync answer and the bytes on the wire until it arrived, through a counting proxy. */
  async function firstSync(deflate: boolean): Promise<{ extensions: string; answer: Buffer; wireBytes: number }> {
    const proxy = await startCountingProxy(server.port);
    try {
      const socket = await openMap(proxy, deflate);
      const wireBytes = proxy.bytesDown();
      socket.ws.close();
      return { extensions: socket.ws.extensions, answer: socket.received.find(isMapAnswer)!, wireBytes };
    } finally {
      await proxy.close();
    }
  }

  it("sends a map's first sync compressed to a client that offers permessage-deflate, and as is to one that does not", async () => {
    const plain = await firstSync(false);
    const packed = await firstSync(true);
    expect(plain.extensions).toBe('');
    expect(packed.extensions).toContain('permessage-deflate');
    // The same bytes once decoded; on the wire a fraction of them.
    expect(packed.answer.equals(plain.answer)).toBe(true);
    expect(plain.wireBytes).toBeGreaterThan(plain.answer.length);
    expect(packed.wireBytes).toBeLessThan(plain.answer.length / 3);
  });

  it('relays live edits as they are, even to a client that offers compression (one frame goes to every socket)', async () => {
    const proxy = await startCountingProxy(server.port);
    const editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(editor);
    try {
      const socket = await openMap(proxy, true);
      const messages = socket.received;
      const before = proxy.bytesDown();
      const seen = messages.length;
      // A pasted block of cards: one large update, relayed as one frame.
      editor.doc.transact(() => {
        for (let i = 0; i < 100; i++) createNode(editor.doc, { label: `Geplakt kaartje ${i} met een lange naam`, x: i * 10, y: 5000 });
      });
      const isRelay = (m: Buffer) => m[0] === MESSAGE_SYNC && m.length > 5_000;
      await waitFor(() => messages.slice(seen).some(isRelay), 'the edit was relayed');
      const relayed = messages.slice(seen).find(isRelay)!;
      expect(socket.ws.extensions).toContain('permessage-deflate');
      expect(proxy.bytesDown() - before).toBeGreaterThanOrEqual(relayed.length);
      socket.ws.close();
    } finally {
      await proxy.close();
    }
  });
});
