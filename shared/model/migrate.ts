import * as Y from 'yjs';
import { SCHEMA_VERSION } from './schema';
import { metaMap, nodesMap } from './mapDoc';

/**
 * Migrations run on the server only, once, right after a room is loaded from storage, so two clients never
 * migrate the same document concurrently. Each step moves a document from version `from` to `from + 1`.
 */
export interface MigrationStep {
  from: number;
  describe: string;
  run(doc: Y.Doc): void;
}

export const MIGRATIONS: MigrationStep[] = [
  {
    from: 0,
    describe: 'stamp documents made before versioning (or by a stock Yjs client) and give every node a data map',
    run(doc) {
      nodesMap(doc).forEach((y) => {
        if (y instanceof Y.Map && !(y.get('data') instanceof Y.Map)) y.set('data', new Y.Map());
      });
    },
  },
];

export type MigrationResult =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number }
  | { status: 'newer'; version: number };

/** The schema version stamped in a document; 0 for a document that was never stamped. */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Brings a document to SCHEMA_VERSION in one transaction. An empty, never-stamped document is left alone
 * (stamping it would write to rooms nobody has used yet); a document from a newer version is left alone too.
 */
export function migrateMapDoc(doc: Y.Doc, origin: unknown = 'migration', steps: MigrationStep[] = MIGRATIONS, target = SCHEMA_VERSION): MigrationResult {
  const from = schemaVersionOf(doc);
  if (from > target) return { status: 'newer', version: from };
  if (from === target) return { status: 'current', version: from };
  const isEmpty = from === 0 && metaMap(doc).size === 0 && nodesMap(doc).size === 0;
  if (isEmpty) return { status: 'current', version: from };
  doc.transact(() => {
    for (let v = from; v < target; v++) {
      const step = steps.find((s) => s.from === v);
      if (!step) throw new Error(`MIGRATION_MISSING: no migration from schema version ${v}`);
      step.run(doc);
    }
    metaMap(doc).set('schemaVersion', target);
  }, origin);
  return { status: 'migrated', from, to: target };
}
