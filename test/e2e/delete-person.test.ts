import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createNode, nodesMap } from '../../shared/model/mapDoc';
import { peopleMap, setPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { launchBrowser, openPage, skipWithoutBrowser } from '../helpers/browser';
import { TestServer } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';

/** AVG: an owner deletes a person completely, card and contact details, from the map's context menu. */
describe.skipIf(skipWithoutBrowser)('deleting a person completely', () => {
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
});
