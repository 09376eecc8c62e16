import { useEffect, useState, useSyncExternalStore } from 'react';
import { useHost } from '../ui/HostContext';
import type { ParticipationState } from './ParticipationService';

/** Votes, ballots, timer and suggestions of the open map, re-rendering when any changes. */
export function useParticipation(): ParticipationState {
  const { services } = useHost();
  return useSyncExternalStore(services.participation.subscribe, services.participation.get);
}

/** The server's time, ticking every `everyMs` while `active` (a countdown), still otherwise. */
export function useServerNow(active: boolean, everyMs = 250): number {
  const { services } = useHost();
  const [now, setNow] = useState(() => services.participation.serverNow());
  useEffect(() => {
    setNow(services.participation.serverNow());
    if (!active) return;
    const t = setInterval(() => setNow(services.participation.serverNow()), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs, services]);
  return now;
}

/** m:ss (or h:mm:ss) for a countdown; rounds up so "0:00" means the time is really up. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
