/**
 * localStorage that never throws (private browsing, quota, Node in unit tests fall back to memory for this visit).
 * Values read back are outside data: callers check their shape before use.
 */
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Reads a JSON value, or undefined when absent or unreadable. */
export function readStored(key: string): unknown {
  try {
    const raw = storage()?.getItem(key) ?? memory.get(key) ?? null;
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

/** Writes a JSON value; `undefined` removes it. */
export function writeStored(key: string, value: unknown): void {
  const s = storage();
  try {
    if (value === undefined) {
      s?.removeItem(key);
      memory.delete(key);
    } else {
      const raw = JSON.stringify(value);
      if (s) s.setItem(key, raw);
      else memory.set(key, raw);
    }
  } catch {
    // Storage full or refused: remembering is a convenience, never a reason to fail.
  }
}
