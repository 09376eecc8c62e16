import * as Y from 'yjs';
import { COLLECTION_PREFIX, ROOT_EDGES, ROOT_META, ROOT_NODES, TEXT_PREFIX } from '../../../shared/model/schema';
import { ROOT_PEOPLE } from '../../../shared/model/privateDoc';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { IDisposable } from '../../../shared/plugin/Disposable';
import type { MapChangeEvent } from '../api';
import type { HostSession } from '../HostSession';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its parents as AbstractType<any>.
/** The top-level name and the id directly below it of a changed type (a node's map, a node's data, …). */
function locate(doc: Y.Doc, type: Y.AbstractType<any>, keys: Set<string | null>): { root: string; ids: string[] } | null {
  let cur: Y.AbstractType<any> = type;
  let sub: string | null = null;
  while (cur._item) {
    sub = cur._item.parentSub;
    cur = cur._item.parent as Y.AbstractType<any>;
  }
  for (const [name, t] of doc.share) {
    if (t !== cur) continue;
    if (sub !== null) return { root: name, ids: [sub] };
    // The root map itself changed: the keys are the ids added or removed.
    return { root: name, ids: [...keys].filter((k): k is string => k !== null) };
  }
  return null;
}

/** Turns Yjs transactions into one typed change event each; shared by every extension's map API. */
export class MapService implements IDisposable {
  private readonly changed = new Emitter<MapChangeEvent>();
  /** Fires once per transaction that changed the map. */
  readonly onDidChangeMap: Event<MapChangeEvent> = this.changed.event;
  private readonly onAfter: (tr: Y.Transaction) => void;
  private readonly onAfterPrivate: (tr: Y.Transaction) => void;

  constructor(readonly session: HostSession) {
    const doc = session.doc;
    this.onAfter = (tr) => {
      if (tr.changed.size === 0) return;
      const nodes = new Set<string>();
      const edges = new Set<string>();
      const collections = new Set<string>();
      const texts = new Set<string>();
      let meta = false;
      for (const [type, keys] of tr.changed) {
        const where = locate(doc, type, keys);
        if (!where) continue;
        if (where.root === ROOT_NODES) where.ids.forEach((id) => nodes.add(id));
        else if (where.root === ROOT_EDGES) where.ids.forEach((id) => edges.add(id));
        else if (where.root === ROOT_META) meta = true;
        else if (where.root.startsWith(COLLECTION_PREFIX)) collections.add(where.root.slice(COLLECTION_PREFIX.length));
        else if (where.root.startsWith(TEXT_PREFIX)) texts.add(where.root.slice(TEXT_PREFIX.length));
      }
      this.changed.fire({ nodes: [...nodes], edges: [...edges], collections: [...collections], texts: [...texts], meta, local: tr.local });
    };
    doc.on('afterTransaction', this.onAfter);

    // Private fields (phone, e-mail, address) are node data kept in another document: a change there is reported
    // as a change of those nodes, so an open inspector shows what a colleague just typed.
    this.onAfterPrivate = (tr) => {
      const priv = session.privateDoc;
      if (!priv || tr.changed.size === 0) return;
      const nodes = new Set<string>();
      for (const [type, keys] of tr.changed) {
        const where = locate(priv, type, keys);
        if (where?.root === ROOT_PEOPLE) where.ids.forEach((id) => nodes.add(id));
      }
      if (nodes.size > 0) this.changed.fire({ nodes: [...nodes], edges: [], collections: [], texts: [], meta: false, local: tr.local });
    };
    session.privateDoc?.on('afterTransaction', this.onAfterPrivate);
  }

  /** Stops listening to the document. */
  dispose(): void {
    this.session.doc.off('afterTransaction', this.onAfter);
    this.session.privateDoc?.off('afterTransaction', this.onAfterPrivate);
    this.changed.dispose();
  }
}
