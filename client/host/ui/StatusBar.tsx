import { useSyncExternalStore } from 'react';
import { canEdit } from '../../../shared/protocol/roles';
import { matchesWhen } from '../../../shared/plugin/whenClause';
import type { LocalizedText } from '../../../shared/model/fields';
import type { ConnectionState } from '../HostSession';
import type { StatusBarEntry } from '../registries/StatusBarRegistry';
import { runCommand } from '../runCommand';
import { useContextKeys, useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';

const CONNECTION: Record<ConnectionState, LocalizedText> = {
  connected: { nl: 'Verbonden', en: 'Connected' },
  connecting: { nl: 'Verbinden…', en: 'Connecting…' },
  offline: { nl: 'Offline: wijzigingen blijven op dit apparaat', en: 'Offline: changes stay on this device' },
  denied: { nl: 'Geen toegang', en: 'No access' },
};

/** The bottom line: connection, people online, read-only badge, problem counts, zoom, and contributed items. */
export function StatusBar() {
  const { services } = useHost();
  const localize = useLocalize();
  const context = useContextKeys();
  const session = services.session;
  const connection = useSyncExternalStore(session.connection.subscribe, session.connection.get);
  const peers = useSyncExternalStore(session.peers.subscribe, session.peers.get);
  useEventVersion(services.problems.onDidChangeProblems, services.problems);
  useEventVersion(services.statusBar.onDidChange, services.statusBar);
  useEventVersion(services.canvas.onDidChangeViewport, services.canvas);
  const counts = services.problems.counts();
  const zoom = Math.round(services.canvas.getViewport().zoom * 100);
  const entries = services.statusBar.entries().filter((e) => matchesWhen(e.declaration.when, context));
  const left = entries.filter((e) => e.declaration.alignment !== 'right');
  const right = entries.filter((e) => e.declaration.alignment === 'right');
  const text = (v: StatusBarEntry['state']['text']) => (v === undefined ? '' : typeof v === 'string' ? v : localize(v));

  const item = (e: StatusBarEntry) => {
    const label = text(e.state.text);
    const tooltip = text(e.state.tooltip) || localize(e.declaration.name);
    return e.state.command ? (
      <button key={e.id} type="button" className="mk-status-item" title={tooltip} aria-label={`${localize(e.declaration.name)}: ${label}`} onClick={() => void runCommand(services, e.state.command!)}>
        {label}
      </button>
    ) : (
      <span key={e.id} className="mk-status-item" title={tooltip} aria-label={`${localize(e.declaration.name)}: ${label}`}>
        {label}
      </span>
    );
  };

  const problemsLabel = localize({
    nl: `Problemen: ${counts.error} fouten, ${counts.warning} waarschuwingen, ${counts.info} meldingen`,
    en: `Problems: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`,
  });
  return (
    <footer className="mk-statusbar" aria-label={localize({ nl: 'Statusbalk', en: 'Status bar' })}>
      <div className="mk-status-side">
        <span className={`mk-status-item mk-connection is-${connection}`} role="status" aria-live="polite">
          <Icon name="signal" size={14} />
          {localize(CONNECTION[connection])}
        </span>
        <span className="mk-status-item" title={localize({ nl: 'Anderen die deze kaart nu open hebben', en: 'Others who have this map open now' })}>
          <Icon name="users" size={14} />
          {localize({ nl: `${peers} anderen online`, en: `${peers} others online` })}
        </span>
        {!canEdit(session.role) && (
          <span className="mk-status-item mk-readonly-badge">
            <Icon name="lock" size={14} />
            {localize({ nl: 'Alleen bekijken', en: 'View only' })}
          </span>
        )}
        <button type="button" className="mk-status-item mk-problem-counts" aria-label={problemsLabel} title={problemsLabel} onClick={() => void runCommand(services, 'core.showProblems')}>
          <Icon name="error" size={14} />
          <span data-count="error">{counts.error}</span>
          <Icon name="warning" size={14} />
          <span data-count="warning">{counts.warning}</span>
          <Icon name="info" size={14} />
          <span data-count="info">{counts.info}</span>
        </button>
        {left.map(item)}
      </div>
      <div className="mk-status-side">
        {right.map(item)}
        <button type="button" className="mk-status-item" title={localize({ nl: 'Hele kaart tonen', en: 'Show the whole map' })} aria-label={localize({ nl: `Zoom ${zoom}%, hele kaart tonen`, en: `Zoom ${zoom}%, show the whole map` })} onClick={() => void runCommand(services, 'core.zoomToFit')}>
          <Icon name="search" size={14} />
          {zoom}%
        </button>
      </div>
    </footer>
  );
}
