import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { readNodes } from '../../shared/model/mapDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { readOutcome, readTimer } from '../../shared/participation/participationState';
import { readSuggestions } from '../../shared/participation/suggestions';
import { rankVote, readVote, type Vote } from '../../shared/participation/votes';
import { LevelDocStore } from '../../server/storage/LevelDocStore';
import { durable, TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { seedExampleMap } from '../helpers/exampleMap';

const errorCode = (body: unknown) => (body as { error?: { code: string } }).error?.code;
const device = (n: number) => `testdevice-${String(n).padStart(8, '0')}`;

/**
 * Votes, suggestions and the timer through the HTTP API against the real server, with real y-websocket clients
 * watching the map: what a view link may do, and every refusal of what it may not, with the map unchanged after.
 */
describe('participation from the view link', () => {
  let server: TestServer;
  let room: CreatedRoom;
  let editor: TestClient;
  let viewer: TestClient;
  const clients: TestClient[] = [];
  let offers: string[];
  let communities: string[];

  const call = (method: string, path: string, token: string, body?: unknown, dev?: string) =>
    server.api(method, `/api/rooms/${room.room}${path}`, { token, body, headers: dev ? { 'X-Device-Id': dev } : {} });
  const voteIn = (client: TestClient, id: string) => readVote(client.doc, id);

  beforeAll(async () => {
    server = await TestServer.start();
    ({ room, editor } = await seedExampleMap(server, 'Meedoen'));
    clients.push(editor);
    viewer = await openSynced(server.wsUrl, room.room, room.tokens.view);
    clients.push(viewer);
    await waitFor(() => readNodes(viewer.doc).length === readNodes(editor.doc).length, 'the viewer has the map');
    offers = readNodes(editor.doc).filter((n) => n.kind === 'offer').map((n) => n.id);
    communities = readNodes(editor.doc).filter((n) => n.kind === 'community').map((n) => n.id);
    expect(offers.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.dispose();
    server?.removeData();
  });

  it('runs a hidden dot vote: phones vote, nobody sees counts until the facilitator reveals, ending ranks the cards', async () => {
    const started = await call('POST', '/votes', room.tokens.edit, { question: 'Welke ondersteuning eerst?', cards: offers.slice(0, 3), dots: 3, stack: true });
    expect(started.status).toBe(201);
    const vote = started.body as Vote;
    await waitFor(() => voteIn(viewer, vote.id)?.status === 'open', 'the vote reaches the viewer');
    expect(voteIn(viewer, vote.id)).toMatchObject({ question: 'Welke ondersteuning eerst?', dots: 3, revealed: false, counts: null });

    const [a, b, c] = offers;
    const p1 = await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [a, a, b] }, device(1));
    expect(p1.status).toBe(200);
    expect(p1.body).toMatchObject({ cards: [a, a, b], dotsLeft: 0 });
    expect((await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [a] }, device(2))).status).toBe(200);
    expect((await call('POST', `/votes/${vote.id}/ballot`, room.tokens.edit, { cards: [c, b] }, device(3))).status).toBe(200);
    // Changing one's mind replaces the ballot, it does not add to it.
    expect((await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [a, b] }, device(2))).status).toBe(200);

    await waitFor(() => voteIn(viewer, vote.id)?.voters === 3, 'the viewer sees three people voted');
    expect(voteIn(viewer, vote.id)?.counts).toBeNull();
    expect(JSON.stringify(viewer.doc.toJSON())).not.toContain(device(1));
    // Each sees their own dots, and only their own.
    expect((await call('GET', `/votes/${vote.id}/ballot`, room.tokens.view, undefined, device(1))).body).toMatchObject({ cards: [a, a, b] });
    expect((await call('GET', `/votes/${vote.id}/ballot`, room.tokens.view, undefined, device(9))).body).toMatchObject({ cards: [] });

    expect((await call('POST', `/votes/${vote.id}/reveal`, room.tokens.edit)).status).toBe(200);
    await waitFor(() => voteIn(viewer, vote.id)?.counts !== null, 'counts are revealed to the viewer');
    expect(voteIn(viewer, vote.id)?.counts).toEqual([3, 3, 1]);

    const ended = await call('POST', `/votes/${vote.id}/end`, room.tokens.edit);
    expect(ended.status).toBe(200);
    await waitFor(() => voteIn(viewer, vote.id)?.status === 'ended', 'the viewer sees the vote ended');
    const result = voteIn(viewer, vote.id)!;
    expect(rankVote(result).map((r) => [r.card, r.count, r.rank])).toEqual([[a, 3, 1], [b, 3, 1], [c, 1, 3]]);
    expect(result.labels).toEqual(offers.slice(0, 3).map((id) => readNodes(editor.doc).find((n) => n.id === id)!.label));
    // Closed: nobody changes their dots any more.
    const late = await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [c] }, device(1));
    expect([late.status, errorCode(late.body)]).toEqual([409, 'VOTE_CLOSED']);
  });

  it('refuses everything a view link may not do, and any ballot outside the rules, with the map unchanged', async () => {
    const open = (await call('POST', '/votes', room.tokens.edit, { question: 'Welke plek eerst?', cards: offers.slice(0, 3), dots: 2 })).body as Vote;
    await waitFor(() => voteIn(viewer, open.id) !== undefined, 'the second vote reaches the viewer');
    const before = Y.encodeStateVector(viewer.doc);
    const refusals: [string, Promise<{ status: number; body: unknown }>, number, string][] = [
      ['start a vote', call('POST', '/votes', room.tokens.view, { question: 'x', cards: offers.slice(0, 2) }), 403, 'EDIT_ONLY'],
      ['reveal', call('POST', `/votes/${open.id}/reveal`, room.tokens.view), 403, 'EDIT_ONLY'],
      ['end', call('POST', `/votes/${open.id}/end`, room.tokens.view), 403, 'EDIT_ONLY'],
      ['delete a vote', call('DELETE', `/votes/${open.id}`, room.tokens.view), 403, 'EDIT_ONLY'],
      ['badges', call('PATCH', `/votes/${open.id}`, room.tokens.view, { showOnCards: true }), 403, 'EDIT_ONLY'],
      ['timer', call('POST', '/timer', room.tokens.view, { action: 'start', seconds: 300 }), 403, 'EDIT_ONLY'],
      ['open suggestions', call('PATCH', '/participation', room.tokens.view, { suggestionsOpen: false }), 403, 'EDIT_ONLY'],
      ['accept', call('POST', '/suggestions/abcdefgh12345678/accept', room.tokens.view, { node: 'x' }), 403, 'EDIT_ONLY'],
      ['dismiss', call('POST', '/suggestions/abcdefgh12345678/dismiss', room.tokens.view, {}), 403, 'EDIT_ONLY'],
      ['more dots', call('POST', `/votes/${open.id}/ballot`, room.tokens.view, { cards: offers.slice(0, 3) }, device(4)), 400, 'BALLOT_TOO_MANY_DOTS'],
      ['two on one card', call('POST', `/votes/${open.id}/ballot`, room.tokens.view, { cards: [offers[0], offers[0]] }, device(4)), 400, 'BALLOT_ONE_DOT_PER_CARD'],
      ['a card outside the vote', call('POST', `/votes/${open.id}/ballot`, room.tokens.view, { cards: [communities[0]] }, device(4)), 400, 'BALLOT_CARD_NOT_IN_VOTE'],
      ['an unknown vote', call('POST', '/votes/onbekend0000/ballot', room.tokens.view, { cards: [] }, device(4)), 404, 'VOTE_NOT_FOUND'],
      ['as someone else', call('POST', `/votes/${open.id}/ballot`, room.tokens.view, { cards: [offers[0]], device: device(1) }, device(4)), 400, 'BODY_INVALID'],
      ['without a device', call('POST', `/votes/${open.id}/ballot`, room.tokens.view, { cards: [offers[0]] }), 400, 'DEVICE_ID_REQUIRED'],
      ['a guessable device', call('POST', `/votes/${open.id}/ballot`, room.tokens.view, { cards: [offers[0]] }, 'abc'), 400, 'DEVICE_ID_INVALID'],
      ['a bad token', call('POST', `/votes/${open.id}/ballot`, room.tokens.view + 'x', { cards: [offers[0]] }, device(4)), 401, 'TOKEN_BAD_SIGNATURE'],
    ];
    for (const [what, pending, status, code] of refusals) {
      const r = await pending;
      expect([what, r.status, errorCode(r.body)]).toEqual([what, status, code]);
    }
    // Nothing of that reached the map: a marker from the editor arrives, and it is the only change.
    editor.doc.getMap('meta').set('marker', 1);
    await waitFor(() => viewer.doc.getMap('meta').get('marker') === 1, 'the marker reaches the viewer');
    const after = Y.decodeStateVector(Y.encodeStateVector(viewer.doc));
    const was = Y.decodeStateVector(before);
    const changed = [...after.keys()].filter((id) => after.get(id) !== was.get(id));
    expect(changed).toEqual([editor.doc.clientID]);
    expect(voteIn(viewer, open.id)?.voters).toBe(0);
  });

  it('keeps a participant’s dots per link and device, across reconnects and a restart of the server', async () => {
    const vote = (await call('POST', '/votes', room.tokens.edit, { question: 'Wat eerst?', cards: offers.slice(0, 3), dots: 2 })).body as Vote;
    expect((await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [offers[1]] }, device(5))).status).toBe(200);
    // The same device with the edit link is someone else.
    expect((await call('GET', `/votes/${vote.id}/ballot`, room.tokens.edit, undefined, device(5))).body).toMatchObject({ cards: [] });
    if (durable) {
      for (const c of clients) c.destroy();
      clients.length = 0;
      await server.stop();
      server = await server.restart();
      editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
      viewer = await openSynced(server.wsUrl, room.room, room.tokens.view);
      clients.push(editor, viewer);
    }
    expect((await call('GET', `/votes/${vote.id}/ballot`, room.tokens.view, undefined, device(5))).body).toMatchObject({ cards: [offers[1]] });
    const more = await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [offers[1], offers[2]] }, device(5));
    expect(more.body).toMatchObject({ dotsLeft: 0, voters: 1 });
  });

  it('ends a vote with a time limit on the server’s clock and refuses dots after it', async () => {
    const vote = (await call('POST', '/votes', room.tokens.edit, { question: 'Snel?', cards: offers.slice(0, 2), dots: 1, seconds: 5 })).body as Vote;
    expect(vote.endsAt).toBeGreaterThan(Date.now());
    expect((await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [offers[0]] }, device(6))).status).toBe(200);
    await waitFor(() => voteIn(viewer, vote.id)?.status === 'ended', 'the vote ends by itself', 15_000);
    expect(voteIn(viewer, vote.id)?.counts).toEqual([1, 0]);
    expect(errorCode((await call('POST', `/votes/${vote.id}/ballot`, room.tokens.view, { cards: [offers[1]] }, device(6))).body)).toBe('VOTE_CLOSED');
  });

  it('takes suggestions from a view link into the editors’ private inbox only, within limits, and tells the sender what became of them', async () => {
    const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
    clients.push(priv);
    const sent = await call('POST', '/suggestions', room.tokens.view, { kind: 'keyFigure', name: 'Imam Yusuf Kaya', note: 'Kent veel mantelzorgers uit de moskee', relatesTo: communities[0], from: 'Aylin' }, device(7));
    expect(sent.status).toBe(201);
    const id = (sent.body as { id: string }).id;
    await waitFor(() => readSuggestions(priv.doc).some((s) => s.id === id), 'the suggestion reaches the editors');
    expect(readSuggestions(priv.doc)[0]).toMatchObject({ kind: 'keyFigure', name: 'Imam Yusuf Kaya', relatesTo: communities[0], from: 'Aylin' });
    // Never in the map every view link syncs.
    expect(JSON.stringify(viewer.doc.toJSON())).not.toContain('Yusuf');
    expect((await call('GET', '/suggestions', room.tokens.view, undefined, device(7))).body).toMatchObject({ suggestions: [{ id, name: 'Imam Yusuf Kaya' }] });
    expect((await call('GET', '/suggestions', room.tokens.view, undefined, device(8))).body).toEqual({ suggestions: [] });

    const bad: [unknown, number, string][] = [
      [{ kind: 'keyFigure', name: 'x'.repeat(81) }, 400, 'BODY_INVALID'],
      [{ kind: 'keyFigure', name: 'Oom Ali', note: 'bel hem op 06-12345678' }, 400, 'SUGGESTION_CONTACT_DETAILS'],
      [{ kind: 'keyFigure', name: 'Oom Ali', relatesTo: 'bestaatniet' }, 400, 'SUGGESTION_RELATES_UNKNOWN'],
      [{ kind: 'keyFigure', name: 'Oom Ali', note: 'x'.repeat(3000) }, 413, 'SUGGESTION_TOO_LARGE'],
    ];
    for (const [body, status, code] of bad) {
      const r = await call('POST', '/suggestions', room.tokens.view, body, device(8));
      expect([r.status, errorCode(r.body)]).toEqual([status, code]);
    }

    const decided = await call('POST', `/suggestions/${id}/accept`, room.tokens.edit, { node: 'nieuwekaart01' });
    expect(decided.status).toBe(200);
    await waitFor(() => readOutcome(viewer.doc, id)?.status === 'accepted', 'the sender can see it was accepted');
    expect(readOutcome(viewer.doc, id)).toMatchObject({ node: 'nieuwekaart01' });
    await waitFor(() => readSuggestions(priv.doc).length === 0, 'the inbox is empty');
    const again = await call('POST', `/suggestions/${id}/dismiss`, room.tokens.edit, {});
    expect([again.status, errorCode(again.body)]).toEqual([409, 'SUGGESTION_DECIDED']);

    // Closed by the facilitator: refused until opened again.
    expect((await call('PATCH', '/participation', room.tokens.edit, { suggestionsOpen: false, suggestKinds: ['keyFigure', 'place'] })).status).toBe(200);
    expect(errorCode((await call('POST', '/suggestions', room.tokens.view, { kind: 'keyFigure', name: 'Tante Fatma' }, device(8))).body)).toBe('SUGGESTIONS_CLOSED');
    await call('PATCH', '/participation', room.tokens.edit, { suggestionsOpen: true });
    expect(errorCode((await call('POST', '/suggestions', room.tokens.view, { kind: 'offer', name: 'Taalcafé' }, device(8))).body)).toBe('SUGGESTION_KIND_UNKNOWN');
    const dismissMe = (await call('POST', '/suggestions', room.tokens.view, { kind: 'place', name: 'Buurthuis De Brug' }, device(8))).body as { id: string };
    expect((await call('POST', `/suggestions/${dismissMe.id}/dismiss`, room.tokens.edit, { reason: 'Staat al op de kaart' })).status).toBe(200);
    await waitFor(() => readOutcome(viewer.doc, dismissMe.id)?.reason === 'Staat al op de kaart', 'the sender sees why');
  });

  it('limits a flood of suggestions from one device', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await call('POST', '/suggestions', room.tokens.view, { kind: 'place', name: `Plek ${i}` }, device(20));
      codes.push(r.status === 201 ? 'ok' : errorCode(r.body));
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'SUGGESTION_RATE_LIMITED', 'SUGGESTION_RATE_LIMITED', 'SUGGESTION_RATE_LIMITED']);
  });

  it('runs the shared timer on the server’s clock: start, pause, resume, one more minute, stop', async () => {
    const t0 = Date.now();
    const started = await call('POST', '/timer', room.tokens.edit, { action: 'start', seconds: 300 });
    expect(started.status).toBe(200);
    await waitFor(() => readTimer(viewer.doc)?.status === 'running', 'the viewer sees the timer');
    const running = readTimer(viewer.doc)!;
    expect(running.status === 'running' && running.endsAt).toBeGreaterThanOrEqual(t0 + 300_000);
    expect(running.status === 'running' && running.endsAt).toBeLessThanOrEqual(Date.now() + 300_000);
    await call('POST', '/timer', room.tokens.edit, { action: 'pause' });
    await waitFor(() => readTimer(viewer.doc)?.status === 'paused', 'paused');
    await call('POST', '/timer', room.tokens.edit, { action: 'add', seconds: 60 });
    await waitFor(() => { const t = readTimer(viewer.doc); return t?.status === 'paused' && t.remainingMs > 300_000; }, 'a minute more');
    await call('POST', '/timer', room.tokens.edit, { action: 'resume' });
    await waitFor(() => readTimer(viewer.doc)?.status === 'running', 'running again');
    expect(errorCode((await call('POST', '/timer', room.tokens.edit, { action: 'resume' })).body)).toBe('TIMER_NOT_PAUSED');
    await call('POST', '/timer', room.tokens.edit, { action: 'stop' });
    await waitFor(() => readTimer(viewer.doc) === null, 'stopped');
    const time = await server.api('GET', '/api/time');
    expect(Math.abs((time.body as { now: number }).now - Date.now())).toBeLessThan(1000);
  });

  it('stamps presence with the link’s real role and drops a view link’s call to bring everyone to its view', async () => {
    const raw = new WebSocket(`${server.wsUrl}/${room.room}?token=${room.tokens.view}`);
    await new Promise((r) => raw.once('open', r));
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const fake = new Awareness(new Y.Doc());
    fake.setLocalState({ user: { name: 'Nep', color: '#1d4ed8' }, role: 'owner', summon: { at: Date.now() }, viewport: { x: 0, y: 0, width: 10, height: 10 } });
    const enc = (await import('lib0/encoding'));
    const e = enc.createEncoder();
    enc.writeVarUint(e, 1);
    enc.writeVarUint8Array(e, encodeAwarenessUpdate(fake, [fake.clientID]));
    raw.send(enc.toUint8Array(e));
    await waitFor(() => editor.provider.awareness.getStates().has(fake.clientID), 'the editor sees the viewer’s presence');
    const seen = editor.provider.awareness.getStates().get(fake.clientID) as Record<string, unknown>;
    expect(seen.role).toBe('view');
    expect(seen.summon).toBeUndefined();
    expect((seen.user as { name: string }).name).toBe('Nep');
    raw.close();
  });

  it('removes what a suggestion said from storage once it is decided (AVG)', async () => {
    if (!durable) return;
    const sent = (await call('POST', '/suggestions', room.tokens.view, { kind: 'keyFigure', name: 'Meneer Zeldzamenaam', note: 'Bakker op de markt' }, device(30))).body as { id: string };
    expect((await call('POST', `/suggestions/${sent.id}/dismiss`, room.tokens.edit, {})).status).toBe(200);
    for (const c of clients) c.destroy();
    clients.length = 0;
    // Killed, not stopped: a clean stop compacts every document anyway, and would hide a missing compaction.
    await server.kill9();
    const store = await LevelDocStore.open(join(server.dataDir, 'db'));
    try {
      for (const name of [room.room, privateRoomOf(room.room)]) {
        const stored = await store.load(name);
        const bytes = Buffer.concat(stored.updates.map((u) => Buffer.from(u))).toString('latin1');
        expect(bytes).not.toContain('Zeldzamenaam');
      }
    } finally {
      await store.close();
    }
    server = await server.restart();
  });
});
