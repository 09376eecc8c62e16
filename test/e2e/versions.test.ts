import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { nodesMap, readNode } from '../../shared/model/mapDoc';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { seedExampleMap } from '../helpers/exampleMap';
import { waitFor, type TestClient } from '../helpers/clients';
import { VK } from '../fixtures/voorbeeldkaart';

/**
 * Versions in a real Chromium against the real server: a facilitator saves "Werksessie 1", the map changes, the
 * comparison shows what changed on the list and on the canvas, a deleted card comes back, and a restore is undone.
 */
describe.skipIf(skipWithoutBrowser)('versions of a map in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let samira: Page;
  let joost: Page;
  let editor: TestClient;
  const clients: TestClient[] = [];
  let added = '';

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    ({ room, editor } = await seedExampleMap(server, 'Werksessies'));
    clients.push(editor);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await browser?.close();
    await server?.dispose();
    server?.removeData();
  });

  async function openMap(role: 'owner' | 'edit', name: string): Promise<Page> {
    const { page } = await openPage(browser, { name, viewport: { width: 1440, height: 900 } });
    page.on('dialog', (d) => void d.accept());
    await page.goto(new URL(room.links[role], server.httpUrl).toString());
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(20);
    return page;
  }
  const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  it('saves a named version from the Versies view', async () => {
    samira = await openMap('owner', 'Samira');
    joost = await openMap('edit', 'Joost');
    await samira.locator('.mk-activity[data-view="core.versions"]').click();
    const view = samira.locator('[data-testid="versions-view"]');
    await view.locator('#mk-version-name').fill('Werksessie 1');
    await view.getByRole('button', { name: 'Versie opslaan' }).click();
    const item = view.locator('[data-version]', { hasText: 'Werksessie 1' });
    await item.waitFor();
    await expect.poll(() => item.locator('.mk-version-counts').textContent()).toBe('29 kaarten · 15 relaties · 8 afspraken');
    expect(await item.locator('.mk-version-meta').textContent()).toContain('Samira');
  });

  it('compares with now: the new card green, the deleted one listed, the changed field old → new', async () => {
    // The map moves on in Joost's page: a place added, a key figure deleted, a capacity changed.
    const before = new Set(nodesMap(editor.doc).keys());
    await joost.locator('.mk-canvas').focus();
    await joost.keyboard.press('Control+Shift+P');
    const palette = joost.getByRole('dialog', { name: 'Opdrachtenpalet' });
    await palette.waitFor();
    await joost.keyboard.type('Nieuw: vindplaats');
    await palette.getByRole('option', { name: /Nieuw: vindplaats/ }).first().waitFor();
    await joost.keyboard.press('Enter');
    const label = joost.locator('textarea.mk-node-editor');
    await label.waitFor();
    await label.fill('Bibliotheek Oost');
    await label.press('Enter');
    await waitFor(() => [...nodesMap(editor.doc).keys()].some((id) => !before.has(id)), 'the new place reaches the server');
    added = [...nodesMap(editor.doc).keys()].find((id) => !before.has(id))!;
    await card(joost, VK.ilse).click();
    await joost.keyboard.press('Delete');
    await card(joost, VK.hatice).click();
    // Adding the place opened the inspector already; the activity button would close it again.
    if (!(await joost.locator('[data-testid="inspector"]').isVisible())) await joost.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
    const capacity = joost.locator('[data-testid="inspector"] [data-field="capacityHoursPerMonth"]');
    await capacity.fill('20');
    await capacity.press('Enter');
    await card(samira, added).waitFor();
    await card(samira, VK.ilse).waitFor({ state: 'detached' });
    await waitFor(() => readNode(VK.hatice, nodesMap(editor.doc).get(VK.hatice)!).data.capacityHoursPerMonth === 20, 'the capacity reaches the server');

    const view = samira.locator('[data-testid="versions-view"]');
    await view.locator('[data-version]', { hasText: 'Werksessie 1' }).getByRole('button', { name: 'Vergelijken met nu' }).click();
    const compare = samira.locator('[data-testid="version-compare"]');
    await compare.waitFor();
    await compare.locator(`[data-node="${added}"][data-change="added"]`).waitFor();
    await compare.locator(`[data-node="${VK.ilse}"][data-change="removed"]`).waitFor();
    const changed = compare.locator(`[data-node="${VK.hatice}"][data-change="changed"]`);
    expect(await changed.locator('.mk-compare-fields').textContent()).toMatch(/^Capaciteit[^:]*: 8 → 20$/);
    // On the canvas: outlined, with its tag.
    await expect.poll(() => card(samira, added).locator('[data-compare="added"]').count()).toBe(1);
    await expect.poll(() => card(samira, VK.hatice).locator('[data-compare="changed"]').count()).toBe(1);
    // The changed card's inspector says what changed, old → new, in the form's words.
    await card(samira, VK.hatice).click();
    await samira.locator('.mk-activity[data-view="stakeholders.inspector"]').click();
    const note = samira.locator('[data-testid="inspector-comparison"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/Gewijzigd sinds “Werksessie 1”Capaciteit[^:]*: 8 → 20/);
    await samira.screenshot({ path: shotPath('versions-inspector.png') });
    await samira.locator('.mk-activity[data-view="core.versions"]').click();
    await compare.waitFor();
    // The removed card is a faded ghost at its old place: there, but not a card anyone can select or drag.
    const ghost = samira.locator(`[data-ghost="${VK.ilse}"]`);
    await ghost.waitFor();
    expect(await ghost.textContent()).toContain('Ilse Kromodimedjo');
    await samira.screenshot({ path: shotPath('versions-compare.png') });
  });

  it('brings back the deleted card with its relations, for everyone', async () => {
    const compare = samira.locator('[data-testid="version-compare"]');
    await compare.locator(`[data-bring-back="${VK.ilse}"]`).click();
    await card(samira, VK.ilse).waitFor();
    await card(joost, VK.ilse).waitFor();
    await samira.locator(`[data-ghost="${VK.ilse}"]`).waitFor({ state: 'detached' });
    await waitFor(() => nodesMap(editor.doc).has(VK.ilse), 'the card reaches the other clients');
    await compare.getByRole('button', { name: 'Vergelijken sluiten' }).click();
    await expect.poll(() => samira.locator('[data-compare]').count()).toBe(0);
  });

  it('restores the whole map as one change for everyone, and one Ctrl+Z takes it back', async () => {
    const view = samira.locator('[data-testid="versions-view"]');
    await view.locator('[data-version]', { hasText: 'Werksessie 1' }).getByRole('button', { name: 'Terugzetten' }).click();
    await card(samira, added).waitFor({ state: 'detached' });
    await card(joost, added).waitFor({ state: 'detached' });
    await waitFor(() => !nodesMap(editor.doc).has(added), 'the restore reaches the other clients');
    // The map as it was just before is kept.
    await view.locator('[data-version]', { hasText: 'Automatisch, voor het terugzetten' }).waitFor();
    await samira.locator('.react-flow__pane').click({ position: { x: 600, y: 500 } });
    await samira.keyboard.press('Control+Z');
    await card(samira, added).waitFor();
    await card(joost, added).waitFor();
  });

  it('names the change in the plan’s monitoring section when the plan is compared with the version', async () => {
    await samira.locator('.mk-toolbar [data-command="stakeholders.exportPlan"]').click();
    const dialog = samira.getByRole('dialog', { name: 'Projectplan exporteren' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /Markdown/ }).check();
    await dialog.getByRole('checkbox', { name: /De kaart als afbeelding/ }).uncheck();
    const since = await dialog.locator('select[name="since"] option', { hasText: /^Werksessie 1/ }).getAttribute('value');
    await dialog.getByRole('combobox', { name: 'Versie om mee te vergelijken' }).selectOption(since ?? '');
    await samira.screenshot({ path: shotPath('versions-plan-export.png') });
    const download = samira.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const file = await download;
    const path = await file.path();
    if (!path) throw new Error('no download');
    const md = readFileSync(path, 'utf8');
    expect(md).toContain('### Sinds “Werksessie 1”');
    expect(md).toContain('Nieuwe vindplaatsen: Bibliotheek Oost.');
  });
});
