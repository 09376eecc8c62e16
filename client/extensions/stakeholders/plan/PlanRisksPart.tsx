import { PLAN_COLLECTION, RISK_FIELDS } from '../../../../shared/plan/planData';
import type { PlanContext } from '../../../../shared/plan/planContext';
import { planRisks, riskLevel } from '../../../../shared/plan/sections/risksSection';
import { FieldEditor } from '../views/FieldEditor';
import type { PlanPartProps } from './planPartProps';

/** The risk table as the plan will print it, with an owner and a date per risk that the team sets. */
export function PlanRisksPart({ api, language, readOnly, snapshot, ctx }: PlanPartProps & { ctx: PlanContext }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const risks = planRisks(ctx);
  const notes = new Map((snapshot.collections[PLAN_COLLECTION.risks] ?? []).map((r) => [r.id, r]));
  if (risks.length === 0) return <p className="sh-hint">{t('De kaart laat nu geen risico’s zien.', 'The map shows no risks now.')}</p>;
  return (
    <>
      <p className="sh-field-help">{t('Deze risico’s komen uit de controle van de kaart; los je het op de kaart op, dan verdwijnt het ook uit het plan.', 'These risks come from the map’s checks; solve one on the map and it leaves the plan too.')}</p>
      <div className="sh-table-scroll">
        <table className="sh-table" data-plan-table="risicos">
          <thead>
            <tr>
              <th scope="col">{t('Ernst', 'Severity')}</th>
              <th scope="col">{t('Risico en maatregel', 'Risk and measure')}</th>
              {RISK_FIELDS.map((f) => (
                <th key={f.key} scope="col">
                  {f.label[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {risks.map((r) => (
              <tr key={r.key} data-risk={r.key} className={`is-${r.severity}`}>
                <td>{riskLevel(ctx, r.severity)}</td>
                <td>{r.text}</td>
                {RISK_FIELDS.map((f) => (
                  <td key={f.key} data-column={f.key}>
                    <FieldEditor compact field={f} value={notes.get(r.key)?.data[f.key]} language={language} readOnly={readOnly} nodes={snapshot.nodes} onCommit={(v) => api.map.putRecord(PLAN_COLLECTION.risks, { [f.key]: v }, r.key)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
