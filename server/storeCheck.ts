import type { DocStore } from './storage/DocStore';
import type { SnapshotSource } from './storage/writeBackup';
import { log, logError } from './log';

/** What the start-up check found. */
export interface StoreCheckSummary {
  docs: number;
  records: number;
  damagedRecords: number;
  damagedMeta: number;
}

interface DamageReporting {
  readonly damagedMeta: readonly { key: string; reason: string }[];
}

/**
 * Reads every stored record once, so damage is found and reported at start-up rather than when someone happens to
 * open the map: each damaged record is logged (STORE_RECORD_SKIPPED / STORE_META_DAMAGED) and skipped, the rest is
 * kept; one STORE_CHECKED line sums it up. Stores without snapshots (memory) have nothing to check.
 */
export async function checkStore(store: DocStore & Partial<SnapshotSource> & Partial<DamageReporting>): Promise<StoreCheckSummary | undefined> {
  if (!store.snapshotEntries) return undefined;
  const started = Date.now();
  const summary: StoreCheckSummary = { docs: 0, records: 0, damagedRecords: 0, damagedMeta: 0 };
  const metaDamagedBefore = store.damagedMeta?.length ?? 0;
  for await (const entry of store.snapshotEntries()) {
    if (entry.kind !== 'doc') continue;
    summary.docs++;
    summary.records += entry.updates.length;
    for (const s of entry.skipped) {
      summary.damagedRecords++;
      logError('STORE_RECORD_SKIPPED', { doc: entry.name, key: s.key, reason: s.reason });
    }
  }
  for (const m of store.damagedMeta?.slice(metaDamagedBefore) ?? []) {
    summary.damagedMeta++;
    logError('STORE_META_DAMAGED', { key: m.key, reason: m.reason });
  }
  const fields = { ...summary, ms: Date.now() - started };
  if (summary.damagedRecords + summary.damagedMeta > 0) logError('STORE_CHECKED', { ...fields, note: 'damaged_records_skipped_rest_kept' });
  else log('STORE_CHECKED', fields);
  return summary;
}
