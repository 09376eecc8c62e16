import { useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import type { ExtensionHost } from '../ExtensionHost';
import type { HostServices } from '../HostServices';
import { ActivityBar } from './ActivityBar';
import { ContextMenu } from './ContextMenu';
import { HostContext } from './HostContext';
import { Notifications } from './Notifications';
import { Panel } from './Panel';
import { QuickInput } from './QuickInput';
import { SideBar } from './SideBar';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useKeybindings } from './useKeybindings';
import './workbench.css';

/**
 * The VS Code-shaped shell around the canvas: activity bar, side bar, editor area (`children`, the canvas),
 * bottom panel and status bar, plus the palette, context menus and messages that float above them.
 */
export function Workbench({ services, host, children }: { services: HostServices; host: ExtensionHost; children: ReactNode }) {
  useKeybindings(services);
  const layout = useSyncExternalStore(services.layout.subscribe, services.layout.get);
  const style = { '--mk-sidebar-width': `${layout.sideBarWidth}px` } as CSSProperties;
  return (
    <HostContext.Provider value={{ services, host }}>
      <div className="mk-workbench" style={style}>
        <div className="mk-workbench-main">
          <ActivityBar />
          <SideBar />
          <div className="mk-editor-column">
            <Toolbar />
            <main className="mk-editor">{children}</main>
            <Panel />
          </div>
        </div>
        <StatusBar />
        <QuickInput />
        <ContextMenu />
        <Notifications />
      </div>
    </HostContext.Provider>
  );
}
