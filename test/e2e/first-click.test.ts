import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { launchBrowser, openPage, skipWithoutBrowser } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, type TestClient } from '../helpers/clients';
import { VK } from '../fixtures/voorbeeldkaart';

/**
 * A card that was on the map before the page opened answers the very first click after loading: it is selected
 * and the inspector shows it (a facilitator clicks as soon as the map appears).
 */
describe.skipIf(skipWithoutBrowser)('the first click after opening a map', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let source: TestClient;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom('Eerste klik');
    source = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    applyTemplate(source.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
  });
  afterAll(async () => {
    source?.destroy();
    await browser?.close();
    await server?.dispose();
    server?.removeData();
  });

  for (let attempt = 1; attempt <= 3; attempt++) {
    it(`selects the clicked card and shows it in the inspector (page load ${attempt})`, async () => {
      const { page } = await openPage(browser, { name: 'Inge', viewport: { width: 1440, height: 900 } });
      await page.goto(new URL(room.links.edit, server.httpUrl).toString());
      const card = page.locator(`.react-flow__node[data-id="${VK.hatice}"]`);
      await card.locator('.mk-node-label').waitFor();
      await card.click();
      await expect.poll(() => card.evaluate((el) => el.classList.contains('selected'))).toBe(true);
      await page.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
      await expect.poll(() => page.locator('[data-testid="inspector"] [data-field="label"]').inputValue(), { timeout: 10_000 }).toBe('Hatice Demir');
      await page.close();
    });
  }
});
