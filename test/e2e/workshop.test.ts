import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createNode, nodesMap, readNodes } from '../../shared/model/mapDoc';
import { readPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { launchBrowser, openPage, skipWithoutBrowser, type PageOptions, shotPath } from '../helpers/browser';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { TestServer, type CreatedRoom } from '../helpers/server';

const PHONE = { width: 390, height: 844 };
const CSV = fileURLToPath(new URL('../fixtures/csv/partners-with-errors.csv', import.meta.url));

/** What a workshop runs into beyond drawing: links revoked, a CSV from Excel, the language, a phone, a first visit. */
describe.skipIf(skipWithoutBrowser)('a workshop', () => {
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

  async function open(room: CreatedRoom, role: 'owner' | 'edit' | 'view', options: PageOptions = { name: 'Samira' }): Promise<Page> {
    const { context, page } = await openPage(browser, options);
    contexts.push(context);
    await page.goto(new URL(room.links[role], server.httpUrl).toString());
    return page;
  }
  const connected = (page: Page) => page.locator('[data-testid=session-status][data-connection=connected]').waitFor({ state: 'attached', timeout: 20_000 });

  it('a page holding a revoked link is told in plain words and stays out, also after a reload', async () => {
    const room = await server.createRoom('Intrekken');
    const viewer = await open(room, 'view', { name: 'Piet', viewport: PHONE, isMobile: true, hasTouch: true });
    await connected(viewer);
    const r = await server.api('POST', `/api/rooms/${room.room}/revoke`, { token: room.tokens.owner, body: { link: 'view' } });
    expect(r.status).toBe(200);
    const told = viewer.getByText('Deze link geeft geen toegang (meer). Misschien is hij ingetrokken; vraag de begeleider om een nieuwe link.');
    await told.waitFor();
    expect(await viewer.locator('.react-flow__pane').count()).toBe(0);
    await viewer.reload();
    await told.waitFor();
    expect(await viewer.locator('.react-flow__pane').count()).toBe(0);
  });

  it('imports partners from a CSV file: a preview, the bad rows named, cards on the map, phone numbers kept private', async () => {
    const room = await server.createRoom('Import');
    const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
    clients.push(map, priv);
    const page = await open(room, 'edit');
    await connected(page);
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('importeren uit CSV');
    await page.getByRole('option', { name: /Partners of mensen importeren uit CSV/ }).click();
    const view = page.getByTestId('csv-import');
    await view.locator('input[type=file]').setInputFiles(CSV);
    await view.getByRole('heading', { name: '2 rijen klaar om te importeren' }).waitFor();
    const preview = view.getByTestId('csv-preview');
    expect(await preview.textContent()).toContain('Huisartsenpraktijk Oost');
    const errors = view.getByRole('region', { name: 'Rijen met fouten' });
    for (const text of ['Rij 2: naam ontbreekt', 'Rij 3: rol ‘samenwerker’ is onbekend', 'Rij 4: categorie ‘Religieus’ is onbekend', 'Rij 6: deze rij heeft 7 kolommen']) {
      await errors.getByText(text, { exact: false }).waitFor();
    }
    await view.getByRole('button', { name: '2 importeren' }).click();
    await view.getByRole('status').filter({ hasText: '2 toegevoegd aan de kaart' }).waitFor();
    for (const label of ['Huisartsenpraktijk Oost', 'Buurthuis "De Kruisakker"']) await page.locator('.react-flow__node', { hasText: label }).waitFor();
    await waitFor(() => readNodes(map.doc).filter((n) => n.kind === 'partner').length === 2, 'both partners reach the others');
    const huisarts = readNodes(map.doc).find((n) => n.label === 'Huisartsenpraktijk Oost')!;
    expect(huisarts.data).toMatchObject({ category: 'zorgaanbiedersAlgemeen', role: 'verwijzer' });
    expect(JSON.stringify(huisarts.data)).not.toContain('0412-555010');
    await waitFor(() => readPrivateFields(priv.doc, huisarts.id).phone === '0412-555010', 'the phone number is in the private document');
  });

  it('switches to English and remembers it after a reload', async () => {
    const room = await server.createRoom('Taal');
    const page = await open(room, 'edit');
    await connected(page);
    await page.getByText('Verbonden').waitFor();
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await page.getByText('Connected').waitFor();
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    await page.reload();
    await connected(page);
    await page.getByText('Connected').waitFor();
    expect(await page.getByText('Verbonden').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('an editor on a phone adds a card and fills in its inspector, with nothing running off the screen', async () => {
    const room = await server.createRoom('Telefoon');
    const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(map);
    const page = await open(room, 'edit', { name: 'Joost', viewport: PHONE, isMobile: true, hasTouch: true });
    await connected(page);
    await page.getByRole('button', { name: 'Nieuw element…' }).tap();
    await page.getByRole('option', { name: /Sleutelfiguur/ }).first().tap();
    const editor = page.locator('textarea.mk-node-editor');
    await editor.waitFor();
    await editor.fill('Hatice Demir');
    await editor.press('Enter');
    await page.locator('.react-flow__node', { hasText: 'Hatice Demir' }).waitFor();
    await waitFor(() => readNodes(map.doc).some((n) => n.label === 'Hatice Demir'), 'the card reaches the others');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every toolbar button is on screen (they wrap instead of hiding past the edge); the inspector opens as a sheet.
    const offScreen = await page.locator('.mk-toolbar-button').evaluateAll((buttons) => buttons.filter((b) => b.getBoundingClientRect().right > window.innerWidth).length);
    expect(offScreen).toBe(0);
    await page.getByRole('button', { name: 'Weergave openen…' }).tap();
    await page.getByRole('option', { name: /Eigenschappen/ }).tap();
    const capacity = page.locator('[data-testid="inspector"] [data-field="capacityHoursPerMonth"]');
    await capacity.fill('8');
    await capacity.press('Enter');
    await waitFor(() => readNodes(map.doc).find((n) => n.label === 'Hatice Demir')?.data.capacityHoursPerMonth === 8, 'the capacity reaches the others');
    await page.screenshot({ path: shotPath('mk-editor-phone.png') });
    expect(nodesMap(map.doc).size).toBe(1);
  });

  it('asks a first-time visitor for a name, which the others then see', async () => {
    const room = await server.createRoom('Naam');
    const owner = await open(room, 'owner', { name: 'Samira' });
    await connected(owner);
    const newcomer = await open(room, 'edit', {});
    const dialog = newcomer.getByRole('dialog', { name: 'Hoe heet je?' });
    await dialog.waitFor();
    await dialog.getByLabel('Je naam').fill('Fatima (begeleider)');
    await dialog.getByRole('button', { name: 'Doorgaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await owner.getByRole('img', { name: /Fatima \(begeleider\)/ }).waitFor();
    expect(await owner.getByRole('img', { name: /Fatima \(begeleider\)/ }).textContent()).toBe('FB');
    await newcomer.reload();
    await connected(newcomer);
    expect(await newcomer.getByRole('dialog', { name: 'Hoe heet je?' }).count()).toBe(0);
  });

  it('a viewer on a phone sees the map at once; the name is asked beside it, not in front of it, and reaches the facilitator', async () => {
    const room = await server.createRoom('Meekijken');
    const map = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(map);
    createNode(map.doc, { label: 'Wijkteam', x: 100, y: 100 });
    const owner = await open(room, 'owner', { name: 'Samira' });
    await connected(owner);
    const viewer = await open(room, 'view', { viewport: PHONE, isMobile: true, hasTouch: true });
    await viewer.locator('.react-flow__node', { hasText: 'Wijkteam' }).waitFor();
    expect(await viewer.locator('[aria-modal="true"]').count()).toBe(0);
    const hint = viewer.getByRole('region', { name: 'Hoe heet je?' });
    await hint.waitFor();
    // The map stays usable with the question open: the card can be tapped and selected.
    await viewer.locator('.react-flow__node', { hasText: 'Wijkteam' }).tap();
    await viewer.locator('.react-flow__node.selected', { hasText: 'Wijkteam' }).waitFor();
    await viewer.screenshot({ path: shotPath('mk-viewer-name-hint.png') });
    await hint.getByLabel('Je naam').fill('Meryem');
    await hint.getByRole('button', { name: 'Opslaan' }).tap();
    await hint.waitFor({ state: 'detached' });
    await owner.getByRole('img', { name: /Meryem/ }).waitFor();

    // Another viewer chooses to stay anonymous: the question does not come back after a reload.
    const anonymous = await open(room, 'view', { viewport: PHONE, isMobile: true, hasTouch: true });
    await anonymous.getByRole('region', { name: 'Hoe heet je?' }).getByRole('button', { name: 'Anoniem meekijken' }).tap();
    await anonymous.reload();
    await anonymous.locator('.react-flow__node', { hasText: 'Wijkteam' }).waitFor();
    expect(await anonymous.getByRole('region', { name: 'Hoe heet je?' }).count()).toBe(0);
  });
});
