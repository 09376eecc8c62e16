import type { MapSnapshot } from '../model/schema';
import { KNOWLEDGE_SOURCES, type KnowledgeSource } from './knowledgeSources';
import { KIND } from './kinds/kindIds';
import { readOffer } from './kinds/offer';
import { readPartner } from './kinds/partner';
import { readTeamMember } from './kinds/teamMember';
import { keyFiguresOf, offersOf, placesOf } from './links';
import { PARTNER_CATEGORIES, type PartnerCategory } from './partnerCategories';
import { PARTNER_ROLES, type PartnerRole } from './partnerRoles';
import { PHASES, type PhaseId } from './phases';

export interface CoverageCell {
  category: PartnerCategory;
  role: PartnerRole;
  nodeIds: string[];
  /** The category's appendix examples, offered while the cell is empty. */
  suggestions: string[];
}

export interface CategoryCoverage {
  category: PartnerCategory;
  nodeIds: string[];
  missing: boolean;
  suggestions: string[];
}

export interface KnowledgeCoverage {
  source: KnowledgeSource;
  present: boolean;
  teamMemberIds: string[];
}

export interface CommunityCoverage {
  communityId: string;
  label: string;
  keyFigureIds: string[];
  placeIds: string[];
  offersByPhase: Record<PhaseId, string[]>;
  /** Offers for this community without a phase yet. */
  offersWithoutPhase: string[];
}

export interface Coverage {
  /** Seven categories × four roles, category-major, in the appendix's order. */
  matrix: CoverageCell[];
  categories: CategoryCoverage[];
  roles: { role: PartnerRole; nodeIds: string[] }[];
  /** Partners that cannot be placed in the matrix: no category or no role. */
  unplacedPartnerIds: string[];
  knowledgeSources: KnowledgeCoverage[];
  communities: CommunityCoverage[];
}

/** What the team has and lacks: partner categories × roles, the three knowledge sources, and reach per community. */
export function coverage(snapshot: MapSnapshot): Coverage {
  const partners = snapshot.nodes.filter((n) => n.kind === KIND.partner).map(readPartner);
  const matrix: CoverageCell[] = [];
  for (const category of PARTNER_CATEGORIES) {
    for (const role of PARTNER_ROLES) {
      const nodeIds = partners.filter((p) => p.category === category.id && p.role === role.id).map((p) => p.id);
      matrix.push({ category, role, nodeIds, suggestions: nodeIds.length ? [] : [...category.examples] });
    }
  }
  const categories = PARTNER_CATEGORIES.map((category) => {
    const nodeIds = partners.filter((p) => p.category === category.id).map((p) => p.id);
    return { category, nodeIds, missing: nodeIds.length === 0, suggestions: nodeIds.length ? [] : [...category.examples] };
  });
  const roles = PARTNER_ROLES.map((role) => ({ role, nodeIds: partners.filter((p) => p.role === role.id).map((p) => p.id) }));

  const team = snapshot.nodes.filter((n) => n.kind === KIND.teamMember).map(readTeamMember);
  const knowledgeSources = KNOWLEDGE_SOURCES.map((source) => {
    const teamMemberIds = team.filter((m) => m.knowledgeSources.includes(source.id)).map((m) => m.id);
    return { source, present: teamMemberIds.length > 0, teamMemberIds };
  });

  const offers = new Map(snapshot.nodes.filter((n) => n.kind === KIND.offer).map((n) => [n.id, readOffer(n)]));
  const communities = snapshot.nodes
    .filter((n) => n.kind === KIND.community)
    .map((n) => {
      const offersByPhase = Object.fromEntries(PHASES.map((p) => [p.id, [] as string[]])) as Record<PhaseId, string[]>;
      const offersWithoutPhase: string[] = [];
      for (const id of offersOf(snapshot, n.id)) {
        const phase = offers.get(id)?.phase ?? null;
        if (phase) offersByPhase[phase].push(id);
        else offersWithoutPhase.push(id);
      }
      return { communityId: n.id, label: n.label, keyFigureIds: keyFiguresOf(snapshot, n.id), placeIds: placesOf(snapshot, n.id), offersByPhase, offersWithoutPhase };
    });

  return {
    matrix,
    categories,
    roles,
    unplacedPartnerIds: partners.filter((p) => p.category === null || p.role === null).map((p) => p.id),
    knowledgeSources,
    communities,
  };
}
