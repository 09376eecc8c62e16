import type { z } from 'zod';
import { SCHEMA_VERSION, type EdgeRecord, type MapSnapshot } from '../model/schema';
import { describeIssue } from './describeIssue';
import { formatJsonPath, type JsonPathSegment } from './jsonPath';
import { FORBIDDEN_KEYS, MAP_FILE_LIMITS } from './mapFileLimits';
import { MAP_FILE_MIGRATIONS, type MapFileMigration } from './mapFileMigrations';
import { mapFileError, type MapFileError, type MapFileWarning } from './mapFileProblem';
import { MAP_FILE_FORMAT, mapFileV1Schema, type MapFileV1 } from './mapFileSchema';
import type { PrivateFieldsByNode } from './privateFieldsOf';
import { scanJson, type JsonScanOptions } from './scanJson';

export type ParseMapFileResult =
  | {
      ok: true;
      snapshot: MapSnapshot;
      private?: PrivateFieldsByNode;
      /** The file's schema version when it was older than the current one and has been migrated. */
      migratedFrom?: number;
      exportedAt?: string;
      /** Things the gate repaired rather than refused (edges to missing nodes, private fields of missing nodes). */
      warnings: MapFileWarning[];
    }
  | { ok: false; errors: MapFileError[] };

const scanOptions: JsonScanOptions = {
  maxDepth: MAP_FILE_LIMITS.maxDepth,
  maxStringLength: MAP_FILE_LIMITS.maxStringLength,
  maxArrayLength: MAP_FILE_LIMITS.maxArrayLength,
  maxKeysPerObject: MAP_FILE_LIMITS.maxKeysPerObject,
  forbiddenKeys: FORBIDDEN_KEYS,
};

const refuse = (...errors: MapFileError[]): ParseMapFileResult => ({ ok: false, errors });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function looksBinary(text: string): boolean {
  // NUL never occurs in text files and U+FFFD appears when bytes were not UTF-8; a stray control character is just bad JSON.
  const head = text.slice(0, 8192);
  return /[\u0000\ufffd]/.test(head) || (head.match(/[\u0001-\u0008\u000e-\u001f]/g) ?? []).length >= 3;
}

function ownAt(root: unknown, path: readonly JsonPathSegment[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length) return { found: false, value: undefined };
      cur = cur[seg];
    } else {
      if (!isPlainObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false, value: undefined };
      cur = cur[seg];
    }
  }
  return { found: true, value: cur };
}

/** Finds lines for many paths in one pass; a path absent from the text gets its nearest present ancestor's line. */
function withLines<T extends { path: string; line?: number }>(text: string, items: T[], segsOf: Map<T, JsonPathSegment[]>): T[] {
  if (items.length === 0) return items;
  const want = new Set<string>();
  for (const it of items) {
    const segs = segsOf.get(it) ?? [];
    for (let k = segs.length; k >= 0; k--) want.add(formatJsonPath(segs.slice(0, k)));
  }
  const scan = scanJson(text, { ...scanOptions, wantLines: want });
  if (!scan.ok) return items;
  return items.map((it) => {
    const segs = segsOf.get(it) ?? [];
    for (let k = segs.length; k >= 0; k--) {
      const line = scan.lines.get(formatJsonPath(segs.slice(0, k)));
      if (line !== undefined) return { ...it, line };
    }
    return it;
  });
}

function zodErrors(issues: readonly z.core.$ZodIssue[], raw: unknown): { errors: MapFileError[]; segs: Map<MapFileError, JsonPathSegment[]> } {
  const errors: MapFileError[] = [];
  const segs = new Map<MapFileError, JsonPathSegment[]>();
  for (const issue of issues.slice(0, MAP_FILE_LIMITS.maxErrors)) {
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const at = ownAt(raw, path);
    const where = formatJsonPath(path);
    const { code, message } = describeIssue(issue, where, !at.found, at.value);
    const err = mapFileError(code, where, message);
    errors.push(err);
    segs.set(err, path);
  }
  return { errors, segs };
}

function fileVersion(raw: Record<string, unknown>): { version: number } | { error: MapFileError } {
  if (!('format' in raw)) {
    if (Array.isArray(raw.nodes)) return { version: 0 };
    return {
      error: mapFileError('NOT_A_MAP_FILE', '', {
        nl: 'Dit JSON-bestand is geen Mantelkaart-kaart: het veld "format" ontbreekt. Kies een bestand dat met "Exporteren als JSON" is gemaakt.',
        en: 'This JSON file is not a Mantelkaart map: the field "format" is missing. Choose a file made with "Export as JSON".',
      }),
    };
  }
  if (raw.format !== MAP_FILE_FORMAT) {
    return {
      error: mapFileError('NOT_A_MAP_FILE', 'format', {
        nl: `Dit JSON-bestand is geen Mantelkaart-kaart (format is ${JSON.stringify(raw.format)?.slice(0, 60)}, verwacht "${MAP_FILE_FORMAT}").`,
        en: `This JSON file is not a Mantelkaart map (format is ${JSON.stringify(raw.format)?.slice(0, 60)}, expected "${MAP_FILE_FORMAT}").`,
      }),
    };
  }
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return {
      error: mapFileError('BAD_VERSION', 'schemaVersion', {
        nl: 'Het veld schemaVersion moet een geheel getal vanaf 1 zijn. Exporteer de kaart opnieuw.',
        en: 'The field schemaVersion must be a whole number from 1. Export the map again.',
      }),
    };
  }
  if (v > SCHEMA_VERSION) {
    return {
      error: mapFileError('NEWER_VERSION', 'schemaVersion', {
        nl: `Dit bestand is gemaakt met een nieuwere versie van Mantelkaart (schemaversie ${v}; deze versie kent t/m ${SCHEMA_VERSION}). Werk Mantelkaart bij en probeer het opnieuw.`,
        en: `This file was made with a newer version of Mantelkaart (schema version ${v}; this version knows up to ${SCHEMA_VERSION}). Update Mantelkaart and try again.`,
      }),
    };
  }
  return { version: v };
}

/** Validates a parsed file object of the current version and builds the snapshot (cross-record checks included). */
function toSnapshot(file: MapFileV1): { errors: MapFileError[]; segs: Map<MapFileError, JsonPathSegment[]>; warnings: MapFileWarning[]; snapshot: MapSnapshot; priv?: PrivateFieldsByNode } {
  const errors: MapFileError[] = [];
  const segs = new Map<MapFileError, JsonPathSegment[]>();
  const warnings: MapFileWarning[] = [];
  const dup = (what: 'node' | 'edge' | 'record', path: JsonPathSegment[], id: string) => {
    const nl = { node: 'knoop', edge: 'verbinding', record: 'record' }[what];
    const err = mapFileError('DUPLICATE_ID', formatJsonPath(path), {
      nl: `De id "${id.slice(0, 80)}" komt twee keer voor (${nl}). Elke ${nl} heeft een eigen id; herstel het bestand of exporteer opnieuw.`,
      en: `The id "${id.slice(0, 80)}" occurs twice (${what}). Each ${what} needs its own id; repair the file or export again.`,
    });
    errors.push(err);
    segs.set(err, path);
  };

  const nodeIds = new Set<string>();
  file.map.nodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) dup('node', ['map', 'nodes', i, 'id'], n.id);
    nodeIds.add(n.id);
  });
  const edgeIds = new Set<string>();
  const edges: EdgeRecord[] = [];
  file.map.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) dup('edge', ['map', 'edges', i, 'id'], e.id);
    edgeIds.add(e.id);
    const missing = [e.source, e.target].filter((id) => !nodeIds.has(id));
    if (missing.length > 0) {
      // Repaired rather than refused, as Excalidraw's restore does: a dangling edge carries no information.
      warnings.push({
        code: 'EDGE_DANGLING_DROPPED',
        path: formatJsonPath(['map', 'edges', i]),
        message: {
          nl: `De verbinding "${e.id.slice(0, 80)}" wijst naar een knoop die niet in het bestand staat (${missing.join(', ').slice(0, 120)}); ze is weggelaten.`,
          en: `The edge "${e.id.slice(0, 80)}" points at a node that is not in the file (${missing.join(', ').slice(0, 120)}); it was left out.`,
        },
      });
      return;
    }
    edges.push({ ...e });
  });
  const collections: MapSnapshot['collections'] = {};
  for (const [name, records] of Object.entries(file.map.collections)) {
    const ids = new Set<string>();
    records.forEach((r, i) => {
      if (ids.has(r.id)) dup('record', ['map', 'collections', name, i, 'id'], r.id);
      ids.add(r.id);
    });
    collections[name] = records.map((r) => ({ id: r.id, data: r.data }));
  }
  let priv: PrivateFieldsByNode | undefined;
  if (file.private) {
    priv = {};
    for (const [id, fields] of Object.entries(file.private)) {
      if (nodeIds.has(id)) {
        if (Object.keys(fields).length > 0) priv[id] = fields;
        continue;
      }
      warnings.push({
        code: 'PRIVATE_ORPHAN_DROPPED',
        path: formatJsonPath(['private', id]),
        message: {
          nl: `Er staan privégegevens voor "${id.slice(0, 80)}", maar die knoop staat niet in het bestand; ze zijn weggelaten.`,
          en: `There are private details for "${id.slice(0, 80)}", but that node is not in the file; they were left out.`,
        },
      });
    }
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sortedCollections: MapSnapshot['collections'] = {};
  for (const name of Object.keys(collections).sort()) sortedCollections[name] = collections[name].sort(byId);
  const snapshot: MapSnapshot = {
    meta: { schemaVersion: SCHEMA_VERSION, title: file.map.meta.title, template: file.map.meta.template, createdAt: file.map.meta.createdAt },
    nodes: file.map.nodes.map((n) => ({ ...n })).sort(byId),
    edges: edges.sort(byId),
    collections: sortedCollections,
    texts: Object.fromEntries(Object.entries(file.map.texts).filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  return { errors, segs, warnings, snapshot, priv };
}

/**
 * The one gate for map files from outside: checks size, syntax, nesting, forbidden and duplicate keys, the format
 * marker and version, migrates older versions, validates every field, and returns either a snapshot ready for
 * importSnapshotIntoDoc or coded errors with a path and line. Nothing is written anywhere.
 */
export function parseMapFile(text: string, migrations: MapFileMigration[] = MAP_FILE_MIGRATIONS): ParseMapFileResult {
  if (typeof text !== 'string') {
    return refuse(mapFileError('NOT_TEXT', '', { nl: 'Dit is geen tekstbestand. Kies een JSON-bestand van Mantelkaart.', en: 'This is not a text file. Choose a Mantelkaart JSON file.' }));
  }
  if (text.length > MAP_FILE_LIMITS.maxChars) {
    const mib = Math.round(MAP_FILE_LIMITS.maxChars / 1024 / 1024);
    return refuse(
      mapFileError('FILE_TOO_LARGE', '', {
        nl: `Het bestand is groter dan ${mib} MiB. Zo groot is een Mantelkaart-kaart nooit; kies het juiste bestand.`,
        en: `The file is larger than ${mib} MiB. A Mantelkaart map is never that large; choose the right file.`,
      }),
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return refuse(mapFileError('FILE_EMPTY', '', { nl: 'Het bestand is leeg. Kies een JSON-bestand van Mantelkaart.', en: 'The file is empty. Choose a Mantelkaart JSON file.' }));
  }
  const scan = scanJson(body, scanOptions);
  if (!scan.ok) {
    const e = scan.error;
    if (e.code === 'NOT_JSON' && looksBinary(body)) {
      return refuse(
        mapFileError('NOT_TEXT', '', {
          nl: 'Dit is geen tekstbestand maar binaire gegevens (een afbeelding, zip of Word-bestand?). Kies het JSON-bestand dat Mantelkaart exporteerde.',
          en: 'This is not a text file but binary data (an image, zip or Word file?). Choose the JSON file Mantelkaart exported.',
        }),
      );
    }
    return refuse(mapFileError(e.code, e.path, e.message, e.line));
  }
  // Safe now: the scan refused forbidden keys, duplicates, deep nesting and oversized strings and arrays.
  const raw: unknown = JSON.parse(body);
  if (!isPlainObject(raw)) {
    return refuse(
      mapFileError('NOT_A_MAP_FILE', '', {
        nl: 'Dit JSON-bestand is geen Mantelkaart-kaart: het bevat geen object met een kaart. Kies een bestand dat met "Exporteren als JSON" is gemaakt.',
        en: 'This JSON file is not a Mantelkaart map: it holds no object with a map. Choose a file made with "Export as JSON".',
      }),
    );
  }
  const detected = fileVersion(raw);
  if ('error' in detected) return refuse(withLines(body, [detected.error], new Map([[detected.error, detected.error.path ? [detected.error.path] : []]]))[0]);

  let value: unknown = raw;
  let fromSource = true;
  for (let v = detected.version; v < SCHEMA_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return refuse(mapFileError('BAD_VERSION', 'schemaVersion', { nl: `Bestanden van schemaversie ${v} kunnen niet meer worden ingelezen.`, en: `Files of schema version ${v} can no longer be read.` }));
    }
    const old = step.schema.safeParse(value);
    if (!old.success) {
      const { errors, segs } = zodErrors(old.error.issues, value);
      return refuse(...(fromSource ? withLines(body, errors, segs) : errors));
    }
    value = step.up(old.data);
    fromSource = false;
  }
  const parsed = mapFileV1Schema.safeParse(value);
  if (!parsed.success) {
    const { errors, segs } = zodErrors(parsed.error.issues, value);
    return refuse(...(fromSource ? withLines(body, errors, segs) : errors));
  }
  const built = toSnapshot(parsed.data);
  if (built.errors.length > 0) return refuse(...(fromSource ? withLines(body, built.errors.slice(0, MAP_FILE_LIMITS.maxErrors), built.segs) : built.errors));
  const warnings = fromSource ? withLines(body, built.warnings, new Map(built.warnings.map((w) => [w, pathSegs(w.path)]))) : built.warnings;
  return {
    ok: true,
    snapshot: built.snapshot,
    ...(built.priv && Object.keys(built.priv).length > 0 ? { private: built.priv } : {}),
    ...(detected.version < SCHEMA_VERSION ? { migratedFrom: detected.version } : {}),
    ...(parsed.data.exportedAt ? { exportedAt: parsed.data.exportedAt } : {}),
    warnings,
  };
}

/** Splits a path written by formatJsonPath back into segments (only for paths this module wrote itself). */
function pathSegs(path: string): JsonPathSegment[] {
  const out: JsonPathSegment[] = [];
  const re = /([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(String(JSON.parse(m[3])));
  }
  return out;
}
