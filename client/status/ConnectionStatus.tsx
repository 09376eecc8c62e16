import { useSessionStatus } from '../collab/sessionStore';
import { useT } from '../i18n/i18n';
import './status.css';

/**
 * Connection state and unsent changes. "Alles opgeslagen" only once the server has confirmed every change
 * (see collab/ackTracker.ts); until then the count stays visible, with a note when the changes are at least
 * kept on this device.
 */
export function ConnectionStatus() {
  const t = useT();
  const { connection, unsent } = useSessionStatus();
  const label = connection === 'connected' ? t('status.connected') : connection === 'connecting' ? t('status.connecting') : connection === 'offline' ? t('status.offline') : t('map.denied');
  const saved = unsent === 0 ? t('status.allSaved') : unsent === 1 ? t('status.unsentOne') : t('status.unsent', { n: unsent });
  return (
    <span className={`status-item conn is-${connection}`} role="status" aria-live="polite" data-testid="connection-status" data-unsent={unsent} data-connection={connection}>
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
      <span className={`saved ${unsent > 0 ? 'is-pending' : ''}`} title={unsent > 0 ? t('status.savingLocal') : undefined}>
        · {saved}
      </span>
    </span>
  );
}
