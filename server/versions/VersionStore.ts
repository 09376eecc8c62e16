import * as Y from 'yjs';
import type { DocStore } from '../storage/DocStore';
import { snapshotMap } from '../../shared/model/mapDoc';
import { newId } from '../../shared/model/ids';
import type { MapSnapshot } from '../../shared/model/schema';
import { COMMITMENTS } from '../../shared/stakeholders/commitments';
import { removePerson } from '../../shared/stakeholders/removePerson';
import { log, logError, errorText } from '../log';
import { KeyedSerial } from '../keyedSerial';
import { versionDocName, versionMetaKey, versionMetaPrefix, versionMetaSchema, type VersionMeta, type VersionReason } from './versionMeta';

export interface SaveVersion {
  name: string;
  note?: string;
  reason: VersionReason;
  createdBy?: string;
  /**
   * Automatic versions: not saved when a version (of `reason`, when given) was made at or after `since`. Checked
   * in the map's queue, which holds across instances, so two instances that both see a session end or a day pass
   * keep one version, not two.
   */
  unlessSince?: { since: number; reason?: VersionReason };
}

/** Refused because the map holds as many named versions as it may; automatic ones make way by themselves. */
export class VersionsFullError extends Error {
  readonly code = 'VERSIONS_FULL';
  constructor(readonly limit: number) {
    super(`VERSIONS_FULL: ${limit} versions`);
  }
}

/** A stored version that cannot be decoded: reported and skipped, never served half. */
export class VersionUnreadableError extends Error {
  readonly code = 'VERSION_UNREADABLE';
  constructor(readonly room: string, readonly id: string, reason: string) {
    super(`VERSION_UNREADABLE: ${room} ${id}: ${reason}`);
  }
}

/** Reads a stored state into a fresh document (garbage collection on); throws when a record does not decode. */
function decode(updates: Uint8Array[], skipped: number): Y.Doc {
  if (skipped > 0) throw new Error(`${skipped} damaged records`);
  if (updates.length === 0) throw new Error('no state stored');
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/**
 * Versions of maps, kept as full copies: the state of the map document at that moment as one update, from a
 * document with garbage collection on (so a version holds what the map held, not every deleted value before it).
 * The private document is never versioned: a version holds no contact details.
 */
export class VersionStore {
  /** One chain of writes per map, so a save, a prune and a person's removal never interleave. */
  private readonly chains: KeyedSerial;

  constructor(private readonly store: DocStore, private readonly maxPerMap: number) {
    this.chains = new KeyedSerial(store.lock?.bind(store), 'versions');
  }

  private serial<T>(room: string, work: () => Promise<T>): Promise<T> {
    return this.chains.run(room, work);
  }

  /** Every readable version of a map, newest first. A damaged meta record is logged and left out. */
  async list(room: string): Promise<VersionMeta[]> {
    const out: VersionMeta[] = [];
    for (const { key, value } of await this.store.listMeta(versionMetaPrefix(room))) {
      const parsed = versionMetaSchema.safeParse(value);
      if (parsed.success) out.push(parsed.data);
      else logError('VERSION_META_UNREADABLE', { key });
    }
    return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  async get(room: string, id: string): Promise<VersionMeta | undefined> {
    const parsed = versionMetaSchema.safeParse(await this.store.getMeta<unknown>(versionMetaKey(room, id)));
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Saves the map as it is now. Named versions are refused past the limit; automatic ones push out the oldest
   * automatic version instead. The state is stored before the meta record, so a listed version always has one.
   */
  save(room: string, map: Y.Doc, what: SaveVersion): Promise<VersionMeta> {
    const state = Y.encodeStateAsUpdate(map);
    const snapshot = snapshotMap(map);
    return this.serial(room, async () => {
      const existing = await this.list(room);
      const automatic = what.reason !== 'named';
      const skip = what.unlessSince;
      const recent = skip && existing.find((v) => v.createdAt >= skip.since && (skip.reason === undefined || v.reason === skip.reason));
      if (recent) {
        log('VERSION_SKIPPED_RECENT', { room, reason: what.reason, recent: recent.id });
        return recent;
      }
      if (existing.length >= this.maxPerMap) {
        const oldestAutomatic = existing.filter((v) => v.automatic).at(-1);
        if (!oldestAutomatic) {
          if (!automatic) throw new VersionsFullError(this.maxPerMap);
          log('VERSION_SKIPPED_FULL', { room, reason: what.reason });
          return existing[0];
        }
        await this.remove(room, oldestAutomatic.id);
      }
      const id = newId();
      const meta: VersionMeta = {
        v: 1,
        id,
        name: what.name,
        note: what.note ?? '',
        createdAt: Date.now(),
        automatic,
        reason: what.reason,
        createdBy: what.createdBy ?? '',
        counts: { cards: snapshot.nodes.length, relations: snapshot.edges.length, commitments: snapshot.collections[COMMITMENTS]?.length ?? 0 },
        bytes: state.byteLength,
      };
      await this.store.append(versionDocName(room, id), [state]);
      await this.store.putMeta(versionMetaKey(room, id), meta);
      log('VERSION_SAVED', { room, id, reason: what.reason, bytes: state.byteLength });
      return meta;
    });
  }

  /** The version as plain values; undefined when unknown, VersionUnreadableError when stored but damaged. */
  async load(room: string, id: string): Promise<{ meta: VersionMeta; snapshot: MapSnapshot } | undefined> {
    const meta = await this.get(room, id);
    if (!meta) return undefined;
    const stored = await this.store.load(versionDocName(room, id));
    let doc: Y.Doc;
    try {
      doc = decode(stored.updates, stored.skipped.length);
    } catch (err) {
      logError('VERSION_UNREADABLE', { room, id, error: errorText(err) });
      throw new VersionUnreadableError(room, id, errorText(err));
    }
    try {
      return { meta, snapshot: snapshotMap(doc) };
    } finally {
      doc.destroy();
    }
  }

  rename(room: string, id: string, patch: { name?: string; note?: string }): Promise<VersionMeta | undefined> {
    return this.serial(room, async () => {
      const meta = await this.get(room, id);
      if (!meta) return undefined;
      const next = { ...meta, ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.note !== undefined ? { note: patch.note } : {}) };
      await this.store.putMeta(versionMetaKey(room, id), next);
      return next;
    });
  }

  delete(room: string, id: string): Promise<boolean> {
    return this.serial(room, async () => {
      if (!(await this.get(room, id))) return false;
      await this.remove(room, id);
      return true;
    });
  }

  /** Meta first: a version is listed only while its state exists. */
  private async remove(room: string, id: string): Promise<void> {
    await this.store.deleteMeta(versionMetaKey(room, id));
    await this.store.delete(versionDocName(room, id));
    log('VERSION_DELETED', { room, id });
  }

  /** Every version of a map, with the map (the map is deleted). */
  deleteAll(room: string): Promise<number> {
    return this.serial(room, async () => {
      const all = await this.list(room);
      for (const v of all) await this.remove(room, v.id);
      // Meta records that no longer parse still name a state document: those go too.
      for (const { key } of await this.store.listMeta(versionMetaPrefix(room))) {
        const id = key.slice(versionMetaPrefix(room).length);
        await this.remove(room, id);
      }
      return all.length;
    });
  }

  /**
   * Deletes a person from every version (AVG): their card, relations and commitments. Each version is rewritten
   * from a document with garbage collection on and stored as a new compacted state, so no stored byte of any
   * version keeps their name. A version that cannot be read is deleted rather than kept with the person in it.
   */
  removePerson(room: string, nodeId: string): Promise<number> {
    return this.serial(room, async () => {
      let changed = 0;
      for (const v of await this.list(room)) {
        const name = versionDocName(room, v.id);
        const stored = await this.store.load(name);
        let doc: Y.Doc;
        try {
          doc = decode(stored.updates, stored.skipped.length);
        } catch (err) {
          logError('VERSION_UNREADABLE_DELETED', { room, id: v.id, error: errorText(err) });
          await this.remove(room, v.id);
          continue;
        }
        if (!doc.getMap('nodes').has(nodeId)) {
          doc.destroy();
          continue;
        }
        removePerson(doc, nodeId);
        const state = Y.encodeStateAsUpdate(doc);
        const snapshot = snapshotMap(doc);
        doc.destroy();
        await this.store.compact(name, state, stored.lastSeq);
        await this.store.putMeta(versionMetaKey(room, v.id), {
          ...v,
          counts: { cards: snapshot.nodes.length, relations: snapshot.edges.length, commitments: snapshot.collections[COMMITMENTS]?.length ?? 0 },
          bytes: state.byteLength,
        });
        changed++;
      }
      if (changed > 0) log('VERSION_PERSON_REMOVED', { room, versions: changed });
      return changed;
    });
  }
}
