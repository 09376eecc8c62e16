import { readFile } from 'node:fs/promises';
import type { DocStore } from './DocStore.js';
import { readBackupBytes, type Backup } from './backupFormat.js';

/** Reads and verifies a backup file written by writeBackup; throws STORE_BACKUP_INVALID when it is not usable. */
export async function readBackup(file: string): Promise<Backup> {
  return readBackupBytes(await readFile(file));
}

/** What restoreBackup changed. */
export interface RestoreSummary {
  docs: number;
  updates: number;
  meta: number;
  /** Documents and meta keys that were in the store but not in the backup, and were removed. */
  removedDocs: string[];
  removedMeta: string[];
}

/**
 * Makes `store` hold exactly what the backup holds: documents and meta values not in the backup are removed.
 *
 * The whole file is verified before the store is touched. Restoring is not one atomic write (the DocStore interface
 * has none across documents), so run it while no server uses the store; an interrupted restore can simply be
 * run again, since each document is deleted before it is written.
 */
export async function restoreBackup(store: DocStore, file: string): Promise<RestoreSummary> {
  const backup = await readBackup(file);
  const inBackup = new Set(backup.docs.map((d) => d.name));
  const metaInBackup = new Set(backup.meta.map((m) => m.key));
  const summary: RestoreSummary = { docs: 0, updates: 0, meta: 0, removedDocs: [], removedMeta: [] };

  for (const name of await store.list()) {
    if (inBackup.has(name)) continue;
    await store.delete(name);
    summary.removedDocs.push(name);
  }
  for (const { key } of await store.listMeta('')) {
    if (metaInBackup.has(key)) continue;
    await store.deleteMeta(key);
    summary.removedMeta.push(key);
  }
  for (const doc of backup.docs) {
    if (store.replace) await store.replace(doc.name, doc.updates);
    else {
      await store.delete(doc.name);
      await store.append(doc.name, doc.updates);
    }
    summary.docs += 1;
    summary.updates += doc.updates.length;
  }
  for (const { key, value } of backup.meta) {
    await store.putMeta(key, value);
    summary.meta += 1;
  }
  return summary;
}
