import { reportError } from './reportError';
/** Anything that can release what it holds. */
export interface IDisposable {
  dispose(): void;
}

/**
 * Releases a registration, a listener or any other resource. Every `register*` of the extension API returns one;
 * push it into `context.subscriptions` and the host disposes it when the extension is deactivated.
 */
export class Disposable implements IDisposable {
  /** Combines several disposables into one that disposes them all, in reverse order. */
  static from(...disposables: IDisposable[]): Disposable {
    return new Disposable(() => {
      for (let i = disposables.length - 1; i >= 0; i--) {
        try {
          disposables[i].dispose();
        } catch (err) {
          // One failing dispose must not keep the others registered.
          reportError('plugin/dispose-failed', err);
        }
      }
    });
  }

  /** A disposable that does nothing, for registrations that turned out to be no-ops. */
  static readonly None: IDisposable = Object.freeze({ dispose() {} });

  private callOnDispose: (() => void) | undefined;

  /** Wraps a function that is called once, on the first `dispose()`. */
  constructor(callOnDispose: () => void) {
    this.callOnDispose = callOnDispose;
  }

  /** Runs the wrapped function once; later calls do nothing. */
  dispose(): void {
    const fn = this.callOnDispose;
    this.callOnDispose = undefined;
    fn?.();
  }

  /** Whether `dispose()` has run. */
  get isDisposed(): boolean {
    return this.callOnDispose === undefined;
  }
}

/** A growing set of disposables disposed together; adding to a disposed store disposes at once. */
export class DisposableStore implements IDisposable {
  private readonly items = new Set<IDisposable>();
  private disposed = false;

  /** Adds a disposable and returns it, so `store.add(x.register(...))` reads well. */
  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  /** Disposes everything added so far, newest first. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    Disposable.from(...this.items).dispose();
    this.items.clear();
  }
}
