/** Stable node kind ids: stored in every node, so never rename them (add a migration instead). */
export const KIND = {
  community: 'community',
  keyFigure: 'keyFigure',
  place: 'place',
  partner: 'partner',
  teamMember: 'teamMember',
  organisation: 'organisation',
  offer: 'offer',
  area: 'area',
} as const;

export type StakeholderKindId = (typeof KIND)[keyof typeof KIND];

/** Kinds whose nodes are parties: they can own a commitment and have a capacity. */
export const PARTY_KINDS: readonly string[] = [KIND.keyFigure, KIND.teamMember, KIND.partner, KIND.organisation];

/** Kinds that are one person, whose contact details are private (AVG). */
export const PERSON_KINDS: readonly string[] = [KIND.keyFigure, KIND.teamMember];
