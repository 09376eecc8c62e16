import { useSyncExternalStore } from 'react';
import { useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';

/** Messages at the bottom right; errors are announced assertively, the rest politely. */
export function Notifications() {
  const { services } = useHost();
  const localize = useLocalize();
  const items = useSyncExternalStore(services.notifications.subscribe, services.notifications.get);
  return (
    <div className="mk-notifications">
      {items.map((n) => (
        <div key={n.id} className={`mk-notification is-${n.severity}`} role={n.severity === 'error' ? 'alert' : 'status'}>
          <Icon name={n.severity} size={18} />
          <p>{n.text}</p>
          <button type="button" className="mk-icon-button" aria-label={localize({ nl: 'Melding sluiten', en: 'Dismiss message' })} onClick={() => services.notifications.dismiss(n.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
