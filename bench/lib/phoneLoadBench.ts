import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { applyTemplate, voorbeeldkaartTemplate } from '../../shared/stakeholders/templates/index';
import { openBenchClient, waitFor } from './clients';
import { frameRecorder, ensureClientBuild, type BenchWindow } from './clientBench';
import { addBenchMap, nodeCount } from './mapFixture';
import { startContender, type RunningServer } from './servers';
import { startCountingProxy } from '../../test/helpers/countingProxy';
import { snapshot } from './snapshot';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Chrome's "Fast 3G" as the issue defines it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip; CPU four times slower. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
/**
 * The same link shaped on the wire, in the counting proxy, instead of in Chrome: Chrome throttles WebSocket messages by
 * their decompressed size, so its emulation does not see what permessage-deflate saves a phone.
 */
const FAST_3G_WIRE = { downBytesPerSecond: FAST_3G.downloadThroughput, upBytesPerSecond: FAST_3G.uploadThroughput, oneWayDelayMs: FAST_3G.latency / 2 };

/** How a load is throttled: not at all (a laptop), by Chrome's emulation, or on the wire. */
type Throttle = 'none' | 'chrome' | 'wire';

export interface LoadRun {
  /** Milliseconds from navigation until every card of the map is drawn (the page's own clock). */
  drawnMs: number;
  /** Bytes the server sent until the cards were drawn, counted on the wire (HTTP and WebSocket, as compressed). */
  bytes: number;
  /** Of which JavaScript, as transferred. */
  jsBytes: number;
  /** JavaScript files fetched, by name. */
  scripts: string[];
}

export interface PhoneLoadResult {
  viewLink: LoadRun[];
  editLinkLaptop: LoadRun;
  bigViewLink: LoadRun[];
  /** The same view-link loads with the link shaped on the wire (FAST_3G_WIRE) instead of by Chrome. */
  viewLinkWire?: LoadRun[];
  bigViewLinkWire?: LoadRun[];
  bigNodes: number;
}

async function seed(server: RunningServer, fill: (doc: import('yjs').Doc) => void, expected: (n: number) => boolean): Promise<{ view: string; edit: string; room: string }> {
  const res = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Maasdonk-Oost' }) });
  const body = (await res.json()) as { room: string; tokens: { edit: string; view: string } };
  const target = server.target(body.room, body.tokens.edit);
  const writer = openBenchClient(target);
  await waitFor(() => writer.isSynced(), 'seeding client synced', 30_000);
  fill(writer.doc);
  const check = openBenchClient(target);
  await waitFor(() => check.isSynced() && expected(nodeCount(check.doc)), 'the map is on the server', 120_000);
  check.destroy();
  writer.destroy();
  return { room: body.room, view: body.tokens.view, edit: body.tokens.edit };
}

async function load(browser: Browser, server: RunningServer, path: string, nodes: number, throttle: Throttle): Promise<LoadRun> {
  const phone = throttle !== 'none';
  const proxy = await startCountingProxy(server.port, throttle === 'wire' ? FAST_3G_WIRE : undefined);
  const context = await browser.newContext(
    phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3, locale: 'nl-NL' } : { viewport: { width: 1280, height: 800 }, locale: 'nl-NL' },
  );
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(frameRecorder, nodes);
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle === 'chrome') await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  if (phone) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let jsBytes = 0;
  const types = new Map<string, { type: string; url: string }>();
  const scripts: string[] = [];
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => {
    const t = types.get(e.requestId);
    if (t?.type === 'Script') {
      jsBytes += e.encodedDataLength;
      scripts.push(t.url.replace(/^.*\//, ''));
    }
  });
  try {
    await page.goto(proxy.url + path, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.drawnAt !== null, undefined, { timeout: 120_000, polling: 100 });
    const bytes = proxy.bytesDown();
    const drawnMs = await page.evaluate(() => (window as unknown as BenchWindow).__bench.drawnAt ?? Number.NaN);
    return { drawnMs, bytes, jsBytes, scripts };
  } finally {
    await context.close();
    await proxy.close();
  }
}

/**
 * A participant's phone opening the view link (the example map, then a 2,000-card one) over "Fast 3G" with a CPU
 * four times slower, cold cache, three times each, throttled by Chrome and, alternately, on the wire; and the edit link on a laptop without throttling, for the
 * JavaScript it fetches. Bytes are what the browser's own network events say arrived.
 */
export async function phoneLoadBench(opts: { bigNodes: number; runs: number }): Promise<PhoneLoadResult> {
  const snap = snapshot();
  if (!snap) await ensureClientBuild();
  const server = await startContender('mantelkaart');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    let exampleNodes = 0;
    const example = await seed(
      server,
      (doc) => {
        applyTemplate(doc, voorbeeldkaartTemplate, 'bench', { keepIds: true });
        exampleNodes = nodeCount(doc);
      },
      (n) => n > 0 && n === exampleNodes,
    );
    const link = (room: string, token: string) => `/m/${room}#token=${token}`;
    const viewLink: LoadRun[] = [];
    const viewLinkWire: LoadRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      viewLink.push(await load(browser, server, link(example.room, example.view), exampleNodes, 'chrome'));
      viewLinkWire.push(await load(browser, server, link(example.room, example.view), exampleNodes, 'wire'));
    }
    const editLinkLaptop = await load(browser, server, link(example.room, example.edit), exampleNodes, 'none');
    const big = await seed(server, (doc) => addBenchMap(doc, { nodes: opts.bigNodes, edges: opts.bigNodes, columns: Math.ceil(Math.sqrt(opts.bigNodes * 0.75)) }), (n) => n === opts.bigNodes);
    const bigViewLink: LoadRun[] = [];
    const bigViewLinkWire: LoadRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      bigViewLink.push(await load(browser, server, link(big.room, big.view), opts.bigNodes, 'chrome'));
      bigViewLinkWire.push(await load(browser, server, link(big.room, big.view), opts.bigNodes, 'wire'));
    }
    return { viewLink, editLinkLaptop, bigViewLink, viewLinkWire, bigViewLinkWire, bigNodes: opts.bigNodes };
  } finally {
    await browser.close();
    await server.stop();
  }
}
