import type { MapSession } from '../collab/MapSession';
import { useSessionStatus } from '../collab/sessionStore';

/**
 * The session's state as data attributes on a hidden element inside the canvas, whatever shell surrounds
 * it: browser tests and automation wait on it (for example until every change is confirmed before a reload).
 */
export function SessionStatusMarker({ session }: { session: MapSession }) {
  const s = useSessionStatus(session);
  return <span hidden data-testid="session-status" data-connection={s.connection} data-unsent={s.unsent} data-synced={s.synced} data-role={session.role} />;
}
