import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocStore } from './DocStore';
import type { StorageKind } from '../config';
import { MemoryDocStore } from './MemoryDocStore';

interface LevelModule {
  LevelDocStore: { open(dir: string): Promise<DocStore> };
}

function isLevelModule(m: unknown): m is LevelModule {
  const c = (m as { LevelDocStore?: { open?: unknown } } | null)?.LevelDocStore;
  return typeof c?.open === 'function';
}

/** Opens the configured storage engine under DATA_DIR. */
export async function openStore(kind: StorageKind, dataDir: string): Promise<DocStore> {
  if (kind === 'memory') return new MemoryDocStore();
  // Loaded by path at runtime while LevelDocStore is being written in parallel; a static import once it lands.
  const file = fileURLToPath(new URL('./LevelDocStore.ts', import.meta.url));
  if (!existsSync(file)) throw new Error('STORAGE_UNAVAILABLE: server/storage/LevelDocStore.ts is missing; set STORAGE=memory to run without durable storage');
  const mod: unknown = await import(/* @vite-ignore */ file);
  if (!isLevelModule(mod)) throw new Error('STORAGE_UNAVAILABLE: LevelDocStore.ts does not export LevelDocStore.open');
  return mod.LevelDocStore.open(dataDir);
}
