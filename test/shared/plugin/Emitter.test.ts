import { describe, expect, it } from 'vitest';
import type { Disposable } from '../../../shared/plugin/Disposable';
import { Emitter } from '../../../shared/plugin/Emitter';

describe('Emitter', () => {
  it('delivers events to listeners until they unsubscribe', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    const sub = emitter.event((n) => seen.push(n));
    emitter.fire(1);
    sub.dispose();
    emitter.fire(2);
    expect(seen).toEqual([1]);
  });

  it('collects subscriptions into a given array (context.subscriptions)', () => {
    const emitter = new Emitter<string>();
    const subscriptions: Disposable[] = [];
    emitter.event(() => {}, subscriptions);
    expect(subscriptions).toHaveLength(1);
    expect(emitter.hasListeners).toBe(true);
    subscriptions[0].dispose();
    expect(emitter.hasListeners).toBe(false);
  });

  it('a throwing listener does not stop the others', () => {
    const emitter = new Emitter<void>();
    let reached = false;
    emitter.event(() => {
      throw new Error('listener bug');
    });
    emitter.event(() => {
      reached = true;
    });
    emitter.fire();
    expect(reached).toBe(true);
  });
});
