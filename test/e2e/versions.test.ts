import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createNode, nodesMap, setNodeData } from '../../shared/model/mapDoc';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';
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
    room = await server.createRoom('Werksessies');
    editor = await openSynced(server.wsUrl, room.room, room.tokens.edit);
    clients.push(editor);
    applyTemplate(editor.doc, voorbeeldkaartTemplate, 'test', { keepIds: true });
    const check = await openSynced(server.wsUrl, room.room, room.tokens.owner);
    clients.push(check);
    await waitFor(() => nodesMap(check.doc).size === nodesMap(editor.doc).size, 'the map is stored');
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
    // The map moves on after the session: a card added, one deleted, a field changed.
    added = createNode(editor.doc, { kind: 'place', label: 'Bibliotheek Oost', x: 200, y: -300 });
    editor.doc.transact(() => nodesMap(editor.doc).delete(VK.ilse));
    setNodeData(editor.doc, VK.hatice, { capacityHoursPerMonth: 20 });
    await card(samira, added).waitFor();
    await card(samira, VK.ilse).waitFor({ state: 'detached' });

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
