import type { CommandContribution } from '../../../shared/plugin/manifest';
import { Disposable } from '../../../shared/plugin/Disposable';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import { HostError } from '../HostError';

/** What runs when a command is executed; receives the arguments given to `executeCommand`. */
export type CommandHandler = (...args: unknown[]) => unknown;

export interface DeclaredCommand extends CommandContribution {
  extensionId: string;
}

/**
 * Commands: declared in manifests (title, category, when) so the palette can list them, and given a handler
 * in `activate`. A handler without a declaration is allowed (quick fixes, internal helpers) but not listed.
 */
export class CommandRegistry {
  private readonly declarations = new Map<string, DeclaredCommand>();
  private readonly handlers = new Map<string, { handler: CommandHandler; extensionId: string | undefined }>();
  private readonly changed = new Emitter<void>();
  private readonly executed = new Emitter<{ id: string; args: unknown[] }>();
  /** Fires when declarations or handlers are added or removed. */
  readonly onDidChange: Event<void> = this.changed.event;
  /** Fires after a command ran without throwing (the palette keeps its recently-used list from this). */
  readonly onDidExecuteCommand: Event<{ id: string; args: unknown[] }> = this.executed.event;

  /** Adds a command's declaration from a manifest. */
  declare(extensionId: string, command: CommandContribution): Disposable {
    const existing = this.declarations.get(command.id);
    if (existing) {
      throw new HostError('host/duplicate-registration', `command "${command.id}" is already declared by ${existing.extensionId}`, extensionId);
    }
    const entry: DeclaredCommand = { ...command, extensionId };
    this.declarations.set(command.id, entry);
    this.changed.fire();
    return new Disposable(() => {
      if (this.declarations.get(command.id) === entry) {
        this.declarations.delete(command.id);
        this.changed.fire();
      }
    });
  }

  /** Gives a command its behaviour; fails when the id already has a handler. */
  registerCommand(id: string, handler: CommandHandler, extensionId?: string): Disposable {
    if (this.handlers.has(id)) throw new HostError('host/duplicate-registration', `command "${id}" already has a handler`, extensionId);
    const entry = { handler, extensionId };
    this.handlers.set(id, entry);
    this.changed.fire();
    return new Disposable(() => {
      if (this.handlers.get(id) === entry) {
        this.handlers.delete(id);
        this.changed.fire();
      }
    });
  }

  /** The declaration of a command, when a manifest declared it. */
  getDeclaration(id: string): DeclaredCommand | undefined {
    return this.declarations.get(id);
  }

  /** Every declared command, in declaration order. */
  declared(): DeclaredCommand[] {
    return [...this.declarations.values()];
  }

  /** Whether the command can run now (its extension is active). */
  hasHandler(id: string): boolean {
    return this.handlers.has(id);
  }

  /** Runs a command and resolves with what its handler returned. */
  async executeCommand<T = unknown>(id: string, ...args: unknown[]): Promise<T> {
    const entry = this.handlers.get(id);
    if (!entry) throw new HostError('host/command-not-found', `command "${id}" is not available (is its extension active?)`);
    const result = (await entry.handler(...args)) as T;
    this.executed.fire({ id, args });
    return result;
  }
}
