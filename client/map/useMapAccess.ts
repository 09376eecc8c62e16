import { useEffect, useState } from 'react';
import { decodeTokenPayload } from '../../shared/protocol/token';
import type { Role } from '../../shared/protocol/roles';
import { ApiError, getRoom } from '../api/roomsApi';
import { findRecentMap, rememberMap, type RecentMap } from '../app/recentMaps';

export type MapAccess =
  | { state: 'ready'; token: string; role: Role; title: string }
  | { state: 'no-token' }
  | { state: 'denied' }
  | { state: 'not-found' };

/** The link this tab opens the room with (from the URL, or this browser's list) and the role it claims, before the server has said anything. */
export function claimedAccess(room: string, urlToken: string | null): { token: string; role: Role } | null {
  const link = claimedLink(room, urlToken, findRecentMap(room));
  return link ? { token: link.token, role: link.role ?? 'view' } : null;
}

/** The token, and its own claim of a role for this room, or else the role remembered with it. */
function claimedLink(room: string, urlToken: string | null, remembered: RecentMap | undefined): { token: string; role: Role | null } | null {
  const token = urlToken ?? remembered?.token ?? null;
  if (!token) return null;
  const claimed = decodeTokenPayload(token);
  if (claimed && claimed.r === room) return { token, role: claimed.l };
  return { token, role: remembered && remembered.token === token ? remembered.role : null };
}

/**
 * Which token and role this tab uses for the room. The token comes from the URL fragment or, when the map is
 * reopened without it, from this browser's list. The role shown at once is the token's own claim (or the
 * remembered one) so the map opens offline too; the server's answer then confirms or corrects it.
 */
export function useMapAccess(room: string, urlToken: string | null): MapAccess {
  const remembered = findRecentMap(room);
  const link = claimedLink(room, urlToken, remembered);
  const token = link?.token ?? null;
  const initialRole = link?.role ?? null;

  const [access, setAccess] = useState<MapAccess>(() =>
    !token ? { state: 'no-token' } : { state: 'ready', token, role: initialRole ?? 'view', title: remembered?.title ?? '' },
  );

  useEffect(() => {
    if (!token) return;
    rememberMap({ room, token, role: initialRole ?? undefined });
    let cancelled = false;
    getRoom(room, token).then(
      (info) => {
        if (cancelled) return;
        rememberMap({ room, token, role: info.role, title: info.title });
        setAccess((prev) =>
          prev.state === 'ready' && prev.role === info.role && prev.title === info.title ? prev : { state: 'ready', token, role: info.role, title: info.title },
        );
      },
      (err: unknown) => {
        if (cancelled || !(err instanceof ApiError)) return;
        // Offline or a server hiccup: keep working from the local copy with the claimed role.
        if (err.code === 'denied') setAccess({ state: 'denied' });
        else if (err.code === 'not-found') setAccess({ state: 'not-found' });
      },
    );
    return () => {
      cancelled = true;
    };
    // initialRole derives from token; re-running on it would only repeat the request.
  }, [room, token]); // eslint-disable-line react-hooks/exhaustive-deps

  return access;
}
