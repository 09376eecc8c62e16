import { readStored, writeStored } from '../browserStorage';

/** A suggestion this device sent: kept in this browser only, so its sender sees what became of it. */
export interface SentSuggestion {
  id: string;
  kind: string;
  name: string;
  at: number;
}

const MAX = 50;
const KEEP_MS = 14 * 24 * 3_600_000;

function valid(v: unknown): v is SentSuggestion {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.kind === 'string' && typeof o.name === 'string' && typeof o.at === 'number';
}

/**
 * This browser's sent suggestions for one map: read from localStorage (through browserStorage, which never throws)
 * once, then kept in memory and written back on every change, so reading them on each map change costs nothing.
 */
export function sentSuggestions(room: string) {
  const key = `mantelkaart:sent:${room}`;
  const raw = readStored(key);
  let list: SentSuggestion[] = Array.isArray(raw) ? raw.filter(valid).filter((s) => s.at > Date.now() - KEEP_MS) : [];
  const save = (next: SentSuggestion[]) => {
    list = next.slice(-MAX);
    writeStored(key, list);
  };
  return {
    list: (): readonly SentSuggestion[] => list,
    add: (s: SentSuggestion) => save([...list, s]),
    remove: (id: string) => save(list.filter((s) => s.id !== id)),
  };
}
