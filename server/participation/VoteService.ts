import { deleteRecords, nodesMap, putRecord, readNodes } from '../../shared/model/mapDoc';
import { newId } from '../../shared/model/ids';
import {
  VOTES_COLLECTION,
  VOTE_LIMITS,
  checkBallot,
  readVote,
  readVotes,
  tally,
  voteToFields,
  type BallotProblem,
  type StartVoteRequest,
  type Vote,
} from '../../shared/participation/votes';
import { ApiError } from '../apiError';
import { KeyedSerial } from '../keyedSerial';
import type { Room } from '../room';
import type { Rooms } from '../rooms';
import { errorText, log, logError } from '../log';
import type { BallotBox } from './BallotBox';


function notFound(): ApiError {
  return new ApiError(404, 'VOTE_NOT_FOUND', 'this map has no vote with that id');
}

function refusal(p: BallotProblem): ApiError {
  return new ApiError(p.code === 'VOTE_CLOSED' ? 409 : 400, p.code, p.message);
}

/**
 * Dot votes: the server alone writes a vote into the map and counts its ballots. Every operation on one vote runs
 * in one queue (a ballot and the end of the vote never cross), and reads the vote from the map as it is then.
 * Time limits run on the server's clock: ballots after it are refused even before the vote is marked ended.
 */
export class VoteService {
  private readonly serial: KeyedSerial;
  private readonly deadlines = new Map<string, NodeJS.Timeout>();

  constructor(private readonly rooms: Rooms, private readonly box: BallotBox, private readonly now: () => number = Date.now) {
    this.serial = new KeyedSerial(rooms.store.lock?.bind(rooms.store), 'votes');
  }

  private run<T>(room: string, vote: string, work: (r: Room) => Promise<T>): Promise<T> {
    return this.serial.run(`${room}:${vote}`, () => this.rooms.withRoom(room, work));
  }

  async start(room: string, what: StartVoteRequest): Promise<Vote> {
    const id = newId();
    const vote = await this.rooms.withRoom(room, async (r) => {
      const nodes = nodesMap(r.doc);
      const cards = [...new Set(what.cards)];
      const missing = cards.find((c) => !nodes.has(c));
      if (missing) throw new ApiError(400, 'VOTE_CARD_UNKNOWN', `card ${missing} is not on this map`);
      if (cards.length < VOTE_LIMITS.minCards) throw new ApiError(400, 'VOTE_TOO_FEW_CARDS', `a vote needs at least ${VOTE_LIMITS.minCards} different cards`);
      const now = this.now();
      const v: Omit<Vote, 'id'> = {
        question: what.question,
        cards,
        dots: what.dots,
        stack: what.stack,
        live: what.live,
        revealed: what.live,
        status: 'open',
        startedAt: now,
        endsAt: what.seconds ? now + what.seconds * 1000 : null,
        endedAt: null,
        voters: 0,
        counts: what.live ? cards.map(() => 0) : null,
        labels: null,
        showOnCards: false,
      };
      await r.change((doc) => putRecord(doc, VOTES_COLLECTION, voteToFields(v), id));
      return { id, ...v };
    });
    this.schedule(room, vote);
    log('VOTE_STARTED', { room, vote: id, cards: vote.cards.length, dots: vote.dots, live: vote.live, seconds: what.seconds ?? 0 });
    return vote;
  }

  /** One person's dots now. */
  async ballotOf(room: string, voteId: string, sender: string): Promise<string[]> {
    return this.run(room, voteId, async (r) => {
      if (!readVote(r.doc, voteId)) throw notFound();
      return (await this.box.ballots(room, voteId)).get(sender) ?? [];
    });
  }

  /** Replaces one person's ballot: stored first, then the map's voter count (and counts, when visible) follow. */
  async cast(room: string, voteId: string, sender: string, cards: string[]): Promise<{ vote: Vote; cards: string[] }> {
    return this.run(room, voteId, async (r) => {
      const vote = readVote(r.doc, voteId);
      if (!vote) throw notFound();
      const problem = checkBallot(vote, cards, this.now());
      if (problem) throw refusal(problem);
      const ballots = await this.box.ballots(room, voteId);
      if (!ballots.has(sender) && cards.length > 0 && ballots.size >= VOTE_LIMITS.maxVoters) {
        throw new ApiError(409, 'VOTE_FULL', `this vote has ${VOTE_LIMITS.maxVoters} voters, the most it takes`);
      }
      await this.box.put(room, voteId, sender, cards);
      const updated = await this.writeCounts(r, vote, ballots);
      return { vote: updated, cards };
    });
  }

  /** Writes the voter count, and the counts when they are visible, if either changed. */
  private async writeCounts(r: Room, vote: Vote, ballots: Map<string, string[]>): Promise<Vote> {
    const voters = ballots.size;
    const counts = vote.revealed ? tally(vote, ballots.values()) : null;
    const same = voters === vote.voters && JSON.stringify(counts) === JSON.stringify(vote.counts);
    if (same) return vote;
    await r.change((doc) => putRecord(doc, VOTES_COLLECTION, { voters, ...(counts ? { counts } : {}) }, vote.id));
    return { ...vote, voters, counts: counts ?? vote.counts };
  }

  /** Makes the counts visible to everyone; an open vote goes on, now live. */
  reveal(room: string, voteId: string): Promise<Vote> {
    return this.run(room, voteId, async (r) => {
      const vote = readVote(r.doc, voteId);
      if (!vote) throw notFound();
      const counts = tally(vote, (await this.box.ballots(room, voteId)).values());
      await r.change((doc) => putRecord(doc, VOTES_COLLECTION, { revealed: true, counts }, voteId));
      log('VOTE_REVEALED', { room, vote: voteId });
      return { ...vote, revealed: true, counts };
    });
  }

  /** Closes voting and reveals the result, with the cards' labels as they are now. Ending twice changes nothing. */
  end(room: string, voteId: string): Promise<Vote> {
    return this.run(room, voteId, async (r) => {
      const vote = readVote(r.doc, voteId);
      if (!vote) throw notFound();
      this.clearDeadline(room, voteId);
      if (vote.status === 'ended') return vote;
      const ballots = await this.box.ballots(room, voteId);
      const counts = tally(vote, ballots.values());
      const byId = new Map(readNodes(r.doc).map((n) => [n.id, n.label]));
      const labels = vote.cards.map((c) => byId.get(c) ?? '');
      const endedAt = vote.endsAt !== null ? Math.min(vote.endsAt, this.now()) : this.now();
      await r.change((doc) =>
        putRecord(doc, VOTES_COLLECTION, { status: 'ended', endedAt, revealed: true, counts, labels, voters: ballots.size }, voteId),
      );
      log('VOTE_ENDED', { room, vote: voteId, voters: ballots.size });
      return { ...vote, status: 'ended', endedAt, revealed: true, counts, labels, voters: ballots.size };
    });
  }

  update(room: string, voteId: string, patch: { showOnCards?: boolean; question?: string }): Promise<Vote> {
    return this.run(room, voteId, async (r) => {
      const vote = readVote(r.doc, voteId);
      if (!vote) throw notFound();
      await r.change((doc) => putRecord(doc, VOTES_COLLECTION, patch, voteId));
      return { ...vote, ...patch };
    });
  }

  /** Removes a vote from the map and forgets its ballots. */
  remove(room: string, voteId: string): Promise<void> {
    return this.run(room, voteId, async (r) => {
      if (!readVote(r.doc, voteId)) throw notFound();
      this.clearDeadline(room, voteId);
      await r.change((doc) => deleteRecords(doc, VOTES_COLLECTION, [voteId]));
      await this.box.deleteAll(room, voteId);
      log('VOTE_DELETED', { room, vote: voteId });
    });
  }

  /** A map was deleted: its ballots go too. */
  async deleteMap(room: string): Promise<number> {
    for (const key of [...this.deadlines.keys()]) if (key.startsWith(`${room}:`)) this.clearDeadline(...(key.split(':') as [string, string]));
    return this.box.deleteAll(room);
  }

  /** Called when a map loads: votes whose time ran out while nobody had it open end now, the others on time. */
  watch(room: Room): void {
    for (const vote of readVotes(room.doc)) if (vote.status === 'open' && vote.endsAt !== null) this.schedule(room.name, vote);
  }

  private schedule(room: string, vote: Pick<Vote, 'id' | 'endsAt'>): void {
    if (vote.endsAt === null) return;
    this.clearDeadline(room, vote.id);
    const timer = setTimeout(() => {
      this.deadlines.delete(`${room}:${vote.id}`);
      this.end(room, vote.id).catch((err: unknown) => {
        if (!(err instanceof ApiError)) logError('VOTE_END_FAILED', { room, vote: vote.id, error: errorText(err) });
      });
    }, Math.max(0, vote.endsAt - this.now()));
    timer.unref();
    this.deadlines.set(`${room}:${vote.id}`, timer);
  }

  private clearDeadline(room: string, vote: string): void {
    const key = `${room}:${vote}`;
    const t = this.deadlines.get(key);
    if (t) clearTimeout(t);
    this.deadlines.delete(key);
  }

  /** Stops every pending deadline (shutdown). */
  dispose(): void {
    for (const t of this.deadlines.values()) clearTimeout(t);
    this.deadlines.clear();
  }
}
