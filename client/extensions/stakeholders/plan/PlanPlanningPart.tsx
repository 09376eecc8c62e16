import { useMemo } from 'react';
import { MILESTONE_FIELDS, PHASE_FIELDS, PLAN_COLLECTION, PLAN_PHASES } from '../../../../shared/plan/planData';
import type { PlanDocument } from '../../../../shared/plan/planDocument';
import { resolvePhases } from '../../../../shared/plan/planPhases';
import { formatMonth } from '../../../../shared/stakeholders';
import { FieldEditor } from '../views/FieldEditor';
import { PlanRecordTable } from './PlanRecordTable';
import { PlanTimelineChart } from './PlanTimelineChart';
import type { PlanPartProps } from './planPartProps';

/** The phases (development time, bereiken, binden, borgen) with their period and people, the chart, and milestones. */
export function PlanPlanningPart({ api, language, readOnly, snapshot, data, plan }: PlanPartProps & { plan: PlanDocument }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const resolved = useMemo(() => resolvePhases(snapshot, data.phases), [snapshot, data.phases]);
  const records = new Map((snapshot.collections[PLAN_COLLECTION.phases] ?? []).map((r) => [r.id, r]));
  const timeline = plan.sections.find((s) => s.id === 'planning')?.blocks.find((b) => b.type === 'timeline');
  return (
    <>
      <div className="sh-table-scroll">
        <table className="sh-table" data-plan-table="fasen">
          <thead>
            <tr>
              <th scope="col">{t('Fase', 'Phase')}</th>
              {PHASE_FIELDS.map((f) => (
                <th key={f.key} scope="col">
                  {f.label[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PLAN_PHASES.map((p) => {
              const r = resolved.find((x) => x.id === p.id)!;
              const record = records.get(p.id);
              return (
                <tr key={p.id} data-phase={p.id}>
                  <th scope="row">
                    {p.label[language]}
                    {r.derived && r.from && r.to && (
                      <small className="sh-field-help">{t(`uit het aanbod: ${formatMonth(r.from, 'nl')} – ${formatMonth(r.to, 'nl')}`, `from the offers: ${formatMonth(r.from, 'en')} – ${formatMonth(r.to, 'en')}`)}</small>
                    )}
                  </th>
                  {PHASE_FIELDS.map((f) => (
                    <td key={f.key} data-column={f.key}>
                      <FieldEditor compact field={f} value={record?.data[f.key]} language={language} readOnly={readOnly} nodes={snapshot.nodes} onCommit={(v) => api.map.putRecord(PLAN_COLLECTION.phases, { [f.key]: v }, p.id)} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {timeline?.type === 'timeline' ? (
        <PlanTimelineChart timeline={timeline.timeline} label={t('Planning per fase', 'Planning per phase')} />
      ) : (
        <p className="sh-hint">{t('Geef de fasen een begin en einde (of het aanbod start- en einddatums), dan verschijnt hier de planning.', 'Give the phases a start and end (or the offers start and end dates) and the planning appears here.')}</p>
      )}
      <h4>{t('Mijlpalen en evaluatiemomenten', 'Milestones and evaluation moments')}</h4>
      <PlanRecordTable
        api={api}
        collection={PLAN_COLLECTION.milestones}
        fields={MILESTONE_FIELDS}
        snapshot={snapshot}
        order={data.milestones}
        language={language}
        readOnly={readOnly}
        name="mijlpalen"
        addLabel={t('Mijlpaal', 'Milestone')}
        emptyText={t('Nog geen mijlpalen. Kies ook evaluatiemomenten: wanneer kijkt het team samen terug?', 'No milestones yet. Choose evaluation moments too: when does the team look back together?')}
        rowName={(r) => t(`Mijlpaal ${String(r.data.title ?? '')}`, `milestone ${String(r.data.title ?? '')}`)}
      />
    </>
  );
}
