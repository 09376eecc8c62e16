import { matchKeyBindingPress, parseKeybinding, type KeyBindingPress } from 'tinykeys';
import type { KeybindingContribution } from '../../../shared/plugin/manifest';
import { Disposable } from '../../../shared/plugin/Disposable';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import { matchesWhen, type WhenContext } from '../../../shared/plugin/whenClause';

export interface RegisteredKeybinding extends KeybindingContribution {
  extensionId: string;
  press: KeyBindingPress;
}

/**
 * Keybindings from manifests. Later registrations win over earlier ones for the same key (extensions over core),
 * and a binding whose `when` is false does not shadow one that applies.
 */
export class KeybindingRegistry {
  private readonly entries: RegisteredKeybinding[] = [];
  private readonly changed = new Emitter<void>();
  /** Fires when a keybinding is added or removed. */
  readonly onDidChange: Event<void> = this.changed.event;

  /** Adds a keybinding (already checked by the manifest gate). */
  register(extensionId: string, binding: KeybindingContribution): Disposable {
    const [press] = parseKeybinding(binding.key);
    const entry: RegisteredKeybinding = { ...binding, extensionId, press };
    this.entries.push(entry);
    this.changed.fire();
    return new Disposable(() => {
      const i = this.entries.indexOf(entry);
      if (i >= 0) {
        this.entries.splice(i, 1);
        this.changed.fire();
      }
    });
  }

  /** The binding a key press triggers in this context, if any. */
  resolve(event: KeyboardEvent, context: WhenContext, commandWhen: (command: string) => string | undefined): RegisteredKeybinding | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const kb = this.entries[i];
      if (!matchKeyBindingPress(event, kb.press)) continue;
      if (matchesWhen(kb.when, context) && matchesWhen(commandWhen(kb.command), context)) return kb;
    }
    return undefined;
  }

  /** The key shown for a command in tooltips and the palette: its most recently registered binding. */
  keyFor(command: string): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].command === command) return this.entries[i].key;
    return undefined;
  }

  /** Every binding, oldest first. */
  all(): readonly RegisteredKeybinding[] {
    return this.entries;
  }
}
