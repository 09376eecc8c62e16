import type { MapSnapshot, NodeRecord, EdgeRecord, CollectionRecord, FieldValue } from '../../../shared/model/schema';
import { COMMITMENTS, commitmentData, type CommitmentInit } from '../../../shared/stakeholders/commitments';

/** Small hand-made maps for rule tests: only what the rule under test looks at. */
export function node(id: string, kind: string, label: string, data: Record<string, FieldValue> = {}): NodeRecord {
  return { id, kind, label, x: 0, y: 0, width: 180, height: 64, pinned: false, data };
}

export function edge(kind: string, source: string, target: string, data: Record<string, FieldValue> = {}): EdgeRecord {
  return { id: `${source}-${kind}-${target}`, kind, source, target, sourceHandle: null, targetHandle: null, label: '', data };
}

export function commitment(id: string, c: CommitmentInit): CollectionRecord {
  return { id, data: commitmentData(c) };
}

export function map(nodes: NodeRecord[], edges: EdgeRecord[] = [], commitments: CollectionRecord[] = []): MapSnapshot {
  return { meta: { schemaVersion: 1, title: 'test', template: '', createdAt: 0 }, nodes, edges, collections: { [COMMITMENTS]: commitments }, texts: {} };
}
