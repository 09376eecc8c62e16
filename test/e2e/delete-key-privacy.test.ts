import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createNode, nodesMap } from '../../shared/model/mapDoc';
import { peopleMap, readPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { LevelDocStore } from '../../server/storage/LevelDocStore';
import { launchBrowser, openPage, skipWithoutBrowser } from '../helpers/browser';
import { durable, TestServer } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';

/**
 * AVG: a card deleted with the Delete key takes its contact details with it, for everyone and in storage; the
 * editor's own undo brings both back, redo removes both again.
 */
describe.skipIf(skipWithoutBrowser)('deleting a card with the Delete key', () => {
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

  it('removes the phone number typed in the inspector, brings it back on undo and leaves none in storage', async () => {
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
