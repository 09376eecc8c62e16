import { PLAN_COLLECTION, PLAN_INFO_FIELDS, PLAN_INFO_ID } from '../../../../shared/plan/planData';
import { FieldEditor } from '../views/FieldEditor';
import type { PlanPartProps } from './planPartProps';

/** Title, version, status, authors, contact person and client: the plan's first page. */
export function PlanInfoPart({ api, language, readOnly, snapshot }: PlanPartProps) {
  const record = snapshot.collections[PLAN_COLLECTION.info]?.find((r) => r.id === PLAN_INFO_ID);
  return (
    <div className="sh-plan-grid" data-plan-info>
      {PLAN_INFO_FIELDS.map((f) => (
        <FieldEditor key={f.key} field={f} value={record?.data[f.key] ?? (f.key === 'status' ? 'concept' : undefined)} language={language} readOnly={readOnly} nodes={snapshot.nodes} onCommit={(v) => api.map.putRecord(PLAN_COLLECTION.info, { [f.key]: v }, PLAN_INFO_ID)} />
      ))}
    </div>
  );
}
