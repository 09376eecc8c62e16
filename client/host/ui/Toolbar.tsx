import { formatKeybindingKey } from '../../../shared/plugin/keybindingKey';
import { runCommand } from '../runCommand';
import { IS_MAC, useContextKeys, useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';

// On a phone there is no keyboard for the palette and no activity bar; a views button takes both places.
const DESKTOP_ONLY = new Set(['core.commandPalette']);
const PHONE_VIEWS = { command: 'core.openView', group: '9_views' };

/** Buttons for the `toolbar` menu: each runs its command; the tooltip shows the keybinding. */
export function Toolbar({ narrow = false }: { narrow?: boolean }) {
  const { services } = useHost();
  const localize = useLocalize();
  const context = useContextKeys();
  useEventVersion(services.menus.onDidChange, services.menus);
  useEventVersion(services.commands.onDidChange, services.commands);
  const all = services.menus.getGroups('toolbar', context, (id) => {
    const c = services.commands.getDeclaration(id);
    return c && { when: c.when, available: services.commands.hasHandler(id) };
  });
  const groups = narrow
    ? [
        ...all.map((g) => ({ ...g, items: g.items.filter((i) => !DESKTOP_ONLY.has(i.command)) })).filter((g) => g.items.length > 0),
        ...(services.commands.getDeclaration(PHONE_VIEWS.command) && services.commands.hasHandler(PHONE_VIEWS.command) ? [{ group: PHONE_VIEWS.group, items: [{ command: PHONE_VIEWS.command }] }] : []),
      ]
    : all;
  return (
    <div className="mk-toolbar" role="toolbar" aria-label={localize({ nl: 'Werkbalk', en: 'Toolbar' })}>
      {groups.map((g, gi) => (
        <div key={g.group} className="mk-toolbar-group" role="group">
          {gi > 0 && <span className="mk-toolbar-separator" aria-hidden />}
          {g.items.map((item) => {
            const c = services.commands.getDeclaration(item.command)!;
            const key = services.keybindings.keyFor(c.id);
            const title = localize(c.title);
            return (
              <button
                key={item.command}
                type="button"
                className="mk-toolbar-button"
                data-command={c.id}
                aria-label={title}
                aria-keyshortcuts={key ? formatKeybindingKey(key, false).replace(/Ctrl/g, IS_MAC ? 'Meta' : 'Control') : undefined}
                title={key ? `${title} (${formatKeybindingKey(key, IS_MAC)})` : title}
                onClick={() => void runCommand(services, c.id)}
              >
                <Icon name={c.icon ?? 'command'} size={18} />
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
