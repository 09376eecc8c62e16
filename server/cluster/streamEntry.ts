/**
 * One document stream entry on Redis: `i` the instance that stored it, `f` and `l` its first and last sequence
 * numbers, then one `u` field per update (kept apart, as they were stored, so one bad update cannot spoil a
 * merged whole).
 */
export interface StreamMessage {
  id: string;
  instance: string;
  first: number;
  last: number;
  updates: Uint8Array[];
}

export function streamEntryFields(instance: string, seqs: { first: number; last: number }, updates: Uint8Array[]): (string | Buffer)[] {
  const fields: (string | Buffer)[] = ['i', instance, 'f', String(seqs.first), 'l', String(seqs.last)];
  for (const u of updates) fields.push('u', Buffer.from(u.buffer, u.byteOffset, u.byteLength));
  return fields;
}

const isBuffer = (v: unknown): v is Buffer => Buffer.isBuffer(v);

/** Reads XREAD's reply (RESP2, as Buffers); entries that are not ours (wake entries) have no numbers. */
export function parseStreamRead(raw: unknown): { key: string; messages: StreamMessage[] }[] {
  if (!Array.isArray(raw)) return [];
  const out: { key: string; messages: StreamMessage[] }[] = [];
  for (const stream of raw) {
    if (!Array.isArray(stream) || !isBuffer(stream[0]) || !Array.isArray(stream[1])) continue;
    const messages: StreamMessage[] = [];
    for (const entry of stream[1] as unknown[]) {
      if (!Array.isArray(entry) || !isBuffer(entry[0]) || !Array.isArray(entry[1])) continue;
      const fields = entry[1] as unknown[];
      const m: StreamMessage = { id: entry[0].toString(), instance: '', first: 0, last: 0, updates: [] };
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const name = fields[i];
        const value = fields[i + 1];
        if (!isBuffer(name) || !isBuffer(value)) continue;
        const field = name.toString();
        if (field === 'u') m.updates.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        else if (field === 'i') m.instance = value.toString();
        else if (field === 'f') m.first = Number(value.toString());
        else if (field === 'l') m.last = Number(value.toString());
      }
      messages.push(m);
    }
    if (messages.length > 0) out.push({ key: stream[0].toString(), messages });
  }
  return out;
}
