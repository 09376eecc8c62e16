import type { MapSnapshot } from '../../model/schema';
import { commitmentNoEndDate } from './commitmentNoEndDate';
import { commitmentNoHours } from './commitmentNoHours';
import { commitmentNoOwner } from './commitmentNoOwner';
import { communityKeyFigures } from './communityKeyFigures';
import { communityNoPlace } from './communityNoPlace';
import { missingKnowledgeSources } from './missingKnowledgeSources';
import { offerNoCommitment } from './offerNoCommitment';
import { onlyBridgeNoCommitment } from './onlyBridgeNoCommitment';
import { contactInPublicField } from './contactInPublicField';
import { offerNoFollowUp } from './offerNoFollowUp';
import { organisationNoCommitment } from './organisationNoCommitment';
import { overCapacity } from './overCapacity';
import { partnerCategoryMissing } from './partnerCategoryMissing';
import { partnerNoCategory } from './partnerNoCategory';
import { partnerNoRole } from './partnerNoRole';
import type { DiagnosticOptions, DiagnosticRule, Problem, Severity } from './problem';

export * from './problem';
export {
  commitmentNoEndDate, commitmentNoHours, commitmentNoOwner, communityKeyFigures, communityNoPlace, contactInPublicField, missingKnowledgeSources,
  offerNoCommitment, offerNoFollowUp, onlyBridgeNoCommitment, organisationNoCommitment, overCapacity, partnerCategoryMissing, partnerNoCategory, partnerNoRole,
};

/** Every rule, in the order the Problems view lists them within a severity: people first, then structure. */
export const DIAGNOSTIC_RULES: readonly DiagnosticRule[] = [
  contactInPublicField,
  overCapacity,
  communityKeyFigures,
  onlyBridgeNoCommitment,
  communityNoPlace,
  missingKnowledgeSources,
  commitmentNoOwner,
  commitmentNoHours,
  commitmentNoEndDate,
  offerNoCommitment,
  offerNoFollowUp,
  partnerNoRole,
  partnerNoCategory,
  partnerCategoryMissing,
  organisationNoCommitment,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** All problems of a map: errors first, then warnings, then hints; within a severity in rule order. */
export function diagnose(snapshot: MapSnapshot, options: DiagnosticOptions = {}): Problem[] {
  const all = DIAGNOSTIC_RULES.flatMap((rule) => rule(snapshot, options));
  return all
    .map((p, i) => ({ p, i }))
    .sort((a, b) => SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] || a.i - b.i)
    .map(({ p }) => p);
}
