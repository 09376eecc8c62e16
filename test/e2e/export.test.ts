import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { nodesMap, readMeta, snapshotMap } from '../../shared/model/mapDoc';
import { readPrivateFields, setPrivateFields } from '../../shared/model/privateDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { parseMapFile } from '../../shared/exchange/parseMapFile';
import { buildPlan } from '../../shared/plan/buildPlan';
import { renderPlanHtml } from '../../shared/plan/renderPlanHtml';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { VK } from '../fixtures/voorbeeldkaart';

const TITLE = 'Exporttest Oost';
const PHONE = '06-11223344';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error(`download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return readFileSync(path);
}

/**
 * Export and import in a real Chromium against the real server: JSON out and back in as a new map, a corrupt file
 * refused with its problems listed, pictures of the map, and the project plan as Word and as a print view.
 */
describe.skipIf(skipWithoutBrowser)('exporting and importing maps in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let source: TestClient;
  let nodeCount = 0;
  let exportedJson = '';
  let mapPng: Buffer | null = null;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom(TITLE);
    source = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    const priv = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.edit);
    clients.push(source, priv);
    applyTemplate(source.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
    setPrivateFields(priv.doc, VK.hatice, { phone: PHONE });
    nodeCount = nodesMap(source.doc).size;
    const check = await openSynced(server.wsUrl, privateRoomOf(room.room), room.tokens.owner);
    clients.push(check);
    await waitFor(() => readPrivateFields(check.doc, VK.hatice).phone === PHONE, 'the phone number is stored');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await browser?.close();
    await server?.dispose();
    server?.removeData();
  });

  async function openMap(role: 'owner' | 'edit' | 'view' = 'owner', viewport = { width: 1280, height: 800 }): Promise<Page> {
    const { page } = await openPage(browser, { name: 'Inge', viewport });
    page.on('console', (m) => m.type() === 'error' && console.log('[browser console]', m.text()));
    page.on('pageerror', (e) => console.log('[page stack]', e.stack));
    await page.goto(new URL(room.links[role], server.httpUrl).toString());
    await page.locator('.mk-workbench').waitFor();
    // Both built-in extensions are active once their toolbar button and palette entries exist.
    await page.locator('.mk-toolbar [data-command="stakeholders.exportPlan"]').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(10);
    return page;
  }

  async function runCommand(page: Page, typed: string, title: RegExp): Promise<void> {
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Opdrachtenpalet' });
    await palette.waitFor();
    await page.keyboard.type(typed);
    await palette.getByRole('option', { name: title }).first().click();
    await palette.waitFor({ state: 'detached' });
  }

  it('exports the map as JSON (contact details only when ticked) and imports it as a new map with the same nodes', async () => {
    const page = await openMap('owner');
    const download = page.waitForEvent('download');
    await runCommand(page, 'exporteren als JSON', /Kaart exporteren als JSON/);
    const dialog = page.getByRole('dialog', { name: 'Kaart exporteren als JSON' });
    await dialog.waitFor();
    await expect(dialog.getByRole('checkbox', { name: /Contactgegevens meenemen/ }).isChecked()).resolves.toBe(false);
    await page.screenshot({ path: shotPath('mk-export-json-dialog.png') });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Exporttest Oost-\d{4}-\d{2}-\d{2}\.json$/);
    exportedJson = (await downloaded(file)).toString('utf8');
    const parsed = parseMapFile(exportedJson);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.snapshot.nodes).toHaveLength(nodeCount);
    expect(parsed.private).toBeUndefined();
    expect(exportedJson).not.toContain(PHONE);
    await dialog.waitFor({ state: 'detached' });

    // Into a new map: the page moves to another room, which shows the same nodes.
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'importeren uit JSON', /Kaart importeren uit JSON/);
    await (await chooser).setFiles({ name: 'kaart.json', mimeType: 'application/json', buffer: Buffer.from(exportedJson) });
    // The app navigates with history.pushState: no load event, so the address is polled.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).not.toContain(room.room);
    expect(new URL(page.url()).pathname).toMatch(/^\/m\/[A-Za-z0-9_-]+$/);
    const newRoom = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    const newToken = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('token') ?? '';
    // The canvas draws only what is in view: frame the whole map, then every node is there.
    await page.locator('.react-flow__node').first().waitFor({ timeout: 15_000 });
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBe(nodeCount);
    const shown = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
    expect(shown).toEqual(snapshotMap(source.doc).nodes.map((n) => n.id).sort());
    await page.locator('.react-flow__node', { hasText: 'Hatice Demir' }).waitFor();

    // The server holds the same map under the new room, made by this owner; the source map is untouched.
    const imported = await openSynced(server.wsUrl, newRoom, newToken);
    clients.push(imported);
    const a = snapshotMap(imported.doc);
    const b = snapshotMap(source.doc);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.edges).toEqual(b.edges);
    expect(a.collections).toEqual(b.collections);
    expect(readMeta(imported.doc).title).toBe(TITLE);
    expect(nodesMap(source.doc).size).toBe(nodeCount);
    await page.close();
  }, 120_000);

  it('refuses a corrupt JSON file with a dialog naming each problem and where it is, and creates nothing', async () => {
    expect(exportedJson).not.toBe('');
    const page = await openMap('edit');
    const urlBefore = page.url();
    const created = server.log.match(/ROOM_CREATED/g)?.length ?? 0;
    const bad = JSON.parse(exportedJson) as { map: { nodes: Record<string, unknown>[] } };
    bad.map.nodes[2].x = 'links boven';
    delete bad.map.nodes[5].kind;
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'importeren uit JSON', /Kaart importeren uit JSON/);
    await (await chooser).setFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
    const dialog = page.getByRole('dialog', { name: 'Dit bestand kan niet worden geïmporteerd' });
    await dialog.waitFor();
    await dialog.getByText('kapot.json').waitFor();
    const items = dialog.getByRole('list', { name: 'Problemen in het bestand' }).getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    const texts = await items.allTextContents();
    expect(texts.some((t) => t.includes('map.nodes[2].x') && /Regel \d+/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('map.nodes[5]'))).toBe(true);
    await page.screenshot({ path: shotPath('mk-import-error-dialog.png') });
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toBe(urlBefore);
    expect(server.log.match(/ROOM_CREATED/g)?.length ?? 0).toBe(created);
    expect(nodesMap(source.doc).size).toBe(nodeCount);

    // Not JSON at all: one problem about the whole file.
    const chooser2 = page.waitForEvent('filechooser');
    await runCommand(page, 'importeren uit JSON', /Kaart importeren uit JSON/);
    await (await chooser2).setFiles({ name: 'notities.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "mantelkaart",\n  nodes: [1, 2,]\n}') });
    await dialog.waitFor();
    await dialog.getByText(/Regel 2/).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(server.log.match(/ROOM_CREATED/g)?.length ?? 0).toBe(created);
    await page.close();
  });

  it('exports the whole map and the current view as PNG and SVG, big enough for a projector', async () => {
    const page = await openMap('edit');
    // Zoom in on one corner: the whole-map picture must still hold every node, the view picture only what is seen.
    await page.locator('.mk-canvas').focus();
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();

    let download = page.waitForEvent('download');
    await runCommand(page, 'afbeelding (PNG)', /Kaart exporteren als afbeelding \(PNG\)/);
    const whole = await download;
    expect(whole.suggestedFilename()).toMatch(/^Exporttest Oost-\d{4}-\d{2}-\d{2}\.png$/);
    mapPng = await downloaded(whole);
    writeFileSync(shotPath('mk-map.png'), mapPng);
    const size = pngSize(mapPng);
    // pixelRatio 2 of a map drawn at (nearly) its natural size.
    expect(size.width).toBeGreaterThan(1600);
    expect(size.height).toBeGreaterThan(800);
    expect(mapPng.length).toBeGreaterThan(50_000);

    download = page.waitForEvent('download');
    await runCommand(page, 'weergave exporteren als afbeelding', /Huidige weergave exporteren als afbeelding \(PNG\)/);
    const view = await downloaded(await download);
    writeFileSync(shotPath('mk-view.png'), view);
    const viewSize = pngSize(view);
    const flow = await page.locator('.mk-canvas .react-flow').boundingBox();
    expect(viewSize.width).toBe(Math.round((flow?.width ?? 0) * 2));

    download = page.waitForEvent('download');
    await runCommand(page, 'exporteren als SVG', /Kaart exporteren als SVG/);
    const svg = (await downloaded(await download)).toString('utf8');
    writeFileSync(shotPath('mk-map.svg'), svg);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/^<svg[^>]*><rect width="100%" height="100%" fill="#ffffff"\/>/);
    expect(svg).toContain('react-flow__edge-path');
    expect(svg).toContain('Hatice Demir');
    expect(svg).not.toContain('mk-minimap');
    expect(svg).not.toContain('react-flow__controls');
    await page.close();
  }, 120_000);

  it('exports the project plan as a Word document that unzips and carries the map title and picture', async () => {
    const page = await openMap('owner', { width: 1440, height: 900 });
    await page.locator('.mk-toolbar [data-command="stakeholders.exportPlan"]').click();
    const dialog = page.getByRole('dialog', { name: 'Projectplan exporteren' });
    await dialog.waitFor();
    await expect(dialog.getByRole('radio', { name: /Word/ }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('checkbox', { name: /Contactgegevens meenemen/ }).isChecked()).resolves.toBe(false);
    await page.screenshot({ path: shotPath('mk-plan-export-dialog.png') });
    await dialog.getByRole('checkbox', { name: /Contactgegevens meenemen/ }).check();
    await page.screenshot({ path: shotPath('mk-plan-export-dialog-private.png') });
    await dialog.getByRole('checkbox', { name: /Contactgegevens meenemen/ }).uncheck();

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Exporttest Oost-projectplan-\d{4}-\d{2}-\d{2}\.docx$/);
    const zip = unzipSync(new Uint8Array(await downloaded(file)));
    const documentXml = strFromU8(zip['word/document.xml']);
    expect(documentXml).toContain(TITLE);
    expect(documentXml).toContain('Afspraken over tijd en rol');
    expect(documentXml).not.toContain(PHONE);
    expect(Object.keys(zip).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(true);
    await dialog.waitFor({ state: 'detached' });

    // The print view: the plan in a frame of its own, handed to the browser's print dialog.
    await page.locator('.mk-toolbar [data-command="stakeholders.exportPlan"]').click();
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /Afdrukken of PDF/ }).check();
    await dialog.getByRole('radio', { name: 'English' }).check();
    await dialog.getByRole('button', { name: 'Afdrukken…' }).click();
    await dialog.waitFor({ state: 'detached' });
    const frame = page.frameLocator('iframe.mk-print-frame');
    // The frame is out of sight on screen (only its own document prints), so its content is attached, not visible.
    // The plan has no title of its own yet, so it is called "Project plan"; the map's title names the picture.
    await frame.locator('h1', { hasText: 'Project plan' }).first().waitFor({ state: 'attached' });
    await frame.locator('figcaption', { hasText: TITLE }).first().waitFor({ state: 'attached' });
    await frame.locator('h1', { hasText: 'Commitments of time and role' }).first().waitFor({ state: 'attached' });
    expect(await frame.locator('img').count()).toBeGreaterThan(0);
    await page.close();
  }, 180_000);

  it('offers a viewer the plan without the contact-details choice', async () => {
    const page = await openMap('view');
    await page.locator('.mk-toolbar [data-command="stakeholders.exportPlan"]').click();
    const dialog = page.getByRole('dialog', { name: 'Projectplan exporteren' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: /Contactgegevens/ }).count()).toBe(0);
    const download = page.waitForEvent('download');
    await dialog.getByRole('radio', { name: /Markdown/ }).check();
    await dialog.getByRole('checkbox', { name: /De kaart als afbeelding/ }).uncheck();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const md = (await downloaded(await download)).toString('utf8');
    expect(md).toContain('## Afspraken over tijd en rol');
    expect(md).not.toContain(PHONE);
    await dialog.waitFor({ state: 'detached' });

    // The host's Export… list offers the same files through the registered exporters.
    const viaList = page.waitForEvent('download');
    await page.locator('.mk-toolbar [data-command="core.export"]').click();
    const picker = page.getByRole('option', { name: /Kaartgegevens \(JSON, zonder contactgegevens\)/ });
    await picker.waitFor();
    for (const name of [/Projectplan \(Word\)/, /Projectplan \(Markdown\)/, /Afbeelding van de hele kaart \(PNG\)/, /Afbeelding van de hele kaart \(SVG\)/]) {
      await page.getByRole('option', { name }).waitFor();
    }
    await picker.click();
    const json = await viaList;
    expect(json.suggestedFilename()).toBe(`${TITLE}.json`);
    const text = (await downloaded(json)).toString('utf8');
    expect(parseMapFile(text).ok).toBe(true);
    expect(text).not.toContain(PHONE);
    await page.close();
  }, 120_000);

  it('prints the plan to a clean A4 PDF', async () => {
    const plan = buildPlan(snapshotMap(source.doc), { lang: 'nl', date: '2027-01-15' });
    const html = renderPlanHtml(plan, mapPng ? { mapImagePng: new Uint8Array(mapPng) } : {});
    const { page } = await openPage(browser);
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', path: shotPath('mk-plan.pdf'), printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(4);
    await page.close();
  });
});
