import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';

/**
 * Two (or three) people on one map in real Chromium against the real server serving dist/client.
 * Every wait is for a condition on the page; `[data-testid=session-status]` mirrors the session's state.
 */
describe.skipIf(skipWithoutBrowser)('co-editing a map', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.dispose();
  });

  async function open(room: CreatedRoom, role: 'owner' | 'edit' | 'view', name: string, viewport?: { width: number; height: number }): Promise<Page> {
    const { context, page } = await openPage(browser, { name, viewport, isMobile: viewport ? viewport.width < 600 : undefined, hasTouch: viewport ? viewport.width < 600 : undefined });
    contexts.push(context);
    await page.goto(new URL(room.links[role], server.httpUrl).toString());
    await connected(page);
    return page;
  }

  const status = (page: Page) => page.locator('[data-testid=session-status]');
  async function connected(page: Page): Promise<void> {
    await page.locator('[data-testid=session-status][data-connection=connected]').waitFor({ state: 'attached', timeout: 20_000 });
  }
  async function allSaved(page: Page): Promise<void> {
    await page.locator('[data-testid=session-status][data-unsent="0"]').waitFor({ state: 'attached', timeout: 20_000 });
  }
  const nodeByLabel = (page: Page, label: string) => page.locator('.react-flow__node', { hasText: label });

  async function createCard(page: Page, label: string, at: { x: number; y: number }): Promise<void> {
    await page.locator('.react-flow__pane').dblclick({ position: at });
    const editor = page.getByRole('textbox', { name: 'Tekst van het kaartje' });
    await editor.waitFor();
    await editor.fill(label);
    await editor.press('Enter');
    await nodeByLabel(page, label).waitFor();
  }

  async function rename(page: Page, from: string, to: string): Promise<void> {
    await nodeByLabel(page, from).dblclick();
    const editor = page.getByRole('textbox', { name: 'Tekst van het kaartje' });
    await editor.waitFor();
    await editor.fill(to);
    await editor.press('Enter');
    await nodeByLabel(page, to).waitFor();
  }

  /** A node's position in flow coordinates, from React Flow's transform. */
  async function flowPosition(page: Page, label: string): Promise<{ x: number; y: number }> {
    const transform = await nodeByLabel(page, label).evaluate((el) => (el as HTMLElement).style.transform);
    const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(transform);
    if (!m) throw new Error(`no position in ${transform}`);
    return { x: Number(m[1]), y: Number(m[2]) };
  }

  /** The part of the map a page shows, in flow coordinates, from React Flow's transform and the canvas size. */
  async function visibleArea(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
    return page.locator('.react-flow__viewport').evaluate((el) => {
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform);
      const box = el.closest('.react-flow')?.getBoundingClientRect();
      if (!m || !box) throw new Error('no viewport');
      const [tx, ty, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return { x: -tx / z, y: -ty / z, width: box.width / z, height: box.height / z };
    });
  }

  /** Whether a follower's view shows the leader's area: the same centre, and the area fitting it one way (within 3%). */
  function shows(view: { x: number; y: number; width: number; height: number }, area: { x: number; y: number; width: number; height: number }): boolean {
    const close = (a: number, b: number, of: number) => Math.abs(a - b) <= 0.03 * of;
    const centred = close(view.x + view.width / 2, area.x + area.width / 2, area.width) && close(view.y + view.height / 2, area.y + area.height / 2, area.height);
    const fits = (close(view.width, area.width, area.width) && view.height >= area.height * 0.97) || (close(view.height, area.height, area.height) && view.width >= area.width * 0.97);
    return centred && fits;
  }

  async function drag(page: Page, label: string, dx: number, dy: number): Promise<void> {
    const box = await nodeByLabel(page, label).boundingBox();
    if (!box) throw new Error(`${label} is not on screen`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
    await page.mouse.up();
  }

  it('the start page creates a map, opens it as owner, and lists it to reopen or forget', async () => {
    const { context, page } = await openPage(browser, { name: 'Anna' });
    contexts.push(context);
    await page.goto(server.httpUrl + '/');
    await page.getByText('Nog geen kaarten geopend op dit apparaat').waitFor();
    await page.getByLabel('Titel van de kaart').fill('Mantelzorg Noord, werksessie maart');
    await page.screenshot({ path: shotPath('mk-start-empty.png') });
    await page.getByRole('button', { name: 'Kaart maken' }).click();
    await page.waitForURL(/\/m\/[A-Za-z0-9_-]+#token=/);
    await connected(page);
    await page.getByRole('button', { name: 'Delen' }).first().waitFor();

    await page.getByRole('link', { name: 'Startpagina' }).click();
    const entry = page.getByRole('link', { name: 'Kaart Mantelzorg Noord, werksessie maart openen' });
    await entry.waitFor();
    expect(await page.locator('.recent-item').first().textContent()).toContain('Beheerder');
    await page.screenshot({ path: shotPath('mk-start.png') });
    // Reopening works without the link: the token was kept for this map.
    await entry.click();
    await connected(page);
    await page.goBack();
    await page.getByRole('button', { name: 'Kaart Mantelzorg Noord, werksessie maart vergeten op dit apparaat' }).click();
    await page.getByText('Nog geen kaarten geopend op dit apparaat').waitFor();
  });

  it('a card created in one page appears in the other, and a drag moves it in both', async () => {
    const room = await server.createRoom('Samen bewerken');
    const anna = await open(room, 'owner', 'Anna');
    const bram = await open(room, 'edit', 'Bram');

    await createCard(anna, 'Gemeente', { x: 300, y: 250 });
    await nodeByLabel(bram, 'Gemeente').waitFor();

    const before = await flowPosition(anna, 'Gemeente');
    await drag(anna, 'Gemeente', 160, 90);
    const after = await flowPosition(anna, 'Gemeente');
    expect(after.x - before.x).toBeGreaterThan(100);
    await bram.waitForFunction(
      ([x, y]) => {
        const el = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((n) => n.textContent?.includes('Gemeente'));
        return el?.style.transform.includes(`translate(${x}px, ${y}px)`) ?? false;
      },
      [after.x, after.y],
    );
    await allSaved(anna);

    // Both people's cursors are drawn on the other's screen.
    await anna.mouse.move(700, 500);
    await bram.mouse.move(500, 300);
    await anna.locator('.mk-cursor', { hasText: 'Bram' }).waitFor();
    await bram.locator('.mk-cursor', { hasText: 'Anna' }).waitFor();
    await createCard(bram, 'Wijkteam', { x: 650, y: 420 });
    await nodeByLabel(anna, 'Wijkteam').click();
    await bram.mouse.move(520, 330);
    await anna.locator('.mk-cursor', { hasText: 'Bram' }).waitFor();
    await anna.screenshot({ path: shotPath('mk-canvas-two-people.png') });
  });

  it('undo in one page undoes only that person’s own last change, however the edits interleave', async () => {
    const room = await server.createRoom('Ongedaan maken');
    const anna = await open(room, 'owner', 'Anna');
    const bram = await open(room, 'edit', 'Bram');

    await createCard(anna, 'Huisarts', { x: 250, y: 200 });
    await createCard(bram, 'Mantelzorger', { x: 600, y: 420 });
    await nodeByLabel(anna, 'Mantelzorger').waitFor();
    // Anna's change is now the newest on the map: a shared undo would take it back first.
    await rename(anna, 'Huisarts', 'Huisarts Oost');
    await nodeByLabel(bram, 'Huisarts Oost').waitFor();

    await bram.locator('.react-flow__pane').click({ position: { x: 50, y: 50 } });
    await bram.keyboard.press('Control+z');
    for (const p of [anna, bram]) await expect.poll(() => nodeByLabel(p, 'Mantelzorger').count(), { timeout: 10_000 }).toBe(0);
    for (const p of [anna, bram]) expect(await nodeByLabel(p, 'Huisarts Oost').count()).toBe(1);

    await anna.locator('.react-flow__pane').click({ position: { x: 50, y: 50 } });
    await anna.keyboard.press('Control+z');
    for (const p of [anna, bram]) await expect.poll(() => nodeByLabel(p, 'Huisarts Oost').count(), { timeout: 15_000 }).toBe(0);
    for (const p of [anna, bram]) await nodeByLabel(p, 'Huisarts').waitFor({ state: 'attached' });
    // Bram's undone card stays undone: Anna's undo touched only her own rename.
    for (const p of [anna, bram]) expect(await nodeByLabel(p, 'Mantelzorger').count()).toBe(0);

    // Redo brings Bram's card back for both.
    await bram.keyboard.press('Control+Shift+z');
    await nodeByLabel(anna, 'Mantelzorger').waitFor();
  });

  it('a reload keeps everything, and edits made offline are counted as unsent until they reach the server', async () => {
    const room = await server.createRoom('Herladen');
    const anna = await open(room, 'owner', 'Anna');
    const bram = await open(room, 'edit', 'Bram');
    await createCard(anna, 'Wijkteam', { x: 300, y: 250 });
    await allSaved(anna);

    await anna.reload();
    await connected(anna);
    await nodeByLabel(anna, 'Wijkteam').waitFor();

    // Offline: the edit is kept and counted, never reported as saved.
    await anna.context().setOffline(true);
    await status(anna).and(anna.locator(':not([data-connection=connected])')).waitFor({ state: 'attached' });
    await createCard(anna, 'Buurtcoach', { x: 650, y: 400 });
    await anna.locator('[data-testid=session-status]:not([data-unsent="0"])').waitFor({ state: 'attached' });
    expect(await nodeByLabel(bram, 'Buurtcoach').count()).toBe(0);

    await anna.context().setOffline(false);
    await connected(anna);
    await nodeByLabel(bram, 'Buurtcoach').waitFor({ timeout: 20_000 });
    await allSaved(anna);

    await bram.reload();
    await connected(bram);
    await nodeByLabel(bram, 'Wijkteam').waitFor();
    await nodeByLabel(bram, 'Buurtcoach').waitFor();
  });

  it('a viewer is offered no editing, sees the badge, and cannot change the editor’s map', async () => {
    const room = await server.createRoom('Meekijken');
    const anna = await open(room, 'owner', 'Anna');
    await createCard(anna, 'Vrijwilligers', { x: 300, y: 250 });
    await allSaved(anna);
    const before = await flowPosition(anna, 'Vrijwilligers');

    const viewer = await open(room, 'view', 'Kijker');
    await nodeByLabel(viewer, 'Vrijwilligers').waitFor();
    await viewer.getByTestId('readonly-badge').first().waitFor();
    expect(await viewer.getByTestId('readonly-badge').first().textContent()).toContain('Alleen bekijken');
    expect(await viewer.getByRole('button', { name: 'Kaartje toevoegen' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Ongedaan maken' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Delen' }).count()).toBe(0);
    expect(await viewer.locator('.react-flow__node.draggable').count()).toBe(0);
    expect(await viewer.locator('.react-flow__handle.connectable').count()).toBe(0);
    expect(await viewer.locator('.react-flow__resize-control').count()).toBe(0);

    // Everything a viewer might try: double-click to create, drag, edit, delete, undo.
    await viewer.locator('.react-flow__pane').dblclick({ position: { x: 500, y: 400 } });
    await drag(viewer, 'Vrijwilligers', 150, 100);
    await nodeByLabel(viewer, 'Vrijwilligers').dblclick();
    await nodeByLabel(viewer, 'Vrijwilligers').click();
    await viewer.keyboard.press('Enter');
    await viewer.keyboard.press('Delete');
    await viewer.keyboard.press('Backspace');
    await viewer.keyboard.press('Control+z');
    expect(await viewer.getByRole('textbox', { name: 'Tekst van het kaartje' }).count()).toBe(0);
    expect(await viewer.locator('.react-flow__node').count()).toBe(1);
    expect(await status(viewer).getAttribute('data-unsent')).toBe('0');

    // A change Anna makes afterwards arrives at the viewer: everything the viewer sent before it has been
    // handled by then, and nothing of it reached Anna.
    await createCard(anna, 'Bibliotheek', { x: 650, y: 420 });
    await nodeByLabel(viewer, 'Bibliotheek').waitFor();
    expect(await anna.locator('.react-flow__node').count()).toBe(2);
    expect(await flowPosition(anna, 'Vrijwilligers')).toEqual(before);
    expect(await nodeByLabel(anna, 'Vrijwilligers').count()).toBe(1);
  });

  it('a viewer on a phone sees the whole map, can follow the facilitator’s view and stop following', async () => {
    const room = await server.createRoom('Volgen');
    const anna = await open(room, 'owner', 'Anna');
    await createCard(anna, 'Gemeente', { x: 200, y: 150 });
    await createCard(anna, 'Wijkteam', { x: 700, y: 450 });
    await createCard(anna, 'Mantelzorgers', { x: 350, y: 500 });
    await allSaved(anna);
    const viewer = await open(room, 'view', 'Kijker', { width: 390, height: 844 });
    // The map is framed to fit the phone: every card is on screen.
    for (const label of ['Gemeente', 'Wijkteam', 'Mantelzorgers']) {
      const box = await nodeByLabel(viewer, label).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    // On a phone the badge sits in the status bar (the top bar keeps to one line of title).
    await viewer.getByTestId('status-readonly-badge').waitFor();
    await viewer.screenshot({ path: shotPath('mk-viewer-phone.png') });

    // Following means seeing what the facilitator sees: the follower's view is the facilitator's visible area,
    // fitted to the phone (same centre; the area just fits one way). A second follower shows that a change reached
    // the viewers, so the one who stopped can be checked not to move along.
    const other = await open(room, 'view', 'Tweede kijker', { width: 390, height: 844 });
    for (const p of [viewer, other]) {
      await p.getByRole('button', { name: /Begeleider volgen/ }).click();
      await p.getByRole('button', { name: /Stoppen met volgen/ }).waitFor();
    }
    await anna.locator('.react-flow__pane').hover({ position: { x: 400, y: 300 } });
    await anna.mouse.wheel(0, -600);
    await anna.mouse.move(400, 300);
    await anna.mouse.down();
    await anna.mouse.move(250, 220, { steps: 5 });
    await anna.mouse.up();
    const target = await visibleArea(anna);
    for (const p of [viewer, other]) await expect.poll(async () => shows(await visibleArea(p), target), { timeout: 10_000 }).toBe(true);

    await viewer.getByRole('button', { name: /Stoppen met volgen/ }).click();
    await viewer.getByRole('button', { name: /Begeleider volgen/ }).waitFor();
    const stoppedAt = await visibleArea(viewer);
    await anna.locator('.react-flow__pane').hover({ position: { x: 600, y: 400 } });
    await anna.mouse.wheel(0, 500);
    const moved = await visibleArea(anna);
    expect(shows(moved, target)).toBe(false);
    await expect.poll(async () => shows(await visibleArea(other), moved), { timeout: 10_000 }).toBe(true);
    expect(await visibleArea(viewer)).toEqual(stoppedAt);
    expect(shows(await visibleArea(viewer), moved)).toBe(false);
  });

  it('the owner’s share dialog shows the three links and a QR code of the view link', async () => {
    const room = await server.createRoom('Delen');
    const anna = await open(room, 'owner', 'Anna');
    await anna.getByRole('button', { name: 'Delen' }).first().click();
    const dialog = anna.getByRole('dialog', { name: 'Kaart delen' });
    await dialog.waitFor();
    for (const kind of ['owner', 'edit', 'view'] as const) {
      const input = dialog.getByTestId(`share-link-${kind}`).locator('input');
      await expect(input.inputValue()).resolves.toContain(`/m/${room.room}#token=`);
    }
    expect(await dialog.getByTestId('share-link-view').locator('input').inputValue()).toBe(room.links.view);
    const qr = dialog.getByTestId('share-qr');
    await qr.waitFor();
    const size = await qr.evaluate((img) => ({ w: (img as HTMLImageElement).naturalWidth, shown: img.getBoundingClientRect().width }));
    expect(size.w).toBeGreaterThanOrEqual(512);
    expect(size.shown).toBeGreaterThanOrEqual(240);
    expect(await dialog.getByRole('button', { name: /kopiëren/i }).count()).toBe(3);
    await anna.screenshot({ path: shotPath('mk-share-dialog.png') });
  });
});
