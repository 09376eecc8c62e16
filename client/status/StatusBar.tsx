import { useT } from '../i18n/i18n';
import { ConnectionStatus } from './ConnectionStatus';
import { PeopleOnline } from './PeopleOnline';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { ZoomLevel } from './ZoomLevel';
import './status.css';

/** A plain strip until the host's status bar takes these items over; each item is its own component. */
export function StatusBar() {
  const t = useT();
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <ConnectionStatus />
      <span className="status-spacer" />
      <ReadOnlyBadge />
      <PeopleOnline />
      <ZoomLevel />
    </footer>
  );
}
