import { useSyncExternalStore } from 'react';
import { SIDE_BAR_WIDTH } from '../services/LayoutStore';
import { useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';
import { Sash } from './Sash';
import { ViewHost } from './ViewHost';

/** The side bar: the active side-bar view, with a header and a resize handle; on a phone a sheet over the map. */
export function SideBar({ sheet = false }: { sheet?: boolean }) {
  const { services } = useHost();
  const localize = useLocalize();
  const language = useSyncExternalStore(services.language.subscribe, services.language.get);
  const layout = useSyncExternalStore(services.layout.subscribe, services.layout.get);
  useEventVersion(services.views.onDidChange, services.views);
  const sidebarViews = services.views.all().filter((v) => v.declaration.location === 'sidebar');
  const view = sidebarViews.find((v) => v.id === layout.activeView) ?? sidebarViews[0];
  if (!layout.sideBarVisible || !view) return null;
  const title = localize(view.declaration.title);
  const close = (
    <button type="button" className="mk-icon-button" aria-label={localize({ nl: 'Zijbalk sluiten', en: 'Close side bar' })} title={localize({ nl: 'Zijbalk sluiten', en: 'Close side bar' })} onClick={() => services.layout.update({ sideBarVisible: false })}>
      <Icon name="close" size={sheet ? 20 : 16} />
    </button>
  );
  // One panel for both layouts: on a phone it is a sheet over the map, on a wider screen a resizable column.
  const panel = (
    <aside className={sheet ? 'mk-sidebar is-sheet' : 'mk-sidebar'} aria-label={title} style={sheet ? undefined : { width: layout.sideBarWidth }} data-view={view.id}>
      <header className="mk-part-header">
        <h2>{title}</h2>
        {close}
      </header>
      <div className="mk-part-body">
        <ViewHost viewId={view.id} language={language} />
      </div>
    </aside>
  );
  if (sheet) return panel;
  return (
    <>
      {panel}
      <Sash
        orientation="vertical"
        value={layout.sideBarWidth}
        min={SIDE_BAR_WIDTH.min}
        max={SIDE_BAR_WIDTH.max}
        direction={1}
        label={localize({ nl: 'Breedte van de zijbalk', en: 'Side bar width' })}
        onChange={(w) => services.layout.update({ sideBarWidth: w })}
      />
    </>
  );
}
