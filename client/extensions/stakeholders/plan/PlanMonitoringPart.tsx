import { PLAN_COLLECTION, realisedKey } from '../../../../shared/plan/planData';
import type { PlanContext } from '../../../../shared/plan/planContext';
import { quarters } from '../../../../shared/plan/sections/monitoringSection';
import { nodeName } from '../../../../shared/stakeholders';
import { FieldEditor } from '../views/FieldEditor';
import type { PlanPartProps } from './planPartProps';

/** Realised per quarter for each goal's indicator, filled in by the team for the quarterly report. */
export function PlanMonitoringPart({ api, language, readOnly, snapshot, data, ctx }: PlanPartProps & { ctx: PlanContext }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const qs = quarters(ctx, ctx.totals.months);
  const goals = data.goals.filter((g) => g.title);
  if (goals.length === 0) return <p className="sh-hint">{t('Zodra er doelen zijn, vult het team hier per kwartaal in wat er gerealiseerd is.', 'Once there are goals, the team fills in here what was realised each quarter.')}</p>;
  if (qs.length === 0) return <p className="sh-hint">{t('Er is nog geen projectperiode: geef afspraken en aanbod een begin en einde, dan volgen de kwartalen vanzelf.', 'There is no project period yet: give commitments and offers a start and end, and the quarters follow.')}</p>;
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  return (
    <div className="sh-table-scroll">
      <table className="sh-table" data-plan-table="monitoring">
        <thead>
          <tr>
            <th scope="col">{t('Indicator', 'Indicator')}</th>
            <th scope="col" className="sh-num">{t('Nulmeting', 'Baseline')}</th>
            <th scope="col" className="sh-num">{t('Streefwaarde', 'Target')}</th>
            {qs.map((q) => (
              <th key={q.key} scope="col">
                {q.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => (
            <tr key={g.id} data-goal={g.id}>
              <th scope="row">
                {g.indicator || g.title}
                {g.community && nodes.has(g.community) && <small className="sh-field-help">{nodeName(nodes.get(g.community), language)}</small>}
              </th>
              <td className="sh-num">{g.baseline ?? '–'}</td>
              <td className="sh-num">{g.target ?? '–'}</td>
              {qs.map((q) => (
                <td key={q.key} data-column={q.key}>
                  <FieldEditor
                    compact
                    field={{ key: realisedKey(q.key), type: 'number', min: 0, label: { nl: `Gerealiseerd ${q.label}`, en: `Realised ${q.label}` } }}
                    value={g.realised[q.key]}
                    language={language}
                    readOnly={readOnly}
                    nodes={[]}
                    onCommit={(v) => api.map.putRecord(PLAN_COLLECTION.goals, { [realisedKey(q.key)]: v }, g.id)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
