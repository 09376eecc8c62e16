import { diffSnapshots, type FieldChange, type MapChange } from '../../../shared/model/diffSnapshots';
import { snapshotMap } from '../../../shared/model/mapDoc';
import type { MapSnapshot, NodeRecord } from '../../../shared/model/schema';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { IDisposable } from '../../../shared/plugin/Disposable';
import type { HostSession } from '../HostSession';
import type { DecorationService } from './DecorationService';

/** A version being compared: its name, when it was saved, and its map. */
export interface ComparedVersion {
  id: string;
  title: string;
  createdAt: number;
  snapshot: MapSnapshot;
}

export interface ComparisonState {
  base: ComparedVersion;
  /** A later version to compare with instead of the live map; null compares with now. */
  until: ComparedVersion | null;
  includeMoves: boolean;
  changes: MapChange[];
}

/**
 * The comparison with a version, kept while the person moves between views: the changes, recomputed as the live
 * map changes (50 ms later, so a burst of edits or a drag costs one diff), and the marks and ghosts on the canvas. Only the
 * live map can carry marks, so comparing two versions lists changes without marking the canvas.
 */
export class ComparisonService implements IDisposable {
  private state: ComparisonState | null = null;
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;
  private scheduled: ReturnType<typeof setTimeout> | null = null;
  private readonly onUpdate = () => {
    if (this.scheduled || !this.state || this.state.until) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      this.recompute();
    }, 50);
  };

  constructor(private readonly session: HostSession, private readonly decorations: DecorationService) {
    session.doc.on('update', this.onUpdate);
  }

  get = (): ComparisonState | null => this.state;

  subscribe = (listener: () => void): (() => void) => {
    const d = this.onDidChange(listener);
    return () => d.dispose();
  };

  start(base: ComparedVersion): void {
    this.state = { base, until: null, includeMoves: false, changes: [] };
    this.recompute();
  }

  setUntil(until: ComparedVersion | null): void {
    if (!this.state) return;
    this.state = { ...this.state, until };
    this.recompute();
  }

  setIncludeMoves(includeMoves: boolean): void {
    if (!this.state) return;
    this.state = { ...this.state, includeMoves };
    this.recompute();
  }

  stop(): void {
    this.state = null;
    this.decorations.setCompare(new Map());
    this.changed.fire();
  }

  private recompute(): void {
    const s = this.state;
    if (!s) return;
    const changes = diffSnapshots(s.base.snapshot, s.until ? s.until.snapshot : snapshotMap(this.session.doc), { includeMoves: s.includeMoves });
    this.state = { ...s, changes };
    if (s.until) {
      this.decorations.setCompare(new Map());
    } else {
      const marks = new Map<string, 'added' | 'changed'>();
      const ghosts: NodeRecord[] = [];
      const fields = new Map<string, FieldChange[]>();
      for (const c of changes) {
        if (c.on !== 'node') continue;
        if (c.type === 'removed') ghosts.push(c.before);
        else marks.set(c.id, c.type === 'added' ? 'added' : 'changed');
        if (c.type === 'changed') fields.set(c.id, c.fields);
      }
      this.decorations.setCompare(marks, ghosts, { versionName: s.base.title, fields });
    }
    this.changed.fire();
  }

  dispose(): void {
    if (this.scheduled) clearTimeout(this.scheduled);
    this.session.doc.off('update', this.onUpdate);
    this.changed.dispose();
  }
}
