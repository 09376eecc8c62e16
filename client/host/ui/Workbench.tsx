import { useEffect, useMemo, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import type { ExtensionHost } from '../ExtensionHost';
import type { HostServices } from '../HostServices';
import { ActivityBar } from './ActivityBar';
import { ContextMenu } from './ContextMenu';
import { ParticipationDock } from '../participation/ParticipationDock';
import { HostContext } from './HostContext';
import { Notifications } from './Notifications';
import { Panel } from './Panel';
import { QuickInput } from './QuickInput';
import { SideBar } from './SideBar';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useKeybindings } from './useKeybindings';
import { useNarrowScreen } from './useNarrowScreen';
import './workbench.css';

/**
 * The VS Code-shaped shell around the canvas: activity bar, side bar, editor area (`children`, the canvas),
 * bottom panel and status bar, plus the palette, context menus and messages that float above them.
 * On a phone the map gets the whole width: no activity bar (the toolbar offers the views instead) and the
 * side bar opens as a sheet over the lower part of the map.
 */
export function Workbench({ services, host, children }: { services: HostServices; host: ExtensionHost; children: ReactNode }) {
  useKeybindings(services);
  const layout = useSyncExternalStore(services.layout.subscribe, services.layout.get);
  const narrow = useNarrowScreen();
  useEffect(() => {
    // A side bar remembered open would cover the map a phone has just opened; the map comes first.
    if (narrow && services.layout.get().sideBarVisible) services.layout.update({ sideBarVisible: false });
    // Only on opening (services is stable): later the person opens views on purpose.
  }, [services]); // eslint-disable-line react-hooks/exhaustive-deps
  const style = { '--mk-sidebar-width': `${layout.sideBarWidth}px` } as CSSProperties;
  // Every node and edge on the canvas reads this context: a new object per render re-rendered thousands of them.
  const context = useMemo(() => ({ services, host }), [services, host]);
  return (
    <HostContext.Provider value={context}>
      <div className={`mk-workbench ${narrow ? 'is-narrow' : ''}`} style={style}>
        <div className="mk-workbench-main">
          {!narrow && <ActivityBar />}
          <SideBar sheet={narrow} />
          <div className={`mk-editor-column${layout.panelVisible && layout.panelMaximized ? ' is-panel-maximized' : ''}`}>
            <Toolbar narrow={narrow} />
            <main className="mk-editor">
              {children}
              <ParticipationDock />
            </main>
            <Panel />
          </div>
        </div>
        <StatusBar compact={narrow} />
        <QuickInput />
        <ContextMenu />
        <Notifications />
      </div>
    </HostContext.Provider>
  );
}
