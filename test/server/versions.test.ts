import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, nodesMap, readNodes, setNodeData, snapshotMap } from '../../shared/model/mapDoc';
import { parseMapFile } from '../../shared/exchange/parseMapFile';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { LevelDocStore } from '../../server/storage/LevelDocStore';
import { versionDocName } from '../../server/versions/versionMeta';
import { durable, TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { VK } from '../fixtures/voorbeeldkaart';

interface VersionJson {
  id: string;
  name: string;
  createdAt: number;
  automatic: boolean;
  reason: string;
  counts: { cards: number; relations: number; commitments: number };
}

const asVersion = (body: unknown) => body as VersionJson;
const versionsOf = (body: unknown) => (body as { versions: VersionJson[] }).versions;
const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

/** Versions through the HTTP API against the real server, with real y-websocket clients editing the map. */
describe('versions of a map', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const clients: TestClient[] = [];
  const open = async (token: string) => {
    const c = await openSynced(server.wsUrl, room.room, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await TestServer.start({ env: { VERSIONS_MAX: '6', VERSION_AFTER_SESSION_MINUTES: '0' } });
    room = await server.createRoom('Versies');
    const editor = await open(room.tokens.edit);
    applyTemplate(editor.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
    const check = await open(room.tokens.owner);
    await waitFor(() => nodesMap(check.doc).size === nodesMap(editor.doc).size, 'the map is stored');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.dispose();
    server?.removeData();
  });

  it('saves a named version with counts, lists it newest first and serves it in the map exchange format', async () => {
    const saved = await server.api('POST', `/api/rooms/${room.room}/versions`, { token: room.tokens.edit, body: { name: 'Werksessie 1', note: 'na de eerste sessie', by: 'Samira' } });
    expect(saved.status).toBe(201);
    const v = asVersion(saved.body);
    expect(v).toMatchObject({ name: 'Werksessie 1', automatic: false, reason: 'named', createdBy: 'Samira', counts: { cards: 29, commitments: 8 } });
    expect(v.counts.relations).toBeGreaterThan(10);

    const listed = await server.api('GET', `/api/rooms/${room.room}/versions`, { token: room.tokens.view });
    expect(listed.status).toBe(200);
    expect(versionsOf(listed.body).map((x) => x.id)).toEqual([v.id]);

    const read = await server.api('GET', `/api/rooms/${room.room}/versions/${v.id}`, { token: room.tokens.view });
    expect(read.status).toBe(200);
    const parsed = parseMapFile(JSON.stringify(read.body));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.snapshot.nodes.map((n) => n.label)).toContain('Hatice Demir');
    expect(JSON.stringify(read.body)).not.toContain('06-');
  });

  it('refuses bad input in plain words and knows no unknown version', async () => {
    const base = `/api/rooms/${room.room}/versions`;
    expect(errorCode((await server.api('POST', base, { token: room.tokens.edit, body: { name: '   ' } })).body)).toBe('BODY_INVALID');
    const long = await server.api('POST', base, { token: room.tokens.edit, body: { name: 'x'.repeat(121) } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('at most 120 characters');
    expect(errorCode((await server.api('POST', base, { token: room.tokens.edit, body: { name: 'a', extra: 1 } })).body)).toBe('BODY_INVALID');
    const unknown = await server.api('GET', `${base}/onbekend123`, { token: room.tokens.view });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe('VERSION_NOT_FOUND');
    expect((await server.api('GET', `${base}/..%2F..`, { token: room.tokens.view })).status).toBe(400);
    expect((await server.api('GET', base, { token: 'nep' })).status).toBe(401);
  });

  it('enforces every role: a view link lists and reads but never saves, renames, restores or deletes; only the owner deletes', async () => {
    const base = `/api/rooms/${room.room}/versions`;
    const [v] = versionsOf((await server.api('GET', base, { token: room.tokens.view })).body);
    const view = room.tokens.view;
    for (const [method, path, body] of [
      ['POST', base, { name: 'van een kijker' }],
      ['PATCH', `${base}/${v.id}`, { name: 'hernoemd' }],
      ['POST', `${base}/${v.id}/restore`, {}],
    ] as const) {
      const r = await server.api(method, path, { token: view, body });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(errorCode(r.body)).toBe('EDIT_ONLY');
    }
    const del = await server.api('DELETE', `${base}/${v.id}`, { token: view });
    expect(del.status).toBe(403);
    expect((await server.api('DELETE', `${base}/${v.id}`, { token: room.tokens.edit })).status).toBe(403);
    const renamed = await server.api('PATCH', `${base}/${v.id}`, { token: room.tokens.edit, body: { name: 'Werksessie 1, 12 maart' } });
    expect(renamed.status).toBe(200);
    expect(asVersion(renamed.body).name).toBe('Werksessie 1, 12 maart');
    expect(versionsOf((await server.api('GET', base, { token: view })).body)).toHaveLength(1);
  });

  it('restores during live edits of three clients as one change everyone converges on, saving the present first', async () => {
    const base = `/api/rooms/${room.room}/versions`;
    const [v] = versionsOf((await server.api('GET', base, { token: room.tokens.view })).body);
    const [a, b, c] = [await open(room.tokens.edit), await open(room.tokens.edit), await open(room.tokens.owner)];
    // The map moves on after the version: a new card, a deleted one, a changed field.
    const added = createNode(a.doc, { kind: 'place', label: 'Bibliotheek Oost' });
    b.doc.transact(() => nodesMap(b.doc).delete(VK.ilse));
    setNodeData(c.doc, VK.hatice, { capacityHoursPerMonth: 20 });
    // While three clients keep typing, the restore lands.
    let typing = true;
    const typers = [a, b, c].map(async (client, i) => {
      for (let n = 0; typing && n < 200; n++) {
        client.doc.transact(() => nodesMap(client.doc).get(VK.turks)?.set('x', i * 1000 + n));
        await new Promise((r) => setImmediate(r));
      }
    });
    const restored = await server.api('POST', `${base}/${v.id}/restore`, { token: room.tokens.edit });
    typing = false;
    await Promise.all(typers);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ restored: v.id, applied: true });
    const states = () => [a, b, c].map((x) => JSON.stringify(snapshotMap(x.doc)));
    await waitFor(() => new Set(states()).size === 1, 'all three clients converge');
    const now = snapshotMap(a.doc);
    expect(now.nodes.some((n) => n.id === added)).toBe(false);
    expect(now.nodes.some((n) => n.id === VK.ilse)).toBe(true);
    expect(now.nodes.find((n) => n.id === VK.hatice)?.data.capacityHoursPerMonth).toBe(8);
    // The map as it was just before the restore is kept as an automatic version.
    const listed = versionsOf((await server.api('GET', base, { token: room.tokens.view })).body);
    const before = listed.find((x) => x.id === (restored.body as { before: string }).before);
    expect(before).toMatchObject({ automatic: true, reason: 'restore' });
    const beforeMap = await server.api('GET', `${base}/${before!.id}`, { token: room.tokens.view });
    expect(JSON.stringify(beforeMap.body)).toContain('Bibliotheek Oost');
  });

  it('exports the plan compared with a version, and the quarterly report on its own', async () => {
    const base = `/api/rooms/${room.room}/versions`;
    const [v] = versionsOf((await server.api('GET', base, { token: room.tokens.view })).body).filter((x) => !x.automatic);
    const editor = await open(room.tokens.edit);
    createNode(editor.doc, { kind: 'keyFigure', label: 'Amina Rahimi' });
    const get = async (query: string, token = room.tokens.view) => {
      const res = await fetch(`${server.httpUrl}/api/rooms/${room.room}/export${query}`, { headers: { Authorization: `Bearer ${token}` } });
      return { status: res.status, text: await res.text(), disposition: res.headers.get('content-disposition') ?? '' };
    };
    await waitFor(async () => (await get(`?format=md&since=${v.id}`)).text.includes('Amina Rahimi'), 'the new key figure reaches the export');
    const plan = await get(`?format=md&since=${v.id}`);
    expect(plan.status).toBe(200);
    expect(plan.text).toContain(`### Sinds “${v.name}”`);
    expect(plan.text).toContain('Nieuwe sleutelfiguren: Amina Rahimi.');
    const report = await get(`?format=md&since=${v.id}&report=kwartaal&lang=en`);
    expect(report.status).toBe(200);
    expect(report.text).toContain('# Quarterly report');
    expect(report.disposition).toContain('-quarterly-report-');
    expect((await get('?format=md&since=onbekend')).status).toBe(404);
    expect((await get('?format=md&since=../x')).status).toBe(400);
    expect((await get(`?format=json&since=${v.id}`)).status).toBe(400);
    expect((await get('?format=md&report=kwartaal')).status).toBe(400);
  });

  it('keeps named versions and prunes automatic ones oldest first past VERSIONS_MAX, and says so when full', async () => {
    const base = `/api/rooms/${room.room}/versions`;
    for (let i = 0; i < 8; i++) {
      const r = await server.api('POST', base, { token: room.tokens.edit, body: { reason: 'template' } });
      expect(r.status).toBe(201);
    }
    let listed = versionsOf((await server.api('GET', base, { token: room.tokens.view })).body);
    expect(listed).toHaveLength(6);
    expect(listed.filter((x) => !x.automatic).map((x) => x.name)).toEqual(['Werksessie 1, 12 maart']);
    for (let i = 0; i < 5; i++) expect((await server.api('POST', base, { token: room.tokens.edit, body: { name: `Sessie ${i + 2}` } })).status).toBe(201);
    const full = await server.api('POST', base, { token: room.tokens.edit, body: { name: 'Eén te veel' } });
    expect(full.status).toBe(409);
    expect(errorCode(full.body)).toBe('VERSIONS_FULL');
    listed = versionsOf((await server.api('GET', base, { token: room.tokens.view })).body);
    expect(listed.every((x) => !x.automatic)).toBe(true);
    // The owner makes room.
    expect((await server.api('DELETE', `${base}/${listed[0].id}`, { token: room.tokens.owner })).status).toBe(200);
    expect((await server.api('POST', base, { token: room.tokens.edit, body: { name: 'Nu past het' } })).status).toBe(201);
  });
});

describe.runIf(durable)('versions in storage', () => {
  it('survive kill -9 and a restart, and an automatic one is saved when the last person leaves a changed map', async () => {
    const server = await TestServer.start({ env: { VERSION_AFTER_SESSION_MINUTES: '0' } });
    try {
      const room = await server.createRoom('Blijvend');
      const editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
      createNode(editor.doc, { kind: 'place', label: 'Moskee Noord' });
      const check = await openSynced(server.wsUrl, room.room, room.tokens.owner);
      await waitFor(() => readNodes(check.doc).length === 1, 'the card is stored');
      const saved = await server.api('POST', `/api/rooms/${room.room}/versions`, { token: room.tokens.edit, body: { name: 'Voor de crash' } });
      expect(saved.status).toBe(201);
      editor.destroy();
      check.destroy();
      await waitFor(async () => versionsOf((await server.api('GET', `/api/rooms/${room.room}/versions`, { token: room.tokens.view })).body).some((v) => v.reason === 'leave'), 'an automatic version after the session');
      await server.kill9();
      const again = await server.restart();
      try {
        const listed = versionsOf((await again.api('GET', `/api/rooms/${room.room}/versions`, { token: room.tokens.view })).body);
        expect(listed.map((v) => v.reason).sort()).toEqual(['leave', 'named']);
        const read = await again.api('GET', `/api/rooms/${room.room}/versions/${asVersion(saved.body).id}`, { token: room.tokens.view });
        expect(JSON.stringify(read.body)).toContain('Moskee Noord');
        // Deleting the map deletes its versions.
        expect((await again.api('DELETE', `/api/rooms/${room.room}`, { token: room.tokens.owner })).status).toBe(200);
        expect(again.logLines('ROOM_DELETED').at(-1)).toContain('versions=2');
      } finally {
        await again.dispose();
        again.removeData();
      }
    } finally {
      await server.dispose();
    }
  });

  it('deletes a person from every version: after it, no stored byte of any version holds their name', async () => {
    const server = await TestServer.start();
    try {
      const room = await server.createRoom('AVG');
      const editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
      applyTemplate(editor.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
      const check = await openSynced(server.wsUrl, room.room, room.tokens.owner);
      await waitFor(() => nodesMap(check.doc).size === nodesMap(editor.doc).size, 'the map is stored');
      const ids: string[] = [];
      for (const name of ['Sessie 1', 'Sessie 2']) ids.push(asVersion((await server.api('POST', `/api/rooms/${room.room}/versions`, { token: room.tokens.edit, body: { name } })).body).id);
      editor.destroy();
      check.destroy();

      const del = await server.api('DELETE', `/api/rooms/${room.room}/nodes/${VK.hatice}`, { token: room.tokens.owner });
      expect(del.status).toBe(200);
      for (const id of ids) {
        const read = await server.api('GET', `/api/rooms/${room.room}/versions/${id}`, { token: room.tokens.view });
        const text = JSON.stringify(read.body);
        expect(text).not.toContain('Hatice');
        // Her relations and commitments went with her card.
        expect(text).not.toContain(VK.hatice);
        expect(text).toContain('Karim Amrani');
      }
      expect((await server.stop())).toBe(0);
      const store = await LevelDocStore.open(join(server.dataDir, 'db'));
      try {
        for (const id of ids) {
          const stored = Buffer.concat((await store.load(versionDocName(room.room, id))).updates.map((u) => Buffer.from(u)));
          expect(stored.length).toBeGreaterThan(1000);
          expect(stored.includes(Buffer.from('Hatice'))).toBe(false);
        }
        const map = Buffer.concat((await store.load(room.room)).updates.map((u) => Buffer.from(u)));
        expect(map.includes(Buffer.from('Hatice'))).toBe(false);
      } finally {
        await store.close();
      }
    } finally {
      await server.dispose();
      server.removeData();
    }
  });
});

describe('a version that cannot be read', () => {
  it('is reported with a code and never served half', async () => {
    const { VersionStore } = await import('../../server/versions/VersionStore');
    const { MemoryDocStore } = await import('../../server/storage/MemoryDocStore');
    const store = new MemoryDocStore();
    const versions = new VersionStore(store, 10);
    const doc = new Y.Doc();
    createNode(doc, { kind: 'place', label: 'Buurthuis' });
    const v = await versions.save('kaart', doc, { name: 'Goed', reason: 'named' });
    await store.delete(versionDocName('kaart', v.id));
    await store.append(versionDocName('kaart', v.id), [new Uint8Array([1, 2, 3, 250, 251])]);
    await expect(versions.load('kaart', v.id)).rejects.toMatchObject({ code: 'VERSION_UNREADABLE' });
    expect(await versions.list('kaart')).toHaveLength(1);
  });
});

describe('automatic versions kept by several instances', () => {
  it('keeps one when two instances both see the session end, and never skips a named one', async () => {
    const { VersionStore } = await import('../../server/versions/VersionStore');
    const { MemoryDocStore } = await import('../../server/storage/MemoryDocStore');
    // Two instances' version stores on one storage, as on one PostgreSQL.
    const store = new MemoryDocStore();
    const [onA, onB] = [new VersionStore(store, 10), new VersionStore(store, 10)];
    const doc = new Y.Doc();
    createNode(doc, { kind: 'place', label: 'Buurthuis' });
    const since = Date.now() - 60_000;
    const first = await onA.save('kaart', doc, { name: 'Na de sessie', reason: 'leave', unlessSince: { since, reason: 'leave' } });
    const second = await onB.save('kaart', doc, { name: 'Na de sessie', reason: 'leave', unlessSince: { since, reason: 'leave' } });
    expect(second.id).toBe(first.id);
    // A daily version counts any recent version; a session version only earlier session versions.
    expect((await onB.save('kaart', doc, { name: 'Dagelijks', reason: 'daily', unlessSince: { since } })).id).toBe(first.id);
    await onA.save('kaart', doc, { name: 'Werksessie 2', reason: 'named' });
    expect((await onA.list('kaart')).map((v) => v.reason).sort()).toEqual(['leave', 'named']);
  });
});
