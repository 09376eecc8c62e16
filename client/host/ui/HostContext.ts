import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { LocalizedText } from '../../../shared/model/fields';
import type { Event } from '../../../shared/plugin/Emitter';
import type { WhenContext } from '../../../shared/plugin/whenClause';
import type { ExtensionHost } from '../ExtensionHost';
import type { HostServices } from '../HostServices';

export interface HostContextValue {
  services: HostServices;
  host: ExtensionHost;
}

export const HostContext = createContext<HostContextValue | null>(null);

/** The host services of the open map (inside the Workbench only). */
export function useHost(): HostContextValue {
  const v = useContext(HostContext);
  if (!v) throw new Error('[host/no-workbench] useHost() outside <Workbench>');
  return v;
}

const versions = new WeakMap<object, number>();

/** Re-renders on every firing of `event`; returns a counter that changes each time (use it as a memo key). */
export function useEventVersion(event: Event<unknown>, owner: object): number {
  return useSyncExternalStore(
    (listener) => {
      const d = event(() => {
        versions.set(owner, (versions.get(owner) ?? 0) + 1);
        listener();
      });
      return () => d.dispose();
    },
    () => versions.get(owner) ?? 0,
  );
}

/** The current context keys, re-rendering when any changes. */
export function useContextKeys(): WhenContext {
  const { services } = useHost();
  return useSyncExternalStore(
    (l) => {
      const d = services.contextKeys.onDidChange(() => l());
      return () => d.dispose();
    },
    () => services.contextKeys.snapshot(),
  );
}

/** A localizer for the current language, re-rendering when it changes. */
export function useLocalize(): (text: LocalizedText) => string {
  const { services } = useHost();
  const language = useSyncExternalStore(services.language.subscribe, services.language.get);
  // Stable per language: node and edge components list it in their memo dependencies.
  return useCallback((text: LocalizedText) => text[language], [language]);
}

/** Is this a Mac (Cmd instead of Ctrl in shown keybindings)? */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
