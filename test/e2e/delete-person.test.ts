import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createNode, nodesMap } from '../../shared/model/mapDoc';
import { peopleMap, readPrivateFields, setPrivateFields } from '../../shared/model/privateDoc';
import { LevelDocStore } from '../../server/storage/LevelDocStore';
import { privateRoomOf } from '../../shared/model/roomName';
import { launchBrowser, openPage, skipWithoutBrowser } from '../helpers/browser';
import { durable, TestServer } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';

/**
 * AVG: an owner deletes a person completely from the map's context menu; and a card deleted with the Delete key
 * takes its contact details with it, for everyone and in storage, while the editor's own undo brings both back.
 */
describe.skipIf(skipWithoutBrowser)('deleting people and their contact details', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.dispose();
    server?.removeData();
  });

  it('an owner removes a key figure and her phone number after confirming; an editor is not offered it', async () => {
    const room = await server.createRoom('AVG');
    const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
    clients.push(map, priv);
    const id = createNode(map.doc, { kind: 'keyFigure', label: 'Hatice Demir', x: 100, y: 100 });
    setPrivateFields(priv.doc, id, { phone: '06-55501234' });

    // An editor's context menu on the card has no such entry.
    const editor = await openPage(browser, { name: 'Joost' });
    contexts.push(editor.context);
    await editor.page.goto(new URL(room.links.edit, server.httpUrl).toString());
    const editorCard = editor.page.locator('.react-flow__node', { hasText: 'Hatice Demir' });
    await editorCard.click({ button: 'right' });
    await editor.page.getByRole('menuitem', { name: /Selectie verwijderen/ }).waitFor();
    expect(await editor.page.getByRole('menuitem', { name: /Volledig verwijderen/ }).count()).toBe(0);

    const owner = await openPage(browser, { name: 'Samira' });
    contexts.push(owner.context);
    await owner.page.goto(new URL(room.links.owner, server.httpUrl).toString());
    const card = owner.page.locator('.react-flow__node', { hasText: 'Hatice Demir' });
    await card.click({ button: 'right' });
    await owner.page.getByRole('menuitem', { name: /Volledig verwijderen/ }).click();
    await owner.page.getByRole('option', { name: /Ja, Hatice Demir volledig verwijderen/ }).click();

    await waitFor(() => !nodesMap(map.doc).has(id), 'the card is gone for everyone');
    await waitFor(() => !peopleMap(priv.doc).has(id), 'her contact details are gone from the private document');
    await card.waitFor({ state: 'detached' });
    await owner.page.getByText('Hatice Demir is volledig verwijderd.').waitFor();
  });

  it('a card deleted with the Delete key loses its phone number typed in the inspector; undo brings it back; none stays in storage', async () => {
    const PHONE = '06-98765432';
    const room = await server.createRoom('Verwijderen');
    const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
    clients.push(map, priv);
    const id = createNode(map.doc, { kind: 'keyFigure', label: 'Hatice Demir', x: 100, y: 100 });

    const editor = await openPage(browser, { name: 'Joost' });
    contexts.push(editor.context);
    const page = editor.page;
    await page.goto(new URL(room.links.edit, server.httpUrl).toString());
    const card = page.locator('.react-flow__node', { hasText: 'Hatice Demir' });
    await card.click();
    await page.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
    const phone = page.locator('[data-testid="inspector"] [data-field="phone"]');
    await phone.fill(PHONE);
    await phone.press('Enter');
    await waitFor(() => readPrivateFields(priv.doc, id).phone === PHONE, 'a stock client with the edit link reads the phone number');

    await card.click();
    await page.keyboard.press('Delete');
    await waitFor(() => !nodesMap(map.doc).has(id), 'the card is gone for everyone');
    await waitFor(() => !peopleMap(priv.doc).has(id), 'the phone number is gone from the private document');

    await page.keyboard.press('Control+z');
    await waitFor(() => nodesMap(map.doc).has(id), 'undo brings the card back');
    await waitFor(() => readPrivateFields(priv.doc, id).phone === PHONE, 'undo brings the phone number back');
    await card.waitFor();

    await page.keyboard.press('Control+Shift+z');
    await waitFor(() => !nodesMap(map.doc).has(id) && !peopleMap(priv.doc).has(id), 'redo removes card and phone number again');

    if (!durable) return;
    await editor.context.close();
    map.destroy();
    priv.destroy();
    expect(await server.stop()).toBe(0);
    const store = await LevelDocStore.open(join(server.dataDir, 'db'));
    try {
      const stored = Buffer.concat((await store.load(privateRoomOf(room.room))).updates.map((u) => Buffer.from(u)));
      expect(stored.includes(Buffer.from(PHONE))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
