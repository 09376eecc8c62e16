import type { NodeKindContribution } from '../../../shared/plugin/manifest';

/** Finds a declared node kind by id (the node-kind registry, narrowed for code that only reads). */
export interface NodeKindLookup {
  get(kindId: string): NodeKindContribution | undefined;
}
