import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';

/**
 * The workbench in a real Chromium against the real server. The proof extension (test/fixtures/test-extension)
 * is loaded through the dev-only URL flag `?devExtension=test` (see client/host/builtinExtensions.ts).
 */
describe.skipIf(skipWithoutBrowser)('the workbench', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom('Werkplektest');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  function mapUrl(role: 'owner' | 'edit' | 'view'): string {
    const url = new URL(room.links[role], server.httpUrl);
    url.searchParams.set('devExtension', 'test');
    return url.toString();
  }

  async function openMap(role: 'owner' | 'edit' | 'view' = 'owner'): Promise<Page> {
    const { page } = await openPage(browser, { name: 'Fatima' });
    page.on('console', (m) => m.type() === 'error' && console.log('[browser console]', m.text()));
    page.on('pageerror', (e) => console.log('[page stack]', e.stack));
    await page.goto(mapUrl(role));
    await page.locator('.mk-workbench').waitFor();
    // The proof extension is active once its view shows in the activity bar.
    await page.locator('.mk-activity[data-view="test.view"]').waitFor();
    return page;
  }

  const widgets = (page: Page) => page.locator('.react-flow__node .mk-kind-node[data-kind="test.widget"]');

  it('opens the palette by keyboard, finds a command by its Dutch or English title and runs it', async () => {
    const page = await openMap();
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Opdrachtenpalet' });
    await palette.waitFor();
    await page.keyboard.type('testblok');
    const item = palette.getByRole('option', { name: /Test: Testblok toevoegen/ });
    await item.waitFor();
    await expect(item.locator('kbd').textContent()).resolves.toBe('Alt+Shift+W');
    await page.screenshot({ path: shotPath('mk-palette.png') });
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await widgets(page).first().waitFor();
    expect(await widgets(page).count()).toBe(1);

    // Ctrl+K opens it too; English titles are found as well; the command just run is listed as recent.
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Control+K');
    await palette.waitFor();
    await palette.getByRole('group', { name: 'Recent gebruikt' }).getByRole('option', { name: /Testblok toevoegen/ }).waitFor();
    await page.keyboard.type('add test widget');
    await palette.getByRole('option', { name: /Testblok toevoegen/ }).waitFor();
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    await page.close();
  });

  it('runs a keybinding, but not while typing in a text field', async () => {
    const page = await openMap();
    const before = await widgets(page).count();
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Alt+Shift+W');
    await expect.poll(() => widgets(page).count()).toBe(before + 1);
    // The new widget is selected: Enter edits its text; the keybinding must now type, not add.
    await page.keyboard.press('Enter');
    const editor = page.locator('textarea.mk-node-editor');
    await editor.waitFor();
    await page.keyboard.press('Alt+Shift+W');
    await page.keyboard.type('Buurthuis');
    expect(await widgets(page).count()).toBe(before + 1);
    await page.close();
  });

  it('opens a view from the activity bar and remembers it', async () => {
    const page = await openMap();
    await page.getByRole('button', { name: 'Testblokken' }).click();
    const view = page.locator('aside.mk-sidebar[data-view="test.view"]');
    await view.waitFor();
    await view.getByText(/testblokken op de kaart/).waitFor();
    await page.screenshot({ path: shotPath('mk-view.png') });
    await page.reload();
    await page.locator('aside.mk-sidebar[data-view="test.view"]').getByText(/testblokken op de kaart/).waitFor();
    // Clicking the active view's icon collapses the side bar.
    await page.getByRole('button', { name: 'Testblokken' }).click();
    await view.waitFor({ state: 'detached' });
    await page.close();
  });

  it('clicking a problem selects its node; the quick fix resolves it', async () => {
    const page = await openMap();
    await page.locator('.mk-canvas').focus();
    await page.keyboard.press('Alt+Shift+W');
    await page.keyboard.press('Escape');
    await page.locator('.mk-canvas').click({ position: { x: 40, y: 300 } });
    // Problems panel by keyboard (Ctrl+J toggles the panel; Problems is its first view).
    await page.keyboard.press('Control+J');
    const panel = page.locator('section.mk-panel');
    await panel.waitFor();
    const problem = panel.locator('.mk-problem[data-code="test/unnamed-widget"]').first();
    await problem.waitFor();
    await expect.poll(async () => Number(await page.locator('.mk-problem-counts [data-count="warning"]').textContent())).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.mk-kind-node .mk-node-marker.is-warning').count()).toBeGreaterThan(0);

    expect(await page.locator('.react-flow__node.selected').count()).toBe(0);
    await problem.locator('.mk-problem-main').click();
    await expect.poll(() => page.locator('.react-flow__node.selected .mk-kind-node[data-kind="test.widget"]').count()).toBe(1);
    await page.screenshot({ path: shotPath('mk-problems.png') });

    const count = await panel.locator('.mk-problem[data-code="test/unnamed-widget"]').count();
    await problem.getByRole('button', { name: /Naam "Testblok" geven/ }).click();
    await expect.poll(() => panel.locator('.mk-problem[data-code="test/unnamed-widget"]').count()).toBe(count - 1);
    await page.close();
  });

  it('a viewer does not see editing commands in the palette or the toolbar', async () => {
    const page = await openMap('view');
    await page.locator('.mk-readonly-badge').waitFor();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Opdrachtenpalet' });
    await palette.waitFor();
    await page.keyboard.type('testblok');
    await palette.getByText('Geen opdracht gevonden.').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('.mk-toolbar [data-command="core.addNote"]').count()).toBe(0);
    expect(await page.locator('.mk-toolbar [data-command="core.zoomToFit"]').count()).toBe(1);
    await page.screenshot({ path: shotPath('mk-viewer.png') });
    await page.close();
  });
});
