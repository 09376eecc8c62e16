import type * as Y from 'yjs';
import type { MapFileError, MapFileWarning } from './mapFileProblem';
import { parseMapFile } from './parseMapFile';
import { importSnapshotIntoDoc } from './importSnapshotIntoDoc';

export type ImportMapFileResult =
  | { ok: true; nodes: number; edges: number; records: number; migratedFrom?: number; warnings: MapFileWarning[] }
  | { ok: false; errors: MapFileError[] };

/**
 * Reads a map file into a new, empty map: the whole file is validated first and nothing is written unless it passes.
 * Private fields in the file go into privateDoc only when one is given (the importing person may see them).
 */
export function importMapFile(doc: Y.Doc, text: string, origin: unknown, privateDoc?: Y.Doc): ImportMapFileResult {
  const parsed = parseMapFile(text);
  if (!parsed.ok) return parsed;
  const written = importSnapshotIntoDoc(doc, parsed.snapshot, origin, { privateDoc, privateFields: parsed.private });
  if (!written.ok) return written;
  return { ...written, ...(parsed.migratedFrom !== undefined ? { migratedFrom: parsed.migratedFrom } : {}), warnings: parsed.warnings };
}
