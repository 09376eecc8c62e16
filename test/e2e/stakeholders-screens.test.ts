import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';

/**
 * The Voorbeeldkaart through the stakeholder workspace in a real Chromium: applied from the empty map's template
 * buttons, then every view once. Screenshots go to /tmp for a person to look at.
 */
describe.skipIf(skipWithoutBrowser)('the stakeholder workspace on the Voorbeeldkaart', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let page: Page;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom('Voorbeeldkaart');
    ({ page } = await openPage(browser, { name: 'Samira', viewport: { width: 1440, height: 900 } }));
    await page.goto(new URL(room.links.owner, server.httpUrl).toString());
    await page.locator('.mk-activity[data-view="stakeholders.inspector"]').waitFor();
    // Every test below starts from the Voorbeeldkaart, whichever runs alone.
    await page.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
    await page.locator('[data-template="voorbeeldkaart"]').click();
    await page.locator('.mk-kind-node[data-kind="keyFigure"]').nth(2).waitFor();
    await page.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('starts from the Voorbeeldkaart template and draws every kind with its own look', async () => {
    expect(await page.locator('.mk-kind-node[data-kind="keyFigure"]').count()).toBe(3);
    // Hatice is overasked: 14 against 8, in red on her node.
    const hatice = page.locator('.react-flow__node', { hasText: 'Hatice Demir' });
    await expect.poll(() => hatice.locator('.sh-capacity.is-over').textContent(), { timeout: 10_000 }).toBe('14/8 u/mnd');
    await page.locator('.react-flow__edge').first().waitFor();
    await page.waitForTimeout(400); // fit-view animation (screenshot only)
    await page.screenshot({ path: shotPath('sh-voorbeeldkaart.png') });
  });

  it('shows the inspector for a key figure', async () => {
    await page.locator('.react-flow__node', { hasText: 'Hatice Demir' }).click();
    await page.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
    const inspector = page.locator('[data-testid="inspector"]');
    await inspector.locator('input[data-field="label"]').waitFor();
    expect(await inspector.locator('input[data-field="label"]').inputValue()).toBe('Hatice Demir');
    await inspector.locator('input[data-field="capacityHoursPerMonth"]').fill('acht');
    await inspector.locator('input[data-field="capacityHoursPerMonth"]').press('Enter');
    await inspector.getByText('Vul een getal in, zoals 8 of 32,50.').waitFor();
    await page.screenshot({ path: shotPath('sh-inspector.png') });
    await inspector.locator('input[data-field="capacityHoursPerMonth"]').fill('8');
    await inspector.locator('input[data-field="capacityHoursPerMonth"]').press('Enter');
  });

  it('shows the commitments with totals and the chart', async () => {
    await page.locator('.mk-toolbar [data-command="stakeholders.openCommitments"]').click();
    const view = page.locator('[data-testid="commitments-view"]');
    await view.waitFor();
    await view.getByText('€ 4.290,00').first().waitFor();
    // Room for the table: side bar away, panel higher (as a facilitator would on the projector).
    await page.locator('aside.mk-sidebar .mk-icon-button').click();
    const sash = page.locator('.mk-sash-horizontal');
    const box = (await sash.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 260, { steps: 5 });
    await page.mouse.up();
    await page.screenshot({ path: shotPath('sh-commitments.png') });
  });

  it('shows the coverage', async () => {
    await page.locator('.mk-activity[data-view="stakeholders.coverage"]').click();
    await page.keyboard.press('Control+J');
    const view = page.locator('[data-testid="coverage-view"]');
    await view.locator('[data-missing-category="scholen"]').waitFor();
    await page.screenshot({ path: shotPath('sh-coverage.png') });
  });

  it('shows the problems', async () => {
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('section.mk-panel');
    await panel.locator('.mk-problem[data-code="stakeholders/keyfigure.overCapacity"]').waitFor();
    await page.screenshot({ path: shotPath('sh-problems.png') });
  });
});
