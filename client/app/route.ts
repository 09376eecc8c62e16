import { useSyncExternalStore } from 'react';
import { isValidRoomName } from '../../shared/model/roomName';

/** The two pages. The token comes from the URL fragment, so it never reaches server logs or a Referer header. */
export type Route = { page: 'start' } | { page: 'map'; room: string; token: string | null } | { page: 'not-found' };

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { page: 'start' };
  const m = /^\/m\/([^/]+)\/?$/.exec(pathname);
  if (!m) return { page: 'not-found' };
  let room: string;
  try {
    room = decodeURIComponent(m[1]);
  } catch {
    return { page: 'not-found' };
  }
  if (!isValidRoomName(room)) return { page: 'not-found' };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return { page: 'map', room, token: token && token.length <= 4096 ? token : null };
}

const listeners = new Set<() => void>();
let snapshot = { pathname: location.pathname, hash: location.hash };

function refresh(): void {
  if (snapshot.pathname === location.pathname && snapshot.hash === location.hash) return;
  snapshot = { pathname: location.pathname, hash: location.hash };
  for (const l of listeners) l();
}
window.addEventListener('popstate', refresh);
window.addEventListener('hashchange', refresh);

export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  refresh();
}

export function useRoute(): Route {
  const loc = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
  return parseRoute(loc.pathname, loc.hash);
}

/** Same-origin path of a link the server made (it may carry the server's own idea of its origin). */
export function localPath(link: string): string {
  try {
    const u = new URL(link, location.origin);
    return u.pathname + u.hash;
  } catch {
    return '/';
  }
}
