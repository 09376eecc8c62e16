import { Command } from 'cmdk';
import { useMemo, useState } from 'react';
import { formatKeybindingKey } from '../../../shared/plugin/keybindingKey';
import { matchesWhen } from '../../../shared/plugin/whenClause';
import { readStored, writeStored } from '../browserStorage';
import type { DeclaredCommand } from '../registries/CommandRegistry';
import { runCommand } from '../runCommand';
import type { QuickInputRequest } from '../services/QuickInputService';
import { IS_MAC, useContextKeys, useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';

// The lists of the quick-input box, on cmdk (with its dialog parts): loaded the first time someone opens the palette
// or a pick list, so a phone opening a view link does not download them.

const RECENT_KEY = 'mantelkaart:recent-commands';
const RECENT_MAX = 6;

function readRecent(): string[] {
  const raw = readStored(RECENT_KEY);
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : [];
}

/** The command palette: every command that may run here, recently used first, searchable in Dutch and English. */
export function CommandPalette({ initialQuery }: { initialQuery: string }) {
  const { services } = useHost();
  const localize = useLocalize();
  const context = useContextKeys();
  useEventVersion(services.commands.onDidChange, services.commands);
  useEventVersion(services.keybindings.onDidChange, services.keybindings);
  const [query, setQuery] = useState(initialQuery);
  const recent = useMemo(readRecent, []);

  const visible = services.commands
    .declared()
    .filter((c) => services.commands.hasHandler(c.id) && matchesWhen(c.when, context))
    .sort((a, b) => label(a).localeCompare(label(b)));
  function label(c: DeclaredCommand): string {
    return c.category ? `${localize(c.category)}: ${localize(c.title)}` : localize(c.title);
  }
  const byId = new Map(visible.map((c) => [c.id, c]));
  const recentCommands = recent.map((id) => byId.get(id)).filter((c): c is DeclaredCommand => c !== undefined);

  const run = (c: DeclaredCommand) => {
    writeStored(RECENT_KEY, [c.id, ...recent.filter((id) => id !== c.id)].slice(0, RECENT_MAX));
    services.quickInput.close();
    void runCommand(services, c.id);
  };

  const item = (c: DeclaredCommand, prefix: string) => {
    const key = services.keybindings.keyFor(c.id);
    return (
      <Command.Item
        key={prefix + c.id}
        value={prefix + c.id}
        keywords={[c.title.nl, c.title.en, c.category?.nl ?? '', c.category?.en ?? '']}
        onSelect={() => run(c)}
        className="mk-quickinput-item"
      >
        <Icon name={c.icon ?? 'command'} size={16} />
        <span className="mk-quickinput-label">{label(c)}</span>
        {key && <kbd className="mk-kbd">{formatKeybindingKey(key, IS_MAC)}</kbd>}
      </Command.Item>
    );
  };

  const title = localize({ nl: 'Opdrachtenpalet', en: 'Command palette' });
  return (
    <div className="mk-quickinput" role="dialog" aria-modal="true" aria-label={title}>
      <Command label={title} loop onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), services.quickInput.close())}>
        <Command.Input
          autoFocus
          value={query}
          onValueChange={setQuery}
          className="mk-quickinput-input"
          placeholder={localize({ nl: 'Typ een opdracht, in het Nederlands of Engels…', en: 'Type a command, in Dutch or English…' })}
        />
        <Command.List className="mk-quickinput-list">
          <Command.Empty className="mk-quickinput-empty">{localize({ nl: 'Geen opdracht gevonden.', en: 'No matching command.' })}</Command.Empty>
          {query === '' && recentCommands.length > 0 && (
            <Command.Group heading={localize({ nl: 'Recent gebruikt', en: 'Recently used' })}>{recentCommands.map((c) => item(c, 'recent:'))}</Command.Group>
          )}
          <Command.Group heading={query === '' ? localize({ nl: 'Alle opdrachten', en: 'All commands' }) : undefined}>{visible.map((c) => item(c, ''))}</Command.Group>
        </Command.List>
      </Command>
    </div>
  );
}

/** A list an extension asked the person to pick from (`window.showQuickPick`). */
export function QuickPick({ request }: { request: Extract<QuickInputRequest, { kind: 'pick' }> }) {
  const { services } = useHost();
  const localize = useLocalize();
  const label = request.placeholder ?? localize({ nl: 'Kies', en: 'Choose' });
  return (
    <div className="mk-quickinput" role="dialog" aria-modal="true" aria-label={label}>
      <Command label={label} loop onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), services.quickInput.close())}>
        <Command.Input autoFocus className="mk-quickinput-input" placeholder={label} />
        <Command.List className="mk-quickinput-list">
          <Command.Empty className="mk-quickinput-empty">{localize({ nl: 'Niets gevonden.', en: 'Nothing found.' })}</Command.Empty>
          {request.items.map((it, i) => (
            <Command.Item key={i} value={`${i}:${it.label}`} keywords={[it.label, it.description ?? '']} onSelect={() => services.quickInput.accept(i)} className="mk-quickinput-item">
              <span className="mk-quickinput-label">{it.label}</span>
              {it.description && <span className="mk-quickinput-description">{it.description}</span>}
            </Command.Item>
          ))}
        </Command.List>
      </Command>
    </div>
  );
}
