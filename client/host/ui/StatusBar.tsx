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
  waiting: {
    nl: 'De server kan wijzigingen even niet doorgeven: ze blijven op dit apparaat en gaan mee zodra het weer kan',
    en: 'The server cannot pass changes on right now: they stay on this device and go out as soon as it can',
  },
  offline: { nl: 'Offline: wijzigingen blijven op dit apparaat', en: 'Offline: changes stay on this device' },
  denied: { nl: 'Geen toegang', en: 'No access' },
};

// Short enough for a phone's status bar; the long sentence stays in the tooltip and for screen readers.
const CONNECTION_SHORT: Record<ConnectionState, LocalizedText> = {
  connected: { nl: 'Verbonden', en: 'Connected' },
  connecting: { nl: 'Verbinden…', en: 'Connecting…' },
  waiting: { nl: 'Server wacht…', en: 'Server waiting…' },
  offline: { nl: 'Offline', en: 'Offline' },
  denied: { nl: 'Geen toegang', en: 'No access' },
};

/** "1 ander online", "3 anderen online": how many other people have the map open. */
export function othersOnline(n: number): LocalizedText {
  return n === 1 ? { nl: '1 ander online', en: '1 other online' } : { nl: `${n} anderen online`, en: `${n} others online` };
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * The bottom line: connection, people online, read-only badge, problem counts, zoom, and contributed items.
 * `compact` (a phone): the connection shows as an icon while all is well, people as a number, and problem
 * counts and zoom give way (the map's own buttons zoom), so the read-only badge always fits.
 */
export function StatusBar({ compact = false }: { compact?: boolean }) {
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
    nl: `Problemen: ${count(counts.error, 'fout', 'fouten')}, ${count(counts.warning, 'waarschuwing', 'waarschuwingen')}, ${count(counts.info, 'melding', 'meldingen')}`,
    en: `Problems: ${count(counts.error, 'error', 'errors')}, ${count(counts.warning, 'warning', 'warnings')}, ${count(counts.info, 'note', 'notes')}`,
  });
  const connectionText = localize(CONNECTION[connection]);
  const others = localize(othersOnline(peers));
  const othersTitle = localize({ nl: 'Anderen die deze kaart nu open hebben', en: 'Others who have this map open now' });
  return (
    <footer className={`mk-statusbar ${compact ? 'is-compact' : ''}`} aria-label={localize({ nl: 'Statusbalk', en: 'Status bar' })}>
      <div className="mk-status-side">
        <span className={`mk-status-item mk-connection is-${connection}`} role="status" aria-live="polite" title={connectionText}>
          <Icon name="signal" size={16} />
          {!compact ? connectionText : connection === 'connected' ? <span className="visually-hidden">{connectionText}</span> : localize(CONNECTION_SHORT[connection])}
        </span>
        <span className="mk-status-item mk-people-online" title={compact ? `${others}. ${othersTitle}` : othersTitle} aria-label={compact ? others : undefined}>
          <Icon name="users" size={16} />
          {compact ? <span aria-hidden="true">{peers}</span> : others}
        </span>
        {!canEdit(session.role) && (
          <span className="mk-status-item mk-readonly-badge" data-testid="status-readonly-badge">
            <Icon name="lock" size={16} />
            {localize({ nl: 'Alleen bekijken', en: 'View only' })}
          </span>
        )}
        {!compact && <button type="button" className="mk-status-item mk-problem-counts" aria-label={problemsLabel} title={problemsLabel} onClick={() => void runCommand(services, 'core.showProblems')}>
          <Icon name="error" size={14} />
          <span data-count="error">{counts.error}</span>
          <Icon name="warning" size={14} />
          <span data-count="warning">{counts.warning}</span>
          <Icon name="info" size={14} />
          <span data-count="info">{counts.info}</span>
        </button>}
        {left.map(item)}
      </div>
      <div className="mk-status-side">
        {right.map(item)}
        {!compact && <button type="button" className="mk-status-item" title={localize({ nl: 'Hele kaart tonen', en: 'Show the whole map' })} aria-label={localize({ nl: `Zoom ${zoom}%, hele kaart tonen`, en: `Zoom ${zoom}%, show the whole map` })} onClick={() => void runCommand(services, 'core.zoomToFit')}>
          <Icon name="search" size={14} />
          {zoom}%
        </button>}
      </div>
    </footer>
  );
}
