import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportMapJson, stringifyMapFile } from '../../../shared/exchange/exportMapJson';
import { importMapFile } from '../../../shared/exchange/importMapFile';
import { importSnapshotIntoDoc } from '../../../shared/exchange/importSnapshotIntoDoc';
import { parseMapFile } from '../../../shared/exchange/parseMapFile';
import { privateFieldsOf } from '../../../shared/exchange/privateFieldsOf';
import { createNode, initMeta, snapshotMap } from '../../../shared/model/mapDoc';
import { sampleMap } from './sampleMap';

describe('exporting a map as JSON and importing it again', () => {
  it('gives back an identical map', () => {
    const { doc } = sampleMap();
    const before = snapshotMap(doc);
    const text = stringifyMapFile(exportMapJson(before, undefined, { exportedAt: new Date('2027-01-15T10:00:00Z') }));
    const parsed = parseMapFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.snapshot).toEqual(before);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.exportedAt).toBe('2027-01-15T10:00:00.000Z');

    const copy = new Y.Doc();
    const written = importSnapshotIntoDoc(copy, parsed.snapshot, 'import');
    expect(written).toEqual({ ok: true, nodes: 4, edges: 2, records: 2 });
    expect(snapshotMap(copy)).toEqual(before);
    // and a second round trip changes nothing either
    expect(stringifyMapFile(exportMapJson(snapshotMap(copy), undefined, { exportedAt: new Date('2027-01-15T10:00:00Z') }))).toBe(text);
  });

  it('leaves private contact details out unless they are ticked in', () => {
    const { doc, privateDoc } = sampleMap();
    const priv = privateFieldsOf(privateDoc);
    expect(stringifyMapFile(exportMapJson(snapshotMap(doc), priv))).not.toContain('06-12345678');
    expect(stringifyMapFile(exportMapJson(snapshotMap(doc), priv, { includePrivate: false }))).not.toContain('06-12345678');

    const text = stringifyMapFile(exportMapJson(snapshotMap(doc), priv, { includePrivate: true }));
    expect(text).toContain('06-12345678');
    const copy = new Y.Doc();
    const copyPrivate = new Y.Doc();
    const result = importMapFile(copy, text, 'import', copyPrivate);
    expect(result.ok).toBe(true);
    expect(privateFieldsOf(copyPrivate)).toEqual(priv);
    expect(snapshotMap(copy)).toEqual(snapshotMap(doc));
  });

  it('writes the whole import as one update, so others receive it at once and one undo removes it', () => {
    const { doc } = sampleMap();
    const text = stringifyMapFile(exportMapJson(snapshotMap(doc)));
    const copy = new Y.Doc();
    let updates = 0;
    copy.on('update', () => updates++);
    importMapFile(copy, text, 'import');
    expect(updates).toBe(1);
  });

  it('does not import into a map that already has content', () => {
    const { doc } = sampleMap();
    const text = stringifyMapFile(exportMapJson(snapshotMap(doc)));
    const target = new Y.Doc();
    createNode(target, { label: 'Werk van iemand anders' });
    const before = Y.encodeStateAsUpdate(target);
    const result = importMapFile(target, text, 'import');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].code).toBe('TARGET_NOT_EMPTY');
    expect(Y.encodeStateAsUpdate(target)).toEqual(before);
  });

  it('imports into a new map whose only content is the title the server stamped at creation', () => {
    const { doc } = sampleMap();
    const text = stringifyMapFile(exportMapJson(snapshotMap(doc)));
    const target = new Y.Doc();
    initMeta(target, { title: 'Nieuwe kaart' });
    const result = importMapFile(target, text, 'import');
    expect(result.ok).toBe(true);
    expect(snapshotMap(target).nodes).toEqual(snapshotMap(doc).nodes);
    expect(snapshotMap(target).meta.title).toBe(snapshotMap(doc).meta.title);
  });
});
