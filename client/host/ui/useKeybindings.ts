import { useEffect } from 'react';
import { isTypingTarget } from '../isTypingTarget';
import type { HostServices } from '../HostServices';
import { runCommand } from '../runCommand';

/**
 * Dispatches declared keybindings from the whole window. Never while typing in a text field, never while the
 * palette or a context menu has the keyboard; keeps the `canvasFocus` context key up to date.
 */
export function useKeybindings(services: HostServices): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      if (services.quickInput.get() || services.contextMenu.get()) return;
      const kb = services.keybindings.resolve(e, services.contextKeys.snapshot(), (c) => services.commands.getDeclaration(c)?.when);
      if (!kb || !services.commands.hasHandler(kb.command)) return;
      e.preventDefault();
      e.stopPropagation();
      void (kb.args === undefined ? runCommand(services, kb.command) : runCommand(services, kb.command, kb.args));
    };
    const onFocus = () => {
      const el = document.activeElement;
      services.contextKeys.set({ canvasFocus: el instanceof Element && el.closest('.mk-canvas') !== null });
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onFocus);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onFocus);
    };
  }, [services]);
}
