import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** LevelDB writes its log in 32 KiB blocks of physical records: crc32c (4), length (2 LE), type (1), data. */
export const LOG_BLOCK = 32 * 1024;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

/** Byte ranges of the complete logical records (one per write batch) in a LevelDB log, and how a cut-off tail looks. */
export function scanLevelLog(log: Uint8Array): { records: { start: number; end: number }[]; tornBytes: number } {
  const records: { start: number; end: number }[] = [];
  let pos = 0;
  let start = -1;
  let lastComplete = 0;
  while (pos < log.length) {
    const left = LOG_BLOCK - (pos % LOG_BLOCK);
    if (left < HEADER) {
      pos += left; // block trailer padding
      continue;
    }
    if (pos + HEADER > log.length) break;
    const length = log[pos + 4] | (log[pos + 5] << 8);
    const type = log[pos + 6];
    if (type === 0 && length === 0) break; // zeros: nothing more was written
    const end = pos + HEADER + length;
    if (end > log.length) break;
    if (type === FULL) records.push({ start: pos, end });
    else if (type === FIRST) start = pos;
    else if (type === LAST && start >= 0) records.push({ start, end });
    if (type === FULL || type === LAST) {
      start = -1;
      lastComplete = end;
    } else if (type !== FIRST && type !== MIDDLE) {
      lastComplete = end; // unknown type: not ours to judge here
    }
    pos = end;
  }
  const tail = log.subarray(lastComplete);
  // A cut-off write leaves a partial header, a partial record, or the first fragments of a batch without its last.
  const tornBytes = tail.some((b) => b !== 0) ? tail.length : 0;
  return { records, tornBytes };
}

/**
 * Write-ahead logs in `dir` that end in the middle of a write. LevelDB drops such a tail without a word (it cannot
 * tell a crash mid-write from damage), so the server looks for it itself and says so.
 */
export function tornLogTails(dir: string): { file: string; bytes: number }[] {
  const out: { file: string; bytes: number }[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /^\d+\.log$/.test(f));
  } catch {
    return out;
  }
  for (const name of names) {
    const { tornBytes } = scanLevelLog(readFileSync(join(dir, name)));
    if (tornBytes > 0) out.push({ file: name, bytes: tornBytes });
  }
  return out;
}
