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

/** This browser's sent suggestions for one map (localStorage through browserStorage, which never throws). */
export function sentSuggestions(room: string) {
  const key = `mantelkaart:sent:${room}`;
  const load = (): SentSuggestion[] => {
    const raw = readStored(key);
    return Array.isArray(raw) ? raw.filter(valid).filter((s) => s.at > Date.now() - KEEP_MS) : [];
  };
  const save = (list: SentSuggestion[]) => writeStored(key, list.slice(-MAX));
  return {
    list: load,
    add: (s: SentSuggestion) => save([...load(), s]),
    remove: (id: string) => save(load().filter((s) => s.id !== id)),
  };
}
