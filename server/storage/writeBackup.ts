import { open, rename, rm } from 'node:fs/promises';
import type { DocStore, StoredDoc } from './DocStore.js';
import { BackupWriter } from './backupFormat.js';
import type { SnapshotEntry } from './LevelDocStore.js';

/** A store that can hand out all its content from one consistent snapshot (LevelDocStore can). */
export interface SnapshotSource {
  snapshotEntries(): AsyncIterable<SnapshotEntry>;
}

/** What a backup holds; `skipped` lists damaged records that could not be included. */
export interface BackupSummary {
  file: string;
  docs: number;
  updates: number;
  meta: number;
  bytes: number;
  skipped: StoredDoc['skipped'];
}

const FLUSH_AT = 1024 * 1024;

/**
 * Writes every document and meta value of `store` to `file`, while the store stays in use.
 *
 * With a LevelDocStore the content comes from one LevelDB snapshot, so the backup is consistent across documents.
 * Other stores are read document by document (each document consistent on its own). The file is written next to
 * its destination and renamed into place after an fsync: an interrupted backup never replaces a good one.
 */
export async function writeBackup(store: DocStore & Partial<SnapshotSource>, file: string): Promise<BackupSummary> {
  const temp = `${file}.${process.pid}.partial`;
  const handle = await open(temp, 'w');
  const summary: BackupSummary = { file, docs: 0, updates: 0, meta: 0, bytes: 0, skipped: [] };
  try {
    let chunks: Uint8Array[] = [];
    let buffered = 0;
    const flush = async (): Promise<void> => {
      // One write per megabyte, not per field: the thread pool is shared with LevelDB's own reads and writes.
      await handle.write(Buffer.concat(chunks, buffered));
      summary.bytes += buffered;
      chunks = [];
      buffered = 0;
    };
    const writer = new BackupWriter((chunk) => {
      chunks.push(chunk);
      buffered += chunk.length;
    });

    writer.writeHeader(new Date());
    for await (const entry of store.snapshotEntries ? store.snapshotEntries() : entriesOf(store)) {
      if (entry.kind === 'doc') {
        writer.writeDoc(entry.name, entry.updates);
        summary.docs += 1;
        summary.updates += entry.updates.length;
        summary.skipped.push(...entry.skipped);
      } else {
        writer.writeMeta(entry.key, entry.value);
        summary.meta += 1;
      }
      if (buffered >= FLUSH_AT) await flush();
    }
    writer.writeTrailer();
    await flush();
    await handle.sync();
    await handle.close();
    await rename(temp, file);
    return summary;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/** Fallback for stores without snapshots: the DocStore interface, one document at a time. */
async function* entriesOf(store: DocStore): AsyncGenerator<SnapshotEntry> {
  for (const name of await store.list()) {
    const { updates, skipped } = await store.load(name);
    yield { kind: 'doc', name, updates, skipped };
  }
  for (const { key, value } of await store.listMeta('')) yield { kind: 'meta', key, value };
}
