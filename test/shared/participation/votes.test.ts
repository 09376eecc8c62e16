import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, putRecord, snapshotMap } from '../../../shared/model/mapDoc';
import { VOTES_COLLECTION, checkBallot, rankVote, readVote, tally, voteToFields, type Vote } from '../../../shared/participation/votes';
import { buildPlan } from '../../../shared/plan/buildPlan';
import { removePerson } from '../../../shared/stakeholders/removePerson';

const base: Vote = {
  id: 'v1',
  question: 'Welke ondersteuning eerst?',
  cards: ['a', 'b', 'c'],
  dots: 3,
  stack: false,
  live: false,
  revealed: false,
  status: 'open',
  startedAt: Date.UTC(2027, 2, 14, 10),
  endsAt: null,
  endedAt: null,
  voters: 0,
  counts: null,
  labels: null,
  showOnCards: false,
};

describe('dot votes', () => {
  it('checks a ballot the way the server refuses it', () => {
    const now = base.startedAt + 1000;
    expect(checkBallot(base, ['a', 'b', 'c'], now)).toBeNull();
    expect(checkBallot(base, [], now)).toBeNull();
    expect(checkBallot(base, ['a', 'b', 'c', 'a'], now)?.code).toBe('BALLOT_TOO_MANY_DOTS');
    expect(checkBallot(base, ['a', 'a'], now)?.code).toBe('BALLOT_ONE_DOT_PER_CARD');
    expect(checkBallot({ ...base, stack: true }, ['a', 'a', 'a'], now)).toBeNull();
    expect(checkBallot(base, ['x'], now)?.code).toBe('BALLOT_CARD_NOT_IN_VOTE');
    expect(checkBallot({ ...base, status: 'ended' }, ['a'], now)?.code).toBe('VOTE_CLOSED');
    // A time limit closes it on the server's clock, before anyone marks it ended.
    expect(checkBallot({ ...base, endsAt: now }, ['a'], now)?.code).toBe('VOTE_CLOSED');
    expect(checkBallot({ ...base, endsAt: now + 1 }, ['a'], now)).toBeNull();
  });

  it('counts dots per card and ranks them, equal counts sharing a place in the order offered', () => {
    const counts = tally(base, [['a', 'b'], ['c', 'b'], ['b'], ['gone']]);
    expect(counts).toEqual([1, 3, 1]);
    expect(rankVote({ ...base, counts })).toEqual([
      { card: 'b', count: 3, rank: 1 },
      { card: 'a', count: 1, rank: 2 },
      { card: 'c', count: 1, rank: 2 },
    ]);
    expect(rankVote(base)).toEqual([]);
  });

  it('reads a malformed vote record as closed and hidden rather than failing', () => {
    const doc = new Y.Doc();
    putRecord(doc, VOTES_COLLECTION, { question: 'x', cards: ['a', 'b'], counts: [1], status: 'lopend', dots: 99 }, 'bad');
    expect(readVote(doc, 'bad')).toMatchObject({ status: 'ended', counts: null, dots: 20, revealed: false });
  });

  it('takes a deleted person out of a vote’s result, card, count and label together', () => {
    const doc = new Y.Doc();
    for (const [id, label] of [['a', 'Hatice Demir'], ['b', 'Karim Amrani'], ['c', 'Ilse Kromodimedjo']]) createNode(doc, { id, kind: 'keyFigure', label });
    putRecord(doc, VOTES_COLLECTION, voteToFields({ ...base, status: 'ended', revealed: true, counts: [2, 5, 1], labels: ['Hatice Demir', 'Karim Amrani', 'Ilse Kromodimedjo'] }), 'v1');
    removePerson(doc, 'b');
    expect(readVote(doc, 'v1')).toMatchObject({ cards: ['a', 'c'], counts: [2, 1], labels: ['Hatice Demir', 'Ilse Kromodimedjo'] });
    expect(JSON.stringify(doc.toJSON())).not.toContain('Karim');
  });

  it('puts revealed results in the plan under "Keuzes uit de werksessies", and leaves hidden ones out', () => {
    const doc = new Y.Doc();
    for (const [id, label] of [['a', 'Inloopspreekuur'], ['b', 'Alzheimer Theehuis'], ['c', 'Lotgenotengroep']]) createNode(doc, { id, kind: 'offer', label });
    putRecord(doc, VOTES_COLLECTION, voteToFields({ ...base, status: 'ended', revealed: true, voters: 4, counts: [3, 5, 1], endedAt: base.startedAt }), 'v1');
    putRecord(doc, VOTES_COLLECTION, voteToFields({ ...base, question: 'Nog geheim', voters: 2 }), 'v2');
    const plan = buildPlan(snapshotMap(doc), { lang: 'nl', date: new Date(Date.UTC(2027, 3, 1)) });
    const chapter = plan.sections.find((s) => s.id === 'keuzes');
    expect(chapter?.heading).toBe('Keuzes uit de werksessies');
    const vote = plan.sections.find((s) => s.id === 'keuze-v1')!;
    expect(vote.heading).toBe('Welke ondersteuning eerst?');
    expect(vote.blocks[0]).toEqual({ type: 'paragraph', text: '14 maart 2027: 4 mensen stemden, 3 stippen per persoon.' });
    expect(vote.blocks[1]).toMatchObject({ table: { rows: [['1', 'Alzheimer Theehuis', '5'], ['2', 'Inloopspreekuur', '3'], ['3', 'Lotgenotengroep', '1']] } });
    expect(JSON.stringify(plan)).not.toContain('Nog geheim');
    // A map without shown results has no such chapter.
    expect(buildPlan(snapshotMap(new Y.Doc()), { lang: 'nl', date: '2027-04-01' }).sections.some((s) => s.id === 'keuzes')).toBe(false);
  });
});
