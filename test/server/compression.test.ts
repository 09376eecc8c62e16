import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeJson } from '../../server/compressJson';
import { TestServer } from '../helpers/server';

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
