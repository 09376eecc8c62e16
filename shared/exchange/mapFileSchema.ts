import { z } from 'zod';
import { DEFAULT_EDGE_KIND, DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH } from '../model/schema';
import { FORBIDDEN_KEYS, MAP_FILE_LIMITS as L } from './mapFileLimits';

/** The marker every exported map file carries, so other JSON is told apart from a map. */
export const MAP_FILE_FORMAT = 'mantelkaart-map';

const notForbidden = (s: string) => !FORBIDDEN_KEYS.has(s);

export const idSchema = z.string().min(1).max(L.maxIdLength).refine(notForbidden, { params: { forbidden: true } });
const keySchema = z.string().min(1).max(L.maxKeyLength).refine(notForbidden, { params: { forbidden: true } });
const text = z.string().max(L.maxStringLength);
const coordinate = z.number().min(-L.maxCoordinate).max(L.maxCoordinate);
const size = z.number().positive().max(L.maxCoordinate);

/** A field value as the map document stores it (schema.ts FieldValue); numbers must be finite. */
export const fieldValueSchema = z.union([
  text,
  z.number(),
  z.boolean(),
  z.null(),
  z.array(text).max(L.maxListItems),
  z.array(z.number()).max(L.maxListItems),
]);

const fieldsSchema = z
  .record(keySchema, fieldValueSchema)
  .refine((r) => Object.keys(r).length <= L.maxFieldsPerRecord, { params: { tooManyFields: true } });

export const nodeSchema = z.object({
  id: idSchema,
  kind: z.string().min(1).max(L.maxKeyLength),
  x: coordinate,
  y: coordinate,
  width: size.default(DEFAULT_NODE_WIDTH),
  height: size.default(DEFAULT_NODE_HEIGHT),
  label: text.default(''),
  pinned: z.boolean().default(false),
  data: fieldsSchema.default({}),
});

const handle = z
  .string()
  .max(L.maxKeyLength)
  .nullable()
  .default(null)
  .transform((h) => (h === '' ? null : h));

export const edgeSchema = z.object({
  id: idSchema,
  kind: z.string().min(1).max(L.maxKeyLength).default(DEFAULT_EDGE_KIND),
  source: idSchema,
  target: idSchema,
  sourceHandle: handle,
  targetHandle: handle,
  label: text.default(''),
  data: fieldsSchema.default({}),
});

export const recordSchema = z.object({ id: idSchema, data: fieldsSchema.default({}) });

const collectionName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/)
  .refine(notForbidden, { params: { forbidden: true } });

export const mapBodySchema = z.object({
  meta: z.object({
    title: text,
    template: z.string().max(L.maxKeyLength).default(''),
    createdAt: z.number().min(0).default(0),
  }),
  nodes: z.array(nodeSchema).max(L.maxNodes),
  edges: z.array(edgeSchema).max(L.maxEdges).default([]),
  collections: z
    .record(collectionName, z.array(recordSchema).max(L.maxRecordsPerCollection))
    .refine((c) => Object.keys(c).length <= L.maxCollections, { params: { tooManyCollections: true } })
    .default({}),
  /** Shared texts (the plan's summary, goals' background, …) by name; same name rule as collections. */
  texts: z
    .record(collectionName, text)
    .refine((c) => Object.keys(c).length <= L.maxCollections, { params: { tooManyCollections: true } })
    .default({}),
});

/** Private fields per node id (phone, e-mail, …), present only when the exporter ticked them in. */
export const privateSchema = z.record(idSchema, fieldsSchema);

/** The current file shape (schema version 1). */
export const mapFileV1Schema = z.object({
  format: z.literal(MAP_FILE_FORMAT),
  schemaVersion: z.literal(1),
  exportedAt: z.string().max(64).optional(),
  app: z.string().max(200).optional(),
  map: mapBodySchema,
  private: privateSchema.optional(),
});

export type MapFileV1 = z.output<typeof mapFileV1Schema>;

/**
 * Version 0, "before versioning": what early prototypes and hand-written fixtures saved. No format marker and no
 * schemaVersion; a node's kind fields sit directly on the node (no `data`), and commitments are a top-level array.
 */
const v0Fields = fieldValueSchema;
export const mapFileV0Schema = z.object({
  title: text.default(''),
  template: z.string().max(L.maxKeyLength).optional(),
  nodes: z
    .array(
      z
        .object({
          id: idSchema,
          kind: z.string().min(1).max(L.maxKeyLength),
          x: coordinate,
          y: coordinate,
          width: size.optional(),
          height: size.optional(),
          label: text.optional(),
          pinned: z.boolean().optional(),
        })
        .catchall(v0Fields),
    )
    .max(L.maxNodes),
  edges: z
    .array(
      z.object({
        id: idSchema,
        kind: z.string().min(1).max(L.maxKeyLength).optional(),
        source: idSchema,
        target: idSchema,
        label: text.optional(),
      }),
    )
    .max(L.maxEdges)
    .default([]),
  commitments: z.array(z.object({ id: idSchema }).catchall(v0Fields)).max(L.maxRecordsPerCollection).optional(),
});

export type MapFileV0 = z.output<typeof mapFileV0Schema>;
