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

/** This browser's sent suggestions for one map (localStorage; in memory when storage is refused). */
export function sentSuggestions(room: string) {
  const key = `mantelkaart:sent:${room}`;
  let memory: SentSuggestion[] = [];
  const load = (): SentSuggestion[] => {
    try {
      const raw: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      return Array.isArray(raw) ? raw.filter(valid).filter((s) => s.at > Date.now() - KEEP_MS) : [];
    } catch {
      return memory;
    }
  };
  const save = (list: SentSuggestion[]) => {
    memory = list.slice(-MAX);
    try {
      localStorage.setItem(key, JSON.stringify(memory));
    } catch {
      // Kept in memory for this visit.
    }
  };
  return {
    list: load,
    add: (s: SentSuggestion) => save([...load(), s]),
    remove: (id: string) => save(load().filter((s) => s.id !== id)),
  };
}
