import { useSyncExternalStore } from 'react';
import { matchesWhen } from '../../../shared/plugin/whenClause';
import { PANEL_HEIGHT } from '../services/LayoutStore';
import { useContextKeys, useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';
import { Sash } from './Sash';
import { ViewHost } from './ViewHost';

/** The bottom panel: tabs for panel views (Problems, …), toggled with Ctrl/Cmd+J. */
export function Panel() {
  const { services } = useHost();
  const localize = useLocalize();
  const context = useContextKeys();
  const language = useSyncExternalStore(services.language.subscribe, services.language.get);
  const layout = useSyncExternalStore(services.layout.subscribe, services.layout.get);
  useEventVersion(services.views.onDidChange, services.views);
  useEventVersion(services.problems.onDidChangeProblems, services.problems);
  const views = services.views.all().filter((v) => v.declaration.location === 'panel' && matchesWhen(v.declaration.when, context));
  const active = views.find((v) => v.id === layout.activePanel) ?? views[0];
  if (!layout.panelVisible || !active) return null;
  const counts = services.problems.counts();
  const maximized = layout.panelMaximized;
  const sizeLabel = maximized ? { nl: 'Paneel verkleinen', en: 'Restore panel size' } : { nl: 'Paneel maximaliseren', en: 'Maximise panel' };
  return (
    <>
      {!maximized && <Sash
        orientation="horizontal"
        value={layout.panelHeight}
        min={PANEL_HEIGHT.min}
        max={PANEL_HEIGHT.max}
        direction={-1}
        label={localize({ nl: 'Hoogte van het paneel', en: 'Panel height' })}
        onChange={(h) => services.layout.update({ panelHeight: h })}
      />}
      <section className={`mk-panel${maximized ? ' is-maximized' : ''}`} style={maximized ? undefined : { height: layout.panelHeight }} aria-label={localize({ nl: 'Paneel', en: 'Panel' })}>
        <header className="mk-part-header mk-panel-header">
          <div role="tablist" aria-label={localize({ nl: 'Paneelweergaven', en: 'Panel views' })} className="mk-tabs">
            {views.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                id={`mk-tab-${v.id}`}
                aria-selected={v.id === active.id}
                aria-controls="mk-panel-body"
                className={`mk-tab ${v.id === active.id ? 'is-active' : ''}`}
                onClick={() => services.layout.update({ activePanel: v.id })}
              >
                {localize(v.declaration.title)}
                {v.id === 'core.problems' && counts.error + counts.warning + counts.info > 0 && (
                  <span className="mk-badge">{counts.error + counts.warning + counts.info}</span>
                )}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="mk-icon-button mk-panel-size"
            aria-pressed={maximized}
            aria-label={localize(sizeLabel)}
            title={localize(sizeLabel)}
            onClick={() => services.layout.update({ panelMaximized: !maximized })}
          >
            <Icon name={maximized ? 'restore' : 'maximize'} size={16} />
          </button>
          <button type="button" className="mk-icon-button" aria-label={localize({ nl: 'Paneel sluiten', en: 'Close panel' })} title={localize({ nl: 'Paneel sluiten', en: 'Close panel' })} onClick={() => services.layout.update({ panelVisible: false, panelMaximized: false })}>
            <Icon name="close" size={16} />
          </button>
        </header>
        <div className="mk-part-body" id="mk-panel-body" role="tabpanel" aria-labelledby={`mk-tab-${active.id}`}>
          <ViewHost viewId={active.id} language={language} />
        </div>
      </section>
    </>
  );
}
