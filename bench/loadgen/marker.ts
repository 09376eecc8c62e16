// What a benchmark edit writes, and how a client finds it again without a Y.Doc. Yjs encodes a string value as its
// UTF-8 bytes, also when a server merges several updates into one message, so the marker can be found by scanning
// the raw frame. When a server merges two edits of the same key into one transaction, the older value is garbage
// collected before the update is encoded: only the newer marker arrives, and it stands for both (as a provider's
// map observer would also see only the newer value).

const TILDE = 0x7e;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;
/** Enough for any room, client or sequence number a run uses; longer digit runs are not markers. */
const MAX_DIGITS = 9;

/** The value of edit `seq` by client `sender` in room `room`: `~room:sender:seq~`. */
export function markerOf(room: number, sender: number, seq: number): string {
  return `~${room}:${sender}:${seq}~`;
}

/** A marker's three numbers, or undefined when `value` is not exactly a marker (a full client reads map values). */
export function parseMarker(value: unknown): [room: number, sender: number, seq: number] | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^~(\d{1,9}):(\d{1,9}):(\d{1,9})~$/.exec(value);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * Calls `found` for every marker in `bytes` from `from` on. Any other byte may be 0x7e (lengths, client ids), so
 * a candidate counts only when the whole `~digits:digits:digits~` pattern follows; otherwise the scan moves one byte.
 */
export function scanMarkers(bytes: Uint8Array, from: number, found: (room: number, sender: number, seq: number) => void): void {
  const end = bytes.length;
  let p = bytes.indexOf(TILDE, from);
  while (p >= 0) {
    const nums = [0, 0, 0];
    let q = p + 1;
    let ok = true;
    for (let part = 0; part < 3 && ok; part++) {
      const start = q;
      let n = 0;
      while (q < end && bytes[q] >= ZERO && bytes[q] <= NINE && q - start < MAX_DIGITS) n = n * 10 + (bytes[q++] - ZERO);
      const closer = part < 2 ? COLON : TILDE;
      if (q === start || q >= end || bytes[q] !== closer) ok = false;
      else {
        nums[part] = n;
        q++;
      }
    }
    if (ok) {
      found(nums[0], nums[1], nums[2]);
      p = bytes.indexOf(TILDE, q);
    } else p = bytes.indexOf(TILDE, p + 1);
  }
}
