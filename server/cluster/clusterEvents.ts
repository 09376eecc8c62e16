import type { Rooms } from '../rooms';
import { CLOSE_DELETED, CLOSE_REVOKED } from '../connection';
import type { ClusterEvent } from './RedisRelay';
import { log } from '../log';

/** Tells every instance what the API changed that their sockets must feel (REDIS_URL; absent on one machine). */
export interface ClusterEvents {
  announce(event: ClusterEvent): Promise<void>;
}

/** What an instance does when any instance (itself included) announces an event. */
export function applyClusterEvent(rooms: Rooms, event: ClusterEvent): void {
  if (event.kind === 'revoked') {
    const closed = rooms.closePeers(event.room, (p) => p.role === event.role && p.generation < event.generation, CLOSE_REVOKED, 'link revoked');
    if (closed > 0) log('CLUSTER_LINK_REVOKED', { room: event.room, link: event.role, closed });
  } else if (event.kind === 'deleted') {
    void rooms.discardMap(event.room, CLOSE_DELETED, 'map deleted');
  }
}
