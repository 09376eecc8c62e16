import { crc32 } from 'node:zlib';
import { StoreError } from './StoreError.js';

/*
 * Backup file format, version 1 (all integers big-endian):
 *
 *   "MKBACKUP"  u32 version  f64 createdAt (ms since epoch)
 *   entries, each starting with a u8 tag:
 *     1 = document:  str name  u32 count  count × bin update
 *     2 = meta:      str key   str json
 *   u8 0 (end)  u32 documents  u32 metas  u32 CRC32 of every byte before it
 *
 *   str = u32 length + UTF-8 bytes, bin = u32 length + bytes
 *
 * Documents are stored as their updates (compacted state first), not as LevelDB records, so a backup can be
 * restored into any DocStore engine. The trailer's counts and checksum make a cut-off or altered file fail as a whole
 * before anything is restored.
 */
export const BACKUP_MAGIC = 'MKBACKUP';
export const BACKUP_VERSION = 1;

/** The content of a backup file. */
export interface Backup {
  createdAt: Date;
  docs: { name: string; updates: Uint8Array[] }[];
  meta: { key: string; value: unknown }[];
}

const TAG_END = 0;
const TAG_DOC = 1;
const TAG_META = 2;
const encoder = new TextEncoder();

/** Incremental writer: chunks come out in file order and the checksum is kept along the way. */
export class BackupWriter {
  private crc = 0;
  private docs = 0;
  private metas = 0;

  constructor(private readonly emit: (chunk: Uint8Array) => void) {}

  writeHeader(createdAt: Date): void {
    const header = new Uint8Array(8 + 4 + 8);
    header.set(encoder.encode(BACKUP_MAGIC), 0);
    const view = new DataView(header.buffer);
    view.setUint32(8, BACKUP_VERSION);
    view.setFloat64(12, createdAt.getTime());
    this.out(header);
  }

  writeDoc(name: string, updates: Uint8Array[]): void {
    this.out(u8(TAG_DOC));
    this.writeBin(encoder.encode(name));
    this.out(u32(updates.length));
    for (const update of updates) this.writeBin(update);
    this.docs += 1;
  }

  writeMeta(key: string, value: unknown): void {
    this.out(u8(TAG_META));
    this.writeBin(encoder.encode(key));
    this.writeBin(encoder.encode(JSON.stringify(value)));
    this.metas += 1;
  }

  writeTrailer(): void {
    this.out(u8(TAG_END));
    this.out(u32(this.docs));
    this.out(u32(this.metas));
    this.emit(u32(this.crc));
  }

  private writeBin(bytes: Uint8Array): void {
    this.out(u32(bytes.length));
    this.out(bytes);
  }

  private out(chunk: Uint8Array): void {
    this.crc = crc32(chunk, this.crc);
    this.emit(chunk);
  }
}

/** Parses and verifies a whole backup file; throws STORE_BACKUP_INVALID naming what is wrong. */
export function readBackupBytes(bytes: Uint8Array): Backup {
  const fail = (why: string): never => {
    throw new StoreError('STORE_BACKUP_INVALID', `not a usable backup: ${why}`);
  };
  if (bytes.length < 20 + 13) fail(`file is only ${bytes.length} bytes`);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== BACKUP_MAGIC) fail('it does not start with MKBACKUP');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8);
  if (version !== BACKUP_VERSION) fail(`format version ${version}, this server reads ${BACKUP_VERSION}`);
  const body = bytes.length - 4;
  if (view.getUint32(body) !== crc32(bytes.subarray(0, body))) fail('checksum mismatch (the file is cut off or altered)');

  const createdAt = new Date(view.getFloat64(12));
  let at = 20;
  const need = (n: number): void => {
    if (at + n > body) fail(`entry runs past the end at byte ${at}`);
  };
  const readU32 = (): number => {
    need(4);
    const value = view.getUint32(at);
    at += 4;
    return value;
  };
  const readBin = (): Uint8Array => {
    const length = readU32();
    need(length);
    const value = bytes.slice(at, at + length);
    at += length;
    return value;
  };
  const readStr = (): string => {
    const raw = readBin();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return fail(`text at byte ${at - raw.length} is not UTF-8`);
    }
  };

  const docs: Backup['docs'] = [];
  const meta: Backup['meta'] = [];
  for (;;) {
    need(1);
    const tag = view.getUint8(at);
    at += 1;
    if (tag === TAG_END) break;
    if (tag === TAG_DOC) {
      const name = readStr();
      const count = readU32();
      const updates: Uint8Array[] = [];
      for (let i = 0; i < count; i++) updates.push(readBin());
      docs.push({ name, updates });
    } else if (tag === TAG_META) {
      const key = readStr();
      const json = readStr();
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        fail(`meta value for ${key} is not JSON`);
      }
      meta.push({ key, value });
    } else {
      fail(`unknown entry type ${tag} at byte ${at - 1}`);
    }
  }
  if (readU32() !== docs.length || readU32() !== meta.length) fail('entry counts do not match the trailer');
  if (at !== body) fail('bytes after the trailer');
  return { createdAt, docs, meta };
}

function u8(value: number): Uint8Array {
  return Uint8Array.of(value);
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}
