import * as Y from 'yjs';

/**
 * The map document's `participation` map: the shared timer, whether participants may suggest cards (and which
 * kinds), and what became of each suggestion. Written only by the server (the API); everyone reads it, view
 * links included. Not part of the map's snapshot: it says nothing about the stakeholders themselves.
 */
export const ROOT_PARTICIPATION = 'participation';

export function participationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_PARTICIPATION);
}

export type TimerState =
  | { status: 'running'; endsAt: number; durationMs: number; startedAt: number }
  | { status: 'paused'; remainingMs: number; durationMs: number; startedAt: number };

export const TIMER_MAX_MS = 4 * 3_600_000;

function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A value of the participation map, without creating the map when it is not there. */
function peek(doc: Y.Doc, key: string): unknown {
  return doc.share.has(ROOT_PARTICIPATION) ? participationMap(doc).get(key) : undefined;
}

export function readTimer(doc: Y.Doc): TimerState | null {
  const t = obj(peek(doc, 'timer'));
  if (!t || !finite(t.durationMs) || !finite(t.startedAt)) return null;
  if (t.status === 'running' && finite(t.endsAt)) return { status: 'running', endsAt: t.endsAt, durationMs: t.durationMs, startedAt: t.startedAt };
  if (t.status === 'paused' && finite(t.remainingMs)) return { status: 'paused', remainingMs: t.remainingMs, durationMs: t.durationMs, startedAt: t.startedAt };
  return null;
}

/** Milliseconds left at server time `now` (never below zero). */
export function timerRemaining(timer: TimerState, now: number): number {
  return Math.max(0, timer.status === 'running' ? timer.endsAt - now : timer.remainingMs);
}

export function writeTimer(doc: Y.Doc, timer: TimerState | null): void {
  if (timer) participationMap(doc).set('timer', { ...timer });
  else participationMap(doc).delete('timer');
}

export interface SuggestSettings {
  /** Whether view links may send suggestions now. */
  open: boolean;
  /** Node kinds a participant may suggest (what the map's extensions offer); empty means any offered kind. */
  kinds: string[];
}

export function readSuggestSettings(doc: Y.Doc): SuggestSettings {
  const s = obj(peek(doc, 'suggest'));
  const kinds = Array.isArray(s?.kinds) ? s.kinds.filter((k): k is string => typeof k === 'string') : [];
  return { open: s?.open !== false, kinds };
}

export function writeSuggestSettings(doc: Y.Doc, settings: SuggestSettings): void {
  participationMap(doc).set('suggest', { open: settings.open, kinds: [...settings.kinds] });
}

/** What became of a suggestion, for the one who sent it (who alone knows its id). Holds nothing personal. */
export interface SuggestionOutcome {
  status: 'accepted' | 'dismissed';
  /** The card it became. */
  node?: string;
  /** Why it was not taken over, in the facilitator's words. */
  reason?: string;
  at: number;
}

/** Outcomes are kept this long, so a phone that was asleep still learns what became of its suggestion. */
export const OUTCOME_KEEP_MS = 14 * 24 * 3_600_000;

function outcomesMap(doc: Y.Doc): Y.Map<unknown> {
  const p = participationMap(doc);
  let m = p.get('outcomes');
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<unknown>();
    p.set('outcomes', m);
  }
  return m as Y.Map<unknown>;
}

export function readOutcome(doc: Y.Doc, id: string): SuggestionOutcome | undefined {
  const m = peek(doc, 'outcomes');
  if (!(m instanceof Y.Map)) return undefined;
  const o = obj(m.get(id));
  if (!o || (o.status !== 'accepted' && o.status !== 'dismissed') || !finite(o.at)) return undefined;
  return {
    status: o.status,
    at: o.at,
    ...(typeof o.node === 'string' ? { node: o.node } : {}),
    ...(typeof o.reason === 'string' && o.reason ? { reason: o.reason } : {}),
  };
}

/** Records an outcome and forgets those older than OUTCOME_KEEP_MS. */
export function writeOutcome(doc: Y.Doc, id: string, outcome: SuggestionOutcome): void {
  const m = outcomesMap(doc);
  for (const [key, value] of [...m.entries()]) {
    const at = obj(value)?.at;
    if (!finite(at) || at < outcome.at - OUTCOME_KEEP_MS) m.delete(key);
  }
  m.set(id, { ...outcome });
}
