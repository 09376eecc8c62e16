import { useEffect, useState, type ComponentType } from 'react';
import type { EdgeRecord, FieldSchema, MantelkaartApi, NodeRecord, ViewProps } from '../../../host/api';
import {
  areaKind,
  formatHours,
  KIND,
  PARTY_KINDS,
  readArea,
  relationKind,
  relationKindsFor,
  RELATION_FIELDS,
  STAKEHOLDER_COMMANDS,
} from '../../../../shared/stakeholders';
import { useObservable, useSnapshot, type StakeholderState } from '../state';
import { FieldEditor } from './FieldEditor';
import { TemplatePicker } from './TemplatePicker';

const QUADRANT_OPTIONS = areaKind.fields.find((f) => f.key === 'quadrant')?.options ?? [];

/** The krachtenveld quadrant a node's centre lies in, read from the quadrant areas on the map (wherever they are). */
export function quadrantAt(node: NodeRecord, nodes: NodeRecord[]): string | null {
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  for (const a of nodes) {
    if (a.kind !== KIND.area || a.id === node.id) continue;
    const q = readArea(a).quadrant;
    if (q && cx >= a.x && cx <= a.x + a.width && cy >= a.y && cy <= a.y + a.height) return q;
  }
  return null;
}

function useSelection(api: MantelkaartApi): { nodeIds: string[]; edgeIds: string[] } {
  const read = () => ({ nodeIds: api.map.getSelection(), edgeIds: api.map.getSelectedEdges() });
  const [sel, setSel] = useState(read);
  useEffect(() => {
    setSel(read());
    const d = api.map.onDidChangeSelection((e) => setSel(e));
    return () => d.dispose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
  return sel;
}

/** The side-bar inspector: a form for the selected node or relation, generated from its kind's fields. */
export function createInspectorView(api: MantelkaartApi, state: StakeholderState): ComponentType<ViewProps> {
  return function InspectorView({ language }) {
    const snapshot = useSnapshot(state);
    const selection = useSelection(api);
    const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
    const node = selection.nodeIds.length === 1 ? snapshot.nodes.find((n) => n.id === selection.nodeIds[0]) : undefined;
    const edge = !node && selection.edgeIds.length === 1 && selection.nodeIds.length === 0 ? snapshot.edges.find((e) => e.id === selection.edgeIds[0]) : undefined;

    if (node) return <NodeInspector key={node.id} api={api} state={state} node={node} nodes={snapshot.nodes} language={language} />;
    if (edge) return <EdgeInspector key={edge.id} api={api} edge={edge} nodes={snapshot.nodes} language={language} />;
    return (
      <div className="sh-view sh-inspector-empty">
        <p className="sh-hint">
          {selection.nodeIds.length > 1
            ? t(`${selection.nodeIds.length} elementen geselecteerd. Kies er één om de eigenschappen te zien.`, `${selection.nodeIds.length} elements selected. Pick one to see its properties.`)
            : t('Selecteer een element of relatie op de kaart om de eigenschappen te bewerken.', 'Select an element or relation on the map to edit its properties.')}
        </p>
        {snapshot.nodes.length === 0 && api.map.canEdit && <TemplatePicker api={api} language={language} />}
      </div>
    );
  };
}

const shown = (v: unknown) => (v === undefined || v === null || v === '' ? '–' : Array.isArray(v) ? v.join(', ') : String(v));

/** While the map is compared with a version: this card's fields then → now, in the form's words. */
function ComparisonNote({ api, nodeId, fields, language }: { api: MantelkaartApi; nodeId: string; fields: FieldSchema[]; language: 'nl' | 'en' }) {
  const [, bump] = useState(0);
  useEffect(() => {
    const d = api.map.onDidChangeComparison(() => bump((x) => x + 1));
    return () => d.dispose();
  }, [api]);
  const comparison = api.map.getComparison(nodeId);
  if (!comparison) return null;
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const name = (field: string) => (field === 'label' ? t('Naam', 'Name') : (fields.find((f) => `data.${f.key}` === field)?.label[language] ?? field.replace(/^data\./, '')));
  return (
    <div className="sh-comparison" data-testid="inspector-comparison" role="note">
      <strong>{t(`Gewijzigd sinds “${comparison.versionName}”`, `Changed since “${comparison.versionName}”`)}</strong>
      <ul>
        {comparison.fields.map((f) => (
          <li key={f.field}>
            {name(f.field)}: <del>{shown(f.before)}</del> → <ins>{shown(f.after)}</ins>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NodeInspector({ api, state, node, nodes, language }: { api: MantelkaartApi; state: StakeholderState; node: NodeRecord; nodes: NodeRecord[]; language: 'nl' | 'en' }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const kind = api.nodeKinds.get(node.kind);
  const readOnly = !api.map.canEdit;
  const focus = useObservable(state.focusRequest);
  const [label, setLabel] = useState(node.label);
  useEffect(() => setLabel(node.label), [node.label]);
  const fields: FieldSchema[] = kind?.fields ?? [];
  const shared = fields.filter((f) => !f.private);
  const privateFields = api.map.hasPrivateFields ? fields.filter((f) => f.private) : [];
  const privateValues = privateFields.length ? api.map.getPrivateFields(node.id) : {};
  const [, bump] = useState(0);
  const focusSeq = (key: string) => (focus && focus.target === 'node' && focus.id === node.id && focus.field === key ? focus.seq : undefined);
  const quadrant = node.kind !== KIND.area ? quadrantAt(node, nodes) : null;
  const isParty = PARTY_KINDS.includes(node.kind);
  const capacity = isParty ? state.capacityOf(node.id) : undefined;
  const commitmentsCount = isParty ? (state.snapshot().collections.commitments ?? []).filter((c) => c.data.who === node.id).length : 0;

  return (
    <div className="sh-view sh-inspector" data-testid="inspector" data-node-id={node.id}>
      <p className="sh-kind-title">{kind ? kind.title[language] : node.kind}</p>
      <ComparisonNote api={api} nodeId={node.id} fields={fields} language={language} />
      <div className="sh-field">
        <label htmlFor="sh-node-label">{t('Naam', 'Name')}</label>
        <input
          id="sh-node-label"
          data-field="label"
          value={label}
          disabled={readOnly}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={() => label !== node.label && api.map.updateNode(node.id, { label: label.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </div>
      {quadrant && (
        <p className="sh-quadrant" data-testid="quadrant">
          {t('Krachtenveld: ', 'Influence grid: ')}
          <strong>{QUADRANT_OPTIONS.find((o) => o.value === quadrant)?.label[language]}</strong>
          <span className="sh-field-help"> {t('(volgt uit de plek op de kaart; sleep om te veranderen)', '(follows from the position; drag to change)')}</span>
        </p>
      )}
      {shared.map((f) => (
        <FieldEditor
          key={f.key}
          field={f}
          value={node.data[f.key]}
          language={language}
          readOnly={readOnly}
          nodes={nodes}
          focusSeq={focusSeq(f.key)}
          onCommit={(v) => api.map.setNodeData(node.id, { [f.key]: v })}
        />
      ))}
      {privateFields.length > 0 && (
        <fieldset className="sh-private-fields">
          <legend>{t('Privé (niet zichtbaar via een kijklink)', 'Private (never shown on view links)')}</legend>
          {privateFields.map((f) => (
            <FieldEditor
              key={f.key}
              field={f}
              value={privateValues[f.key]}
              language={language}
              readOnly={readOnly}
              nodes={nodes}
              focusSeq={focusSeq(f.key)}
              onCommit={(v) => {
                api.map.setPrivateFields(node.id, { [f.key]: v });
                bump((x) => x + 1);
              }}
            />
          ))}
        </fieldset>
      )}
      <div className="sh-field is-inline">
        <label htmlFor="sh-node-pinned">{t('Vastgezet (automatisch schikken laat dit staan)', 'Pinned (automatic layout leaves it)')}</label>
        <input id="sh-node-pinned" type="checkbox" checked={node.pinned} disabled={readOnly} onChange={(e) => api.map.updateNode(node.id, { pinned: e.target.checked })} />
      </div>
      {isParty && (
        <section className="sh-inspector-commitments">
          <h3>{t('Afspraken over tijd en rol', 'Time-and-role commitments')}</h3>
          <p>
            {commitmentsCount === 0
              ? t('Nog geen afspraken.', 'No commitments yet.')
              : t(`${commitmentsCount} afspraak${commitmentsCount === 1 ? '' : 'en'}`, `${commitmentsCount} commitment${commitmentsCount === 1 ? '' : 's'}`)}
            {capacity && capacity.peak > 0 && (
              <>
                {' · '}
                {t(`drukste maand ${formatHours(capacity.peak, 'nl')} uur`, `busiest month ${formatHours(capacity.peak, 'en')} h`)}
                {capacity.capacity !== null && t(` van ${formatHours(capacity.capacity, 'nl')}`, ` of ${formatHours(capacity.capacity, 'en')}`)}
              </>
            )}
          </p>
          <div className="sh-buttons">
            <button type="button" onClick={() => void api.commands.executeCommand(STAKEHOLDER_COMMANDS.openCommitments, { who: node.id })}>
              {t('Afspraken bekijken', 'View commitments')}
            </button>
            {!readOnly && (
              <button type="button" onClick={() => void api.commands.executeCommand(STAKEHOLDER_COMMANDS.addCommitment, { who: node.id })}>
                {t('+ Nieuwe afspraak', '+ New commitment')}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function EdgeInspector({ api, edge, nodes, language }: { api: MantelkaartApi; edge: EdgeRecord; nodes: NodeRecord[]; language: 'nl' | 'en' }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const readOnly = !api.map.canEdit;
  const source = nodes.find((n) => n.id === edge.source);
  const target = nodes.find((n) => n.id === edge.target);
  const offered = source && target ? relationKindsFor(source.kind, target.kind) : [];
  const kinds = [...new Set([...offered, ...(relationKind(edge.kind) ? [edge.kind] : [])])];
  const strength = typeof edge.data.strength === 'number' ? edge.data.strength : null;
  const [strengthField, noteField] = [RELATION_FIELDS.find((f) => f.key === 'strength')!, RELATION_FIELDS.find((f) => f.key === 'note')!];
  return (
    <div className="sh-view sh-inspector" data-testid="relation-inspector" data-edge-id={edge.id}>
      <p className="sh-kind-title">{t('Relatie', 'Relation')}</p>
      <p className="sh-relation-ends">
        <strong>{source?.label || '…'}</strong> → <strong>{target?.label || '…'}</strong>
      </p>
      <div className="sh-field">
        <label htmlFor="sh-relation-kind">{t('Soort relatie', 'Relation kind')}</label>
        <select id="sh-relation-kind" data-field="kind" disabled={readOnly} value={relationKind(edge.kind) ? edge.kind : ''} onChange={(e) => e.target.value && api.map.updateEdge(edge.id, { kind: e.target.value })}>
          {!relationKind(edge.kind) && <option value="">{t('— kies —', '— choose —')}</option>}
          {kinds.map((k) => (
            <option key={k} value={k}>
              {relationKind(k)?.label[language]}
            </option>
          ))}
        </select>
        {kinds.length === 0 && <p className="sh-field-help">{t('Tussen deze twee past geen soort relatie; het blijft een gewone lijn.', 'No relation kind fits this pair; it stays a plain line.')}</p>}
      </div>
      <fieldset className="sh-field sh-strength" disabled={readOnly}>
        <legend>{strengthField.label[language]}</legend>
        {[1, 2, 3].map((s) => (
          <label key={s} className="sh-check">
            <input type="radio" name={`strength-${edge.id}`} checked={strength === s} onChange={() => api.map.setEdgeData(edge.id, { strength: s })} />
            {s}
          </label>
        ))}
        <p className="sh-field-help">{strengthField.description?.[language]}</p>
      </fieldset>
      <FieldEditor field={noteField} value={edge.data.note} language={language} readOnly={readOnly} nodes={nodes} onCommit={(v) => api.map.setEdgeData(edge.id, { note: v })} />
      {!readOnly && (
        <div className="sh-buttons">
          <button type="button" onClick={() => api.map.transact(() => {
            const { id: _id, source: s, target: tg, ...rest } = edge;
            api.map.deleteEdges([edge.id]);
            api.map.createEdge({ ...rest, source: tg, target: s });
          })}>
            {t('Richting omdraaien', 'Reverse direction')}
          </button>
          <button type="button" className="is-danger" onClick={() => api.map.deleteEdges([edge.id])}>
            {t('Relatie verwijderen', 'Delete relation')}
          </button>
        </div>
      )}
    </div>
  );
}
