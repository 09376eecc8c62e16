import type { ReactNode } from 'react';
import type { CollectionRecord, FieldSchema, FieldValue, Language, MantelkaartApi, MapSnapshot } from '../../../host/api';
import { FieldEditor } from '../views/FieldEditor';

export interface PlanRecordTableProps {
  api: MantelkaartApi;
  collection: string;
  fields: FieldSchema[];
  /** The map: the collection's records are read from it, and nodeRef fields pick from its cards. */
  snapshot: MapSnapshot;
  /** The records' ids in the order to show them (the plan data's reader sorts them). */
  order: readonly { id: string }[];
  language: Language;
  readOnly: boolean;
  /** The table's name for screen readers and tests ('doelen', 'kosten', …). */
  name: string;
  addLabel: string;
  emptyText: string;
  /** Fields a new record starts with (a category, a phase). */
  defaults?: Record<string, FieldValue>;
  /** Extra read-only columns after the fields: a computed amount, … */
  extra?: { header: string; cell(record: CollectionRecord): ReactNode; numeric?: boolean }[];
  /** What a row is called in its delete button ("Doel 30 Turkse mantelzorgers verwijderen"). */
  rowName(record: CollectionRecord): string;
}

/**
 * An editable table over one of the plan's record collections: one row per record, a field editor per cell
 * (checked the same way as everywhere else), a row added with its creation time so rows keep their order.
 */
export function PlanRecordTable(props: PlanRecordTableProps) {
  const { api, collection, fields, snapshot, order, language, readOnly, name, extra = [] } = props;
  const byId = new Map((snapshot.collections[collection] ?? []).map((r) => [r.id, r]));
  const records = order.map((o) => byId.get(o.id)).filter((r): r is CollectionRecord => r !== undefined);
  const nodes = snapshot.nodes;
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  // Every field someone fills in is an undo step of its own, however quickly the next one follows.
  const commit = (id: string, key: string, value: FieldValue | undefined) => {
    api.map.stopCapturing();
    api.map.putRecord(collection, { [key]: value }, id);
    api.map.stopCapturing();
  };
  return (
    <div className="sh-plan-records">
      <div className="sh-table-scroll">
        <table className="sh-table" data-plan-table={name}>
          <thead>
            <tr>
              {fields.map((f) => (
                <th key={f.key} scope="col">
                  {f.label[language]}
                </th>
              ))}
              {extra.map((x) => (
                <th key={x.header} scope="col" className={x.numeric ? 'sh-num' : undefined}>
                  {x.header}
                </th>
              ))}
              {!readOnly && (
                <th scope="col">
                  <span className="sh-visually-hidden">{t('Verwijderen', 'Delete')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} data-record={r.id}>
                {fields.map((f) => (
                  <td key={f.key} data-column={f.key}>
                    <FieldEditor compact field={f} value={r.data[f.key]} language={language} readOnly={readOnly} nodes={nodes} onCommit={(v) => commit(r.id, f.key, v)} />
                  </td>
                ))}
                {extra.map((x) => (
                  <td key={x.header} className={x.numeric ? 'sh-num' : undefined}>
                    {x.cell(r)}
                  </td>
                ))}
                {!readOnly && (
                  <td>
                    <button type="button" className="sh-icon-button" aria-label={t(`${props.rowName(r)} verwijderen`, `Delete ${props.rowName(r)}`)} onClick={() => api.map.deleteRecords(collection, [r.id])}>
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
            {records.length === 0 && (
              <tr>
                <td colSpan={fields.length + extra.length + 1} className="sh-hint">
                  {props.emptyText}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <button type="button" className="sh-plan-add" data-plan-add={name} onClick={() => api.map.putRecord(collection, { ...props.defaults, createdAt: Date.now() })}>
          + {props.addLabel}
        </button>
      )}
    </div>
  );
}
