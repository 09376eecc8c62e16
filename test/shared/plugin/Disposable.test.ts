import { describe, expect, it } from 'vitest';
import { Disposable, DisposableStore } from '../../../shared/plugin/Disposable';

describe('Disposable', () => {
  it('runs its cleanup once, however often it is disposed', () => {
    let calls = 0;
    const d = new Disposable(() => calls++);
    d.dispose();
    d.dispose();
    expect(calls).toBe(1);
    expect(d.isDisposed).toBe(true);
  });

  it('Disposable.from disposes all, newest first, even when one throws', () => {
    const order: string[] = [];
    const d = Disposable.from(
      new Disposable(() => order.push('a')),
      new Disposable(() => {
        throw new Error('boom');
      }),
      new Disposable(() => order.push('c')),
    );
    d.dispose();
    expect(order).toEqual(['c', 'a']);
  });

  it('a store disposes what it holds, and anything added after it was disposed at once', () => {
    const store = new DisposableStore();
    let a = 0;
    store.add(new Disposable(() => a++));
    store.dispose();
    expect(a).toBe(1);
    store.add(new Disposable(() => a++));
    expect(a).toBe(2);
  });
});

