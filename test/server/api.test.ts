import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createEdge, createNode, edgesMap, nodesMap, readMeta } from '../../shared/model/mapDoc';
import { peopleMap, setPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { LevelDocStore } from '../../server/storage/LevelDocStore';
import { TestServer, durable, type CreatedRoom } from '../helpers/server';
import { openSynced, tryUpgrade, waitFor, type TestClient } from '../helpers/clients';

describe('the rooms API', () => {
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await TestServer.start({ env: { CREATE_LIMIT: '40' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
    server.removeData();
  });

  it('creates a map with three tokens and links that carry the token in the fragment', async () => {
    const r = await server.api('POST', '/api/rooms', { body: { title: 'Mantelzorg Oost', template: 'leeg' } });
    expect(r.status).toBe(201);
    const created = r.body as CreatedRoom;
    expect(created.room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const role of ['owner', 'edit', 'view'] as const) {
      expect(created.links[role]).toBe(`${server.httpUrl}/m/${created.room}#token=${created.tokens[role]}`);
      const info = await server.api('GET', `/api/rooms/${created.room}`, { token: created.tokens[role] });
      expect(info).toEqual({ status: 200, body: { room: created.room, title: 'Mantelzorg Oost', role } });
    }
    const viewer = await openSynced(server.wsUrl, created.room, created.tokens.view);
    clients.push(viewer);
    expect(readMeta(viewer.doc).title).toBe('Mantelzorg Oost');
  });

  it('answers bad input with a 4xx and a reason, and creates nothing', async () => {
    const cases: { body?: unknown; rawBody?: string; contentType?: string; status: number }[] = [
      { rawBody: 'title=x', contentType: 'application/x-www-form-urlencoded', status: 415 },
      { rawBody: JSON.stringify({ title: 'x' }), contentType: 'text/plain', status: 415 },
      { rawBody: JSON.stringify({ title: 'x'.repeat(100_000) }), status: 413 },
      { rawBody: '{"title": "x"', status: 400 },
      { body: { title: '' }, status: 400 },
      { body: { title: 42 }, status: 400 },
      { body: { title: 'x', admin: true }, status: 400 },
      { body: ['title'], status: 400 },
      { body: { title: 'x', template: '../../etc' }, status: 400 },
    ];
    for (const c of cases) {
      const r = await server.api('POST', '/api/rooms', c);
      expect(r.status, JSON.stringify(c).slice(0, 80)).toBe(c.status);
      expect((r.body as { error: { code: string; message: string } }).error.message.length).toBeGreaterThan(3);
    }
    expect(server.log.match(/ROOM_CREATED/g)?.length ?? 0).toBe(1);
  });

  it('refuses malformed, oversized and missing tokens on the API', async () => {
    const created = await server.createRoom('Tokens');
    expect((await server.api('GET', `/api/rooms/${created.room}`)).status).toBe(401);
    expect((await server.api('GET', `/api/rooms/${created.room}`, { token: 'abc' })).status).toBe(401);
    expect((await server.api('GET', `/api/rooms/${created.room}`, { token: 'a'.repeat(2000) })).status).toBe(401);
    expect((await server.api('GET', `/api/rooms/bad%20room`, { token: created.tokens.owner })).status).toBe(400);
    expect((await server.api('GET', `/api/rooms/${created.room}/links`, { token: created.tokens.edit })).status).toBe(403);
    const links = await server.api('GET', `/api/rooms/${created.room}/links`, { token: created.tokens.owner });
    expect(links.status).toBe(200);
    expect((links.body as CreatedRoom).tokens).toEqual(created.tokens);
    expect((await server.api('POST', `/api/rooms/${created.room}/revoke`, { token: created.tokens.owner, body: { link: 'owner' } })).status).toBe(400);
  });

  it('lets the owner rename a map, and every client sees the new title', async () => {
    const created = await server.createRoom('Oud');
    const viewer = await openSynced(server.wsUrl, created.room, created.tokens.view);
    clients.push(viewer);
    expect((await server.api('PATCH', `/api/rooms/${created.room}`, { token: created.tokens.edit, body: { title: 'Nee' } })).status).toBe(403);
    expect((await server.api('PATCH', `/api/rooms/${created.room}`, { token: created.tokens.owner, body: { title: 'Nieuw' } })).status).toBe(200);
    await waitFor(() => readMeta(viewer.doc).title === 'Nieuw', 'the viewer sees the new title');
  });

  it('lets the owner delete a map: its sockets close and its links stop working', async () => {
    const created = await server.createRoom('Weg');
    const editor = await openSynced(server.wsUrl, created.room, created.tokens.edit);
    clients.push(editor);
    createNode(editor.doc, { label: 'iets' });
    const r = await server.api('DELETE', `/api/rooms/${created.room}`, { token: created.tokens.owner });
    expect(r.status).toBe(200);
    await waitFor(() => editor.closes.some((c) => c.code === 4404), 'the editor socket is closed');
    expect((await tryUpgrade(`${server.wsUrl}/${created.room}?token=${created.tokens.owner}`)).status).toBe(404);
    expect((await server.api('GET', `/api/rooms/${created.room}`, { token: created.tokens.owner })).status).toBe(404);
  });

  it('rate-limits map creation per address', async () => {
    const limited = await TestServer.start({ env: { CREATE_LIMIT: '2', CREATE_TOKEN: 'workshop-geheim' } });
    try {
      expect((await limited.api('POST', '/api/rooms', { body: { title: 'a' } })).status).toBe(401);
      expect((await limited.api('POST', '/api/rooms', { body: { title: 'a' }, token: 'verkeerd-geheim' })).status).toBe(401);
      expect((await limited.api('POST', '/api/rooms', { body: { title: 'a' }, token: 'workshop-geheim' })).status).toBe(201);
      expect((await limited.api('POST', '/api/rooms', { body: { title: 'b' }, token: 'workshop-geheim' })).status).toBe(201);
      expect((await limited.api('POST', '/api/rooms', { body: { title: 'c' }, token: 'workshop-geheim' })).status).toBe(429);
    } finally {
      await limited.dispose();
      limited.removeData();
    }
  });

  it('serves the app with security headers and refuses path traversal', async () => {
    const res = await fetch(`${server.httpUrl}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    if (existsSync(join(process.cwd(), 'dist/client-e2e/index.html'))) {
      expect(res.status).toBe(200);
      expect((await fetch(`${server.httpUrl}/m/abcDEF_123`)).status).toBe(200);
    }
    for (const p of ['/..%2fpackage.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/%00']) {
      const r = await fetch(`${server.httpUrl}${p}`);
      expect([400, 404], p).toContain(r.status);
      expect(await r.text()).not.toContain('"name": "mantelkaart"');
    }
  });
});

describe.runIf(durable)('deleting a person', () => {
  it('removes the node, its edges and its private entry, also from the stored log', async () => {
    const server = await TestServer.start();
    const PHONE = '+31 6 5555 0101';
    const LABEL = 'Mevrouw Verwijderbaar';
    try {
      const room = await server.createRoom('Privacy');
      const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
      const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
      const keep = createNode(map.doc, { label: 'blijft' });
      const person = createNode(map.doc, { kind: 'person', label: LABEL });
      const edge = createEdge(map.doc, { source: keep, target: person });
      setPrivateFields(priv.doc, person, { phone: PHONE });
      const owner = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.owner);
      await waitFor(() => peopleMap(owner.doc).has(person), 'private entry stored');
      owner.destroy();
      const r = await server.api('DELETE', `/api/rooms/${room.room}/nodes/${person}`, { token: room.tokens.owner });
      expect(r.status).toBe(200);
      await waitFor(() => !nodesMap(map.doc).has(person) && !edgesMap(map.doc).has(edge) && !peopleMap(priv.doc).has(person), 'clients see the person gone');
      expect(nodesMap(map.doc).has(keep)).toBe(true);
      map.destroy();
      priv.destroy();
      expect(await server.stop()).toBe(0);
      const store = await LevelDocStore.open(join(server.dataDir, 'db'));
      try {
        for (const name of [room.room, privateRoomOf(room.room)]) {
          const stored = Buffer.concat((await store.load(name)).updates.map((u) => Buffer.from(u)));
          expect(stored.includes(Buffer.from(PHONE)), name).toBe(false);
          expect(stored.includes(Buffer.from(LABEL)), name).toBe(false);
        }
      } finally {
        await store.close();
      }
    } finally {
      await server.dispose();
      server.removeData();
    }
  });
});
