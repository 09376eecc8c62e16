import type { StatusBarItemContribution } from '../../../shared/plugin/manifest';
import { Disposable } from '../../../shared/plugin/Disposable';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { LocalizedText } from '../../../shared/model/fields';
import type { StatusBarItem } from '../api';
import { ContributionRegistry } from './ContributionRegistry';

/** The live state of a contributed status-bar item. */
export interface StatusBarItemState {
  text: string | LocalizedText | undefined;
  tooltip: string | LocalizedText | undefined;
  command: string | undefined;
  visible: boolean;
}

/** One entry as the status bar draws it. */
export interface StatusBarEntry {
  id: string;
  extensionId: string;
  declaration: StatusBarItemContribution;
  state: StatusBarItemState;
}

/**
 * Status-bar items declared in manifests. A declared item with a `text` shows at once; code changes it through
 * the StatusBarItem from `createStatusBarItem`, and disposing that hides it again.
 */
export class StatusBarRegistry {
  readonly declared = new ContributionRegistry<StatusBarItemContribution, StatusBarItemState>('status bar item', (d) => d.id);
  private readonly stateChanged = new Emitter<void>();
  private entriesCache: StatusBarEntry[] | null = null;
  /** Fires when an item appears, disappears or changes. */
  readonly onDidChange: Event<void> = (listener, disposables) => {
    const a = this.declared.onDidChange(() => listener());
    const b = this.stateChanged.event(() => listener());
    const d = Disposable.from(a, b);
    disposables?.push(d);
    return d;
  };

  constructor() {
    this.declared.onDidChange(() => (this.entriesCache = null));
  }

  /** A handle to a declared item; its changes show at once. */
  createItem(id: string, extensionId: string): StatusBarItem {
    const declaration = this.declared.get(id)?.declaration;
    const state: StatusBarItemState = {
      text: declaration?.text,
      tooltip: declaration?.tooltip,
      command: declaration?.command,
      visible: false,
    };
    const registration = this.declared.implement(id, state, extensionId);
    const changed = () => {
      this.entriesCache = null;
      this.stateChanged.fire();
    };
    const item: StatusBarItem = {
      id,
      get text() {
        return typeof state.text === 'string' ? state.text : '';
      },
      set text(v: string) {
        state.text = v;
        changed();
      },
      get tooltip() {
        return typeof state.tooltip === 'string' ? state.tooltip : undefined;
      },
      set tooltip(v: string | undefined) {
        state.tooltip = v;
        changed();
      },
      get command() {
        return state.command;
      },
      set command(v: string | undefined) {
        state.command = v;
        changed();
      },
      show() {
        state.visible = true;
        changed();
      },
      hide() {
        state.visible = false;
        changed();
      },
      dispose() {
        registration.dispose();
      },
    };
    return item;
  }

  /** The items to draw now: created-and-shown ones, and declared ones with a static text; by priority. */
  entries(): StatusBarEntry[] {
    if (this.entriesCache) return this.entriesCache;
    const out: StatusBarEntry[] = [];
    for (const c of this.declared.all()) {
      const state = c.implementation ?? { text: c.declaration.text, tooltip: c.declaration.tooltip, command: c.declaration.command, visible: c.declaration.text !== undefined };
      if (state.visible && state.text) out.push({ id: c.id, extensionId: c.extensionId, declaration: c.declaration, state });
    }
    out.sort((a, b) => (b.declaration.priority ?? 0) - (a.declaration.priority ?? 0));
    this.entriesCache = out;
    return out;
  }
}
