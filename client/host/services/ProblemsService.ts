import type { MapSnapshot } from '../../../shared/model/schema';
import type { DiagnosticProviderContribution } from '../../../shared/plugin/manifest';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { IDisposable } from '../../../shared/plugin/Disposable';
import type { DiagnosticProvider, DiagnosticSeverity, ProblemEntry } from '../api';
import type { ContributionRegistry } from '../registries/ContributionRegistry';

export type Scheduler = (fn: () => void, ms: number) => () => void;
const defaultScheduler: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export const SEVERITY_ORDER: readonly DiagnosticSeverity[] = ['error', 'warning', 'info'];

/**
 * Runs diagnostic providers over a snapshot of the map, debounced after changes so typing never waits for them,
 * and keeps the latest problems. A provider that throws is logged and contributes no problems.
 */
export class ProblemsService implements IDisposable {
  private problems: ProblemEntry[] = [];
  private readonly changed = new Emitter<ProblemEntry[]>();
  /** Fires with every problem after each run that changed something. */
  readonly onDidChangeProblems: Event<ProblemEntry[]> = this.changed.event;
  private cancel: (() => void) | null = null;
  private generation = 0;
  private readonly subscriptions: IDisposable[] = [];

  constructor(
    private readonly providers: ContributionRegistry<DiagnosticProviderContribution, DiagnosticProvider>,
    private readonly snapshot: () => MapSnapshot,
    onDidChangeMap: Event<unknown>,
    private readonly delayMs = 300,
    private readonly schedule: Scheduler = defaultScheduler,
  ) {
    this.subscriptions.push(onDidChangeMap(() => this.scheduleRun()));
    this.subscriptions.push(providers.onDidChange(() => this.scheduleRun()));
  }

  /** The problems of the last run, errors first. */
  getProblems(): ProblemEntry[] {
    return this.problems;
  }

  /** Runs the providers after the debounce delay; a later call restarts the wait. */
  scheduleRun(): void {
    this.cancel?.();
    this.cancel = this.schedule(() => {
      this.cancel = null;
      void this.runNow();
    }, this.delayMs);
  }

  /** Runs every provider now; resolves when their problems are in. */
  async runNow(): Promise<ProblemEntry[]> {
    const generation = ++this.generation;
    const snapshot = this.snapshot();
    const results = await Promise.all(
      this.providers.implemented().map(async (c) => {
        try {
          const found = await c.implementation.provideDiagnostics(snapshot);
          return found.map((d): ProblemEntry => ({ ...d, providerId: c.id, extensionId: c.extensionId }));
        } catch (err) {
          console.error(`[host/diagnostics-failed] ${c.extensionId}: provider ${c.id} threw`, err);
          return [];
        }
      }),
    );
    // A newer run started while this one waited on an async provider: its results win.
    if (generation !== this.generation) return this.problems;
    const next = results.flat().sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    if (JSON.stringify(next) !== JSON.stringify(this.problems)) {
      this.problems = next;
      this.changed.fire(next);
    }
    return this.problems;
  }

  /** Counts per severity, for the status bar. */
  counts(): Record<DiagnosticSeverity, number> {
    const out: Record<DiagnosticSeverity, number> = { error: 0, warning: 0, info: 0 };
    for (const p of this.problems) out[p.severity]++;
    return out;
  }

  /** Stops listening and cancels a pending run. */
  dispose(): void {
    this.cancel?.();
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
