import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, tryUpgrade, type TestClient } from '../helpers/clients';
import { docUrl } from './frames';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One HTTP request written byte for byte, so no client library normalises `..` or rejects odd characters. */
function rawRequest(port: number, lines: string[], body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of headerLines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    // Not ended from this side: the server answers and closes (Connection: close).
    socket.write([...lines, 'Host: 127.0.0.1', 'Connection: close', '', ''].join('\r\n') + body);
  });
}

const get = (port: number, path: string) => rawRequest(port, [`GET ${path} HTTP/1.1`]);

function expectSecurityHeaders(r: RawResponse, what: string): void {
  const csp = r.headers['content-security-policy'] ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values] as const));
  expect(directives.get('default-src'), what).toEqual(["'self'"]);
  expect(directives.get('script-src'), what).toEqual(["'self'"]);
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(directives.get('base-uri'), what).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp, what).not.toMatch(/unsafe-eval/);
  expect(r.headers['referrer-policy'], what).toBe('no-referrer');
  expect(r.headers['x-content-type-options'], what).toBe('nosniff');
  expect(r.headers['x-frame-options'], what).toBe('DENY');
}

describe('hostile HTTP', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    room = await server.createRoom('Vijandig');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
    server.removeData();
  });

  it('never serves a file outside the client directory, however the path is encoded', async () => {
    const secret = readFileSync(join(server.dataDir, 'secret'), 'utf8').trim();
    const depth = '..%2f'.repeat(12);
    const paths = [
      '/../package.json',
      '/..%2fpackage.json',
      '/..%2Fpackage.json',
      '/%2e%2e/package.json',
      '/%2e%2e%2fpackage.json',
      '/.%2e/.%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..\\package.json',
      '/..%5cpackage.json',
      '/assets\\..\\..\\package.json',
      '/%252e%252e/package.json',
      '/..%252fpackage.json',
      '/package.json%00.js',
      '/index.html%00',
      '/%00',
      '/..%c0%afpackage.json',
      '/..%ef%bc%8fpackage.json',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      `/${depth}etc/passwd`,
      `/assets/${depth}${server.dataDir.slice(1).replaceAll('/', '%2f')}%2fsecret`,
      '/m/..%2f..%2fpackage.json',
      '/server/index.ts',
      '/.git/config',
    ];
    const outcomes: string[] = [];
    for (const path of paths) {
      const r = await get(server.port, path);
      outcomes.push(`${r.status}`);
      expect([400, 404], `${path} -> ${r.status}`).toContain(r.status);
      expect(r.body, path).not.toContain('"name": "mantelkaart"');
      expect(r.body, path).not.toContain('root:x:0');
      expect(r.body, path).not.toContain(secret);
      expectSecurityHeaders(r, path);
    }
    console.log(`path traversal: ${paths.length} encodings refused (${[...new Set(outcomes)].join('/')})`);
    // The app itself is still served.
    const app = await get(server.port, '/');
    expect([200, 503]).toContain(app.status);
    expectSecurityHeaders(app, '/');
  });

  it('sends the security headers on every kind of answer', async () => {
    const answers = {
      app: await get(server.port, `/m/${room.room}`),
      notFound: await get(server.port, '/nope.js'),
      api: await get(server.port, `/api/rooms/${room.room}`),
      apiMissing: await get(server.port, '/api/nope'),
      badMethod: await rawRequest(server.port, ['DELETE / HTTP/1.1']),
      tooLong: await get(server.port, '/' + 'a'.repeat(5000)),
    };
    for (const [what, r] of Object.entries(answers)) expectSecurityHeaders(r, what);
    console.log(`security headers checked on ${Object.keys(answers).length} answers: ${Object.entries(answers).map(([k, r]) => `${k} ${r.status}`).join(', ')}`);
  });

  it('refuses wrong content types and oversized bodies on the JSON API, and creates or changes nothing', async () => {
    const created = () => server.logLines('ROOM_CREATED').length;
    const before = created();
    const title = JSON.stringify({ title: 'Gesmokkeld' });
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json', 'text/json', ''];
    for (const type of types) {
      const headers = type === '' ? [] : [`Content-Type: ${type}`];
      const r = await rawRequest(server.port, ['POST /api/rooms HTTP/1.1', ...headers, `Content-Length: ${title.length}`], title);
      expect(r.status, type).toBe(415);
      expect(JSON.parse(r.body).error.code).toBe('BODY_NOT_JSON');
    }
    const huge = JSON.stringify({ title: 'x'.repeat(200 * 1024) });
    const declared = await rawRequest(server.port, ['POST /api/rooms HTTP/1.1', 'Content-Type: application/json', `Content-Length: ${huge.length}`], huge);
    expect(declared.status).toBe(413);
    // Chunked, so the size is only known while reading.
    const chunked = await rawRequest(server.port, ['POST /api/rooms HTTP/1.1', 'Content-Type: application/json', 'Transfer-Encoding: chunked'], `${huge.length.toString(16)}\r\n${huge}\r\n0\r\n\r\n`);
    expect(chunked.status).toBe(413);
    const rename = await rawRequest(server.port, [`PATCH /api/rooms/${room.room} HTTP/1.1`, `Authorization: Bearer ${room.tokens.owner}`, 'Content-Type: text/plain', `Content-Length: ${title.length}`], title);
    expect(rename.status).toBe(415);
    const forged = await rawRequest(server.port, [`PATCH /api/rooms/${room.room} HTTP/1.1`, `Authorization: Bearer ${room.tokens.owner}`, 'Content-Type: application/json', 'Content-Length: 40'], '{"title":"x","__proto__":{"admin":true}}');
    expect(forged.status).toBe(400);
    expect(created()).toBe(before);
    const info = await server.api('GET', `/api/rooms/${room.room}`, { token: room.tokens.view });
    expect((info.body as { title: string }).title).toBe('Vijandig');
    console.log(`API: ${types.length} wrong content types -> 415, oversized declared and chunked -> 413, forged JSON -> 400; rooms created meanwhile: ${created() - before}`);
  });

  it('never writes a token to the log, whatever is refused', async () => {
    const other = await server.createRoom('Ander');
    const tampered = room.tokens.edit.slice(0, -2) + (room.tokens.edit.endsWith('AA') ? 'BB' : 'AA');
    const attempts = [
      docUrl(server.wsUrl, room.room, tampered),
      docUrl(server.wsUrl, other.room, room.tokens.edit),
      docUrl(server.wsUrl, `${room.room}.private`, room.tokens.view),
      docUrl(server.wsUrl, 'bad name!', room.tokens.owner),
      `${docUrl(server.wsUrl, room.room, room.tokens.edit)}&token=${room.tokens.owner}`,
    ];
    for (const url of attempts) expect((await tryUpgrade(url)).opened).toBe(false);
    await server.api('GET', `/api/rooms/${room.room}/links`, { token: room.tokens.edit });
    await server.api('PATCH', `/api/rooms/${room.room}`, { token: tampered, body: { title: 'x' } });
    await server.api('GET', `/api/rooms/${other.room}`, { token: room.tokens.owner });
    const revoked = await server.api('POST', `/api/rooms/${other.room}/revoke`, { token: other.tokens.owner, body: { link: 'view' } });
    expect((await tryUpgrade(docUrl(server.wsUrl, other.room, other.tokens.view))).status).toBe(403);
    clients.push(await openSynced(server.wsUrl, room.room, room.tokens.edit));
    const tokens = [...Object.values(room.tokens), ...Object.values(other.tokens), tampered, (revoked.body as { token: string }).token];
    // The signature part alone must not appear either.
    const pieces = tokens.flatMap((t) => [t, t.slice(-20)]);
    const leaked = pieces.filter((p) => server.log.includes(p));
    console.log(`token leak check: ${tokens.length} tokens (and their signatures) searched in ${server.log.split('\n').length} log lines, ${leaked.length} found`);
    expect(leaked).toEqual([]);
  });
});
