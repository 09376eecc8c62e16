import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';

/**
 * Issue 5: a team builds a small map through the UI (a community, a key figure who reaches it, a mosque where it
 * meets, a partner with a role, two commitments that overload the key figure) and someone watching through a view
 * link sees the overload problem, the commitments' totals and the coverage update.
 */
describe.skipIf(skipWithoutBrowser)('building a stakeholder map through the UI', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let editor: Page;
  let viewer: Page;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom('Lerende praktijk Oost');
    ({ page: editor } = await openPage(browser, { name: 'Samira', viewport: { width: 1440, height: 900 } }));
    ({ page: viewer } = await openPage(browser, { name: 'Meekijker', viewport: { width: 1280, height: 900 } }));
    await editor.goto(new URL(room.links.owner, server.httpUrl).toString());
    await viewer.goto(new URL(room.links.view, server.httpUrl).toString());
    for (const p of [editor, viewer]) await p.locator('.mk-activity[data-view="stakeholders.inspector"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const node = (p: Page, label: string) => p.locator('.react-flow__node', { has: p.locator('.mk-node-label', { hasText: label }) });
  const inspector = (p: Page) => p.locator('[data-testid="inspector"]');

  /** Runs a command from the palette by (part of) its Dutch title. */
  async function palette(p: Page, title: string): Promise<void> {
    await p.locator('.mk-canvas').focus();
    await p.keyboard.press('Control+Shift+P');
    const dialog = p.getByRole('dialog', { name: 'Opdrachtenpalet' });
    await dialog.waitFor();
    await p.keyboard.type(title);
    await dialog.getByRole('option', { name: new RegExp(title) }).first().waitFor();
    await p.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  /** Adds a node of a kind from the palette and names it (the new node's label is in edit mode). */
  async function addNode(p: Page, kindTitle: string, label: string): Promise<void> {
    await palette(p, `Nieuw: ${kindTitle}`);
    const field = p.locator('textarea.mk-node-editor');
    await field.waitFor();
    await field.fill(label);
    await field.press('Enter');
    await node(p, label).waitFor();
  }

  async function setField(p: Page, field: string, value: string): Promise<void> {
    const input = inspector(p).locator(`[data-field="${field}"]`);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else {
      await input.fill(value);
      await input.press('Enter');
    }
  }

  /** Selects two nodes and connects them with Alt+L, picking the relation kind offered for the pair. */
  async function connect(p: Page, from: string, to: string, relation: string): Promise<void> {
    await p.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await expect.poll(() => p.locator('.react-flow__node.selected').count(), { timeout: 10_000 }).toBe(0);
    await node(p, from).click();
    await node(p, to).click({ modifiers: ['Shift'] });
    await expect.poll(() => p.locator('.react-flow__node.selected').count(), { timeout: 10_000 }).toBe(2);
    await p.keyboard.press('Alt+L');
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('option', { name: new RegExp(`^${relation}`) }).first().click();
    await p.locator(`.mk-edge-label[data-edge-kind]`, { hasText: relation }).first().waitFor();
  }

  it('builds the map, and the viewer sees the overload, the totals and the coverage', async () => {
    // The viewer keeps Problems and Coverage open while the team works.
    await viewer.locator('.mk-activity[data-view="stakeholders.coverage"]').click();
    await viewer.locator('[data-testid="coverage-view"]').waitFor();
    await viewer.locator('.mk-canvas').focus();
    await viewer.keyboard.press('Control+Shift+M');
    await viewer.locator('section.mk-panel').waitFor();

    await addNode(editor, 'gemeenschap', 'Turkse gemeenschap');
    await addNode(editor, 'sleutelfiguur', 'Hatice Demir');
    await editor.locator('.mk-activity[data-view="stakeholders.inspector"]').waitFor();
    await inspector(editor).locator('[data-field="capacityHoursPerMonth"]').waitFor();
    await setField(editor, 'engagement', 'vrijwilliger');
    await setField(editor, 'capacityHoursPerMonth', '8');
    await addNode(editor, 'vindplaats', 'Moskee Ulu Camii');
    await setField(editor, 'placeType', 'moskee');
    await addNode(editor, 'partner', 'Huisartsenpraktijk Oost');
    await setField(editor, 'category', 'zorgaanbiedersAlgemeen');
    await setField(editor, 'role', 'verwijzer');

    await connect(editor, 'Hatice Demir', 'Turkse gemeenschap', 'bereikt');
    await connect(editor, 'Turkse gemeenschap', 'Moskee Ulu Camii', 'komt samen in');

    // Two commitments for Hatice: 8 h/month all year, 6 h/month from March to June.
    for (const [task, hours, from, to] of [
      ['inloopspreekuur, tolken', '8', '2027-01', '2027-12'],
      ['Alzheimer Theehuis', '6', '2027-03', '2027-06'],
    ]) {
      await node(editor, 'Hatice Demir').click();
      await editor.keyboard.press('Alt+Shift+A');
      const row = editor.locator('[data-testid="commitments-view"] tr.is-highlighted');
      await row.waitFor();
      await expect.poll(() => row.locator('[data-column="who"] select').inputValue(), { timeout: 10_000 }).not.toBe('');
      for (const [column, value] of [['task', task], ['hours', hours], ['from', from], ['to', to]]) {
        const input = row.locator(`[data-column="${column}"] input`);
        await input.fill(value);
        await input.press('Enter');
      }
      await expect.poll(() => row.locator('[data-column="to"] input').inputValue(), { timeout: 10_000 }).toBe(to);
    }
    await expect.poll(() => node(editor, 'Hatice Demir').locator('.sh-capacity').textContent(), { timeout: 10_000 }).toBe('14/8 u/mnd');
    await editor.screenshot({ path: shotPath('sh-built-editor.png') });

    // The viewer: the overload problem names her and the months.
    const problem = viewer.locator('.mk-problem[data-code="stakeholders/keyfigure.overCapacity"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/Hatice Demir heeft in maart t\/m juni 2027 14 uur per maand/);
    await expect.poll(() => node(viewer, 'Hatice Demir').locator('.sh-capacity.is-over').count(), { timeout: 10_000 }).toBe(1);

    // The viewer sees the two relations as lines on the canvas, not only in the views.
    await expect.poll(() => viewer.locator('.react-flow__edge').count(), { timeout: 10_000 }).toBe(2);
    expect(await viewer.locator('.react-flow__handle.connectable').count()).toBe(0);

    // Coverage: the community has its key figure and its place; the partner fills its cell.
    const community = viewer.locator('[data-testid="coverage-view"] .sh-community', { hasText: 'Turkse gemeenschap' });
    await community.locator('[data-testid="community-key-figures"]', { hasText: 'Hatice Demir' }).waitFor();
    await community.locator('[data-testid="community-places"]', { hasText: 'Moskee Ulu Camii' }).waitFor();
    await viewer.locator('.sh-dots [data-category="zorgaanbiedersAlgemeen"][data-role="verwijzer"].is-on').waitFor();
    expect(await viewer.locator('[data-missing-category="zorgaanbiedersAlgemeen"]').count()).toBe(0);

    // Commitments: 8 × 12 + 6 × 4 = 120 hours, all on Hatice; the viewer cannot edit them.
    await viewer.locator('.mk-tab', { hasText: 'Afspraken' }).click();
    const commitments = viewer.locator('[data-testid="commitments-view"]');
    await commitments.locator('[data-testid="commitments-total"]', { hasText: '120 uur' }).waitFor();
    await commitments.locator('[data-testid="totals-by-party"] tr', { hasText: 'Hatice Demir' }).filter({ hasText: '120 u' }).waitFor();
    expect(await commitments.locator('tbody tr[data-commitment]').count()).toBe(2);
    expect(await commitments.locator('tbody tr[data-commitment] input:not([disabled])').count()).toBe(0);
    expect(await commitments.getByRole('button', { name: '+ Nieuwe afspraak' }).count()).toBe(0);
    await viewer.screenshot({ path: shotPath('sh-built-viewer.png') });
  });
});
