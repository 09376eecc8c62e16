import * as Y from 'yjs';
import { createEdge, createNode, nodesMap, readNode } from '../../../shared/model/mapDoc';
import { newId } from '../../../shared/model/ids';
import { COLLECTION_PREFIX } from '../../../shared/model/schema';
import { canEdit } from '../../../shared/protocol/roles';
import {
  ROOT_PARTICIPATION,
  readOutcome,
  readSuggestSettings,
  readTimer,
  type SuggestSettings,
  type SuggestionOutcome,
  type TimerState,
} from '../../../shared/participation/participationState';
import { ROOT_SUGGESTIONS, readSuggestions, type Suggestion } from '../../../shared/participation/suggestions';
import { VOTES_COLLECTION, checkBallot, isVoteOpen, readVotes, type StartVoteRequest, type Vote } from '../../../shared/participation/votes';
import type { SuggestionContribution } from '../../../shared/plugin/manifest';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { IDisposable } from '../../../shared/plugin/Disposable';
import * as api from '../../api/participationApi';
import type { HostSession } from '../HostSession';
import { placeNear } from './placeNear';
import { sentSuggestions, type SentSuggestion } from './sentSuggestions';

export interface ParticipationState {
  /** Newest first. */
  votes: readonly Vote[];
  /** This device's dots per vote, as the server has them (optimistically while a change travels). */
  ballots: Readonly<Record<string, readonly string[]>>;
  timer: TimerState | null;
  suggest: SuggestSettings;
  /** Suggestions waiting for an editor (empty on view links: they cannot read them). */
  waiting: readonly Suggestion[];
  /** What this device suggested, with what became of each. */
  sent: readonly (SentSuggestion & { outcome?: SuggestionOutcome })[];
}

/** What the service needs to know about node kinds, from the host's registries. */
export interface KindLookup {
  /** The suggestion form a kind's extension contributed. */
  suggestionFor(kind: string): SuggestionContribution | undefined;
  /** Lanes and quadrants: drawn behind cards, never in a new card's way. */
  isBackground(kind: string): boolean;
}

/**
 * The host's side of votes, suggestions and the timer for one open map. It reads what the server wrote into the
 * map (and, for editors, the private document) and calls the server's routes for every change: a browser never
 * writes a vote, a ballot or the timer into the document itself. Accepting a suggestion is the exception that
 * proves it: the server records the decision, and this editor's browser then puts the card on the map as an
 * ordinary, undoable edit.
 */
export class ParticipationService implements IDisposable {
  private state: ParticipationState;
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;
  private offset = 0;
  private ballots: Record<string, readonly string[]> = {};
  private readonly asked = new Set<string>();
  private readonly sent: ReturnType<typeof sentSuggestions>;
  private disposed = false;
  private offerTimer: ReturnType<typeof setTimeout> | null = null;
  /** The kinds last sent to the server, so a list is sent once. */
  private offered: string | null = null;
  private readonly onPrivateUpdate = () => this.refresh();

  constructor(private readonly session: HostSession, private readonly kinds: KindLookup, private readonly report: (message: string, code: string) => void) {
    this.sent = sentSuggestions(session.room);
    this.state = this.read();
    session.doc.on('afterTransaction', this.onAfterTransaction);
    session.privateDoc?.getMap(ROOT_SUGGESTIONS).observe(this.onPrivateUpdate);
    void this.syncClock();
    // Back after the phone slept or the network dropped: measure again, the device's clock may have jumped.
    let wasConnected = session.connection.get() === 'connected';
    this.unsubscribeConnection = session.connection.subscribe(() => {
      const connected = session.connection.get() === 'connected';
      if (connected && !wasConnected) this.resyncClock();
      wasConnected = connected;
    });
  }

  private readonly unsubscribeConnection: () => void;

  private readonly onAfterTransaction = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      const root = rootName(type);
      if (root === ROOT_PARTICIPATION || root === COLLECTION_PREFIX + VOTES_COLLECTION) {
        this.refresh();
        return;
      }
    }
  };

  get = (): ParticipationState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    const d = this.onDidChange(listener);
    return () => d.dispose();
  };

  get canEdit(): boolean {
    return canEdit(this.session.role);
  }

  /** The server's time now, as this browser estimates it (whatever its own clock says). */
  serverNow(): number {
    return Date.now() + this.offset;
  }

  private async syncClock(): Promise<void> {
    try {
      this.offset = await api.measureClockOffset();
      if (!this.disposed) this.changed.fire();
    } catch {
      // Offline: the device's own clock until the next try.
    }
  }

  /** Measures the clock again (after the connection comes back, or a phone wakes). */
  resyncClock(): void {
    void this.syncClock();
  }

  private read(): ParticipationState {
    const doc = this.session.doc;
    const votes = readVotes(doc);
    return {
      votes,
      ballots: this.ballots,
      timer: readTimer(doc),
      suggest: readSuggestSettings(doc),
      waiting: this.session.privateDoc ? readSuggestions(this.session.privateDoc) : [],
      sent: this.sent.list().map((s) => {
        const outcome = readOutcome(doc, s.id);
        return outcome ? { ...s, outcome } : s;
      }),
    };
  }

  private refresh(): void {
    if (this.disposed) return;
    this.state = this.read();
    for (const vote of this.state.votes) if (vote.status === 'open' && !this.asked.has(vote.id)) void this.loadBallot(vote.id);
    this.changed.fire();
  }

  private async loadBallot(voteId: string): Promise<void> {
    this.asked.add(voteId);
    try {
      const cards = await api.readBallot(this.session.room, this.session.token, voteId);
      this.setBallot(voteId, cards);
    } catch {
      this.asked.delete(voteId);
    }
  }

  private setBallot(voteId: string, cards: readonly string[]): void {
    this.ballots = { ...this.ballots, [voteId]: cards };
    this.state = { ...this.state, ballots: this.ballots };
    this.changed.fire();
  }

  private fail(err: unknown): void {
    const e = err instanceof api.MapApiError ? err : new api.MapApiError('unknown', 0, String(err));
    this.report(e.message, e.code);
  }

  /** Sends a whole ballot; shown at once, taken back when the server refuses it. */
  async cast(vote: Vote, cards: string[]): Promise<boolean> {
    const before = this.ballots[vote.id] ?? [];
    const problem = checkBallot(vote, cards, this.serverNow());
    if (problem) {
      this.report(problem.message, problem.code);
      return false;
    }
    this.setBallot(vote.id, cards);
    try {
      this.setBallot(vote.id, await api.castBallot(this.session.room, this.session.token, vote.id, cards));
      return true;
    } catch (err) {
      this.setBallot(vote.id, before);
      this.fail(err);
      return false;
    }
  }

  /** One more dot on a card (with one dot per card: the dot on it). */
  addDot(vote: Vote, card: string): Promise<boolean> {
    const mine = [...(this.ballots[vote.id] ?? [])];
    if (!vote.stack && mine.includes(card)) return Promise.resolve(true);
    return this.cast(vote, [...mine, card]);
  }

  /** Takes one of this person's dots off a card. */
  removeDot(vote: Vote, card: string): Promise<boolean> {
    const mine = [...(this.ballots[vote.id] ?? [])];
    const i = mine.lastIndexOf(card);
    if (i < 0) return Promise.resolve(true);
    mine.splice(i, 1);
    return this.cast(vote, mine);
  }

  isOpen(vote: Vote): boolean {
    return isVoteOpen(vote, this.serverNow());
  }

  private async run(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  startVote(body: StartVoteRequest): Promise<boolean> {
    return this.run(() => api.startVote(this.session.room, this.session.token, body));
  }
  voteAction(vote: string, action: 'reveal' | 'end'): Promise<boolean> {
    return this.run(() => api.voteAction(this.session.room, this.session.token, vote, action));
  }
  showOnCards(vote: string, show: boolean): Promise<boolean> {
    return this.run(() => api.patchVote(this.session.room, this.session.token, vote, { showOnCards: show }));
  }
  deleteVote(vote: string): Promise<boolean> {
    return this.run(() => api.deleteVote(this.session.room, this.session.token, vote));
  }
  timer(body: api.TimerActionBody): Promise<boolean> {
    return this.run(() => api.timerAction(this.session.room, this.session.token, body));
  }
  setSuggestionsOpen(open: boolean): Promise<boolean> {
    return this.run(() => api.patchParticipation(this.session.room, this.session.token, { suggestionsOpen: open }));
  }

  /**
   * Tells the server which kinds this map takes suggestions of (what its extensions offer) when that changed.
   * Extensions declare their forms one by one as they load: the last list a moment later is the one sent.
   */
  offerKinds(kinds: string[]): void {
    if (!this.canEdit) return;
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.offerTimer = setTimeout(() => {
      this.offerTimer = null;
      const sorted = [...new Set(kinds)].sort();
      const key = sorted.join('\n');
      if (key === this.offered || key === [...readSuggestSettings(this.session.doc).kinds].sort().join('\n')) return;
      this.offered = key;
      void api.patchParticipation(this.session.room, this.session.token, { suggestKinds: sorted }).catch(() => {
        this.offered = null;
      });
    }, 300);
  }

  /** Sends a suggestion and remembers it on this device, to show what becomes of it. */
  async suggest(body: api.SuggestionBody): Promise<boolean> {
    try {
      const id = await api.sendSuggestion(this.session.room, this.session.token, body);
      this.sent.add({ id, kind: body.kind, name: body.name, at: Date.now() });
      this.refresh();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  /** Accepts a suggestion: the server records it once, then the card goes on the map here, near what it relates to. */
  async accept(s: Suggestion): Promise<string | null> {
    const form = this.kinds.suggestionFor(s.kind);
    const node = newId();
    if (!(await this.run(() => api.decideSuggestion(this.session.room, this.session.token, s.id, { accept: node })))) return null;
    const doc = this.session.doc;
    const related = s.relatesTo ? nodesMap(doc).get(s.relatesTo) : undefined;
    const near = related instanceof Y.Map && s.relatesTo ? readNode(s.relatesTo, related) : null;
    const at = placeNear(doc, near, this.kinds.isBackground);
    const note = [s.note, s.from ? `(voorgesteld door ${s.from})` : ''].filter(Boolean).join(' ');
    doc.transact(() => {
      createNode(doc, { id: node, kind: s.kind, label: s.name, x: at.x, y: at.y, data: form?.noteField && note ? { [form.noteField]: note } : {} }, this.session.origin);
      if (near && form?.relatesTo) createEdge(doc, { source: node, target: near.id, kind: form.relatesTo.edgeKind }, this.session.origin);
    }, this.session.origin);
    return node;
  }

  dismiss(s: Suggestion, reason: string): Promise<boolean> {
    return this.run(() => api.decideSuggestion(this.session.room, this.session.token, s.id, { dismiss: reason }));
  }

  /** Forgets a suggestion this device sent, once its sender has read what became of it. */
  forgetSent(id: string): void {
    this.sent.remove(id);
    this.refresh();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribeConnection();
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.session.doc.off('afterTransaction', this.onAfterTransaction);
    this.session.privateDoc?.getMap(ROOT_SUGGESTIONS).unobserve(this.onPrivateUpdate);
    this.changed.dispose();
  }
}

/** The name of the top-level type a shared type lives in. */
function rootName(type: Y.AbstractType<any>): string | null { // eslint-disable-line @typescript-eslint/no-explicit-any
  let t = type;
  while (t._item && t._item.parent instanceof Y.AbstractType) t = t._item.parent;
  const doc = t.doc;
  if (!doc) return null;
  // A root first met in a remote update is a plain type until someone asks for it as a map; whoever does (another
  // listener of this very transaction) replaces it in doc.share by a map that keeps its entries (`_map`).
  for (const [name, shared] of doc.share) if (shared === t || shared._map === t._map) return name;
  return null;
}
