import { useSyncExternalStore } from 'react';
import { useHost, useLocalize } from './HostContext';

/** Lists the extensions: active ones, and those that failed with their error (so a broken one is visible, not silent). */
export function ExtensionsView() {
  const { services, host } = useHost();
  const localize = useLocalize();
  const statuses = useSyncExternalStore(
    (l) => {
      const d = host.onDidChangeExtensions(() => l());
      return () => d.dispose();
    },
    host.getStatuses,
  );
  return (
    <ul role="list" className="mk-extensions">
      {statuses.map((s) => (
        <li key={s.id} className={`mk-extension is-${s.state}`}>
          <strong>{s.manifest ? services.localize(s.manifest.name) : s.id}</strong>
          <span className="mk-extension-id">
            {s.id}
            {s.manifest ? ` · ${s.manifest.version}` : ''}
          </span>
          <span className="mk-extension-state">{s.state === 'active' ? localize({ nl: 'Actief', en: 'Active' }) : localize({ nl: 'Kon niet starten', en: 'Failed to start' })}</span>
          {s.error && <pre className="mk-extension-error">{`[${s.error.code}] ${s.error.message}`}</pre>}
        </li>
      ))}
    </ul>
  );
}
