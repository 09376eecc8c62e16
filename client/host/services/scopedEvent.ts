import type { DisposableStore } from '../../../shared/plugin/Disposable';
import type { Event } from '../../../shared/plugin/Emitter';

/**
 * An event whose subscriptions also end when `store` is disposed (the extension is deactivated), whether or not
 * the extension pushed them into `context.subscriptions`. `onFirstUse` runs before each subscription.
 */
export function scopedEvent<T>(event: Event<T>, store: DisposableStore, onFirstUse?: () => void): Event<T> {
  return (listener, disposables) => {
    onFirstUse?.();
    return store.add(event(listener, disposables));
  };
}
