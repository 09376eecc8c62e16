import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { formatKeybindingKey } from '../../../shared/plugin/keybindingKey';
import { runCommand } from '../runCommand';
import { IS_MAC, useContextKeys, useHost, useLocalize } from './HostContext';

/** The open context menu (canvas or node): arrow keys move, Enter runs, Escape closes. */
export function ContextMenu() {
  const { services } = useHost();
  const open = useSyncExternalStore(services.contextMenu.subscribe, services.contextMenu.get);
  if (!open) return null;
  return <OpenMenu key={`${open.menu}:${open.x}:${open.y}`} />;
}

function OpenMenu() {
  const { services } = useHost();
  const localize = useLocalize();
  const context = useContextKeys();
  const open = services.contextMenu.get()!;
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ x: open.x, y: open.y });
  const groups = services.menus.getGroups(open.menu, context, (id) => {
    const c = services.commands.getDeclaration(id);
    return c && { when: c.when, available: services.commands.hasHandler(id) };
  });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Keep the menu on screen.
    const r = el.getBoundingClientRect();
    setPos({ x: Math.min(open.x, window.innerWidth - r.width - 4), y: Math.min(open.y, window.innerHeight - r.height - 4) });
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open.x, open.y]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) services.contextMenu.close();
    };
    const onBlur = () => services.contextMenu.close();
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [services]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') services.contextMenu.close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const label = open.menu === 'node/context' ? localize({ nl: 'Acties voor de selectie', en: 'Actions for the selection' }) : localize({ nl: 'Acties voor de kaart', en: 'Map actions' });
  return (
    <div ref={ref} className="mk-contextmenu" role="menu" aria-label={label} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
      {groups.length === 0 && <div className="mk-contextmenu-empty">{localize({ nl: 'Geen acties beschikbaar', en: 'No actions available' })}</div>}
      {groups.map((g, gi) => (
        <div key={g.group} role="group">
          {gi > 0 && <div role="separator" className="mk-contextmenu-separator" />}
          {g.items.map((item) => {
            const c = services.commands.getDeclaration(item.command)!;
            const key = services.keybindings.keyFor(c.id);
            return (
              <button
                key={item.command}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="mk-contextmenu-item"
                onClick={() => {
                  services.contextMenu.close();
                  void runCommand(services, c.id, open.arg);
                }}
              >
                <span>{localize(c.title)}</span>
                {key && <kbd className="mk-kbd">{formatKeybindingKey(key, IS_MAC)}</kbd>}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
