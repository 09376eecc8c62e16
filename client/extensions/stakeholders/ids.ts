import { PARTY_KINDS, STAKEHOLDER_COMMANDS } from '../../../shared/stakeholders';

/** The extension's id; every contributed id below starts with it (node and edge kinds keep the domain's stored ids). */
export const EXTENSION_ID = 'stakeholders';

/** Contributed ids in one place, so manifest, activation and tests spell them the same way. */
export const ID = {
  addKind: (kind: string) => `stakeholders.add.${kind}`,
  template: (id: string) => `stakeholders.template.${id}`,
  diagnostics: 'stakeholders.problems',
  cmd: {
    ...STAKEHOLDER_COMMANDS,
    showInspector: 'stakeholders.showInspector',
    showCoverage: 'stakeholders.showCoverage',
    find: 'stakeholders.find',
    focus: 'stakeholders.focus',
    clearFocus: 'stakeholders.clearFocus',
    layoutAll: 'stakeholders.layoutAll',
    layoutSelection: 'stakeholders.layoutSelection',
    togglePin: 'stakeholders.togglePin',
    setRelationKind: 'stakeholders.setRelationKind',
    importCsv: 'stakeholders.importCsv',
    addSuggestedPartner: 'stakeholders.addSuggestedPartner',
    applyTemplate: 'stakeholders.applyTemplate',
    openPlan: 'stakeholders.openPlan',
    voteOnOffers: 'stakeholders.voteOnOffers',
  },
  view: {
    inspector: 'stakeholders.inspector',
    find: 'stakeholders.findView',
    coverage: 'stakeholders.coverage',
    importCsv: 'stakeholders.import',
    commitments: 'stakeholders.commitments',
    plan: 'stakeholders.plan',
  },
  ctx: {
    /** True while a filter or focus dims part of the map. */
    dimming: 'stakeholders.dimming',
    /** True while a relation (edge) is selected. */
    edgeSelected: 'stakeholders.edgeSelected',
    /** A `when` clause that is true when the single selected node is a party (can own a commitment). */
    partyKinds: PARTY_KINDS.map((k) => `nodeKind == ${k}`).join(' || '),
  },
} as const;
