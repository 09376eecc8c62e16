import { describe, expect, it } from 'vitest';
import { AckTracker, COALESCE_MS, type DeleteRange } from '../../client/collab/ackTracker';

const ins = (clock: number) => ({ client: 1, clock, inserts: true, deletes: [] as DeleteRange[] });
const del = (...deletes: DeleteRange[]) => ({ client: 1, clock: 0, inserts: false, deletes });

describe('counting unsent changes', () => {
  it('counts an insertion as unsent until the server is known to have reached its clock', () => {
    const t = new AckTracker();
    t.recordLocal(ins(5), 0);
    t.recordLocal(ins(9), 10_000);
    expect(t.unsentCount()).toBe(2);
    t.learn({ clocks: new Map([[1, 5]]) });
    expect(t.unsentCount()).toBe(1);
    t.learn({ clocks: new Map([[1, 9]]) });
    expect(t.unsentCount()).toBe(0);
  });

  it('counts the frames of one drag as one change', () => {
    const t = new AckTracker();
    for (let i = 0; i < 30; i++) t.recordLocal(ins(i + 1), i * 16);
    expect(t.unsentCount()).toBe(1);
    t.recordLocal(ins(40), 30 * 16 + COALESCE_MS + 1);
    expect(t.unsentCount()).toBe(2);
  });

  it('confirms a deletion only when the server delete set covers every deleted item', () => {
    const t = new AckTracker();
    t.recordLocal(del([7, 10, 5]), 0);
    t.learn({ clocks: new Map([[7, 100]]) });
    expect(t.unsentCount()).toBe(1);
    t.learn({ deletes: new Map([[7, [{ clock: 10, len: 3 }]]]) });
    expect(t.unsentCount()).toBe(1);
    t.learn({ deletes: new Map([[7, [{ clock: 0, len: 12 }, { clock: 12, len: 4 }]]]) });
    expect(t.unsentCount()).toBe(0);
  });

  it('asks the server from the last clock it is known to have for clients with unconfirmed insertions', () => {
    const t = new AckTracker();
    t.learn({ clocks: new Map([[1, 4]]) });
    t.recordLocal(ins(9), 0);
    const sv = t.probeVector(new Map([[1, 9], [2, 30]]));
    expect(sv.get(1)).toBe(4);
    expect(sv.get(2)).toBe(30);
  });

  it('keeps unsent changes across a reload and drops malformed stored data', () => {
    const t = new AckTracker();
    t.recordLocal(ins(2), 0);
    t.recordLocal(ins(8), 5_000);
    t.recordLocal(del([3, 1, 1]), 10_000);
    t.learn({ clocks: new Map([[1, 2]]) });
    const restored = AckTracker.restore(JSON.parse(JSON.stringify(t)));
    expect(restored.unsentCount()).toBe(2);
    expect(AckTracker.restore({ server: 'x', pending: [[1, 'a', true, [], 3], null, [1, 2, true, [[1, 2]], 3]] }).unsentCount()).toBe(0);
    expect(AckTracker.restore(null).unsentCount()).toBe(0);
  });

  it('forgets insertions the local document lost before they were stored', () => {
    const t = new AckTracker();
    t.recordLocal(ins(8), 0);
    t.forgetMissing(new Map([[1, 5]]));
    expect(t.unsentCount()).toBe(0);
  });
});
