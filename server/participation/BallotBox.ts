import { z } from 'zod';
import type { DocStore } from '../storage/DocStore';
import { logError } from '../log';

/**
 * Ballots, kept by the server alone: one meta record per person and vote (`ballot:<map>:<vote>:<sender>`, the
 * sender a keyed hash of link and device), never in any document a client syncs, so a vote stays anonymous and
 * its counts stay hidden until they are revealed. Read once per vote into memory; every change is stored
 * before it is counted.
 */
const ballotSchema = z.array(z.string().max(64)).max(100);

export function ballotPrefix(room: string, vote?: string): string {
  return vote === undefined ? `ballot:${room}:` : `ballot:${room}:${vote}:`;
}

export class BallotBox {
  private readonly loaded = new Map<string, Promise<Map<string, string[]>>>();
  /** Storage shared with other instances (it has a lock) may gain ballots from them: read it every time then. */
  private readonly cache: boolean;

  constructor(private readonly store: DocStore) {
    this.cache = store.lock === undefined;
  }

  /** Every ballot of a vote, by sender. */
  ballots(room: string, vote: string): Promise<Map<string, string[]>> {
    const key = ballotPrefix(room, vote);
    if (!this.cache) return this.read(key);
    let found = this.loaded.get(key);
    if (!found) {
      found = this.read(key);
      this.loaded.set(key, found);
      found.catch(() => this.loaded.delete(key));
    }
    return found;
  }

  private async read(prefix: string): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const { key, value } of await this.store.listMeta(prefix)) {
      const parsed = ballotSchema.safeParse(value);
      if (parsed.success) out.set(key.slice(prefix.length), parsed.data);
      else logError('BALLOT_UNREADABLE', { key });
    }
    return out;
  }

  /** Stores one person's ballot (an empty one removes it); the caller serialises per vote. */
  async put(room: string, vote: string, sender: string, cards: string[]): Promise<void> {
    const ballots = await this.ballots(room, vote);
    const key = ballotPrefix(room, vote) + sender;
    if (cards.length === 0) await this.store.deleteMeta(key);
    else await this.store.putMeta(key, cards);
    if (cards.length === 0) ballots.delete(sender);
    else ballots.set(sender, [...cards]);
  }

  /** Forgets every ballot of one vote, or of every vote of a map. */
  async deleteAll(room: string, vote?: string): Promise<number> {
    const prefix = ballotPrefix(room, vote);
    const rows = await this.store.listMeta(prefix);
    for (const { key } of rows) await this.store.deleteMeta(key);
    for (const key of [...this.loaded.keys()]) if (key.startsWith(prefix)) this.loaded.delete(key);
    return rows.length;
  }
}
