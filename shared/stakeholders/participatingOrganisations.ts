import type { MapSnapshot } from '../model/schema';
import { readCommitments } from './commitments';
import { KIND } from './kinds/kindIds';
import { readTeamMember } from './kinds/teamMember';
import { normalizeText } from './textMatch';

/** An organisation at the table, found through the team members who belong to it and/or its own node. */
export interface ParticipatingOrganisation {
  name: string;
  /** The organisation's own node (kind organisation), when it is on the map. */
  nodeId: string | null;
  memberIds: string[];
  /** Commitments the organisation stands behind: owned by its node, or made by a member on its behalf. */
  commitmentIds: string[];
  /** Personal commitments of its members, which do not bind the organisation. */
  memberCommitmentIds: string[];
}

/**
 * The organisations taking part (les 2: "van de deelnemende organisaties wordt commitment verwacht").
 * A caregiver at the table on their own behalf (organisation type mantelzorger, or no organisation) is not one.
 */
export function participatingOrganisations(snapshot: MapSnapshot): ParticipatingOrganisation[] {
  const byKey = new Map<string, ParticipatingOrganisation>();
  const memberOf = new Map<string, string>();
  for (const node of snapshot.nodes) {
    if (node.kind !== KIND.organisation) continue;
    const key = normalizeText(node.label);
    if (key && !byKey.has(key)) byKey.set(key, { name: node.label, nodeId: node.id, memberIds: [], commitmentIds: [], memberCommitmentIds: [] });
  }
  for (const node of snapshot.nodes) {
    if (node.kind !== KIND.teamMember) continue;
    const m = readTeamMember(node);
    const key = normalizeText(m.organisation);
    if (!key || m.organisationType === 'mantelzorger') continue;
    let org = byKey.get(key);
    if (!org) {
      org = { name: m.organisation, nodeId: null, memberIds: [], commitmentIds: [], memberCommitmentIds: [] };
      byKey.set(key, org);
    }
    org.memberIds.push(node.id);
    memberOf.set(node.id, key);
  }
  for (const c of readCommitments(snapshot)) {
    if (!c.who) continue;
    const own = [...byKey.values()].find((o) => o.nodeId === c.who);
    if (own) {
      own.commitmentIds.push(c.id);
      continue;
    }
    const key = memberOf.get(c.who);
    const org = key ? byKey.get(key) : undefined;
    if (!org) continue;
    (c.forOrganisation ? org.commitmentIds : org.memberCommitmentIds).push(c.id);
  }
  return [...byKey.values()];
}
