/**
 * Bounds on an imported map file. A real Mantelkaart map has a few hundred nodes; these leave generous room
 * while keeping a hostile file from exhausting memory, the stack or the Y.Doc.
 */
export const MAP_FILE_LIMITS = {
  /** Characters of JSON text (a UTF-16 string: about 20 MiB of ASCII). */
  maxChars: 20 * 1024 * 1024,
  /** Nesting of objects and arrays; a valid file needs 6. */
  maxDepth: 32,
  maxStringLength: 100_000,
  /** Any one array in the text, checked while scanning, before anything is parsed. */
  maxArrayLength: 50_000,
  maxKeysPerObject: 1_000,
  maxNodes: 10_000,
  maxEdges: 50_000,
  maxCollections: 100,
  maxRecordsPerCollection: 10_000,
  maxFieldsPerRecord: 200,
  maxListItems: 1_000,
  maxIdLength: 128,
  maxKeyLength: 128,
  /** Canvas coordinates and sizes beyond this are a corrupt file, not a big map. */
  maxCoordinate: 10_000_000,
  /** Refusals report at most this many problems: the first ones say enough. */
  maxErrors: 50,
} as const;

export type MapFileLimits = { [K in keyof typeof MAP_FILE_LIMITS]: number };

/** Object keys that could reach Object.prototype through a careless merge: refused anywhere in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
