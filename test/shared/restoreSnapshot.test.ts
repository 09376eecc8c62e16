import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collectionMap, createNode, nodesMap, putRecord, setNodeData, setSharedText, snapshotMap } from '../../shared/model/mapDoc';
import { VOTES_COLLECTION, readVote } from '../../shared/participation/votes';
import { restoreNode, restoreSnapshot } from '../../shared/model/restoreSnapshot';
import { removePerson } from '../../shared/stakeholders/removePerson';
import { COMMITMENTS } from '../../shared/stakeholders/commitments';
import { VK, voorbeeldkaartDoc } from '../fixtures/voorbeeldkaart';

const ME = { me: true };

function tracked(doc: Y.Doc): Y.UndoManager {
  const scope = [...doc.share.keys()].map((k) => doc.get(k));
  return new Y.UndoManager(scope, { trackedOrigins: new Set([ME]), captureTimeout: 0 });
}

describe('restoring a version', () => {
  it('brings the whole map back as one change, undone with one undo', () => {
    const doc = voorbeeldkaartDoc();
    setSharedText(doc, 'planSummary', 'Oude samenvatting');
    const version = snapshotMap(doc);
    // The map moves on: a card added, one deleted, a field and a text changed.
    const added = createNode(doc, { kind: 'place', label: 'Bibliotheek' });
    nodesMap(doc).delete(VK.ilse);
    setNodeData(doc, VK.hatice, { capacityHoursPerMonth: 20 });
    // A field the version did not have: restoring must remove it, not only overwrite the ones it had.
    setNodeData(doc, VK.karim, { note: 'na de sessie ingevuld' });
    setSharedText(doc, 'planSummary', 'Nieuwe samenvatting');
    const before = snapshotMap(doc);
    const undo = tracked(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    restoreSnapshot(doc, version, ME);
    expect(updates).toBe(1);
    expect(snapshotMap(doc)).toEqual(version);
    expect(nodesMap(doc).has(added)).toBe(false);
    undo.undo();
    expect(snapshotMap(doc)).toEqual(before);
  });

  it('leaves the votes taken since as they are, whole map or one card', () => {
    const doc = voorbeeldkaartDoc();
    const version = snapshotMap(doc);
    putRecord(doc, VOTES_COLLECTION, { question: 'Welke eerst?', cards: [VK.hatice, VK.karim], status: 'ended', revealed: true, counts: [4, 2], startedAt: 1 }, 'v1');
    nodesMap(doc).delete(VK.hatice);
    restoreSnapshot(doc, version, undefined, { keepCollections: [VOTES_COLLECTION] });
    expect(readVote(doc, 'v1')).toMatchObject({ question: 'Welke eerst?', counts: [4, 2] });
    expect(nodesMap(doc).has(VK.hatice)).toBe(true);
    // Without the option the vote would go, as any record the version did not have.
    const plain = voorbeeldkaartDoc();
    const old = snapshotMap(plain);
    putRecord(plain, VOTES_COLLECTION, { question: 'Weg?', cards: [VK.hatice, VK.karim], status: 'ended', startedAt: 1 }, 'v2');
    restoreSnapshot(plain, old);
    expect(readVote(plain, 'v2')).toBeUndefined();
    // A vote deleted since does not come back with a card it was about.
    const withVote = voorbeeldkaartDoc();
    putRecord(withVote, VOTES_COLLECTION, { question: 'Oud', cards: [VK.hatice, VK.karim], status: 'ended', startedAt: 1 }, 'v3');
    const then = snapshotMap(withVote);
    collectionMap(withVote, VOTES_COLLECTION).delete('v3');
    nodesMap(withVote).delete(VK.hatice);
    restoreNode(withVote, then, VK.hatice, undefined, { keepCollections: [VOTES_COLLECTION] });
    expect(nodesMap(withVote).has(VK.hatice)).toBe(true);
    expect(readVote(withVote, 'v3')).toBeUndefined();
  });

  it('merges with an edit made offline meanwhile', () => {
    const doc = voorbeeldkaartDoc();
    const version = snapshotMap(doc);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    setNodeData(doc, VK.hatice, { capacityHoursPerMonth: 20 });
    const offlineCard = createNode(offline, { kind: 'note', label: 'Offline gemaakt' });
    restoreSnapshot(doc, version, ME);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    expect(snapshotMap(doc)).toEqual(snapshotMap(offline));
    expect(nodesMap(doc).has(offlineCard)).toBe(true);
    expect(snapshotMap(doc).nodes.find((n) => n.id === VK.hatice)?.data.capacityHoursPerMonth).toBe(8);
  });

  it('brings back one deleted card with its relations and commitments, and nothing else', () => {
    const doc = voorbeeldkaartDoc();
    const version = snapshotMap(doc);
    removePerson(doc, VK.hatice);
    setNodeData(doc, VK.karim, { capacityHoursPerMonth: 30 });
    expect(collectionMap(doc, COMMITMENTS).get(VK.cHaticeInloop)).toBeUndefined();
    const undo = tracked(doc);
    expect(restoreNode(doc, version, VK.hatice, ME)).toBe(true);
    const now = snapshotMap(doc);
    expect(now.nodes.find((n) => n.id === VK.hatice)?.label).toBe('Hatice Demir');
    expect(now.edges.filter((e) => e.source === VK.hatice || e.target === VK.hatice).length).toBe(version.edges.filter((e) => e.source === VK.hatice || e.target === VK.hatice).length);
    expect(now.collections[COMMITMENTS].filter((c) => c.data.who === VK.hatice)).toHaveLength(2);
    // Other changes since the version stay.
    expect(now.nodes.find((n) => n.id === VK.karim)?.data.capacityHoursPerMonth).toBe(30);
    undo.undo();
    expect(nodesMap(doc).has(VK.hatice)).toBe(false);
    expect(restoreNode(doc, version, 'bestaat-niet', ME)).toBe(false);
  });
});

describe('removing a person', () => {
  it('takes their card, relations, commitments and every reference to them', () => {
    const doc = voorbeeldkaartDoc();
    collectionMap(doc, 'planPhases').set('borgen', new Y.Map([['involved', [VK.hatice, VK.karim]]]));
    removePerson(doc, VK.hatice);
    const text = JSON.stringify(snapshotMap(doc));
    expect(text).not.toContain(VK.hatice);
    expect(text).not.toContain('Hatice');
    expect(snapshotMap(doc).collections.planPhases[0].data.involved).toEqual([VK.karim]);
  });
});
