import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { QuickPickItem } from '../api';

/** What the quick-input box shows now: the command palette, a pick list, or a text prompt. */
export type QuickInputRequest =
  | { kind: 'commands'; initialQuery: string }
  | { kind: 'pick'; items: QuickPickItem[]; placeholder?: string; resolve: (index: number | undefined) => void }
  | { kind: 'input'; prompt: string; value: string; placeholder?: string; resolve: (value: string | undefined) => void };

/** One quick-input box at a time; opening another cancels the first (its promise resolves with undefined). */
export class QuickInputService {
  private current: QuickInputRequest | null = null;
  private readonly changed = new Emitter<void>();
  /** Fires when the box opens, changes or closes. */
  readonly onDidChange: Event<void> = this.changed.event;

  /** Opens the command palette. */
  showCommands(initialQuery = ''): void {
    this.open({ kind: 'commands', initialQuery });
  }

  /** Lets the person choose one of `items`. */
  pick<T extends QuickPickItem>(items: T[], placeholder?: string): Promise<T | undefined> {
    return new Promise((resolve) => this.open({ kind: 'pick', items, placeholder, resolve: (i) => resolve(i === undefined ? undefined : items[i]) }));
  }

  /** Asks for a line of text. */
  input(prompt: string, value = '', placeholder?: string): Promise<string | undefined> {
    return new Promise((resolve) => this.open({ kind: 'input', prompt, value, placeholder, resolve }));
  }

  /** Closes the box; a pending pick or input resolves with undefined. */
  close(): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    if (c.kind === 'pick') c.resolve(undefined);
    else if (c.kind === 'input') c.resolve(undefined);
    this.changed.fire();
  }

  /** Finishes a pick or input with an answer. */
  accept(answer: number | string): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    if (c.kind === 'pick' && typeof answer === 'number') c.resolve(answer);
    else if (c.kind === 'input' && typeof answer === 'string') c.resolve(answer);
    this.changed.fire();
  }

  get = (): QuickInputRequest | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    const d = this.onDidChange(() => listener());
    return () => d.dispose();
  };

  private open(request: QuickInputRequest): void {
    this.close();
    this.current = request;
    this.changed.fire();
  }
}
