import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer } from '../helpers/server';

/** An owner deletes a map: after a confirmation it is gone from the server, from this device and for every link. */
describe.skipIf(skipWithoutBrowser)('deleting a map', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.dispose();
  });

  it('an owner deletes a map; it leaves the start page and its links stop working', async () => {
    const { context, page } = await openPage(browser, { name: 'Anna' });
    contexts.push(context);
    await page.goto(server.httpUrl + '/');
    await page.getByLabel('Titel van de kaart').fill('Oefenkaart om weg te gooien');
    await page.getByRole('button', { name: 'Kaart maken' }).click();
    await page.waitForURL(/\/m\/[A-Za-z0-9_-]+#token=/);
    const url = new URL(page.url());
    const room = url.pathname.split('/')[2];
    const ownerToken = new URLSearchParams(url.hash.slice(1)).get('token')!;
    await page.locator('[data-testid=session-status][data-connection=connected]').waitFor({ state: 'attached', timeout: 20_000 });
    const links = (await server.api('GET', `/api/rooms/${room}/links`, { token: ownerToken })).body as { tokens: { view: string }; links: { view: string } };

    // A viewer is watching while it happens.
    const watcher = await openPage(browser, { name: 'Kijker' });
    contexts.push(watcher.context);
    await watcher.page.goto(new URL(links.links.view, server.httpUrl).toString());
    await watcher.page.locator('[data-testid=session-status][data-connection=connected]').waitFor({ state: 'attached', timeout: 20_000 });

    await page.getByRole('button', { name: 'Delen' }).first().click();
    const share = page.getByRole('dialog', { name: 'Kaart delen' });
    await share.getByRole('button', { name: 'Kaart verwijderen…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Kaart verwijderen?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Oefenkaart om weg te gooien');
    expect(await confirm.textContent()).toContain('Dit kan niet ongedaan worden gemaakt');
    // Cancel has the focus: Enter on an accidental open keeps the map.
    expect(await confirm.evaluate((d) => d.contains(document.activeElement) && document.activeElement?.textContent)).toBe('Annuleren');
    await page.screenshot({ path: shotPath('mk-delete-confirm.png') });
    await confirm.getByRole('button', { name: 'Definitief verwijderen' }).click();

    await page.waitForURL(server.httpUrl + '/');
    await page.getByText('De kaart "Oefenkaart om weg te gooien" is verwijderd.').waitFor();
    expect(await page.getByText('Nog geen kaarten geopend op dit apparaat').count()).toBe(1);
    const stored = await page.evaluate(() => localStorage.getItem('mantelkaart:recent-maps') ?? '');
    expect(stored).not.toContain(room);

    // The server has forgotten it: every link answers 404, and the watcher is told the map was deleted.
    for (const token of [ownerToken, links.tokens.view]) expect((await server.api('GET', `/api/rooms/${room}`, { token })).status).toBe(404);
    await watcher.page.getByText('Deze kaart is zojuist verwijderd door de beheerder').waitFor({ timeout: 20_000 });
    const late = await openPage(browser, { name: 'Later' });
    contexts.push(late.context);
    await late.page.goto(new URL(links.links.view, server.httpUrl).toString());
    await late.page.getByText('Deze kaart bestaat niet (meer).').waitFor();
  });

  it('is a command for the owner only', async () => {
    const room = await server.createRoom('Commandokaart');
    const openPalette = async (role: 'owner' | 'edit') => {
      const { context, page } = await openPage(browser, { name: role === 'owner' ? 'Anna' : 'Bram' });
      contexts.push(context);
      await page.goto(new URL(room.links[role], server.httpUrl).toString());
      await page.locator('.mk-activity').first().waitFor();
      await page.locator('.mk-canvas').focus();
      await page.keyboard.press('Control+Shift+P');
      await page.getByRole('dialog', { name: 'Opdrachtenpalet' }).waitFor();
      await page.keyboard.type('kaart verwijderen');
      return page;
    };
    const editor = await openPalette('edit');
    await editor.getByText('Geen opdracht gevonden.').waitFor();

    const owner = await openPalette('owner');
    await owner.getByRole('option', { name: /Kaart verwijderen/ }).click();
    const confirm = owner.getByRole('alertdialog', { name: 'Kaart verwijderen?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await server.api('GET', `/api/rooms/${room.room}`, { token: room.tokens.owner })).status).toBe(200);
  });
});
