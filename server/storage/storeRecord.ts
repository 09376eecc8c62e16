import { crc32 } from 'node:zlib';

/*
 * Every value the store writes is wrapped in a small frame so damage is detected on read instead of being fed to
 * Yjs (which may throw, or worse, silently decode garbage). LevelDB has its own block checksums, but it does not
 * verify them on ordinary reads (verify_checksums defaults to false), and an uncompressed block with a flipped bit is
 * returned as if nothing happened.
 *
 *   offset 0  u8      format version (1)
 *   offset 1  u32 BE  payload length
 *   offset 5  u32 BE  CRC32 over bytes 0..5 and the payload
 *   offset 9  payload
 */
const VERSION = 1;
const HEADER = 9;

/** Why a stored frame could not be read; the code is stable, the text is for the log. */
export type RecordDamage = { code: 'STORE_RECORD_TRUNCATED' | 'STORE_RECORD_CHECKSUM' | 'STORE_RECORD_VERSION'; detail: string };

/** Wraps a payload in a checksummed frame. */
export function writeRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + payload.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, VERSION);
  view.setUint32(1, payload.length);
  out.set(payload, HEADER);
  view.setUint32(5, checksum(out));
  return out;
}

/** Unwraps a frame written by writeRecord, or says why it is damaged. The payload is a view, not a copy. */
export function readRecord(frame: Uint8Array): { payload: Uint8Array } | { damage: RecordDamage } {
  if (frame.length < HEADER) {
    return { damage: { code: 'STORE_RECORD_TRUNCATED', detail: `${frame.length} bytes, shorter than the ${HEADER}-byte header` } };
  }
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const version = view.getUint8(0);
  if (version !== VERSION) {
    return { damage: { code: 'STORE_RECORD_VERSION', detail: `unknown record format ${version}` } };
  }
  const length = view.getUint32(1);
  if (frame.length !== HEADER + length) {
    return {
      damage: { code: 'STORE_RECORD_TRUNCATED', detail: `header promises ${length} payload bytes, found ${frame.length - HEADER}` },
    };
  }
  const stored = view.getUint32(5);
  const actual = checksum(frame);
  if (stored !== actual) {
    return { damage: { code: 'STORE_RECORD_CHECKSUM', detail: `crc32 stored ${hex(stored)}, computed ${hex(actual)}` } };
  }
  return { payload: frame.subarray(HEADER) };
}

/** A compacted state carries the sequence number it covers, so sequence numbers stay monotonic after a reopen. */
export function writeStateRecord(seq: number, state: Uint8Array): Uint8Array {
  const payload = new Uint8Array(8 + state.length);
  new DataView(payload.buffer).setBigUint64(0, BigInt(seq));
  payload.set(state, 8);
  return writeRecord(payload);
}

/** Reads a frame written by writeStateRecord. */
export function readStateRecord(frame: Uint8Array): { seq: number; state: Uint8Array } | { damage: RecordDamage } {
  const read = readRecord(frame);
  if ('damage' in read) return read;
  if (read.payload.length < 8) {
    return { damage: { code: 'STORE_RECORD_TRUNCATED', detail: 'state record without its sequence number' } };
  }
  const seq = Number(new DataView(read.payload.buffer, read.payload.byteOffset, 8).getBigUint64(0));
  return { seq, state: read.payload.subarray(8) };
}

function checksum(frame: Uint8Array): number {
  return crc32(frame.subarray(HEADER), crc32(frame.subarray(0, 5)));
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
