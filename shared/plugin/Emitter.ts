import { reportError } from './reportError';
import { Disposable, type IDisposable } from './Disposable';

/**
 * Subscribes a listener; returns a Disposable that unsubscribes it. Pass an array as `disposables`
 * (for instance `context.subscriptions`) to have the subscription collected there.
 */
export type Event<T> = (listener: (e: T) => unknown, disposables?: IDisposable[]) => Disposable;

/** An event source. Keep the emitter private and expose only `emitter.event` (as `onDid*` / `onWill*`). */
export class Emitter<T> implements IDisposable {
  private listeners = new Set<(e: T) => unknown>();
  private disposed = false;

  /** The public side: subscribe with `emitter.event(listener)`. */
  readonly event: Event<T> = (listener, disposables) => {
    if (this.disposed) return new Disposable(() => {});
    // Wrap so the same function can subscribe twice and unsubscribe each time independently.
    const entry = (e: T) => listener(e);
    this.listeners.add(entry);
    const d = new Disposable(() => this.listeners.delete(entry));
    disposables?.push(d);
    return d;
  };

  /** Calls every listener with `e`; a throwing listener is logged and does not stop the others. */
  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        reportError('plugin/listener-failed', err);
      }
    }
  }

  /** Whether anyone listens (lets a source skip work nobody will see). */
  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Drops every listener; later subscriptions are ignored. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
