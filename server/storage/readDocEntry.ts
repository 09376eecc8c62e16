import { parseDocSuffix } from './storeKeys.js';
import { readRecord, readStateRecord } from './storeRecord.js';

/** One record below d/<name>/, read and checked. `seq` is known for updates (from the key) and intact states. */
export type DocEntry =
  | { kind: 'data'; seq: number; bytes: Uint8Array }
  | { kind: 'damaged'; seq: number | undefined; reason: string };

/** Reads the record stored at d/<name>/<suffix>; damage is returned with a coded reason, never thrown. */
export function readDocEntry(suffix: string, value: Uint8Array): DocEntry {
  const parsed = parseDocSuffix(suffix);
  if (parsed === undefined) return { kind: 'damaged', seq: undefined, reason: 'STORE_KEY_UNKNOWN: key does not follow the layout' };
  if (parsed.kind === 'state') {
    const read = readStateRecord(value);
    return 'damage' in read
      ? { kind: 'damaged', seq: undefined, reason: `${read.damage.code}: ${read.damage.detail}` }
      : { kind: 'data', seq: read.seq, bytes: read.state };
  }
  const read = readRecord(value);
  return 'damage' in read
    ? { kind: 'damaged', seq: parsed.seq, reason: `${read.damage.code}: ${read.damage.detail}` }
    : { kind: 'data', seq: parsed.seq, bytes: read.payload };
}
