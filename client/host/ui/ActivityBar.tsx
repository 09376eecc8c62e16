import { useSyncExternalStore } from 'react';
import { formatKeybindingKey } from '../../../shared/plugin/keybindingKey';
import { matchesWhen } from '../../../shared/plugin/whenClause';
import { IS_MAC, useContextKeys, useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';

/** The column of view icons on the left: one per side-bar view; the active one toggles the side bar. */
export function ActivityBar() {
  const { services } = useHost();
  const localize = useLocalize();
  const context = useContextKeys();
  useEventVersion(services.views.onDidChange, services.views);
  useEventVersion(services.viewBadges.onDidChange, services.viewBadges);
  const layout = useSyncExternalStore(services.layout.subscribe, services.layout.get);
  // Extensions' views first, the host's own (extensions list) last, as in VS Code.
  const views = services.views
    .all()
    .filter((v) => v.declaration.location === 'sidebar' && matchesWhen(v.declaration.when, context))
    .sort((a, b) => Number(a.extensionId === 'core') - Number(b.extensionId === 'core'));
  const paletteKey = services.keybindings.keyFor('core.commandPalette');
  return (
    <nav className="mk-activitybar" aria-label={localize({ nl: 'Weergaven', en: 'Views' })}>
      <ul role="list">
        {views.map((v) => {
          const active = layout.sideBarVisible && layout.activeView === v.id;
          const badge = services.viewBadges.get(v.id);
          const title = localize(v.declaration.title) + (badge > 0 ? ` (${badge})` : '');
          return (
            <li key={v.id}>
              <button
                type="button"
                className={`mk-activity ${active ? 'is-active' : ''}`}
                aria-pressed={active}
                aria-label={title}
                title={title}
                data-view={v.id}
                onClick={() => services.layout.update(active ? { sideBarVisible: false } : { activeView: v.id, sideBarVisible: true })}
              >
                <Icon name={v.declaration.icon} size={22} />
                {badge > 0 && (
                  <span className="mk-activity-badge" aria-hidden data-testid="view-badge">
                    {badge > 99 ? '99+' : badge}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="mk-activity mk-activity-bottom"
        aria-label={localize({ nl: 'Opdrachtenpalet', en: 'Command palette' })}
        title={`${localize({ nl: 'Opdrachtenpalet', en: 'Command palette' })}${paletteKey ? ` (${formatKeybindingKey(paletteKey, IS_MAC)})` : ''}`}
        aria-keyshortcuts={paletteKey ? formatKeybindingKey(paletteKey, false).replace(/Ctrl/g, IS_MAC ? 'Meta' : 'Control') : undefined}
        onClick={() => services.quickInput.showCommands()}
      >
        <Icon name="command" size={22} />
      </button>
    </nav>
  );
}
