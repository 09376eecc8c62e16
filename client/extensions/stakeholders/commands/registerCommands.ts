import type { FieldValue, IDisposable, MantelkaartApi, QuickPickItem } from '../../../host/api';
import { toFieldValue } from '../../../../shared/model/fieldValue';
import {
  COMMITMENTS,
  commitmentData,
  KIND,
  kindSpec,
  PARTNER_CATEGORIES,
  relationKind,
  removeContactText,
  relationKindsFor,
  STAKEHOLDER_COMMANDS,
  commitmentRoleOf,
} from '../../../../shared/stakeholders';
import { MAP_TEMPLATES } from '../../../../shared/stakeholders/templates/index';
import { PARTY_KINDS, STAKEHOLDER_KINDS } from '../../../../shared/stakeholders';
import { ID } from '../ids';
import type { StakeholderState } from '../state';
import { applyTemplateThroughApi } from './applyTemplate';
import { nodeIdsField, objectArg, positionField, stringField, stringList } from './args';

/** Gives every declared command (and the quick-fix commands of the domain core) its behaviour. */
export function registerCommands(api: MantelkaartApi, state: StakeholderState, findFocus: { seq: number }): IDisposable[] {
  const reg = (id: string, handler: (...args: unknown[]) => unknown) => api.commands.registerCommand(id, handler);
  const single = () => (api.map.getSelection().length === 1 ? api.map.getSelection()[0] : undefined);

  const addNode = (kind: string, at?: { x: number; y: number }, label = '', data = {}): string => {
    const size = kindSpec(kind)?.defaultSize ?? { width: 180, height: 64 };
    const c = at ?? api.canvas.getCenter();
    let x = Math.round(c.x - size.width / 2);
    let y = Math.round(c.y - size.height / 2);
    // Several new nodes in a row would land on one spot: step down until the spot is free.
    const others = api.map.getNodes().filter((n) => !kindSpec(n.kind)?.background);
    for (let i = 0; i < 50 && others.some((n) => Math.abs(n.x - x) < size.width && Math.abs(n.y - y) < size.height); i++) y += size.height + 32;
    return api.map.createNode({ kind, label, x, y, data });
  };

  return [
    ...STAKEHOLDER_KINDS.map((k) =>
      reg(ID.addKind(k.id), async (arg) => {
        const id = addNode(k.id, positionField(objectArg(arg)));
        api.map.setSelection([id]);
        api.window.openView(ID.view.inspector);
        await api.commands.executeCommand('core.editLabel');
        return id;
      }),
    ),

    reg(ID.cmd.showInspector, () => api.window.openView(ID.view.inspector)),
    reg(ID.cmd.showCoverage, () => api.window.openView(ID.view.coverage)),
    reg(ID.cmd.find, () => {
      api.window.openView(ID.view.find);
      findFocus.seq++;
      state.findQuery.set({ ...state.findQuery.get() });
    }),
    reg(ID.cmd.focus, (arg) => {
      const ids = nodeIdsField(objectArg(arg)) ?? api.map.getSelection();
      if (ids.length) state.focus.set({ nodeIds: ids, steps: state.focusSteps.get() });
    }),
    reg(ID.cmd.clearFocus, () => {
      state.focus.set(null);
      state.findQuery.set({ text: '', kinds: [], community: '', category: '', role: '', phase: '' });
    }),
    reg(ID.cmd.togglePin, (arg) => {
      const ids = nodeIdsField(objectArg(arg)) ?? api.map.getSelection();
      const nodes = ids.map((id) => api.map.getNode(id)).filter((n) => n !== undefined);
      const pin = nodes.some((n) => !n.pinned);
      api.map.transact(() => nodes.forEach((n) => api.map.updateNode(n.id, { pinned: pin })));
      api.window.showMessage(pin ? { nl: 'Vastgezet: automatisch schikken laat dit staan.', en: 'Pinned: automatic layout leaves it.' } : { nl: 'Losgemaakt.', en: 'Unpinned.' });
    }),
    reg(ID.cmd.setRelationKind, async (arg) => {
      const edgeId = stringField(objectArg(arg), 'edgeId') ?? api.map.getSelectedEdges()[0];
      const edge = edgeId ? api.map.getEdge(edgeId) : undefined;
      if (!edge) return;
      await pickRelationKind(api, edge.id);
    }),
    reg(ID.cmd.importCsv, () => api.window.openView(ID.view.importCsv)),
    reg(ID.cmd.applyTemplate, async (id) => {
      const tpl = MAP_TEMPLATES.find((x) => x.id === id);
      if (!tpl) return;
      // Keep the map as it was before a template adds to a map with cards (the empty map's picker needs none).
      if (api.map.getNodes().length > 0) {
        try {
          await api.map.saveVersion({ reason: 'template' });
        } catch {
          api.window.showMessage({ nl: 'Het sjabloon is niet toegepast: de kaart van nu kon niet als versie worden bewaard.', en: 'The template was not applied: the map as it is could not be kept as a version.' }, 'error');
          return;
        }
      }
      applyTemplateThroughApi(api.map, tpl);
      fitWhenDrawn(api);
    }),
    ...MAP_TEMPLATES.map((tpl) =>
      api.templates.registerTemplate(ID.template(tpl.id), {
        apply: (map) => {
          applyTemplateThroughApi(map, tpl);
          fitWhenDrawn(api);
        },
      }),
    ),

    reg(ID.cmd.addSuggestedPartner, (arg) => {
      const o = objectArg(arg);
      const category = stringField(o, 'category');
      const label = stringField(o, 'label') ?? '';
      if (!category || !PARTNER_CATEGORIES.some((c) => c.id === category)) return;
      const id = addNode(KIND.partner, undefined, label, { category });
      api.map.setSelection([id]);
      api.canvas.revealNodes([id]);
      return id;
    }),

    // The quick-fix commands named by the domain core (shared/stakeholders/commands.ts).
    reg(STAKEHOLDER_COMMANDS.openCommitments, (arg) => {
      const o = objectArg(arg);
      const who = stringField(o, 'who') ?? '';
      const highlight = stringList(o, 'commitmentIds');
      state.commitmentsFilter.set({ who, role: '', status: '', highlight });
      api.window.openView(ID.view.commitments);
    }),
    reg(STAKEHOLDER_COMMANDS.editCommitment, (arg) => {
      const o = objectArg(arg);
      const id = stringField(o, 'commitmentId');
      state.commitmentsFilter.set({ who: '', role: '', status: '', highlight: id ? [id] : [] });
      api.window.openView(ID.view.commitments);
      if (id) state.requestFocus('commitment', id, stringField(o, 'field') ?? 'hours');
    }),
    reg(STAKEHOLDER_COMMANDS.addCommitment, (arg) => {
      const o = objectArg(arg);
      const selected = single();
      const who = stringField(o, 'who') ?? (selected && PARTY_KINDS.includes(api.map.getNode(selected)?.kind ?? '') ? selected : undefined);
      const role = commitmentRoleOf(o.role);
      const id = api.map.putRecord(
        COMMITMENTS,
        commitmentData({ who: who ?? null, role: role ?? null, servesOffer: stringField(o, 'servesOffer') ?? null, forOrganisation: o.forOrganisation === true, unit: 'perMonth', status: 'voorgesteld' }),
      );
      state.commitmentsFilter.set({ who: '', role: '', status: '', highlight: [id] });
      api.window.openView(ID.view.commitments);
      state.requestFocus('commitment', id, who ? 'task' : 'who');
      return id;
    }),
    reg(STAKEHOLDER_COMMANDS.setNodeField, (arg) => {
      const o = objectArg(arg);
      const nodeId = stringField(o, 'nodeId');
      const field = stringField(o, 'field');
      const value = o.value;
      if (!nodeId || !field) return;
      const fieldValue = toFieldValue(value);
      if (fieldValue !== undefined) api.map.setNodeData(nodeId, { [field]: fieldValue });
    }),
    reg(STAKEHOLDER_COMMANDS.moveContactToPrivate, (arg) => {
      const o = objectArg(arg);
      const nodeId = stringField(o, 'nodeId');
      const field = stringField(o, 'field');
      const value = stringField(o, 'value');
      const target = o.target === 'phone' || o.target === 'email' ? o.target : null;
      const node = nodeId ? api.map.getNode(nodeId) : undefined;
      if (!node || !field || !value) return;
      const text = field === 'label' ? node.label : node.data[field];
      if (typeof text !== 'string' || !text.includes(value)) return;
      if (target) {
        if (!api.map.hasPrivateFields) return;
        const current = api.map.getPrivateFields(node.id)[target];
        const existing = typeof current === 'string' ? current : '';
        // Another number already there is kept: both go into the field, for the editor to sort out.
        if (!existing.includes(value)) api.map.setPrivateFields(node.id, { [target]: existing ? `${existing}, ${value}` : value });
      }
      const rest = removeContactText(text, value);
      if (field === 'label') api.map.updateNode(node.id, { label: rest });
      else api.map.setNodeData(node.id, { [field]: rest || undefined });
      api.window.showMessage(
        target
          ? { nl: `${value} staat nu in het afgeschermde veld en is voor de bekijklink en exports niet meer te zien.`, en: `${value} is now in the protected field, hidden from the view link and exports.` }
          : { nl: `${value} is uit de kaart gehaald.`, en: `${value} was removed from the map.` },
      );
    }),
    reg(STAKEHOLDER_COMMANDS.editNodeField, (arg) => {
      const o = objectArg(arg);
      const nodeId = stringField(o, 'nodeId');
      if (!nodeId) return;
      api.map.setSelection([nodeId]);
      api.canvas.revealNodes([nodeId]);
      api.window.openView(ID.view.inspector);
      state.requestFocus('node', nodeId, stringField(o, 'field') ?? 'label');
    }),
    reg(STAKEHOLDER_COMMANDS.addNode, (arg) => {
      const o = objectArg(arg);
      const kind = stringField(o, 'kind');
      if (!kind || !kindSpec(kind)) return;
      const connect = objectArg(o.connectTo);
      const anchor = stringField(connect, 'nodeId') ? api.map.getNode(stringField(connect, 'nodeId')!) : undefined;
      const at = anchor ? { x: anchor.x + anchor.width / 2 + 260, y: anchor.y + anchor.height / 2 + 40 } : undefined;
      const data: Record<string, FieldValue> = {};
      for (const [k, v] of Object.entries(objectArg(o.data))) {
        const fieldValue = toFieldValue(v);
        if (fieldValue !== undefined && fieldValue !== null) data[k] = fieldValue;
      }
      let id = '';
      api.map.transact(() => {
        id = addNode(kind, at, stringField(o, 'label') ?? '', data);
        const relation = stringField(connect, 'relation');
        if (anchor && relation && relationKind(relation)) {
          const from = connect.direction === 'from';
          api.map.createEdge({ source: from ? anchor.id : id, target: from ? id : anchor.id, kind: relation });
        }
      });
      api.map.setSelection([id]);
      api.canvas.revealNodes([id, ...(anchor ? [anchor.id] : [])]);
      api.window.openView(ID.view.inspector);
      return id;
    }),
  ];
}

/**
 * Offers the relation kinds that make sense between an edge's two nodes, most likely first, in both directions,
 * and stores the choice (turning the edge round when the choice reads the other way).
 */
export async function pickRelationKind(api: MantelkaartApi, edgeId: string): Promise<boolean> {
  const edge = api.map.getEdge(edgeId);
  const a = edge && api.map.getNode(edge.source);
  const b = edge && api.map.getNode(edge.target);
  if (!edge || !a || !b) return false;
  const name = (n: typeof a) => n.label || api.localize(api.nodeKinds.get(n.kind)?.title ?? { nl: 'naamloos', en: 'unnamed' });
  const forward = relationKindsFor(a.kind, b.kind).map((k) => ({ kind: k, reversed: false }));
  const backward = relationKindsFor(b.kind, a.kind).map((k) => ({ kind: k, reversed: true }));
  const options = [...forward, ...backward];
  if (options.length === 0) return false;
  const items: (QuickPickItem & { kind: string; reversed: boolean })[] = options.map((o) => ({
    ...o,
    label: `${name(o.reversed ? b : a)} ${api.localize(relationKind(o.kind)!.label)} ${name(o.reversed ? a : b)}`,
    description: o === options[0] ? api.localize({ nl: 'meest waarschijnlijk', en: 'most likely' }) : undefined,
  }));
  const picked = await api.window.showQuickPick(items, { placeholder: api.localize({ nl: 'Wat voor relatie is dit?', en: 'What kind of relation is this?' }) });
  if (!picked || !api.map.getEdge(edgeId)) return false;
  if (!picked.reversed) {
    api.map.updateEdge(edgeId, { kind: picked.kind });
  } else {
    api.map.transact(() => {
      const { id: _id, source, target, sourceHandle, targetHandle, ...rest } = api.map.getEdge(edgeId)!;
      api.map.deleteEdges([edgeId]);
      api.map.createEdge({ ...rest, kind: picked.kind, source: target, target: source, sourceHandle: targetHandle, targetHandle: sourceHandle });
    });
  }
  return true;
}

/** Frames the map once the canvas has drawn what was just written (React renders after the transaction). */
export function fitWhenDrawn(api: MantelkaartApi): void {
  if (typeof requestAnimationFrame === 'undefined') return api.canvas.fitView();
  requestAnimationFrame(() => requestAnimationFrame(() => api.canvas.fitView()));
}
