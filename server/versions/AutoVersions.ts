import type { Room } from '../room';
import { errorText, logError } from '../log';
import type { VersionStore } from './VersionStore';
import { AUTOMATIC_VERSION_NAMES } from './versionMeta';

export interface AutoVersionOptions {
  /** Least time between two automatic versions when the last person leaves a changed map. */
  afterSessionMs: number;
  /** While a map is being edited, an automatic version when the last one is older than this. */
  dailyMs: number;
}


/**
 * Automatic versions, so a team never loses a session: when the last person leaves a map they changed (at most one
 * per `afterSessionMs`), and once a day while a map is being edited. A failure to save one is logged; it never
 * stops the map.
 */
export class AutoVersions {
  /** Maps changed since their last version. */
  private readonly changed = new Set<string>();
  /** When each map's newest version was made, once known. */
  private readonly lastVersionAt = new Map<string, number>();
  private readonly lastSessionVersionAt = new Map<string, number>();
  private readonly saving = new Set<string>();

  constructor(private readonly versions: VersionStore, private readonly options: AutoVersionOptions, private readonly now = () => Date.now()) {}

  /** Follows a loaded map document's changes from now on (after its stored state is loaded). */
  watch(room: Room): void {
    room.doc.on('update', () => this.mapChanged(room));
  }

  private async newest(room: string): Promise<number> {
    const known = this.lastVersionAt.get(room);
    if (known !== undefined) return known;
    const at = (await this.versions.list(room))[0]?.createdAt ?? 0;
    this.lastVersionAt.set(room, at);
    return at;
  }

  private save(room: Room, reason: 'leave' | 'daily'): void {
    if (this.saving.has(room.name)) return;
    this.saving.add(room.name);
    this.changed.delete(room.name);
    const at = this.now();
    this.lastVersionAt.set(room.name, at);
    if (reason === 'leave') this.lastSessionVersionAt.set(room.name, at);
    // Another instance on the same map may have kept this one already: the store checks, in the map's queue.
    const unlessSince = reason === 'daily' ? { since: at - this.options.dailyMs } : { since: at - this.options.afterSessionMs, reason };
    this.versions
      .save(room.name, room.doc, { name: AUTOMATIC_VERSION_NAMES[reason], reason, unlessSince })
      .catch((err: unknown) => {
        this.changed.add(room.name);
        logError('VERSION_AUTO_FAILED', { room: room.name, reason, error: errorText(err) });
      })
      .finally(() => this.saving.delete(room.name));
  }

  private mapChanged(room: Room): void {
    const first = !this.changed.has(room.name);
    this.changed.add(room.name);
    if (!first) {
      const last = this.lastVersionAt.get(room.name);
      if (last !== undefined && this.now() - last >= this.options.dailyMs) this.save(room, 'daily');
      return;
    }
    void this.newest(room.name).then((last) => {
      if (this.changed.has(room.name) && this.now() - last >= this.options.dailyMs && last > 0) this.save(room, 'daily');
    });
  }

  /**
   * The last socket on this server left the map: keep the session, when it changed anything and the last such
   * version is old enough. With several instances, someone may still be on the map through another one: their
   * presence is still in the room's awareness then, and the instance where the last person leaves keeps it.
   */
  lastLeft(room: Room): void {
    if (!this.changed.has(room.name)) return;
    if (room.awareness.getStates().size > 0) return;
    const last = this.lastSessionVersionAt.get(room.name) ?? 0;
    if (this.now() - last < this.options.afterSessionMs) return;
    this.save(room, 'leave');
  }

  /** Forgets a deleted map. */
  forget(room: string): void {
    this.changed.delete(room);
    this.lastVersionAt.delete(room);
    this.lastSessionVersionAt.delete(room);
  }
}
