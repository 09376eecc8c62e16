import { Emitter, type Event } from '../../shared/plugin/Emitter';
import type { ContextValue, WhenContext } from '../../shared/plugin/whenClause';

/**
 * The values `when` clauses read. The host keeps `readOnly`, `canEdit`, `selectionCount`, `nodeKind`,
 * `sideBarVisible`, `panelVisible`, `activeView`, `activePanel` up to date; extensions add their own with `setContext`.
 */
export class ContextKeyService {
  private values: Record<string, ContextValue> = {};
  private readonly changed = new Emitter<string[]>();
  /** Fires with the keys whose values changed. */
  readonly onDidChange: Event<string[]> = this.changed.event;

  /** Sets several keys at once; fires only when something changed. */
  set(values: Record<string, ContextValue>): void {
    const changed = Object.keys(values).filter((k) => this.values[k] !== values[k]);
    if (changed.length === 0) return;
    // A fresh object per change, so React's useSyncExternalStore sees a new snapshot.
    this.values = { ...this.values, ...values };
    this.changed.fire(changed);
  }

  /** The value of one key. */
  get(key: string): ContextValue {
    return this.values[key];
  }

  /** All current values; the same object until something changes. */
  snapshot(): WhenContext {
    return this.values;
  }
}
