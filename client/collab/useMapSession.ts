import { useEffect, useState } from 'react';
import type { Role } from '../../shared/protocol/roles';
import { MapSession } from './MapSession';
import { takeEarlySession } from './earlySession';
import { setCurrentSession } from './sessionStore';

/** Opens a session for the room while the component is mounted; a new token or role opens a new one. */
export function useMapSession(room: string, token: string | null, role: Role | null): MapSession | null {
  const [session, setSession] = useState<MapSession | null>(null);
  useEffect(() => {
    if (!token || !role) return;
    const s = takeEarlySession(room, token, role) ?? new MapSession({ room, token, role });
    setSession(s);
    setCurrentSession(s);
    return () => {
      setCurrentSession(null);
      setSession(null);
      s.destroy();
    };
  }, [room, token, role]);
  return session;
}
