import * as Y from 'yjs';

/**
 * Suggestions from participants wait in the map's private document (only edit and owner links open it), as the
 * server wrote them: a name and a note about someone or something, and optionally who suggested it, are
 * personal data a view link must not see. They stay only until an editor accepts or dismisses them.
 */
export const ROOT_SUGGESTIONS = 'suggestions';

export const SUGGESTION_LIMITS = {
  nameChars: 80,
  noteChars: 280,
  fromChars: 60,
  reasonChars: 200,
  /** Bytes of a request body; a larger one is refused before it is read. */
  bodyBytes: 2048,
  /** Waiting suggestions per map. */
  pendingPerMap: 200,
  /** Waiting suggestions from one device. */
  pendingPerDevice: 20,
} as const;

export interface Suggestion {
  id: string;
  kind: string;
  name: string;
  note: string;
  /** The card it relates to ("reaches the Moroccan community"). */
  relatesTo: string | null;
  /** The name the participant gave, if any. */
  from: string;
  at: number;
  /** A keyed hash of the sender's link and device (never the device id itself): "mine" and rate limits. */
  sender: string;
}

export function suggestionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_SUGGESTIONS);
}

function str(v: unknown, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Waiting suggestions, oldest first; malformed entries are skipped. */
export function readSuggestions(doc: Y.Doc): Suggestion[] {
  const out: Suggestion[] = [];
  suggestionsMap(doc).forEach((v, id) => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (typeof o.kind !== 'string' || typeof o.name !== 'string' || typeof o.at !== 'number') return;
    out.push({
      id,
      kind: o.kind,
      name: str(o.name, SUGGESTION_LIMITS.nameChars),
      note: str(o.note, SUGGESTION_LIMITS.noteChars),
      relatesTo: typeof o.relatesTo === 'string' ? o.relatesTo : null,
      from: str(o.from, SUGGESTION_LIMITS.fromChars),
      at: o.at,
      sender: str(o.sender, 64),
    });
  });
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export function writeSuggestion(doc: Y.Doc, s: Suggestion): void {
  const { id, ...rest } = s;
  suggestionsMap(doc).set(id, { ...rest, relatesTo: rest.relatesTo ?? null });
}

export function deleteSuggestion(doc: Y.Doc, id: string): void {
  suggestionsMap(doc).delete(id);
}
