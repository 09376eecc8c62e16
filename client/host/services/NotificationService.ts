import { Emitter, type Event } from '../../../shared/plugin/Emitter';

export interface Notification {
  id: number;
  severity: 'info' | 'warning' | 'error';
  text: string;
  /** The extension it concerns, when it is about one. */
  source?: string;
}

/** Short messages at the bottom right; info fades after a while, warnings and errors stay until dismissed. */
export class NotificationService {
  private items: Notification[] = [];
  private nextId = 1;
  private readonly changed = new Emitter<void>();
  /** Fires when a message appears or goes. */
  readonly onDidChange: Event<void> = this.changed.event;

  /** Shows a message; returns its id. */
  show(severity: Notification['severity'], text: string, source?: string): number {
    const id = this.nextId++;
    this.items = [...this.items, { id, severity, text, source }].slice(-5);
    this.changed.fire();
    if (severity === 'info' && typeof setTimeout !== 'undefined') setTimeout(() => this.dismiss(id), 6000);
    return id;
  }

  /** Removes a message. */
  dismiss(id: number): void {
    const next = this.items.filter((n) => n.id !== id);
    if (next.length === this.items.length) return;
    this.items = next;
    this.changed.fire();
  }

  /** The messages shown now; the same array until it changes. */
  get = (): Notification[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    const d = this.onDidChange(() => listener());
    return () => d.dispose();
  };
}
