import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, shotPath, skipWithoutBrowser } from '../helpers/browser';
import { TestCluster } from '../helpers/cluster';
import { clusterServices } from '../helpers/clusterServices';
import type { CreatedRoom } from '../helpers/server';

const services = skipWithoutBrowser ? { available: false } : clusterServices();

/** Two people in two browsers, each on another instance of one hosted Mantelkaart (PostgreSQL and Redis). */
describe.skipIf(!services.available)('co-editing across two instances', () => {
  let cluster: TestCluster;
  let browser: Browser;
  let room: CreatedRoom;
  let anna: Page;
  let bram: Page;
  const contexts: BrowserContext[] = [];

  const nodeByLabel = (page: Page, label: string) => page.locator('.react-flow__node', { hasText: label });
  const connection = (page: Page, state: string) => page.locator(`[data-testid=session-status][data-connection=${state}]`).waitFor({ state: 'attached', timeout: 20_000 });

  async function open(url: string, name: string): Promise<Page> {
    const { context, page } = await openPage(browser, { name });
    contexts.push(context);
    await page.goto(url);
    await connection(page, 'connected');
    return page;
  }

  async function createCard(page: Page, label: string, at: { x: number; y: number }): Promise<void> {
    await page.locator('.react-flow__pane').dblclick({ position: at });
    const editor = page.getByRole('textbox', { name: 'Tekst van het kaartje' });
    await editor.fill(label);
    await editor.press('Enter');
    await nodeByLabel(page, label).waitFor();
  }

  beforeAll(async () => {
    cluster = await TestCluster.start(2);
    browser = await launchBrowser();
    const [a, b] = cluster.instances;
    room = await a.createRoom('Regio West, gedeelde server');
    anna = await open(new URL(room.links.owner, a.httpUrl).toString(), 'Anna');
    bram = await open(new URL(room.links.edit, b.httpUrl).toString(), 'Bram');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await cluster?.dispose();
  });

  it('shows each person’s cards and cursor to the other, live', async () => {
    await createCard(anna, 'Gemeente', { x: 300, y: 250 });
    await nodeByLabel(bram, 'Gemeente').waitFor();
    await createCard(bram, 'Steunpunt Mantelzorg', { x: 650, y: 420 });
    await nodeByLabel(anna, 'Steunpunt Mantelzorg').waitFor();
    await anna.mouse.move(700, 500);
    await bram.mouse.move(500, 300);
    await anna.locator('.mk-cursor', { hasText: 'Bram' }).waitFor();
    await bram.locator('.mk-cursor', { hasText: 'Anna' }).waitFor();
    await anna.screenshot({ path: shotPath('mk-cluster-two-instances.png') });
  });

  it('says the server is waiting while Redis is away, keeps the change on the device, and delivers it when Redis is back', async () => {
    await cluster.redis.stop();
    await connection(anna, 'waiting');
    await expect(anna.locator('.mk-connection').textContent()).resolves.toContain('De server kan wijzigingen even niet doorgeven');
    await anna.screenshot({ path: shotPath('mk-cluster-waiting.png') });
    await createCard(anna, 'Moskee Al Fath', { x: 420, y: 560 });
    await anna.locator('[data-testid=session-status]:not([data-unsent="0"])').waitFor({ state: 'attached' });
    await cluster.redis.start();
    await connection(anna, 'connected');
    await nodeByLabel(bram, 'Moskee Al Fath').waitFor({ timeout: 20_000 });
    await anna.locator('[data-testid=session-status][data-unsent="0"]').waitFor({ state: 'attached', timeout: 20_000 });
  });
});
