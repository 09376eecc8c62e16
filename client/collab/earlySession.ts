import type { Role } from '../../shared/protocol/roles';
import { MapSession, type MapSessionOptions } from './MapSession';

let early: MapSession | null = null;

/**
 * Opens a map link's session (and so its socket) as the page starts, before React has rendered anything: on a slow
 * phone the first render of the workbench takes the better part of a second, and the socket's handshake and the
 * map's transfer can run meanwhile. The first useMapSession for the same room, link and role takes it over.
 */
export function openSessionEarly(opts: MapSessionOptions): void {
  early?.destroy();
  early = new MapSession(opts);
}

/** The session opened early, if it is for this room, token and role; any other is closed (it was never used). */
export function takeEarlySession(room: string, token: string, role: Role): MapSession | null {
  const s = early;
  early = null;
  if (s && s.room === room && s.token === token && s.role === role) return s;
  s?.destroy();
  return null;
}
