import type { LevelDb } from './openLevelWithRepair.js';
import { docNameOf, docPrefix, parseDocSuffix, prefixEnd, stateKey } from './storeKeys.js';
import { readStateRecord } from './storeRecord.js';
import type { BatchOp } from './storeJobs.js';
import type { WalRecord } from './WriteAheadLog.js';

/**
 * Writes what the write-ahead log held into LevelDB, in order, flushed to disk when the store syncs. An update
 * already covered by the document's compacted state is skipped (the compaction that removed it ran after it was
 * logged), and a logged delete removes the document again, so a replay never brings back what was compacted away or
 * deleted.
 */
export async function replayWal(db: LevelDb, records: WalRecord[], sync: boolean): Promise<void> {
  const stateSeqs = new Map<string, number>();
  const stateSeqOf = async (name: string): Promise<number> => {
    let seq = stateSeqs.get(name);
    if (seq === undefined) {
      const bytes = await db.get(stateKey(name));
      const state = bytes === undefined ? undefined : readStateRecord(bytes);
      seq = state !== undefined && 'seq' in state ? state.seq : 0;
      stateSeqs.set(name, seq);
    }
    return seq;
  };
  let ops: BatchOp[] = [];
  const flush = async () => {
    if (ops.length > 0) await db.batch(ops, { sync });
    ops = [];
  };
  for (const record of records) {
    if (record.kind === 'deleteDoc') {
      // The keys to remove are read from LevelDB, so what came before must be in it.
      await flush();
      const prefix = docPrefix(record.name);
      for await (const key of db.keys({ gte: prefix, lt: prefixEnd(prefix) })) ops.push({ type: 'del', key });
      await flush();
      stateSeqs.set(record.name, 0);
      continue;
    }
    for (const put of record.puts) {
      const name = docNameOf(put.key);
      const parsed = name === undefined ? undefined : parseDocSuffix(put.key.slice(docPrefix(name).length));
      if (name !== undefined && parsed?.kind === 'update' && parsed.seq <= (await stateSeqOf(name))) continue;
      ops.push({ type: 'put', key: put.key, value: put.value });
    }
    if (ops.length >= 4096) await flush();
  }
  await flush();
}
