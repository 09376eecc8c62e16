import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, skipWithoutBrowser, shotPath } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';

const PHONE = { width: 390, height: 844 };

// Commands that change the map: none of them may be offered to a viewer.
const EDITING_COMMANDS = ['core.addNote', 'core.addNode', 'core.undo', 'core.redo', 'core.deleteSelection', 'core.connectSelection', 'core.applyTemplate', 'core.share', 'core.deleteMap', 'stakeholders.layoutAll', 'stakeholders.importCsv'];

/** A participant follows a workshop on a phone through the read-only link (a QR code on the projector). */
describe.skipIf(skipWithoutBrowser)('a viewer on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  let viewer: Page;
  const contexts: BrowserContext[] = [];
  const ownerScripts: string[] = [];
  const viewerScripts: string[] = [];
  const socketUrls: string[] = [];
  let viewerSockets = 0;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    room = await server.createRoom('Mantelzorg Noord, werksessie maart');
    const owner = await openPage(browser, { name: 'Samira' });
    contexts.push(owner.context);
    owner.page.on('request', (r) => r.resourceType() === 'script' && ownerScripts.push(r.url()));
    owner.page.on('websocket', (ws) => socketUrls.push(ws.url()));
    await owner.page.goto(new URL(room.links.owner, server.httpUrl).toString());
    await owner.page.locator('.react-flow__pane').dblclick({ position: { x: 400, y: 300 } });
    const editor = owner.page.getByRole('textbox', { name: 'Tekst van het kaartje' });
    await editor.fill('Wijkteam');
    await editor.press('Enter');
    await owner.page.locator('[data-testid=session-status][data-unsent="0"]').waitFor({ state: 'attached', timeout: 20_000 });

    const phone = await openPage(browser, { name: 'Piet', viewport: PHONE, isMobile: true, hasTouch: true });
    contexts.push(phone.context);
    viewer = phone.page;
    viewer.on('request', (r) => r.resourceType() === 'script' && viewerScripts.push(r.url()));
    viewer.on('websocket', (ws) => {
      socketUrls.push(ws.url());
      viewerSockets++;
    });
    await viewer.goto(new URL(room.links.view, server.httpUrl).toString());
    await viewer.locator('[data-testid=session-status][data-connection=connected]').waitFor({ state: 'attached', timeout: 20_000 });
    await viewer.locator('.react-flow__node', { hasText: 'Wijkteam' }).waitFor();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.dispose();
  });

  it('sees the whole read-only badge in a status bar that does not overflow', async () => {
    const badge = viewer.getByTestId('status-readonly-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Alleen bekijken');
    const fit = await badge.evaluate((el) => {
      const bar = el.closest('.mk-statusbar')!;
      const b = el.getBoundingClientRect();
      const s = bar.getBoundingClientRect();
      return {
        insideBar: b.left >= s.left && b.right <= s.right && b.top >= s.top && b.bottom <= s.bottom,
        onScreen: b.left >= 0 && b.right <= window.innerWidth && b.bottom <= window.innerHeight,
        textWhole: el.scrollWidth <= el.clientWidth,
        barWhole: bar.scrollWidth <= bar.clientWidth,
      };
    });
    expect(fit).toEqual({ insideBar: true, onScreen: true, textWhole: true, barWhole: true });
    // One other person (the facilitator) is online: singular, in full for screen readers.
    await expect.poll(() => viewer.locator('.mk-people-online').getAttribute('aria-label')).toBe('1 ander online');
    // Nothing on the page is wider than the phone.
    expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('gets the map across the whole width: no activity bar, no side bar, no palette button', async () => {
    expect(await viewer.locator('.mk-activitybar').count()).toBe(0);
    expect(await viewer.locator('aside.mk-sidebar').count()).toBe(0);
    expect(await viewer.locator('.mk-toolbar [data-command="core.commandPalette"]').count()).toBe(0);
    const editor = await viewer.locator('.mk-editor').boundingBox();
    expect(editor?.x).toBe(0);
    expect(editor?.width).toBe(PHONE.width);
  });

  it('never downloads the editing code: layout, import, plan writing and export, sharing, vote and inbox tools', async () => {
    // Wait until the page has settled: the facilitator's browser has loaded its editing tools by now.
    await expect.poll(() => ownerScripts.some((u) => /\/assets\/editing-[\w-]+\.js$/.test(u))).toBe(true);
    await viewer.locator('.mk-toolbar').waitFor();
    const editing = /\/assets\/(editing|CsvImportView|PlanView|CommitmentsView|ShareDialog|renderPlanDocx|PlanExportDialog|planFiles|StartVoteDialog|SuggestionsView)-[\w-]+\.js$/;
    expect(viewerScripts.length).toBeGreaterThan(2);
    expect(viewerScripts.filter((u) => editing.test(u))).toEqual([]);
  });

  it('keeps every token out of the socket URLs a reverse proxy would log', async () => {
    // Map and private document for the facilitator, the map for the phone.
    expect(socketUrls.length).toBeGreaterThanOrEqual(3);
    for (const url of socketUrls) {
      expect(url).not.toMatch(/token/i);
      for (const token of Object.values(room.tokens)) expect(url).not.toContain(token);
    }
  });

  it('opens the map over one socket, and keeps a copy on the phone for the next visit once the map is drawn', async () => {
    // A first visit connects at once; a second socket would mean the opening one was thrown away and redone.
    expect(viewerSockets).toBe(1);
    // The page finishing its load (pageshow) or coming to the front while its socket is still opening: on a slow
    // phone network that is the usual order, and the opening socket must be kept, not restarted.
    const slow = await viewer.context().newPage();
    await slow.addInitScript(() => {
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          queueMicrotask(() => {
            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
            document.dispatchEvent(new Event('visibilitychange'));
          });
        }
      };
    });
    let slowSockets = 0;
    slow.on('websocket', () => slowSockets++);
    await slow.goto(new URL(room.links.view, server.httpUrl).toString());
    await slow.locator('[data-testid=session-status][data-synced=true]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(slowSockets).toBe(1);
    await slow.close();
    // The copy is started after the map is drawn, not before (waiting for IndexedDB would only delay the map).
    await expect.poll(() => viewer.evaluate((r) => localStorage.getItem(`mantelkaart:copy:${r}`), room.room), { timeout: 10_000 }).toBe('1');

    // The next visit, with a server that never answers: the phone shows the map it kept, before any answer.
    const next = await viewer.context().newPage();
    await next.routeWebSocket(/\/yjs\//, () => {});
    await next.goto(new URL(room.links.view, server.httpUrl).toString());
    await next.locator('.react-flow__node', { hasText: 'Wijkteam' }).waitFor({ timeout: 20_000 });
    expect(await next.locator('[data-testid=session-status]').getAttribute('data-synced')).toBe('false');
    await next.close();
  });

  it('is offered nothing that edits', async () => {
    for (const id of EDITING_COMMANDS) expect(await viewer.locator(`[data-command="${id}"]`).count(), id).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Kaartje toevoegen' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Ongedaan maken|Opnieuw/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Delen|verwijderen/i }).count()).toBe(0);
    expect(await viewer.locator('.react-flow__node.draggable').count()).toBe(0);
    expect(await viewer.locator('.react-flow__handle.connectable').count()).toBe(0);
  });

  it('has a follow button big enough for a thumb, and the views in a sheet', async () => {
    const follow = viewer.getByRole('button', { name: /Begeleider volgen/ });
    await expect.poll(() => follow.isEnabled()).toBe(true);
    const box = (await follow.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height).toBe(true);
    await follow.tap();
    await viewer.getByRole('button', { name: /Stoppen met volgen/ }).waitFor();
    await viewer.screenshot({ path: shotPath('mk-phone-viewer.png') });
    await viewer.getByRole('button', { name: /Stoppen met volgen/ }).tap();

    // The views the activity bar would offer open as a sheet over the lower part of the map.
    await viewer.locator('.mk-toolbar [data-command="core.openView"]').tap();
    const picker = viewer.getByRole('dialog', { name: /Welke weergave|Opdrachtenpalet/ });
    await picker.waitFor();
    await picker.getByRole('option', { name: /Dekking/ }).tap();
    const sheet = viewer.locator('aside.mk-sidebar.is-sheet');
    await sheet.waitFor();
    const s = (await sheet.boundingBox())!;
    expect(s.x).toBe(0);
    expect(s.width).toBe(PHONE.width);
    await viewer.screenshot({ path: shotPath('mk-phone-sheet.png') });
    await sheet.getByRole('button', { name: 'Zijbalk sluiten' }).tap();
    await sheet.waitFor({ state: 'detached' });
  });
});
