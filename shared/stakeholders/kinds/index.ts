import type { FieldSchema } from '../../model/fields';
import { areaKind } from './area';
import { communityKind } from './community';
import { keyFigureKind } from './keyFigure';
import type { NodeKindSpec } from './nodeKindSpec';
import { offerKind } from './offer';
import { organisationKind } from './organisation';
import { partnerKind } from './partner';
import { placeKind } from './place';
import { teamMemberKind } from './teamMember';

export * from './kindIds';
export * from './nodeKindSpec';
export * from './community';
export * from './keyFigure';
export * from './place';
export * from './partner';
export * from './teamMember';
export * from './organisation';
export * from './offer';
export * from './area';
export * from './pictograms';

/** Every node kind of the stakeholder workspace, in the order a palette shows them. (`note` is the host's.) */
export const STAKEHOLDER_KINDS: readonly NodeKindSpec[] = [
  communityKind, keyFigureKind, placeKind, partnerKind, teamMemberKind, organisationKind, offerKind, areaKind,
];

export function kindSpec(kind: string): NodeKindSpec | undefined {
  return STAKEHOLDER_KINDS.find((k) => k.id === kind);
}

/** The keys of a kind's fields that belong in the private companion document. */
export function privateFieldKeys(kind: string): string[] {
  return (kindSpec(kind)?.fields ?? []).filter((f: FieldSchema) => f.private).map((f) => f.key);
}
