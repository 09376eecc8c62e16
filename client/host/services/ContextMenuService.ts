import type { MenuId } from '../../../shared/plugin/manifest';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';

/** An open context menu: which menu, where on screen, and the argument its commands receive. */
export interface OpenContextMenu {
  menu: MenuId;
  x: number;
  y: number;
  arg: unknown;
  /** Where focus returns when the menu closes. */
  returnFocus: HTMLElement | null;
}

/** At most one context menu at a time. */
export class ContextMenuService {
  private current: OpenContextMenu | null = null;
  private readonly changed = new Emitter<void>();
  /** Fires when a menu opens or closes. */
  readonly onDidChange: Event<void> = this.changed.event;

  /** Opens a menu at a screen position. */
  open(menu: OpenContextMenu): void {
    this.current = menu;
    this.changed.fire();
  }

  /** Closes the open menu, returning focus where it was. */
  close(): void {
    if (!this.current) return;
    const focus = this.current.returnFocus;
    this.current = null;
    this.changed.fire();
    focus?.focus({ preventScroll: true });
  }

  get = (): OpenContextMenu | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    const d = this.onDidChange(() => listener());
    return () => d.dispose();
  };
}
