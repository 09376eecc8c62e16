import * as Y from 'yjs';
import { collectionMap, readCollection } from '../model/mapDoc';
import { finiteOr, stringOr } from '../model/fieldValue';
import { COLLECTION_PREFIX, type CollectionRecord, type FieldValue, type MapSnapshot } from '../model/schema';

/**
 * Dot votes live in the map document as the records of one collection, written only by the server: a view link
 * never writes the document, and an editor starts, reveals and ends a vote through the API so the server's clock
 * and its ballot box decide. Ballots themselves are never in the document (votes are anonymous): only how many
 * people voted, and the counts once the vote is revealed (or from the start, for a live vote).
 */
export const VOTES_COLLECTION = 'votes';

export const VOTE_LIMITS = {
  questionChars: 200,
  minCards: 2,
  maxCards: 100,
  maxDots: 20,
  maxMinutes: 120,
  maxVoters: 1000,
} as const;

export interface Vote {
  id: string;
  question: string;
  /** The cards one may vote on, in the order they were offered. */
  cards: string[];
  /** Dots each person has. */
  dots: number;
  /** Whether one person may put several dots on one card. */
  stack: boolean;
  /** Started as live: counts are visible to everyone while voting. */
  live: boolean;
  /** Counts are visible (live, or revealed by an editor). */
  revealed: boolean;
  status: 'open' | 'ended';
  startedAt: number;
  /** When voting closes by itself (server clock), or null without a time limit. */
  endsAt: number | null;
  endedAt: number | null;
  /** How many people have at least one dot on a card. */
  voters: number;
  /** Dots per card, parallel to `cards`; only present once revealed. */
  counts: number[] | null;
  /** Card labels when the vote ended, so a result still reads after a card is renamed or deleted. */
  labels: string[] | null;
  /** Results drawn as badges on the cards. */
  showOnCards: boolean;
}

/** What an editor asks for when starting a vote (`POST /api/rooms/<map>/votes`). */
export interface StartVoteRequest {
  question: string;
  cards: string[];
  dots: number;
  /** Several dots of one person on one card. */
  stack: boolean;
  /** Counts visible to everyone while voting. */
  live: boolean;
  /** A time limit. */
  seconds?: number;
}

function strings(v: FieldValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
function numbers(v: FieldValue | undefined): number[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null;
}
/** A vote record as plain values; anything malformed falls back to a closed, hidden vote rather than failing. */
export function voteFromRecord(r: CollectionRecord): Vote {
  const d = r.data;
  const cards = strings(d.cards);
  const counts = numbers(d.counts);
  const labels = strings(d.labels);
  return {
    id: r.id,
    question: stringOr(d.question, ''),
    cards,
    dots: Math.max(1, Math.min(VOTE_LIMITS.maxDots, Math.round(finiteOr(d.dots, 3)))),
    stack: d.stack === true,
    live: d.live === true,
    revealed: d.revealed === true || d.live === true,
    status: d.status === 'open' ? 'open' : 'ended',
    startedAt: finiteOr(d.startedAt, 0),
    endsAt: typeof d.endsAt === 'number' ? d.endsAt : null,
    endedAt: typeof d.endedAt === 'number' ? d.endedAt : null,
    voters: Math.max(0, Math.round(finiteOr(d.voters, 0))),
    counts: counts && counts.length === cards.length ? counts : null,
    labels: labels.length === cards.length ? labels : null,
    showOnCards: d.showOnCards === true,
  };
}

/** The fields of a vote record, as the server writes them. */
export function voteToFields(v: Omit<Vote, 'id'>): Record<string, FieldValue> {
  return {
    question: v.question,
    cards: v.cards,
    dots: v.dots,
    stack: v.stack,
    live: v.live,
    revealed: v.revealed,
    status: v.status,
    startedAt: v.startedAt,
    endsAt: v.endsAt,
    endedAt: v.endedAt,
    voters: v.voters,
    counts: v.counts,
    labels: v.labels,
    showOnCards: v.showOnCards,
  };
}

/** Every vote, newest first. */
export function readVotes(source: Y.Doc | MapSnapshot): Vote[] {
  // Reading must not create the collection: an empty one would then appear in the map's snapshot and exports.
  const records =
    source instanceof Y.Doc
      ? source.share.has(COLLECTION_PREFIX + VOTES_COLLECTION)
        ? readCollection(source, VOTES_COLLECTION)
        : []
      : (source.collections[VOTES_COLLECTION] ?? []);
  return records.map(voteFromRecord).sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
}

export function readVote(doc: Y.Doc, id: string): Vote | undefined {
  if (!doc.share.has(COLLECTION_PREFIX + VOTES_COLLECTION)) return undefined;
  const y = collectionMap(doc, VOTES_COLLECTION).get(id);
  if (!(y instanceof Y.Map)) return undefined;
  return voteFromRecord({ id, data: Object.fromEntries([...y.entries()].filter(([, v]) => v !== undefined)) as Record<string, FieldValue> });
}

/** Whether ballots are accepted now: open, and (with a time limit) before it ran out on the server's clock. */
export function isVoteOpen(vote: Vote, now: number): boolean {
  return vote.status === 'open' && (vote.endsAt === null || now < vote.endsAt);
}

export interface RankedCard {
  card: string;
  count: number;
  /** 1 for the most dots; cards with equal counts share a rank. */
  rank: number;
}

/** Cards by dots, most first (ties keep the order they were offered in); empty while counts are hidden. */
export function rankVote(vote: Vote): RankedCard[] {
  if (!vote.counts) return [];
  const rows = vote.cards.map((card, i) => ({ card, count: vote.counts![i] ?? 0, i }));
  rows.sort((a, b) => b.count - a.count || a.i - b.i);
  let rank = 0;
  let last = -1;
  return rows.map((r, n) => {
    if (r.count !== last) {
      rank = n + 1;
      last = r.count;
    }
    return { card: r.card, count: r.count, rank };
  });
}

export type BallotProblem =
  | { code: 'VOTE_CLOSED'; message: string }
  | { code: 'BALLOT_TOO_MANY_DOTS'; message: string }
  | { code: 'BALLOT_CARD_NOT_IN_VOTE'; message: string }
  | { code: 'BALLOT_ONE_DOT_PER_CARD'; message: string };

/**
 * Checks one person's whole ballot (a card id once per dot) against a vote: the server's refusal, and the
 * client's check before it sends. An empty ballot takes every dot back.
 */
export function checkBallot(vote: Vote, cards: readonly string[], now: number): BallotProblem | null {
  if (!isVoteOpen(vote, now)) return { code: 'VOTE_CLOSED', message: 'this vote is closed' };
  if (cards.length > vote.dots) return { code: 'BALLOT_TOO_MANY_DOTS', message: `each person has ${vote.dots} dots in this vote` };
  const offered = new Set(vote.cards);
  for (const c of cards) if (!offered.has(c)) return { code: 'BALLOT_CARD_NOT_IN_VOTE', message: 'a card in the ballot is not part of this vote' };
  if (!vote.stack && new Set(cards).size !== cards.length) return { code: 'BALLOT_ONE_DOT_PER_CARD', message: 'this vote allows one dot per card' };
  return null;
}

/** Dots per card over all ballots, parallel to the vote's cards. */
export function tally(vote: Vote, ballots: Iterable<readonly string[]>): number[] {
  const index = new Map(vote.cards.map((c, i) => [c, i]));
  const counts = vote.cards.map(() => 0);
  for (const ballot of ballots) {
    for (const c of ballot) {
      const i = index.get(c);
      if (i !== undefined) counts[i]++;
    }
  }
  return counts;
}
