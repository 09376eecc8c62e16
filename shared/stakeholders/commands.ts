/**
 * Commands that quick fixes and coverage suggestions invoke. The stakeholder UI extension registers them;
 * the core only names them, so problems stay plain data that the server and the plan export can also use.
 * Argument shapes are documented per command.
 */
export const STAKEHOLDER_COMMANDS = {
  /** Open the Commitments view filtered: { who?: nodeId, offerId?: nodeId, commitmentIds?: string[] }. */
  openCommitments: 'stakeholders.openCommitments',
  /** Open one commitment's form at a field: { commitmentId, field }. */
  editCommitment: 'stakeholders.editCommitment',
  /** Add a commitment with prefilled fields: { who?, role?, servesOffer?, forOrganisation? }. */
  addCommitment: 'stakeholders.addCommitment',
  /** Set one field of a node: { nodeId, field, value }. */
  setNodeField: 'stakeholders.setNodeField',
  /** Open a node's inspector at a field: { nodeId, field }. */
  editNodeField: 'stakeholders.editNodeField',
  /** Add a node near another and connect them: { kind, label?, data?, connectTo?: { nodeId, relation, direction: 'from' | 'to' } }. */
  addNode: 'stakeholders.addNode',
  /**
   * Take a phone number or e-mail address out of a public field (`label` or a data field) and, with a target,
   * put it in the card's private field: { nodeId, field, value, target: 'phone' | 'email' | null }.
   */
  moveContactToPrivate: 'stakeholders.moveContactToPrivate',
} as const;

export type StakeholderCommandId = (typeof STAKEHOLDER_COMMANDS)[keyof typeof STAKEHOLDER_COMMANDS];
