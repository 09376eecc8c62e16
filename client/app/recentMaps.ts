import { useSyncExternalStore } from 'react';
import { isRole, type Role } from '../../shared/protocol/roles';
import { isValidRoomName } from '../../shared/model/roomName';

/**
 * The maps this browser has opened, with their token, so the start page can reopen them and a map opened
 * from a bookmark without its fragment still finds its token. Kept in localStorage: it holds access codes,
 * so "forget" removes the entry completely.
 */
export interface RecentMap {
  room: string;
  token: string;
  title: string;
  role: Role;
  lastOpened: number;
}

const KEY = 'mantelkaart:recent-maps';
const listeners = new Set<() => void>();
let cache: RecentMap[] | null = null;

function parse(raw: string | null): RecentMap[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: RecentMap[] = [];
  for (const v of value) {
    if (typeof v !== 'object' || v === null) continue;
    const { room, token, title, role, lastOpened } = v as Record<string, unknown>;
    if (typeof room !== 'string' || !isValidRoomName(room) || typeof token !== 'string' || !isRole(role)) continue;
    out.push({ room, token, role, title: typeof title === 'string' ? title : '', lastOpened: typeof lastOpened === 'number' ? lastOpened : 0 });
  }
  return out;
}

export function listRecentMaps(): RecentMap[] {
  if (cache) return cache;
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    raw = null;
  }
  cache = parse(raw).sort((a, b) => b.lastOpened - a.lastOpened);
  return cache;
}

function save(list: RecentMap[]): void {
  cache = [...list].sort((a, b) => b.lastOpened - a.lastOpened);
  try {
    localStorage.setItem(KEY, JSON.stringify(cache));
  } catch {
    // Storage full or refused: the list only lives for this visit.
  }
  for (const l of listeners) l();
}

export function findRecentMap(room: string): RecentMap | undefined {
  return listRecentMaps().find((m) => m.room === room);
}

/** Records (or refreshes) a map; fields left out keep their stored value. */
export function rememberMap(entry: Pick<RecentMap, 'room' | 'token'> & Partial<RecentMap>): void {
  const list = listRecentMaps();
  const prev = list.find((m) => m.room === entry.room);
  const next: RecentMap = {
    room: entry.room,
    token: entry.token,
    title: entry.title ?? prev?.title ?? '',
    role: entry.role ?? prev?.role ?? 'view',
    lastOpened: entry.lastOpened ?? Date.now(),
  };
  save([next, ...list.filter((m) => m.room !== entry.room)]);
}

export function forgetMap(room: string): void {
  save(listRecentMaps().filter((m) => m.room !== room));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      cache = null;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useRecentMaps(): RecentMap[] {
  return useSyncExternalStore(subscribe, listRecentMaps, listRecentMaps);
}
