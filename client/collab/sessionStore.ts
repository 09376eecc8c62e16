import { useSyncExternalStore } from 'react';
import type { MapSession, SessionStatus } from './MapSession';

/**
 * The open map's session, for components far from the canvas (status bar, commands, the host shell).
 * One map is open per tab, so one slot is enough.
 */
let current: MapSession | null = null;
const listeners = new Set<() => void>();

export function getCurrentSession(): MapSession | null {
  return current;
}

export function setCurrentSession(session: MapSession | null): void {
  if (session === current) return;
  current = session;
  for (const l of listeners) l();
}

export function subscribeCurrentSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentSession(): MapSession | null {
  return useSyncExternalStore(subscribeCurrentSession, getCurrentSession, getCurrentSession);
}

const NO_SESSION: SessionStatus = { connection: 'connecting', unsent: 0, synced: false, localLoaded: false };
const noop = () => () => {};

/** The status of the given session (or of the current one): connection, unsent changes, loaded. */
export function useSessionStatus(session?: MapSession | null): SessionStatus {
  const currentSession = useCurrentSession();
  const s = session === undefined ? currentSession : session;
  return useSyncExternalStore(s ? s.subscribe : noop, s ? s.getStatus : () => NO_SESSION, s ? s.getStatus : () => NO_SESSION);
}
