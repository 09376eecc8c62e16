import type { MapChange } from '../../../shared/model/diffSnapshots';
import type { FieldValue } from '../../../shared/model/schema';
import { useHost, useLocalize } from './HostContext';

export interface VersionChangesProps {
  title: string;
  when: string;
  changes: MapChange[];
  canRestore: boolean;
  onBringBack(nodeId: string): void;
  onClose(): void;
  /** Compare until: '' is now (the live map), or a later version. */
  until: { options: { id: string; label: string }[]; value: string; onChange(id: string): void };
  /** Also list cards that only moved (off by default: moving is not a change). */
  includeMoves: boolean;
  onIncludeMoves(on: boolean): void;
}

const show = (v: FieldValue | undefined) => (v === undefined || v === null || v === '' ? '–' : Array.isArray(v) ? v.join(', ') : String(v));

type NodeChange = Extract<MapChange, { on: 'node' }>;

/**
 * "Wat is er veranderd" since a version: cards grouped by kind (new, removed, changed with old → new per field),
 * then relations and records as counts. A card's entry frames it on the map; a removed card can be brought back.
 */
export function VersionChanges({ title, when, changes, canRestore, onBringBack, onClose, until, includeMoves, onIncludeMoves }: VersionChangesProps) {
  const { services } = useHost();
  const localize = useLocalize();
  const cards = changes.filter((c): c is NodeChange => c.on === 'node');
  const byKind = new Map<string, NodeChange[]>();
  for (const c of cards) {
    const kind = c.type === 'removed' ? c.before.kind : c.after.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  const kindTitle = (kind: string) => {
    const t = services.nodeKinds.get(kind)?.declaration.title;
    return t ? localize(t) : kind;
  };
  const count = (on: MapChange['on'], type: string) => changes.filter((c) => c.on === on && c.type === type).length;
  const reveal = (id: string) => {
    services.session.selection.set([id]);
    services.canvas.fitView([id]);
  };
  const TYPE = {
    added: { nl: 'nieuw', en: 'new' },
    removed: { nl: 'verwijderd', en: 'removed' },
    changed: { nl: 'gewijzigd', en: 'changed' },
    moved: { nl: 'verplaatst', en: 'moved' },
  } as const;
  /** A field as its kind's form calls it ("Capaciteit"), falling back to the stored key. */
  const fieldName = (kind: string, field: string) => {
    if (field === 'label') return localize({ nl: 'naam', en: 'name' });
    const key = field.replace(/^data\./, '');
    const schema = services.nodeKinds.get(kind)?.declaration.fields?.find((f) => f.key === key);
    return schema ? localize(schema.label) : key;
  };
  return (
    <div className="mk-versions mk-version-compare" data-testid="version-compare">
      <header>
        <h3>{localize({ nl: 'Wat is er veranderd', en: 'What has changed' })}</h3>
        <p className="mk-view-message">
          {until.value
            ? localize({ nl: `Sinds “${title}” (${when}), tot de gekozen versie. De kaart zelf toont nu; vergelijk met nu om de veranderingen erop te zien.`, en: `Since “${title}” (${when}), until the chosen version. The canvas shows now; compare with now to see the changes on it.` })
            : localize({ nl: `Sinds “${title}” (${when}), tot nu. Nieuwe kaarten zijn groen, gewijzigde oranje, verwijderde staan vaag op hun oude plek.`, en: `Since “${title}” (${when}), until now. New cards are green, changed ones amber, removed ones faded at their old place.` })}
        </p>
        <label className="mk-compare-until">
          {localize({ nl: 'Tot', en: 'Until' })}
          <select value={until.value} onChange={(e) => until.onChange(e.currentTarget.value)}>
            <option value="">{localize({ nl: 'nu', en: 'now' })}</option>
            {until.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="mk-compare-moves">
          <input type="checkbox" checked={includeMoves} onChange={(e) => onIncludeMoves(e.currentTarget.checked)} />
          {localize({ nl: 'Ook kaarten die alleen verplaatst zijn', en: 'Also cards that only moved' })}
        </label>
        <button type="button" className="button" onClick={onClose}>
          {localize({ nl: 'Vergelijken sluiten', en: 'Close comparison' })}
        </button>
      </header>
      {changes.length === 0 && <p className="mk-view-message">{localize({ nl: 'Er is niets veranderd.', en: 'Nothing has changed.' })}</p>}
      {[...byKind].map(([kind, list]) => (
        <section key={kind} className="mk-compare-group" data-kind={kind}>
          <h4>
            {kindTitle(kind)} ({list.length})
          </h4>
          <ul role="list">
            {list.map((c) => {
              const label = (c.type === 'removed' ? c.before.label : c.after.label) || localize({ nl: '(zonder naam)', en: '(no name)' });
              return (
                <li key={c.id} className={`is-${c.type}`} data-change={c.type} data-node={c.id}>
                  {c.type === 'removed' ? (
                    <span className="mk-compare-label">{label}</span>
                  ) : (
                    <button type="button" className="mk-link" onClick={() => reveal(c.id)}>
                      {label}
                    </button>
                  )}
                  <span className={`mk-compare-type is-${c.type}`}>{localize(TYPE[c.type])}</span>
                  {c.type === 'changed' && (
                    <ul className="mk-compare-fields">
                      {c.fields.map((f) => (
                        <li key={f.field}>
                          {fieldName(c.after.kind, f.field)}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
                        </li>
                      ))}
                    </ul>
                  )}
                  {c.type === 'removed' && canRestore && (
                    <button type="button" className="button" data-bring-back={c.id} onClick={() => onBringBack(c.id)}>
                      {localize({ nl: 'Terugzetten', en: 'Bring back' })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {changes.some((c) => c.on !== 'node') && (
        <section className="mk-compare-group">
          <h4>{localize({ nl: 'Relaties en afspraken', en: 'Relations and records' })}</h4>
          <ul role="list">
            <li>{localize({ nl: `Relaties: ${count('edge', 'added')} nieuw, ${count('edge', 'removed')} verwijderd, ${count('edge', 'changed')} gewijzigd`, en: `Relations: ${count('edge', 'added')} new, ${count('edge', 'removed')} removed, ${count('edge', 'changed')} changed` })}</li>
            <li>{localize({ nl: `Afspraken en planregels: ${count('record', 'added')} nieuw, ${count('record', 'removed')} verwijderd, ${count('record', 'changed')} gewijzigd`, en: `Commitments and plan lines: ${count('record', 'added')} new, ${count('record', 'removed')} removed, ${count('record', 'changed')} changed` })}</li>
          </ul>
        </section>
      )}
    </div>
  );
}
