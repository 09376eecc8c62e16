import type { z } from 'zod';
import type { FieldValue } from '../model/schema';
import { toFieldValue } from '../model/fieldValue';
import { MAP_FILE_FORMAT, mapFileV0Schema, type MapFileV0 } from './mapFileSchema';

/**
 * One step from file version `from` to `from + 1`. The step validates the old shape with its own schema first
 * (so a bad old file is refused with paths into *its* text), then rewrites it as the next version's raw shape,
 * which is validated again by the next step or by the current schema.
 */
export interface MapFileMigration {
  from: number;
  describe: string;
  schema: z.ZodType;
  up(value: unknown): unknown;
}

function defineMigration<S extends z.ZodType>(step: { from: number; describe: string; schema: S; up(value: z.output<S>): unknown }): MapFileMigration {
  // The gate calls up() only with the output of step.schema, so the narrowing below holds.
  return { from: step.from, describe: step.describe, schema: step.schema, up: (v) => step.up(v as z.output<S>) };
}

const NODE_KEYS = new Set(['id', 'kind', 'x', 'y', 'width', 'height', 'label', 'pinned']);

function v0ToV1(v0: MapFileV0): unknown {
  return {
    format: MAP_FILE_FORMAT,
    schemaVersion: 1,
    map: {
      meta: { title: v0.title, template: v0.template ?? '', createdAt: 0 },
      nodes: v0.nodes.map((n) => {
        const data: Record<string, FieldValue> = {};
        for (const [k, v] of Object.entries(n)) {
          const fv = NODE_KEYS.has(k) ? undefined : toFieldValue(v);
          if (fv !== undefined) data[k] = fv;
        }
        return { id: n.id, kind: n.kind, x: n.x, y: n.y, width: n.width, height: n.height, label: n.label, pinned: n.pinned, data };
      }),
      edges: v0.edges.map((e) => ({ id: e.id, kind: e.kind, source: e.source, target: e.target, label: e.label })),
      collections: v0.commitments
        ? {
            commitments: v0.commitments.map((c) => {
              const data: Record<string, FieldValue> = {};
              for (const [k, v] of Object.entries(c)) {
                const fv = k === 'id' ? undefined : toFieldValue(v);
                if (fv !== undefined) data[k] = fv;
              }
              return { id: c.id, data };
            }),
          }
        : {},
    },
  };
}

export const MAP_FILE_MIGRATIONS: MapFileMigration[] = [
  defineMigration({
    from: 0,
    describe: 'files from before versioning: move node fields into data and commitments into a collection',
    schema: mapFileV0Schema,
    up: v0ToV1,
  }),
];
