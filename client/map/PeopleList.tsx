import { memo } from 'react';
import { initials, type Peer } from '../collab/presence';
import { useT } from '../i18n/i18n';

/** Avatars of everyone on the map; names and roles on hover and for screen readers. */
export const PeopleList = memo(function PeopleList({ peers, selfId, onRename }: { peers: Peer[]; selfId: number; onRename?: () => void }) {
  const t = useT();
  const ordered = [...peers].sort((a, b) => (a.clientId === selfId ? -1 : b.clientId === selfId ? 1 : a.user.name.localeCompare(b.user.name)));
  const shown = ordered.slice(0, 6);
  const more = ordered.length - shown.length;
  return (
    <ul className="people" aria-label={t('presence.heading')}>
      {shown.map((p) => {
        const self = p.clientId === selfId;
        const label = `${self ? t('presence.you', { name: p.user.name }) : p.user.name} · ${t(`role.${p.role}`)}`;
        return (
          <li key={p.clientId}>
            {self && onRename ? (
              <button type="button" className="avatar is-self" style={{ background: p.user.color }} title={`${label} — ${t('presence.rename')}`} aria-label={`${label}. ${t('presence.rename')}`} onClick={onRename}>
                {initials(p.user.name)}
              </button>
            ) : (
              <span className="avatar" style={{ background: p.user.color }} title={label} role="img" aria-label={label}>
                {initials(p.user.name)}
              </span>
            )}
          </li>
        );
      })}
      {more > 0 && (
        <li>
          <span className="avatar more" title={ordered.slice(6).map((p) => p.user.name).join(', ')}>+{more}</span>
        </li>
      )}
    </ul>
  );
});
