import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodesMap, readMeta, snapshotMap } from '../../shared/model/mapDoc';
import { readPrivateFields, setPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { parseMapFile } from '../../shared/exchange/parseMapFile';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { paragraphsWithStyle, readDocx, textOf } from '../shared/plan/readDocx';
import { VK } from '../fixtures/voorbeeldkaart';
import { writeVoorbeeldplan } from '../fixtures/voorbeeldplan';
import { readTexts } from '../../shared/model/mapDoc';

const PHONE = '06-98765432';
const EMAIL = 'hatice@example.org';
const TITLE = 'Mantelzorg Oost: één kaart';
/** The plan's own title, which the team set beside the map. */
const PLAN_TITLE = 'Samen zorgen in Maasdonk-Oost';

interface Fetched {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
}

describe('exporting a map from the server', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const clients: TestClient[] = [];

  async function get(query: string, token?: string, path = `/api/rooms/${room.room}/export`): Promise<Fetched> {
    const res = await fetch(`${server.httpUrl}${path}${query}`, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
  }

  beforeAll(async () => {
    server = await TestServer.start();
    room = await server.createRoom(TITLE);
    // An editor fills the map (the Voorbeeldkaart) and puts a phone number in the private document.
    const editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
    clients.push(editor, priv);
    applyTemplate(editor.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
    writeVoorbeeldplan(editor.doc);
    setPrivateFields(priv.doc, VK.hatice, { phone: PHONE, email: EMAIL });
    // Confirmed by a fresh owner client: both documents hold the writes on the server.
    const check = await openSynced(server.wsUrl, room.room, room.tokens.owner);
    const checkPriv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.owner);
    clients.push(check, checkPriv);
    await waitFor(() => nodesMap(check.doc).size === nodesMap(editor.doc).size && nodesMap(check.doc).size > 10, 'the map reaches the server');
    await waitFor(() => JSON.stringify(readTexts(check.doc)) === JSON.stringify(readTexts(editor.doc)), 'the plan’s texts reach the server');
    await waitFor(() => readPrivateFields(checkPriv.doc, VK.hatice).phone === PHONE, 'the phone number reaches the server');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.dispose();
    server?.removeData();
  });

  it('exports the plan as a Word document with real headings and the plan’s title, without an empty appendix', async () => {
    const r = await get('?format=docx', room.tokens.owner);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="Mantelzorg-Oost-een-kaart-projectplan-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const { documentXml } = readDocx(r.bytes);
    const h1 = paragraphsWithStyle(documentXml, 'Heading1');
    expect(h1).toEqual(expect.arrayContaining(['Vraag en doelen', 'Afspraken over tijd en rol', 'Begroting en dekking']));
    // The server has no picture of the map: the appendix is left out, not printed with a placeholder.
    expect(h1).not.toContain('Bijlage: de kaart');
    expect(textOf(documentXml)).toContain(PLAN_TITLE);
    expect(documentXml).toContain('<w:tbl>');
    expect(textOf(documentXml)).not.toContain(PHONE);
  });

  it('exports the plan as Markdown with the commitments table, in English on request', async () => {
    const r = await get('?format=md', room.tokens.edit);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(r.headers.get('content-disposition')).toContain('.md"');
    expect(r.text).toContain(`# ${PLAN_TITLE}`);
    expect(r.text).toContain('| **Totale kosten** |');
    expect(r.text).toContain('## Afspraken over tijd en rol');
    expect(r.text).toMatch(/\| Wie \| Rol \| Taak \| Uur per maand \| Periode \| Status \| Tarief \| Budget per maand \|/);
    expect(r.text).not.toContain(PHONE);

    const en = await get('?format=md&lang=en', room.tokens.edit);
    expect(en.status).toBe(200);
    expect(en.text).toContain('## Commitments of time and role');
    expect(en.headers.get('content-disposition')).toContain('-project-plan-');
  });

  it('exports the map as JSON that reads back through the import gate to the same map', async () => {
    const owner = clients[2];
    const r = await get('?format=json', room.tokens.owner);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/filename="Mantelzorg-Oost-een-kaart-\d{4}-\d{2}-\d{2}\.json"/);
    const parsed = parseMapFile(r.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.snapshot).toEqual(snapshotMap(owner.doc));
    expect(parsed.snapshot.meta.title).toBe(readMeta(owner.doc).title);
    expect(parsed.private).toBeUndefined();
    expect(r.text).not.toContain(PHONE);
  });

  it('adds private fields only when asked, and only for edit and owner links', async () => {
    for (const token of [room.tokens.owner, room.tokens.edit]) {
      const json = await get('?format=json&private=1', token);
      expect(json.status).toBe(200);
      const parsed = parseMapFile(json.text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.private?.[VK.hatice]).toEqual({ email: EMAIL, phone: PHONE });
      const md = await get('?format=md&private=1', token);
      expect(md.text).toContain(PHONE);
      const docx = await get('?format=docx&private=1', token);
      expect(textOf(readDocx(docx.bytes).documentXml)).toContain(PHONE);
    }
  });

  it('lets a view link export every format, never with private fields', async () => {
    for (const format of ['docx', 'md', 'json']) {
      const r = await get(`?format=${format}`, room.tokens.view);
      expect(r.status, format).toBe(200);
      const text = format === 'docx' ? textOf(readDocx(r.bytes).documentXml) : r.text;
      expect(text, format).toContain(format === 'json' ? TITLE : PLAN_TITLE);
      expect(text, format).not.toContain(PHONE);
      expect(text, format).not.toContain(EMAIL);
      expect(Buffer.from(r.bytes).includes(Buffer.from(PHONE)), format).toBe(false);

      const refused = await get(`?format=${format}&private=1`, room.tokens.view);
      expect(refused.status, format).toBe(403);
      expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'PRIVATE_FORBIDDEN' } });
      expect(refused.text).not.toContain(PHONE);
    }
  });

  it('refuses unknown formats and options with 400 and a reason', async () => {
    const cases = ['?format=pdf', '?format=', '', '?format=md&private=yes', '?format=md&lang=de', '?format=md&format=json', '?format=md&token=x'];
    for (const q of cases) {
      const r = await get(q, room.tokens.owner);
      expect(r.status, q).toBe(400);
      const body = JSON.parse(r.text) as { error: { code: string; message: string } };
      expect(body.error.message.length, q).toBeGreaterThan(5);
    }
    const pdf = await get('?format=pdf', room.tokens.owner);
    expect(JSON.parse(pdf.text)).toEqual({ error: { code: 'EXPORT_FORMAT_UNKNOWN', message: 'unknown format pdf: use docx, md or json' } });
  });

  it('refuses a missing, malformed, foreign or forged token like the rest of the API', async () => {
    expect((await get('?format=md')).status).toBe(401);
    const malformed = await fetch(`${server.httpUrl}/api/rooms/${room.room}/export?format=md`, { headers: { Authorization: room.tokens.owner } });
    expect(malformed.status).toBe(401);
    expect((await get('?format=md', 'not-a-token')).status).toBe(401);
    const other = await server.createRoom('Andere kaart');
    expect((await get('?format=md', other.tokens.owner)).status).toBe(403);
    expect((await get('?format=md', room.tokens.owner, '/api/rooms/bad.name/export')).status).toBe(400);
    const post = await fetch(`${server.httpUrl}/api/rooms/${room.room}/export?format=md`, { method: 'POST', headers: { Authorization: `Bearer ${room.tokens.owner}` } });
    expect(post.status).toBe(405);
  });
});
