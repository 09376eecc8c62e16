import type { ExtensionModule } from '../host/api';

/** Loads one extension module; a separate chunk, fetched when a map opens. */
export type ExtensionLoader = () => Promise<ExtensionModule>;

/**
 * Extensions that ship with the product, loaded on every map after the core. The app wires them here: the host
 * knows no extension.
 */
export const BUILTIN_EXTENSIONS: readonly ExtensionLoader[] = [
  () => import('../extensions/stakeholders').then((m) => m.extension),
  () => import('../export/exportExtension').then((m) => m.exportExtension),
];

/**
 * Extensions for development and browser tests, loaded when the page URL has `?devExtension=<name>`. Only the dev
 * server and the browser tests' build (`vite build --mode e2e`) have them; the production build drops the import.
 */
const DEV_EXTENSIONS: Readonly<Record<string, ExtensionLoader>> =
  import.meta.env.DEV || import.meta.env.MODE === 'e2e' ? { test: () => import('../../test/fixtures/test-extension').then((m) => m.testExtension) } : {};

/** The built-in extensions and any dev extensions the URL asks for (outside data: only names in DEV_EXTENSIONS count). */
export function extensionsFor(search: string): ExtensionLoader[] {
  const names = new URLSearchParams(search).getAll('devExtension');
  return [...BUILTIN_EXTENSIONS, ...names.filter((n) => Object.prototype.hasOwnProperty.call(DEV_EXTENSIONS, n)).map((n) => DEV_EXTENSIONS[n])];
}
