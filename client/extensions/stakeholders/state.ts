import { useSyncExternalStore } from 'react';
import type { MantelkaartApi, MapSnapshot } from '../../host/api';
import { DisposableStore } from '../../host/api';
import { capacityUse, type CapacityUse } from '../../../shared/stakeholders';
import { EMPTY_QUERY, type FindQuery } from './find/findNodes';

/** A small observable value, for React through useSyncExternalStore. */
export class Observable<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const l of this.listeners) l();
  }
  update(patch: Partial<T>): void {
    this.set({ ...this.value, ...patch });
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useObservable<T>(o: Observable<T>): T {
  return useSyncExternalStore(o.subscribe, o.get);
}

export interface CommitmentsFilter {
  who: string;
  role: string;
  status: string;
  /** Shown highlighted: the commitments a quick fix points at. */
  highlight: string[];
}

/** Where a command asked the UI to put the cursor: a node's field in the inspector or a commitment's cell. */
export interface FocusRequest {
  target: 'node' | 'commitment';
  id: string;
  field: string;
  /** Changes on every request, so asking twice focuses twice. */
  seq: number;
}

/**
 * What the extension's views share that is not the map: filters, focus requests, the find query. The map itself
 * is read through the API; `snapshot` caches it per change so views and node bodies read one copy.
 */
export class StakeholderState {
  readonly commitmentsFilter = new Observable<CommitmentsFilter>({ who: '', role: '', status: '', highlight: [] });
  readonly focusRequest = new Observable<FocusRequest | null>(null);
  readonly findQuery = new Observable<FindQuery>(EMPTY_QUERY);
  /** The node the focus is on and how many steps around it stay visible; null when not focusing. */
  readonly focus = new Observable<{ nodeIds: string[]; steps: number } | null>(null);
  /** How many relations away from the focused nodes stay undimmed. */
  readonly focusSteps = new Observable(1);
  /** Bumped on every change of the map. */
  readonly mapVersion = new Observable(0);
  private cached: { version: number; snapshot: MapSnapshot; capacity: Map<string, CapacityUse> } | null = null;
  private seq = 0;
  readonly disposables = new DisposableStore();

  constructor(readonly api: MantelkaartApi) {
    this.disposables.add(api.map.onDidChangeMap(() => this.mapVersion.set(this.mapVersion.get() + 1)));
  }

  private read() {
    const version = this.mapVersion.get();
    if (!this.cached || this.cached.version !== version) {
      const snapshot = this.api.map.snapshot();
      this.cached = { version, snapshot, capacity: new Map(capacityUse(snapshot).map((c) => [c.partyId, c])) };
    }
    return this.cached;
  }

  /** The whole map as plain values, computed once per change. */
  snapshot(): MapSnapshot {
    return this.read().snapshot;
  }

  /** Committed hours against capacity for a person or organisation, or undefined when neither is known. */
  capacityOf(nodeId: string): CapacityUse | undefined {
    return this.read().capacity.get(nodeId);
  }

  requestFocus(target: FocusRequest['target'], id: string, field: string): void {
    this.focusRequest.set({ target, id, field, seq: ++this.seq });
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** Re-renders on every change of the map and returns the current snapshot. */
export function useSnapshot(state: StakeholderState): MapSnapshot {
  useObservable(state.mapVersion);
  return state.snapshot();
}
