import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { nodesMap, readEdges, readNode } from '../../shared/model/mapDoc';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
import { VK } from '../fixtures/voorbeeldkaart';

/**
 * Zoomed out below 45 %, the canvas draws plain coloured cards and one layer of lines (big maps stay smooth
 * without a GPU); the cards still select and drag, zooming in brings labels and real edges back, and a picture
 * taken while zoomed out still shows the full cards.
 */
describe.skipIf(skipWithoutBrowser)('the zoomed-out canvas', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let source: TestClient;
  let nodeCount = 0;
  let edgeCount = 0;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom('Verre blik');
    source = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    applyTemplate(source.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
    nodeCount = nodesMap(source.doc).size;
    edgeCount = readEdges(source.doc).length;
  });
  afterAll(async () => {
    source?.destroy();
    await browser?.close();
    await server?.dispose();
    server?.removeData();
  });

  async function openMap(): Promise<Page> {
    const { page } = await openPage(browser, { name: 'Inge', viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.log('[page stack]', e.stack));
    await page.goto(new URL(room.links.edit, server.httpUrl).toString());
    await page.locator('.mk-workbench').waitFor();
    await page.locator('.mk-toolbar [data-command="stakeholders.exportPlan"]').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(nodeCount);
    return page;
  }

  /** Presses the canvas's zoom button until `done` holds (bounded: the zoom has limits). */
  async function zoomUntil(page: Page, button: 'in' | 'out', done: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 20 && !(await done()); i++) {
      await page.locator(`.react-flow__controls-zoom${button}`).click();
    }
    await expect.poll(done, { timeout: 5000 }).toBe(true);
  }

  const isTiny = (page: Page) => () => page.locator('.mk-canvas.is-tiny').count().then((n) => n === 1);
  const isFar = (page: Page) => () => page.locator('.mk-canvas.is-far').count().then((n) => n === 1);
  const isNear = (page: Page) => () => page.locator('.mk-canvas.is-far').count().then((n) => n === 0);

  it('draws plain cards and one line layer when zoomed out, and full cards and edges again when zoomed in', async () => {
    const page = await openMap();
    await zoomUntil(page, 'in', isNear(page));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.react-flow__node .mk-node-label').count()).toBeGreaterThan(0);

    await zoomUntil(page, 'out', isFar(page));
    await expect.poll(() => page.locator('.react-flow__node .mk-far-card').count()).toBe(nodeCount);
    expect(await page.locator('.react-flow__node .mk-node-label').count()).toBe(0);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    // One straight segment per edge, grouped in a path per colour.
    const segments = await page.locator('[data-testid="far-edges"] path').evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0));
    expect(segments).toBe(edgeCount);
    // Kinds keep their colour: a key figure's card is not the neutral grey.
    const border = await page.locator(`.react-flow__node[data-id="${VK.hatice}"] .mk-far-card`).evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(border).not.toBe('rgb(148, 163, 184)');
    await page.screenshot({ path: shotPath('mk-far-zoom.png') });

    await zoomUntil(page, 'in', isNear(page));
    await expect.poll(() => page.locator('.react-flow__node .mk-far-card').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="far-edges"]').count()).toBe(0);
    await page.close();
  });

  it('still selects and drags cards when zoomed out, and the lines follow', async () => {
    const page = await openMap();
    await zoomUntil(page, 'out', isFar(page));
    const card = page.locator(`.react-flow__node[data-id="${VK.hatice}"]`);
    const box = await card.boundingBox();
    if (!box) throw new Error('no card on screen');
    const before = readNode(VK.hatice, nodesMap(source.doc).get(VK.hatice)!);
    const segmentsBefore = await page.locator('[data-testid="far-edges"]').innerHTML();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => card.locator('.mk-far-card.is-selected').count()).toBe(1);
    await waitFor(() => readNode(VK.hatice, nodesMap(source.doc).get(VK.hatice)!).x > before.x + 20, 'the move reached the other client');
    const after = readNode(VK.hatice, nodesMap(source.doc).get(VK.hatice)!);
    expect(after.y).toBeGreaterThan(before.y + 10);
    // Hatice has relations, so some line moved with her card.
    expect(await page.locator('[data-testid="far-edges"]').innerHTML()).not.toBe(segmentsBefore);
    await page.close();
  });

  /** Where a card is on screen, from React Flow's transforms (far out the card element is not displayed). */
  async function cardCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
    return page.evaluate((nodeId) => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const origin = document.querySelector<HTMLElement>('.react-flow')!.getBoundingClientRect();
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([-\d.]+)\)/.exec(viewport.style.transform)!;
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${nodeId}"]`)!;
      const n = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform)!;
      const z = Number(m[3]);
      return {
        x: origin.left + Number(m[1]) + (Number(n[1]) + parseFloat(el.style.width) / 2) * z,
        y: origin.top + Number(m[2]) + (Number(n[2]) + parseFloat(el.style.height) / 2) * z,
      };
    }, id);
  }

  it('far out draws the whole map on one canvas, where cards still select, drag, open their menu and zoom in', async () => {
    const page = await openMap();
    await zoomUntil(page, 'out', isTiny(page));
    const canvas = page.locator('[data-testid="tiny-canvas"]');
    await expect.poll(() => canvas.getAttribute('data-drawn-nodes')).toBe(String(nodeCount));
    expect(await page.locator('.react-flow__nodes').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    // The map is its own overview out here: no minimap until zoomed in again.
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    const at = await cardCentre(page, VK.hatice);
    // The card is drawn where React Flow has it: the canvas is not blank there.
    const alpha = await canvas.evaluate((el: HTMLCanvasElement, p) => {
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      return el.getContext('2d')!.getImageData(Math.round((p.x - r.left) * dpr), Math.round((p.y - r.top) * dpr), 1, 1).data[3];
    }, at);
    expect(alpha).toBeGreaterThan(0);
    await page.screenshot({ path: shotPath('mk-tiny-zoom.png') });

    const before = readNode(VK.hatice, nodesMap(source.doc).get(VK.hatice)!);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 30, at.y + 20, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${VK.hatice}"].selected`).count()).toBe(1);
    await waitFor(() => readNode(VK.hatice, nodesMap(source.doc).get(VK.hatice)!).x > before.x + 30, 'the far-out drag reached the other client');

    const moved = await cardCentre(page, VK.hatice);
    await page.mouse.click(moved.x, moved.y, { button: 'right' });
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('Escape');

    await page.mouse.dblclick(moved.x, moved.y);
    await expect.poll(isNear(page), { timeout: 5000 }).toBe(true);
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${VK.hatice}"] .mk-node-label`).count()).toBe(1);
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
    await page.close();
  });

  it('exports a picture with labels and real edges while zoomed out', async () => {
    const page = await openMap();
    await zoomUntil(page, 'out', isFar(page));
    const download = page.waitForEvent('download');
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Opdrachtenpalet' });
    await palette.waitFor();
    await page.keyboard.type('exporteren als SVG');
    await palette.getByRole('option', { name: /Kaart exporteren als SVG/ }).first().click();
    const file = await download;
    const path = await file.path();
    if (!path) throw new Error(`download failed: ${await file.failure()}`);
    const svg = readFileSync(path, 'utf8');
    expect(svg).toContain('Hatice Demir');
    expect(svg).toContain('react-flow__edge-path');
    expect(svg).not.toContain('mk-far-card');
    // Back to the plain view afterwards.
    await expect.poll(() => page.locator('.react-flow__node .mk-far-card').count()).toBe(nodeCount);
    await page.close();
  });
});
