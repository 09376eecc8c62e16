import { nodesMap } from '../../shared/model/mapDoc';
import { newId } from '../../shared/model/ids';
import { privateRoomOf } from '../../shared/model/roomName';
import { readOutcome, readSuggestSettings, writeOutcome } from '../../shared/participation/participationState';
import { SUGGESTION_LIMITS, deleteSuggestion, readSuggestions, writeSuggestion, type Suggestion } from '../../shared/participation/suggestions';
import { findContactDetails } from '../../shared/stakeholders/contactText';
import { KeyedSerial } from '../keyedSerial';
import type { RateLimiter } from '../rateLimit';
import type { Rooms } from '../rooms';
import { log } from '../log';
import { ApiError } from '../apiError';

export interface NewSuggestion {
  kind: string;
  name: string;
  note?: string;
  relatesTo?: string;
  from?: string;
}

export interface SuggestionLimiters {
  /** Per sender (link and device). */
  perSender: RateLimiter;
  /** Per network address: one person making up device ids. */
  perAddress: RateLimiter;
}

/**
 * Suggestions from participants: checked here, written by the server into the map's private document (which
 * only edit and owner links open), and removed again, compacted out of storage, once an editor decides. What
 * became of one is written into the map for its sender, under an id only they know, without anything personal.
 */
export class SuggestionService {
  private readonly serial: KeyedSerial;

  constructor(private readonly rooms: Rooms, private readonly limiters: SuggestionLimiters, private readonly now: () => number = Date.now) {
    this.serial = new KeyedSerial(rooms.store.lock?.bind(rooms.store), 'suggestions');
  }

  async submit(room: string, sender: string, address: string, s: NewSuggestion): Promise<{ id: string }> {
    if (!this.limiters.perSender.take(sender) || !this.limiters.perAddress.take(address)) {
      throw new ApiError(429, 'SUGGESTION_RATE_LIMITED', 'too many suggestions in a short time; wait a minute and try again');
    }
    const contact = findContactDetails([s.name, s.note ?? '', s.from ?? ''].join('\n'));
    if (contact.length > 0) {
      throw new ApiError(400, 'SUGGESTION_CONTACT_DETAILS', 'leave out phone numbers and e-mail addresses: the team asks for contact details itself, with consent');
    }
    await this.rooms.withRoom(room, async (r) => {
      const settings = readSuggestSettings(r.doc);
      if (!settings.open) throw new ApiError(403, 'SUGGESTIONS_CLOSED', 'the facilitator has closed suggestions for now');
      if (settings.kinds.length > 0 && !settings.kinds.includes(s.kind)) throw new ApiError(400, 'SUGGESTION_KIND_UNKNOWN', 'this map takes no suggestions of that kind');
      if (s.relatesTo !== undefined && !nodesMap(r.doc).has(s.relatesTo)) throw new ApiError(400, 'SUGGESTION_RELATES_UNKNOWN', 'the card it relates to is not on this map');
    });
    const id = newId();
    await this.serial.run(room, () =>
      this.rooms.withRoom(privateRoomOf(room), async (r) => {
        const waiting = readSuggestions(r.doc);
        if (waiting.length >= SUGGESTION_LIMITS.pendingPerMap) throw new ApiError(409, 'SUGGESTIONS_FULL', 'the facilitator has many suggestions waiting; try again after they have looked at them');
        if (waiting.filter((w) => w.sender === sender).length >= SUGGESTION_LIMITS.pendingPerDevice) {
          throw new ApiError(429, 'SUGGESTION_RATE_LIMITED', 'you have many suggestions waiting; wait until the facilitator has looked at them');
        }
        const suggestion: Suggestion = { id, kind: s.kind, name: s.name, note: s.note ?? '', relatesTo: s.relatesTo ?? null, from: s.from ?? '', at: this.now(), sender };
        await r.change((doc) => writeSuggestion(doc, suggestion));
      }),
    );
    log('SUGGESTION_RECEIVED', { room, kind: s.kind });
    return { id };
  }

  /** The sender's own suggestions that are still waiting. */
  async mine(room: string, sender: string): Promise<Omit<Suggestion, 'sender'>[]> {
    return this.rooms.withRoom(privateRoomOf(room), async (r) =>
      readSuggestions(r.doc)
        .filter((s) => s.sender === sender)
        .map(({ sender: _, ...rest }) => rest),
    );
  }

  /** Every waiting suggestion (for editors). */
  async waiting(room: string): Promise<Suggestion[]> {
    return this.rooms.withRoom(privateRoomOf(room), async (r) => readSuggestions(r.doc));
  }

  /** Accepts (the editor's browser puts card `node` on the map) or dismisses a suggestion; only once. */
  decide(room: string, id: string, decision: { status: 'accepted'; node: string } | { status: 'dismissed'; reason?: string }): Promise<void> {
    return this.serial.run(room, async () => {
      const found = await this.rooms.withRoom(privateRoomOf(room), async (r) => {
        if (!readSuggestions(r.doc).some((s) => s.id === id)) return false;
        await r.change((doc) => deleteSuggestion(doc, id));
        // Compacted so the name and note do not linger in the stored update log (AVG).
        await r.compactNow();
        return true;
      });
      await this.rooms.withRoom(room, async (r) => {
        if (!found) {
          if (readOutcome(r.doc, id)) throw new ApiError(409, 'SUGGESTION_DECIDED', 'someone already accepted or dismissed this suggestion');
          throw new ApiError(404, 'SUGGESTION_NOT_FOUND', 'this map has no suggestion with that id');
        }
        const at = this.now();
        await r.change((doc) =>
          writeOutcome(doc, id, decision.status === 'accepted' ? { status: 'accepted', node: decision.node, at } : { status: 'dismissed', at, ...(decision.reason ? { reason: decision.reason } : {}) }),
        );
      });
      log('SUGGESTION_DECIDED', { room, status: decision.status });
    });
  }
}
