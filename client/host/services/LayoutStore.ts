import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import { readStored, writeStored } from '../browserStorage';

/** What the workbench remembers per browser: which parts are open, how big, and which view shows. */
export interface WorkbenchLayout {
  sideBarVisible: boolean;
  sideBarWidth: number;
  /** The side-bar view shown; null when none was chosen yet. */
  activeView: string | null;
  panelVisible: boolean;
  panelHeight: number;
  /** The panel takes the whole editor area (a plan to write, a long table); the map stays loaded behind it. */
  panelMaximized: boolean;
  activePanel: string | null;
}

const STORAGE_KEY = 'mantelkaart:workbench-layout';
export const SIDE_BAR_WIDTH = { min: 200, max: 640, initial: 300 };
export const PANEL_HEIGHT = { min: 120, max: 600, initial: 220 };

// The canvas comes first: the side bar opens when someone picks a view.
const DEFAULT_LAYOUT: WorkbenchLayout = {
  sideBarVisible: false,
  sideBarWidth: SIDE_BAR_WIDTH.initial,
  activeView: null,
  panelVisible: false,
  panelHeight: PANEL_HEIGHT.initial,
  panelMaximized: false,
  activePanel: null,
};

function clamp(v: unknown, range: { min: number; max: number; initial: number }): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(range.max, Math.max(range.min, Math.round(v))) : range.initial;
}

/** Reads a stored layout (outside data): anything missing or malformed takes its default. */
export function restoreLayout(raw: unknown): WorkbenchLayout {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const get = (k: string): unknown => (Object.prototype.hasOwnProperty.call(raw, k) ? Reflect.get(raw, k) : undefined);
  const bool = (k: keyof WorkbenchLayout) => {
    const v = get(k);
    return typeof v === 'boolean' ? v : (DEFAULT_LAYOUT[k] as boolean);
  };
  const str = (k: string) => {
    const v = get(k);
    return typeof v === 'string' && v.length <= 200 ? v : null;
  };
  return {
    sideBarVisible: bool('sideBarVisible'),
    sideBarWidth: clamp(get('sideBarWidth'), SIDE_BAR_WIDTH),
    activeView: str('activeView'),
    panelVisible: bool('panelVisible'),
    panelHeight: clamp(get('panelHeight'), PANEL_HEIGHT),
    panelMaximized: bool('panelMaximized'),
    activePanel: str('activePanel'),
  };
}

/** The workbench layout, remembered in localStorage. */
export class LayoutStore {
  private layout: WorkbenchLayout = restoreLayout(readStored(STORAGE_KEY));
  private readonly changed = new Emitter<WorkbenchLayout>();
  /** Fires with the new layout. */
  readonly onDidChange: Event<WorkbenchLayout> = this.changed.event;

  /** The current layout; the same object until it changes. */
  get = (): WorkbenchLayout => this.layout;

  /** Changes part of the layout and remembers it (sizes are clamped). */
  update(patch: Partial<WorkbenchLayout>): void {
    const next = restoreLayout({ ...this.layout, ...patch });
    if ((Object.keys(next) as (keyof WorkbenchLayout)[]).every((k) => next[k] === this.layout[k])) return;
    this.layout = next;
    writeStored(STORAGE_KEY, next);
    this.changed.fire(next);
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    const d = this.onDidChange(() => listener());
    return () => d.dispose();
  };
}
