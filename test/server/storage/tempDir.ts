import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir; the returned function removes it. */
export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `mantelkaart-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bytes that are easy to recognise in assertions. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function text(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}

/**
 * Fresh directories for one test file, removed (with anything else registered) after each test: `dirFor(label)`
 * makes one, `cleanups.push(fn)` adds more to undo, last first.
 */
export function useTempDirs(): { dirFor: (label: string) => string; cleanups: (() => Promise<void> | void)[] } {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const dirFor = (label: string) => {
    const { dir, remove } = tempDir(label);
    cleanups.push(remove);
    return dir;
  };
  return { dirFor, cleanups };
}
