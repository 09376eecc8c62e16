import { describe, expect, it } from 'vitest';
import { SeqFollower, type SeqEntry } from '../../../server/cluster/SeqFollower';
import type { SeqRecord } from '../../../server/storage/PgDocStore';
import { waitFor } from '../../helpers/clients';

const bytes = (n: number) => new Uint8Array([n]);
const entry = (first: number, last = first): SeqEntry<string> => ({
  first,
  last,
  updates: Array.from({ length: last - first + 1 }, (_, i) => bytes(first + i)),
  origins: Array.from({ length: last - first + 1 }, () => null),
});

/** A follower over a fake database holding rows 1..stored; records what it applied, in order. */
function follower(stored: SeqRecord[], gapWaitMs = 5) {
  const applied: number[] = [];
  const reads: number[] = [];
  const f = new SeqFollower<string>(
    (updates) => applied.push(...updates.map((u) => u[0])),
    async (after) => {
      reads.push(after);
      return stored.filter((r) => r.seq > after);
    },
    (err) => {
      throw err;
    },
    gapWaitMs,
  );
  return { f, applied, reads };
}

const rows = (n: number): SeqRecord[] => Array.from({ length: n }, (_, i) => ({ seq: i + 1, bytes: bytes(i + 1) }));

describe('applying a document’s stream in sequence order', () => {
  it('puts entries that two instances published out of order back in order, without asking the database', async () => {
    const { f, applied, reads } = follower(rows(6));
    f.start(2);
    f.receive(entry(4));
    f.receive(entry(3));
    f.receive(entry(5, 6));
    await f.applied(6);
    expect(applied).toEqual([3, 4, 5, 6]);
    expect(reads).toEqual([]);
  });

  it('drops what it already has, also the part of an entry a catch-up applied first', async () => {
    const { f, applied } = follower(rows(8));
    f.start(3);
    await f.catchUp();
    expect(applied).toEqual([4, 5, 6, 7, 8]);
    f.receive(entry(7, 9));
    f.receive(entry(5));
    await f.applied(9);
    expect(applied).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('reads a gap the stream never fills from the database (an instance died between commit and publish)', async () => {
    const { f, applied, reads } = follower(rows(5));
    f.start(1);
    f.receive(entry(4, 5));
    await waitFor(() => applied.length === 4, 'the gap was filled');
    expect(applied).toEqual([2, 3, 4, 5]);
    expect(reads).toEqual([1]);
  });

  it('takes a compacted state that covers the gap and more, then only what follows it', async () => {
    const compacted: SeqRecord[] = [{ seq: 10, bytes: bytes(100) }, { seq: 11, bytes: bytes(11) }];
    const { f, applied } = follower(compacted);
    f.start(2);
    f.receive(entry(6));
    f.receive(entry(11));
    f.receive(entry(12));
    await f.applied(12);
    expect(applied).toEqual([100, 11, 12]);
  });

  it('fails the waiters of a stopped document', async () => {
    const { f } = follower(rows(1));
    f.start(0);
    const waiting = f.applied(3);
    f.stop(new Error('ROOM_CLOSED'));
    await expect(waiting).rejects.toThrow('ROOM_CLOSED');
  });
});
