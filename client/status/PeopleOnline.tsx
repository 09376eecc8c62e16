import { useCurrentSession } from '../collab/sessionStore';
import { usePeers } from '../collab/usePeers';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../i18n/i18n';
import './status.css';

function Count({ awareness }: { awareness: Awareness }) {
  const t = useT();
  const n = usePeers(awareness).length;
  return <span className="status-item">{n === 1 ? t('status.peopleOne') : t('status.people', { n })}</span>;
}

/** How many people have the map open (this tab included). */
export function PeopleOnline() {
  const session = useCurrentSession();
  return session ? <Count awareness={session.awareness} /> : null;
}
