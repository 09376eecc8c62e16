import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { openBenchClient, waitFor } from './clients';
import { createNode, nodesMap, setNodeData } from '../../shared/model/mapDoc';
import type { RoomTarget } from './servers';
import { addBenchMap, nodeCount } from './mapFixture';
import { initialJs, sizeOf, type BundleSize } from './bundleSize';
import { summarizeProfile, type CpuProfile, type ProfileLine } from './profileSummary';
import { benchTmp, repoRoot, startContender } from './servers';
import { snapshot } from './snapshot';
import { percentile } from './stats';
import { summarizeTrace, type TraceLine } from './traceSummary';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags issue 2 fixes for Debian's Chromium. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Frames slower than 33 ms (two missed vsyncs at 60 Hz). */
  over33: number;
  /** Frames slower than one vsync (16.7 ms at 60 Hz): more than 5% of them puts the p95 at 33.3 ms. */
  overOneFrame?: number;
}

export interface ClientBenchResult {
  nodes: number;
  edges: number;
  initialJs: BundleSize;
  /** Every script the map page fetched until the map was drawn (lazy chunks included). */
  mapPageJs: BundleSize;
  /** Navigation start until the frame in which every node was visible. */
  drawnMs: number;
  firstNodeMs: number;
  drawnComplete: boolean;
  visibleNodes: number;
  jsHeapUsedMiB: number;
  jsHeapTotalMiB: number;
  pan: FrameStats;
  drag: FrameStats & { selected: number; moved: boolean };
  /** The same map zoomed in to one card (double-click far out), where cards are drawn in full: pan, and drag one card. */
  near?: { zoom: number; cardsInView: number; pan: FrameStats; drag: FrameStats & { moved: boolean } };
  /** Opening a comparison with a version of the map (a tenth of it changed since) until its list and canvas marks are drawn. */
  compare?: { ms: number; changes: number; ghosts: number };
  profiles?: { load?: ProfileSummary; drag?: ProfileSummary; panTrace?: TraceLine[]; dragTrace?: TraceLine[] };
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  bySelf: ProfileLine[];
  byTotal: ProfileLine[];
}

export interface BenchWindow {
  __bench: { frames: number[]; recording: boolean; drawnAt: number | null; firstNodeAt: number | null; maxVisible: number; maxVisibleAt: number; target: number };
}

/** Builds the client the way `npm start` does: only when dist/client is older than the sources. */
export async function ensureClientBuild(): Promise<boolean> {
  const mod = (await import(pathToFileURL(join(repoRoot, 'scripts/clientBuild.mjs')).href)) as { buildClientIfNeeded(o?: { quiet?: boolean }): Promise<boolean> };
  return mod.buildClientIfNeeded({ quiet: true });
}

/** Runs in the page before any of its scripts: a rAF loop that records frame deltas and when the map is drawn. */
export function frameRecorder(target: number): void {
  const w = window as unknown as BenchWindow;
  w.__bench = { frames: [], recording: false, drawnAt: null, firstNodeAt: null, maxVisible: 0, maxVisibleAt: 0, target };
  let last: number | undefined;
  const loop = (ts: number) => {
    const b = w.__bench;
    if (b.recording && last !== undefined) b.frames.push(ts - last);
    last = ts;
    if (b.drawnAt === null) {
      // Zoomed far out the map is one canvas (TinyCanvas), which says how many cards it drew.
      const tiny = document.querySelector<HTMLCanvasElement>('.mk-tiny-canvas');
      const els = document.getElementsByClassName('react-flow__node');
      let visible = 0;
      if (tiny) visible = Number(tiny.dataset.drawnNodes ?? 0);
      else for (let i = 0; i < els.length; i++) if ((els[i] as HTMLElement).style.visibility !== 'hidden') visible++;
      if (visible > 0 && b.firstNodeAt === null) b.firstNodeAt = ts;
      if (visible > b.maxVisible) {
        b.maxVisible = visible;
        b.maxVisibleAt = ts;
      }
      if (visible >= b.target) b.drawnAt = ts;
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/**
 * Screen rectangles of cards by id. Zoomed far out the card elements are not displayed (TinyCanvas draws them), so
 * the rectangle comes from React Flow's own transforms: the viewport's translate/scale and the node's translate.
 */
function cardRects(ids: string[]): { id: string; x: number; y: number; left: number; top: number; right: number; bottom: number }[] {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const pane = document.querySelector<HTMLElement>('.react-flow');
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([-\d.]+)\)/.exec(viewport?.style.transform ?? '');
  const origin = pane?.getBoundingClientRect();
  const out = [];
  for (const id of ids) {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
    if (!el) continue;
    let r = el.getBoundingClientRect();
    if (r.width === 0 && m && origin) {
      const n = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
      if (!n) continue;
      const [tx, ty, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const left = origin.left + tx + Number(n[1]) * z;
      const top = origin.top + ty + Number(n[2]) * z;
      r = new DOMRect(left, top, parseFloat(el.style.width) * z, parseFloat(el.style.height) * z);
    }
    out.push({ id, x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return out;
}

function frameStats(deltas: number[]): FrameStats {
  return {
    frames: deltas.length,
    p50Ms: percentile(deltas, 50),
    p95Ms: percentile(deltas, 95),
    maxMs: deltas.length ? Math.max(...deltas) : Number.NaN,
    over33: deltas.filter((d) => d > 33.4).length,
    overOneFrame: deltas.filter((d) => d > 17).length,
  };
}

/** Moves the pressed mouse along a slow figure for `ms`, one step per frame, and returns the page's frame deltas. */
async function gesture(page: Page, from: { x: number; y: number }, ms: number, radius: number): Promise<number[]> {
  await page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    b.frames = [];
    b.recording = true;
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < ms && i < 10_000; i++) {
    const t = (performance.now() - t0) / 1000;
    const stepStart = performance.now();
    await page.mouse.move(from.x + radius * Math.sin(t * 2), from.y + (radius / 2) * Math.sin(t * 3));
    const wait = 16 - (performance.now() - stepStart);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    b.recording = false;
    return b.frames.slice(1);
  });
}

async function heap(cdp: CDPSession): Promise<{ used: number; total: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { used: get('JSHeapUsedSize'), total: get('JSHeapTotalSize') };
}

async function stopProfile(cdp: CDPSession, name: string, distDir: string): Promise<ProfileSummary> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const dir = join(benchTmp, 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const s = summarizeProfile(profile, 25, (url) => {
    const m = /\/assets\/([^/?#]+\.js)/.exec(url);
    return m ? join(distDir, 'assets', `${m[1]}.map`) : undefined;
  });
  return { file, ...s };
}

export interface ClientBenchOptions {
  nodes: number;
  edges: number;
  gestureMs: number;
  selectCount: number;
  /** Also record CPU profiles of a second load and a second drag (not used for the numbers). */
  profile: boolean;
  /** Experiments only: CSS injected into the page after it is drawn, to test a proposed rendering fix. */
  injectCss?: string;
}

/** The map in real Chromium: load until drawn, pan, drag a selection, JS heap, and the initial JS size. */
/**
 * Saves the map as a version, changes a tenth of it from another client (cards changed, added and removed), then
 * times, in the page, from clicking "Vergelijken met nu" until the change list is drawn and the next frame painted.
 */
async function compareUntilDrawn(page: Page, httpUrl: string, target: RoomTarget, nodes: number): Promise<{ ms: number; changes: number; ghosts: number }> {
  const res = await fetch(`${httpUrl}/api/rooms/${target.room}/versions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${target.token ?? ''}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench-sessie' }),
  });
  if (res.status !== 201) throw new Error(`saving a version answered ${res.status}`);
  const writer = openBenchClient(target);
  await waitFor(() => writer.isSynced(), 'writer synced', 30_000);
  const removed = Math.max(1, Math.floor(nodes / 100));
  writer.doc.transact(() => {
    for (let i = 0; i < nodes; i += 10) setNodeData(writer.doc, `n${i}`, { note: 'gewijzigd' });
    for (let i = 0; i < removed; i++) nodesMap(writer.doc).delete(`n${5 + i * 10}`);
    for (let i = 0; i < removed; i++) createNode(writer.doc, { label: `Nieuw ${i}`, x: i * 200, y: -400 });
  });
  await page.waitForFunction((n: number) => document.querySelectorAll('.react-flow__node').length <= n, nodes, { timeout: 30_000 });
  writer.destroy();
  await page.locator('.mk-activity[data-view="core.versions"]').click();
  const button = page.locator('[data-version]', { hasText: 'Bench-sessie' }).getByRole('button', { name: 'Vergelijken met nu' });
  await button.waitFor({ timeout: 30_000 });
  const started = await page.evaluate(() => performance.now());
  await button.click();
  // The list drawn; the canvas takes the marks in the same render (far out it draws them into its one picture).
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="version-compare"] [data-change]').length > 0, undefined, { timeout: 60_000, polling: 'raf' });
  const ended = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  const changes = await page.locator('[data-testid="version-compare"] [data-change]').count();
  return { ms: ended - started, changes, ghosts: removed };
}

export async function clientBench(opts: ClientBenchOptions): Promise<ClientBenchResult> {
  const snap = snapshot();
  if (!snap) await ensureClientBuild();
  const distDir = snap?.distDir ?? join(repoRoot, 'dist/client');
  const initial = initialJs(distDir);
  const server = await startContender('mantelkaart');
  let browser: Browser | undefined;
  try {
    const target = await server.createRoom('client-bench');
    const writer = openBenchClient(target);
    await waitFor(() => writer.isSynced(), 'seeding client synced', 30_000);
    // Columns chosen so the whole grid fits a 1280×800 window at the canvas's minimum zoom: every node is drawn.
    addBenchMap(writer.doc, { nodes: opts.nodes, edges: opts.edges, columns: Math.ceil(Math.sqrt(opts.nodes * 0.75)) });
    const check = openBenchClient(target);
    await waitFor(() => check.isSynced() && nodeCount(check.doc) === opts.nodes, 'the map is on the server', 120_000);
    check.destroy();
    writer.destroy();
    const link = `${server.httpUrl}/m/${target.room}#token=${target.token ?? ''}`;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const open = async () => {
      if (!browser) throw new Error('no browser');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
      // tsx compiles with keepNames: functions sent to the page call a __name helper the page must have.
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      await context.addInitScript(() => {
        try {
          localStorage.setItem('mantelkaart:name', 'Bench');
        } catch {
          // no storage on about:blank
        }
      });
      await context.addInitScript(frameRecorder, opts.nodes);
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      return { context, page, cdp };
    };

    const { context, page, cdp } = await open();
    const scripts = new Set<string>();
    page.on('response', (res) => {
      const m = /\/assets\/([^/?#]+\.js)$/.exec(res.url());
      if (m) scripts.add(join(distDir, 'assets', m[1]));
    });
    await page.goto(link, { waitUntil: 'commit', timeout: 30_000 });
    let drawnComplete = true;
    try {
      await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.drawnAt !== null, undefined, { timeout: 60_000, polling: 100 });
    } catch (err) {
      console.error(`[client] the map was not fully drawn: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      drawnComplete = false;
    }
    const drawn = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return { drawnAt: b.drawnAt ?? b.maxVisibleAt, firstNodeAt: b.firstNodeAt ?? Number.NaN, maxVisible: b.maxVisible };
    });
    const mapPageJs = sizeOf(distDir, [...scripts]);
    // Let the fit-to-view and the minimap settle before measuring interaction.
    await new Promise((r) => setTimeout(r, 1500));
    const h = await heap(cdp);
    if (opts.injectCss) await page.addStyleTag({ content: opts.injectCss });

    const panFrom = await page.evaluate(() => {
      for (let y = 420; y < 760; y += 7) {
        for (let x = 300; x < 1000; x += 7) {
          const el = document.elementFromPoint(x, y);
          if (el?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    });
    if (!panFrom) throw new Error('no empty canvas to pan from');
    const pan = frameStats(await gesture(page, panFrom, opts.gestureMs, 150));
    await new Promise((r) => setTimeout(r, 500));

    // Select a block of 10 × 5 cards near the middle with a Shift+drag selection box (the canvas's selection key),
    // then drag one of them: React Flow moves the whole selection. Ctrl+click is the fallback.
    const columns = Math.ceil(Math.sqrt(opts.nodes * 0.75));
    const centerIndex = Math.floor(opts.nodes / 2 / columns) * columns + Math.floor(columns / 2) - 5;
    const blockIds: string[] = [];
    for (let r = 0; r < 5; r++) for (let c = 0; c < opts.selectCount / 5; c++) blockIds.push(`n${centerIndex + r * columns + c}`);
    const picks = await page.evaluate(cardRects, blockIds);
    if (picks.length === 0) throw new Error('none of the cards to select is on screen');
    const box = {
      left: Math.min(...picks.map((p) => p.left)) - 2,
      top: Math.min(...picks.map((p) => p.top)) - 2,
      right: Math.max(...picks.map((p) => p.right)) + 2,
      bottom: Math.max(...picks.map((p) => p.bottom)) + 2,
    };
    await page.keyboard.down('Shift');
    await page.mouse.move(box.left, box.top);
    await page.mouse.down();
    await page.mouse.move(box.right, box.bottom, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const boxSelected = await page.evaluate(() => document.querySelectorAll('.react-flow__node.selected').length);
    if (boxSelected !== picks.length) {
      await page.mouse.click(picks[0].x, picks[0].y);
      await page.keyboard.down('Control');
      for (const p of picks.slice(1)) await page.mouse.click(p.x, p.y);
      await page.keyboard.up('Control');
    }
    const selected = await page.evaluate(() => document.querySelectorAll('.react-flow__node.selected').length);
    const firstId = picks[0].id;
    // The first card again: the selection box may have nudged the view.
    const [grab] = await page.evaluate(cardRects, [firstId]);
    const before = await page.evaluate((id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '', firstId);
    const drag = frameStats(await gesture(page, grab ?? picks[0], opts.gestureMs, 120));
    const after = await page.evaluate((id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '', firstId);

    const launched = browser;
    const panStart = panFrom;
    async function profileClient(): Promise<NonNullable<ClientBenchResult['profiles']>> {
      const out: NonNullable<ClientBenchResult['profiles']> = {};
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const [again] = await page.evaluate(cardRects, [firstId]);
      await gesture(page, again ?? picks[0], opts.gestureMs, 120);
      out.drag = await stopProfile(cdp, 'client-drag', distDir);
      // Chrome performance traces: which rendering step (style, layout, paint, raster) the frames go to.
      const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'cc', 'gpu'];
      await launched.startTracing(page, { categories });
      await gesture(page, panStart, opts.gestureMs, 150);
      const panTrace = (await launched.stopTracing()).toString();
      writeFileSync(join(benchTmp, 'profiles', 'client-pan.trace.json'), panTrace);
      out.panTrace = summarizeTrace(panTrace);
      await launched.startTracing(page, { categories });
      const [again2] = await page.evaluate(cardRects, [firstId]);
      await gesture(page, again2 ?? picks[0], opts.gestureMs, 120);
      const dragTrace = (await launched.stopTracing()).toString();
      writeFileSync(join(benchTmp, 'profiles', 'client-drag.trace.json'), dragTrace);
      out.dragTrace = summarizeTrace(dragTrace);
      // A second, fresh page for the load profile.
      const second = await open();
      await second.cdp.send('Profiler.enable');
      await second.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await second.cdp.send('Profiler.start');
      await second.page.goto(link, { waitUntil: 'commit', timeout: 30_000 });
      await second.page
        .waitForFunction(() => (window as unknown as BenchWindow).__bench.drawnAt !== null, undefined, { timeout: 60_000, polling: 100 })
        .catch(() => undefined);
      out.load = await stopProfile(second.cdp, 'client-load', distDir);
      await second.context.close();
      return out;
    }

    const profiles = opts.profile ? await profileClient() : undefined;

    // Zoomed in on one card, as when editing: full cards with labels, handles and edges.
    let near: ClientBenchResult['near'];
    const [zoomTo] = await page.evaluate(cardRects, [firstId]);
    if (zoomTo) {
      // Escape clears the selection, whose box would otherwise take the double click.
      await page.keyboard.press('Escape');
      await page.mouse.dblclick(zoomTo.x, zoomTo.y);
      await page.waitForFunction(() => !document.querySelector('.mk-canvas.is-far') && document.querySelectorAll('.react-flow__node .mk-node-label').length > 5, undefined, { timeout: 15_000, polling: 100 });
      await new Promise((r) => setTimeout(r, 1000));
      const view = await page.evaluate(() => {
        const m = /scale\(([-\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '');
        const inView = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
        });
        let empty: { x: number; y: number } | null = null;
        for (let y = 420; y < 760 && !empty; y += 7) {
          for (let x = 300; x < 1000; x += 7) {
            if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) {
              empty = { x, y };
              break;
            }
          }
        }
        return { zoom: m ? Number(m[1]) : Number.NaN, cardsInView: inView.length, empty };
      });
      const nearCard = await page.evaluate(cardRects, [firstId]);
      if (view.empty && nearCard[0]) {
        const nearPan = frameStats(await gesture(page, view.empty, opts.gestureMs, 150));
        await new Promise((r) => setTimeout(r, 500));
        const [card] = await page.evaluate(cardRects, [firstId]);
        const beforeNear = await page.evaluate((id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '', firstId);
        const nearDrag = frameStats(await gesture(page, card ?? nearCard[0], opts.gestureMs, 120));
        const afterNear = await page.evaluate((id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '', firstId);
        near = { zoom: view.zoom, cardsInView: view.cardsInView, pan: nearPan, drag: { ...nearDrag, moved: beforeNear !== afterNear } };
      }
    }

    const compare = await compareUntilDrawn(page, server.httpUrl, target, opts.nodes).catch((err: unknown) => {
      console.error(`[client] comparison not measured: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      return undefined;
    });

    const result: ClientBenchResult = {
      nodes: opts.nodes,
      edges: opts.edges,
      initialJs: initial,
      mapPageJs,
      drawnMs: drawn.drawnAt,
      firstNodeMs: drawn.firstNodeAt,
      drawnComplete,
      visibleNodes: drawn.maxVisible,
      jsHeapUsedMiB: h.used / 1048576,
      jsHeapTotalMiB: h.total / 1048576,
      pan,
      drag: { ...drag, selected, moved: before !== after },
      near,
      profiles,
      compare,
    };

    await context.close();
    return result;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    server.removeData();
  }
}
