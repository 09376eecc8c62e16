import { Emitter, type Event } from '../../../shared/plugin/Emitter';

/** Counts shown on views' activity-bar icons (VS Code's view badges): "3 suggestions waiting". */
export class ViewBadgeStore {
  private readonly counts = new Map<string, number>();
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;

  get(viewId: string): number {
    return this.counts.get(viewId) ?? 0;
  }

  set(viewId: string, count: number): void {
    if (this.get(viewId) === count) return;
    if (count > 0) this.counts.set(viewId, count);
    else this.counts.delete(viewId);
    this.changed.fire();
  }
}
