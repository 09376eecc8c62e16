import type { ExtensionModule } from './api';

/**
 * Extensions that ship with the product, loaded on every map after the core. The stakeholder workspace adds its
 * module here (`() => import('../extensions/stakeholders').then((m) => m.extension)`).
 */
export const BUILTIN_EXTENSIONS: readonly (() => Promise<ExtensionModule>)[] = [() => import('../extensions/stakeholders').then((m) => m.extension), () => import('../export/exportExtension').then((m) => m.exportExtension)];

/**
 * Extensions for development and browser tests only, loaded when the page URL has `?devExtension=<name>`.
 * They are separate chunks: a normal visit never downloads them.
 */
export const DEV_EXTENSIONS: Readonly<Record<string, () => Promise<ExtensionModule>>> = {
  test: () => import('../../test/fixtures/test-extension').then((m) => m.testExtension),
};

/** The dev extensions the URL asks for (outside data: only names in DEV_EXTENSIONS count). */
export function requestedDevExtensions(search: string): (() => Promise<ExtensionModule>)[] {
  const names = new URLSearchParams(search).getAll('devExtension');
  return names.filter((n) => Object.prototype.hasOwnProperty.call(DEV_EXTENSIONS, n)).map((n) => DEV_EXTENSIONS[n]);
}
