import type { ExtensionManifest } from '../../host/api';
import type { EdgeKindContribution, NodeKindContribution, NodeShape } from '../../../shared/plugin/manifest';
import {
  KIND,
  RELATION,
  STAKEHOLDER_PICTOGRAMS,
  COMMITMENT_FIELDS,
  COMMITMENTS,
  RELATION_FIELDS,
  RELATION_KINDS,
  STAKEHOLDER_KINDS,
  relationKindsFor,
  type NodeKindSpec,
} from '../../../shared/stakeholders';
import { MAP_TEMPLATES } from '../../../shared/stakeholders/templates/index';
import {
  CHANNEL_FIELDS,
  COST_FIELDS,
  FUNDING_FIELDS,
  GOAL_FIELDS,
  MILESTONE_FIELDS,
  PHASE_FIELDS,
  PLAN_COLLECTION,
  PLAN_INFO_FIELDS,
  PLAN_RATE_FIELDS,
  RISK_FIELDS,
} from '../../../shared/plan/planData';
import { EXTENSION_ID, ID } from './ids';

/** The domain's shapes in the host's vocabulary (the host draws a small fixed set). */
const SHAPE: Record<NodeKindSpec['shape'], NodeShape> = {
  rounded: 'rounded',
  pill: 'pill',
  circle: 'ellipse',
  hexagon: 'hexagon',
  rectangle: 'rectangle',
  document: 'note',
  frame: 'rectangle',
};

function nodeKind(spec: NodeKindSpec): NodeKindContribution {
  return {
    id: spec.id,
    title: spec.title,
    icon: spec.icon,
    // The host tints the fill from this colour and draws the border in it: the darker border colour reads best.
    color: spec.borderColor,
    shape: SHAPE[spec.shape],
    fields: spec.fields,
    defaultSize: spec.defaultSize,
    ...(spec.background ? { layer: 'background' as const } : {}),
  };
}

const kindIds = STAKEHOLDER_KINDS.map((k) => k.id);

/** Each relation kind allows the pairs for which the domain's rules offer it. */
function edgeKind(r: (typeof RELATION_KINDS)[number]): EdgeKindContribution {
  const sources = new Set<string>();
  const targets = new Set<string>();
  for (const s of kindIds) for (const t of kindIds) if (relationKindsFor(s, t).includes(r.id)) (sources.add(s), targets.add(t));
  return {
    id: r.id,
    title: r.label,
    style: { color: r.color, dash: r.dashed ? 'dashed' : 'solid', arrow: r.arrow, width: 2 },
    source: [...sources],
    target: [...targets],
    fields: RELATION_FIELDS,
  };
}

const cat = { nl: 'Kaart', en: 'Map' };

/** The plan's record collections, declared so the host knows their fields like the commitments'. */
const PLAN_COLLECTIONS = [
  { id: PLAN_COLLECTION.info, title: { nl: 'Projectplan: gegevens', en: 'Project plan: details' }, fields: [...PLAN_INFO_FIELDS, ...PLAN_RATE_FIELDS] },
  { id: PLAN_COLLECTION.goals, title: { nl: 'Projectplan: doelen', en: 'Project plan: goals' }, fields: GOAL_FIELDS },
  { id: PLAN_COLLECTION.costs, title: { nl: 'Projectplan: kostenposten', en: 'Project plan: cost lines' }, fields: COST_FIELDS },
  { id: PLAN_COLLECTION.funding, title: { nl: 'Projectplan: dekking', en: 'Project plan: funding' }, fields: FUNDING_FIELDS },
  { id: PLAN_COLLECTION.phases, title: { nl: 'Projectplan: fasen', en: 'Project plan: phases' }, fields: PHASE_FIELDS },
  { id: PLAN_COLLECTION.milestones, title: { nl: 'Projectplan: mijlpalen', en: 'Project plan: milestones' }, fields: MILESTONE_FIELDS },
  { id: PLAN_COLLECTION.channels, title: { nl: 'Projectplan: communicatie', en: 'Project plan: communication' }, fields: CHANNEL_FIELDS },
  { id: PLAN_COLLECTION.risks, title: { nl: 'Projectplan: risico’s', en: 'Project plan: risks' }, fields: RISK_FIELDS },
];
const views = { nl: 'Belanghebbenden', en: 'Stakeholders' };

/** One "add" command per kind a person places by hand (areas come with templates but can be added too). */
const addCommands = STAKEHOLDER_KINDS.map((k) => ({
  id: ID.addKind(k.id),
  title: { nl: `Nieuw: ${k.title.nl.toLowerCase()}`, en: `New ${k.title.en.toLowerCase()}` },
  category: cat,
  icon: k.icon,
  when: 'canEdit',
}));

/**
 * What the stakeholder workspace contributes, declared: the host shows node kinds, commands, menus and views from
 * this before any of the extension's code runs.
 */
export const manifest = {
  id: EXTENSION_ID,
  name: { nl: 'Belanghebbendenkaart', en: 'Stakeholder map' },
  version: '1.0.0',
  description: {
    nl: 'Gemeenschappen, sleutelfiguren, vindplaatsen, partners, team en aanbod, met afspraken over tijd en rol en de weergaven die een lerende praktijk scherp houden.',
    en: 'Communities, key figures, places, partners, team and offers, with time-and-role commitments and the views that keep a learning practice honest.',
  },
  contributes: {
    icons: STAKEHOLDER_PICTOGRAMS,
    nodeKinds: STAKEHOLDER_KINDS.map(nodeKind),
    edgeKinds: RELATION_KINDS.map(edgeKind),
    collections: [{ id: COMMITMENTS, title: { nl: 'Afspraken over tijd en rol', en: 'Time-and-role commitments' }, fields: COMMITMENT_FIELDS }, ...PLAN_COLLECTIONS],
    commands: [
      ...addCommands,
      { id: ID.cmd.showInspector, title: { nl: 'Eigenschappen tonen', en: 'Show properties' }, category: views, icon: 'list' },
      { id: ID.cmd.openCommitments, title: { nl: 'Afspraken over tijd en rol tonen', en: 'Show time-and-role commitments' }, category: views, icon: 'calendar' },
      { id: ID.cmd.addCommitment, title: { nl: 'Nieuwe afspraak over tijd en rol', en: 'New time-and-role commitment' }, category: views, icon: 'plus', when: 'canEdit' },
      { id: ID.cmd.showCoverage, title: { nl: 'Dekking tonen', en: 'Show coverage' }, category: views, icon: 'check' },
      { id: ID.cmd.find, title: { nl: 'Zoeken en filteren op de kaart', en: 'Find and filter on the map' }, category: views, icon: 'search' },
      { id: ID.cmd.focus, title: { nl: 'Focus op selectie en buren', en: 'Focus on selection and neighbours' }, category: views, icon: 'eye', when: 'selectionCount > 0' },
      { id: ID.cmd.clearFocus, title: { nl: 'Focus en filter opheffen', en: 'Clear focus and filter' }, category: views, icon: 'eye', when: `${ID.ctx.dimming}` },
      { id: ID.cmd.layoutAll, title: { nl: 'Hele kaart automatisch schikken', en: 'Arrange the whole map' }, category: cat, icon: 'layout', when: 'canEdit' },
      { id: ID.cmd.layoutSelection, title: { nl: 'Selectie automatisch schikken', en: 'Arrange the selection' }, category: cat, icon: 'layout', when: 'canEdit && selectionCount > 1' },
      { id: ID.cmd.togglePin, title: { nl: 'Vastzetten of losmaken', en: 'Pin or unpin' }, category: cat, icon: 'pin', when: 'canEdit && selectionCount > 0' },
      { id: ID.cmd.setRelationKind, title: { nl: 'Soort relatie kiezen…', en: 'Choose relation kind…' }, category: cat, icon: 'link', when: `canEdit && ${ID.ctx.edgeSelected}` },
      { id: ID.cmd.importCsv, title: { nl: 'Partners of mensen importeren uit CSV…', en: 'Import partners or people from CSV…' }, category: cat, icon: 'upload', when: 'canEdit' },
      { id: ID.cmd.openPlan, title: { nl: 'Projectplan schrijven', en: 'Write the project plan' }, category: views, icon: 'notebook-pen' },
      { id: ID.cmd.voteOnOffers, title: { nl: 'Stemmen over het aanbod…', en: 'Vote on the offers…' }, category: cat, icon: 'vote', when: 'canEdit' },
      { id: 'stakeholders.exportPlan', title: { nl: 'Projectplan exporteren…', en: 'Export project plan…' }, category: cat, icon: 'note' },
    ],
    keybindings: [
      { key: '$mod+I', command: ID.cmd.showInspector },
      { key: '$mod+F', command: ID.cmd.find },
      { key: 'Alt+F', command: ID.cmd.focus, when: 'selectionCount > 0' },
      { key: 'Alt+Shift+F', command: ID.cmd.clearFocus },
      { key: 'Alt+Shift+L', command: ID.cmd.layoutAll, when: 'canEdit' },
      { key: 'Alt+P', command: ID.cmd.togglePin, when: 'canEdit && selectionCount > 0' },
      { key: 'Alt+Shift+A', command: ID.cmd.addCommitment, when: 'canEdit' },
    ],
    menus: {
      toolbar: [
        { command: ID.cmd.layoutAll, group: '4_view@2' },
        { command: ID.cmd.find, group: '4_view@3' },
        { command: ID.cmd.openCommitments, group: '6_stakeholders@1' },
        { command: ID.cmd.showCoverage, group: '6_stakeholders@2' },
        { command: ID.cmd.openPlan, group: '6_stakeholders@3' },
        { command: 'stakeholders.exportPlan', group: '5_file@3' },
      ],
      'canvas/context': [
        ...STAKEHOLDER_KINDS.filter((k) => !k.background).map((k, i) => ({ command: ID.addKind(k.id), group: `0_stakeholders@${i}` })),
        { command: ID.cmd.layoutAll, group: '3_view@2' },
        { command: ID.cmd.importCsv, group: '4_import@1' },
      ],
      'node/context': [
        { command: ID.cmd.showInspector, group: '0_inspect@1' },
        { command: ID.cmd.focus, group: '2_view@1' },
        { command: ID.cmd.togglePin, group: '2_view@2' },
        { command: ID.cmd.layoutSelection, group: '2_view@3' },
        { command: ID.cmd.addCommitment, group: '3_commit@1', when: ID.ctx.partyKinds },
      ],
      'edge/context': [{ command: ID.cmd.setRelationKind, group: '1_edit@1' }],
    },
    views: {
      sidebar: [
        { id: ID.view.inspector, title: { nl: 'Eigenschappen', en: 'Properties' }, icon: 'list' },
        { id: ID.view.find, title: { nl: 'Zoeken en filteren', en: 'Find and filter' }, icon: 'search' },
        { id: ID.view.coverage, title: { nl: 'Dekking', en: 'Coverage' }, icon: 'check' },
        { id: ID.view.importCsv, title: { nl: 'Importeren uit CSV', en: 'Import from CSV' }, icon: 'upload', when: 'canEdit' },
      ],
      panel: [
        { id: ID.view.commitments, title: { nl: 'Afspraken', en: 'Commitments' }, icon: 'calendar' },
        { id: ID.view.plan, title: { nl: 'Projectplan', en: 'Project plan' }, icon: 'notebook-pen' },
      ],
    },
    templates: MAP_TEMPLATES.map((t) => ({ id: ID.template(t.id), title: t.title, description: t.description, icon: 'layout' })),
    // What a participant on the view link can suggest (Pharos: reach goes through trusted people and places).
    suggestions: [
      {
        id: 'stakeholders.suggestKeyFigure',
        kind: KIND.keyFigure,
        title: { nl: 'Ik ken een sleutelfiguur', en: 'I know a key figure' },
        namePlaceholder: { nl: 'Naam, of hoe men hem of haar noemt', en: 'Name, or what people call them' },
        notePlaceholder: { nl: 'Wie vertrouwen hem of haar? Waar ken je hem of haar van?', en: 'Who trusts them? Where do you know them from?' },
        noteField: 'note',
        relatesTo: { kinds: [KIND.community], edgeKind: RELATION.reaches, label: { nl: 'Welke gemeenschap bereikt hij of zij?', en: 'Which community do they reach?' } },
      },
      {
        id: 'stakeholders.suggestPlace',
        kind: KIND.place,
        title: { nl: 'Ik ken een plek', en: 'I know a place' },
        namePlaceholder: { nl: 'Moskee, buurthuis, huisartsenpraktijk, markt…', en: 'Mosque, community centre, GP practice, market…' },
        notePlaceholder: { nl: 'Wie komen daar, en wanneer?', en: 'Who comes there, and when?' },
        noteField: 'note',
        relatesTo: { kinds: [KIND.community], edgeKind: RELATION.meetsAt, label: { nl: 'Welke gemeenschap komt daar samen?', en: 'Which community meets there?' } },
      },
      {
        id: 'stakeholders.suggestPartner',
        kind: KIND.partner,
        title: { nl: 'Ik ken een organisatie', en: 'I know an organisation' },
        namePlaceholder: { nl: 'Zelforganisatie, vereniging, zorgaanbieder…', en: 'Self-organisation, association, care provider…' },
        notePlaceholder: { nl: 'Wat doen ze, en voor wie?', en: 'What do they do, and for whom?' },
        noteField: 'note',
        relatesTo: { kinds: [KIND.community], edgeKind: RELATION.reaches, label: { nl: 'Welke gemeenschap bereiken ze?', en: 'Which community do they reach?' } },
      },
      {
        id: 'stakeholders.suggestCommunity',
        kind: KIND.community,
        title: { nl: 'Ik ken een gemeenschap', en: 'I know a community' },
        namePlaceholder: { nl: 'Bijvoorbeeld: Eritrese mantelzorgers in Noord', en: 'For example: Eritrean carers in the north' },
        notePlaceholder: { nl: 'Wat weet je over hen en hun zorgen?', en: 'What do you know about them and their care?' },
        noteField: 'note',
      },
    ],
    diagnosticProviders: [{ id: ID.diagnostics, title: { nl: 'Belanghebbendenkaart', en: 'Stakeholder map' } }],
    exporters: [
      { id: 'stakeholders.planDocx', title: { nl: 'Projectplan (Word)', en: 'Project plan (Word)' }, fileExtension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { id: 'stakeholders.planMarkdown', title: { nl: 'Projectplan (Markdown)', en: 'Project plan (Markdown)' }, fileExtension: 'md', mimeType: 'text/markdown' },
    ],
  },
} satisfies ExtensionManifest;
