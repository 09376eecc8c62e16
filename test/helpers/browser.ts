import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); the browser tests drive it through playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  if (process.env.MANTELKAART_REQUIRE_BROWSER === '1') {
    throw new Error(`Chromium niet gevonden op ${CHROMIUM_PATH}, en MANTELKAART_REQUIRE_BROWSER=1: installeer het met apt-get install chromium`);
  }
  console.log('Chromium niet gevonden: browsertests overgeslagen (apt-get install chromium)');
}

/** Skips a browser test suite only when Chromium is missing and CI did not require it. */
export const skipWithoutBrowser = !hasChromium;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface PageOptions {
  /** Name stored before the page loads, so the name prompt does not appear. */
  name?: string;
  viewport?: { width: number; height: number };
  locale?: string;
  isMobile?: boolean;
  hasTouch?: boolean;
}

/** A fresh context (own storage, like a separate browser) with one page. */
export async function openPage(browser: Browser, opts: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.locale ?? 'nl-NL',
    isMobile: opts.isMobile,
    hasTouch: opts.hasTouch,
    deviceScaleFactor: opts.isMobile ? 2 : 1,
  });
  if (opts.name) {
    await context.addInitScript((name: string) => {
      try {
        if (!localStorage.getItem('mantelkaart:name')) localStorage.setItem('mantelkaart:name', name);
      } catch {
        // about:blank has no storage
      }
    }, opts.name);
  }
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return { context, page };
}

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/**
 * Where a test keeps a screenshot to look at: test-results/screenshots/<name> in this checkout (git ignores it), so
 * two checkouts or runs on one machine never write over each other's pictures.
 */
export function shotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, name);
}
