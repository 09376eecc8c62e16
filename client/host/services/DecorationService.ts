import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { IDisposable } from '../../../shared/plugin/Disposable';
import type { LocalizedText } from '../../../shared/model/fields';
import type { DiagnosticSeverity, NodeDecoration, ProblemEntry } from '../api';
import type { NodeRecord } from '../../../shared/model/schema';
import type { FieldChange } from '../../../shared/model/diffSnapshots';
import { SEVERITY_ORDER } from './ProblemsService';

/** The shape the canvas takes per node (client/canvas/nodeDecoration.ts). */
export interface CanvasDecoration {
  marker?: 'error' | 'warning' | 'info';
  message?: string;
  dimmed?: boolean;
  compare?: { kind: 'added' | 'changed' | 'removed'; label: string };
}

/**
 * Combines what decorates nodes on the canvas: problem markers (worst severity wins, first message as tooltip)
 * and each extension's dimming. Produces the map the canvas takes as `nodeDecorations`.
 */
/** What a comparison says per changed card, for an inspector: the version's name and each field old → new. */
export interface CompareDetails {
  versionName: string;
  fields: ReadonlyMap<string, readonly FieldChange[]>;
}

export class DecorationService implements IDisposable {
  private markers = new Map<string, { marker: DiagnosticSeverity; message: LocalizedText }>();
  private readonly byExtension = new Map<string, ReadonlyMap<string, NodeDecoration>>();
  private compare: ReadonlyMap<string, 'added' | 'changed'> = new Map();
  private ghosts: readonly NodeRecord[] = [];
  private details: CompareDetails | null = null;
  private ghostLabel = '';
  private combined: ReadonlyMap<string, CanvasDecoration> = new Map();
  private readonly changed = new Emitter<void>();
  /** Fires when the combined decorations change. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly localize: (text: LocalizedText) => string) {}

  /** Replaces the markers with those of the current problems. */
  setProblems(problems: ProblemEntry[]): void {
    const markers = new Map<string, { marker: DiagnosticSeverity; message: LocalizedText }>();
    for (const p of problems) {
      for (const id of p.nodeIds ?? []) {
        const had = markers.get(id);
        if (!had || SEVERITY_ORDER.indexOf(p.severity) < SEVERITY_ORDER.indexOf(had.marker)) markers.set(id, { marker: p.severity, message: p.message });
      }
    }
    this.markers = markers;
    this.recompute();
  }

  /** Replaces one extension's decorations; null removes them. */
  setExtensionDecorations(extensionId: string, decorations: ReadonlyMap<string, NodeDecoration> | null): void {
    if (decorations) this.byExtension.set(extensionId, new Map(decorations));
    else if (!this.byExtension.delete(extensionId)) return;
    this.recompute();
  }

  /**
   * Marks the cards that are new or changed since the version being compared with, and the cards removed since
   * as ghosts at their old place; empty ends the comparison.
   */
  setCompare(marks: ReadonlyMap<string, 'added' | 'changed'>, ghosts: readonly NodeRecord[] = [], details: CompareDetails | null = null): void {
    this.compare = new Map(marks);
    this.ghosts = ghosts;
    this.details = details;
    this.recompute();
  }

  /** A card's changes since the version being compared with, or undefined when not comparing or unchanged. */
  comparisonOf(nodeId: string): { versionName: string; fields: readonly FieldChange[] } | undefined {
    const fields = this.details?.fields.get(nodeId);
    return this.details && fields ? { versionName: this.details.versionName, fields } : undefined;
  }

  /** Cards removed since the version being compared with, drawn faded where they were. */
  getGhosts(): readonly NodeRecord[] {
    return this.ghosts;
  }

  /** The tag on a ghost, in the current language. */
  getGhostLabel(): string {
    return this.ghostLabel;
  }

  /** The combined decorations; the same object until something changes. */
  get(): ReadonlyMap<string, CanvasDecoration> {
    return this.combined;
  }

  /** Re-renders labels after a language switch. */
  recompute(): void {
    const out = new Map<string, CanvasDecoration>();
    for (const [id, m] of this.markers) out.set(id, { marker: m.marker, message: this.localize(m.message) });
    for (const decorations of this.byExtension.values()) {
      for (const [id, d] of decorations) if (d.dimmed) out.set(id, { ...out.get(id), dimmed: true });
    }
    this.ghostLabel = this.localize({ nl: 'verwijderd', en: 'removed' });
    for (const [id, kind] of this.compare) {
      const label = this.localize(kind === 'added' ? { nl: 'nieuw', en: 'new' } : { nl: 'gewijzigd', en: 'changed' });
      out.set(id, { ...out.get(id), compare: { kind, label } });
    }
    this.combined = out;
    this.changed.fire();
  }

  /** Drops listeners. */
  dispose(): void {
    this.changed.dispose();
  }
}
