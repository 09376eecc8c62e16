import { COST_FIELDS, FUNDING_FIELDS, PLAN_COLLECTION, PLAN_INFO_ID, PLAN_RATE_FIELDS } from '../../../../shared/plan/planData';
import type { PlanBudget } from '../../../../shared/plan/planBudget';
import { formatEuro, formatHours } from '../../../../shared/stakeholders';
import { FieldEditor } from '../views/FieldEditor';
import { PlanRecordTable } from './PlanRecordTable';
import type { PlanPartProps } from './planPartProps';

/** Cost lines, funding and the default rates for eigen inzet, with the totals and the gap as the plan will state them. */
export function PlanBudgetPart({ api, language, readOnly, snapshot, data, budget }: PlanPartProps & { budget: PlanBudget }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const euro = (n: number) => formatEuro(n, language);
  const hours = (n: number) => formatHours(n, language);
  const info = snapshot.collections[PLAN_COLLECTION.info]?.find((r) => r.id === PLAN_INFO_ID);
  const amountOf = new Map(data.costs.map((c) => [c.id, c.amount]));
  return (
    <>
      <dl className="sh-plan-totals" data-testid="plan-budget-totals">
        <div>
          <dt>{t('Totale kosten', 'Total costs')}</dt>
          <dd>{euro(budget.totalCosts)}</dd>
        </div>
        <div>
          <dt>{t('Dekking', 'Funding')}</dt>
          <dd>{euro(budget.totalCovered)}</dd>
        </div>
        <div className={budget.gap > 0 ? 'is-short' : 'is-covered'}>
          <dt>{budget.gap > 0 ? t('Nog niet gedekt', 'Not yet covered') : t('Overschot', 'Surplus')}</dt>
          <dd data-testid="plan-gap">{euro(Math.abs(budget.gap))}</dd>
        </div>
        {budget.fundingPending > 0 && (
          <div>
            <dt>{t('Aangevraagd, nog geen besluit', 'Requested, not decided')}</dt>
            <dd>{euro(budget.fundingPending)}</dd>
          </div>
        )}
        <div>
          <dt>{t('Eigen inzet', 'Own time')}</dt>
          <dd>
            {hours(budget.own.hours)} {t('uur', 'h')}
          </dd>
        </div>
        {budget.proposed.hours > 0 && (
          <div>
            <dt>{t('Nog voorgesteld', 'Still proposed')}</dt>
            <dd>
              {hours(budget.proposed.hours)} {t('uur', 'h')}
            </dd>
          </div>
        )}
      </dl>
      <p className="sh-field-help">
        {t(
          'De uren komen uit de afspraken over tijd en rol: met een uurtarief tellen ze als kosten, zonder als eigen inzet. Wat nog voorgesteld is, telt pas mee als het is afgesproken.',
          'Hours come from the commitments: with an hourly rate they count as costs, without as own time. What is still proposed counts once agreed.',
        )}
      </p>
      <h4>{t('Kostenposten', 'Cost lines')}</h4>
      <PlanRecordTable
        api={api}
        collection={PLAN_COLLECTION.costs}
        fields={COST_FIELDS}
        snapshot={snapshot}
        order={data.costs}
        language={language}
        readOnly={readOnly}
        name="kosten"
        defaults={{ category: 'vertaling' }}
        addLabel={t('Kostenpost', 'Cost line')}
        emptyText={t('Nog geen kostenposten: vertaling, materiaal, zaalhuur, vrijwilligersvergoedingen, training, coaching van sleutelfiguren, onvoorzien.', 'No cost lines yet: translation, materials, room hire, volunteer allowances, training, coaching of key figures, contingency.')}
        extra={[{ header: t('Telt mee', 'Counts'), numeric: true, cell: (r) => { const a = amountOf.get(r.id); return a == null ? <span className="sh-hint">{t('nog geen bedrag', 'no amount yet')}</span> : euro(a); } }]}
        rowName={(r) => t(`Kostenpost ${String(r.data.description ?? '')}`, `cost line ${String(r.data.description ?? '')}`)}
      />
      <h4>{t('Dekking', 'Funding')}</h4>
      <PlanRecordTable
        api={api}
        collection={PLAN_COLLECTION.funding}
        fields={FUNDING_FIELDS}
        snapshot={snapshot}
        order={data.funding}
        language={language}
        readOnly={readOnly}
        name="dekking"
        defaults={{ source: 'gemeente', status: 'teAanvragen' }}
        addLabel={t('Bron van dekking', 'Source of funding')}
        emptyText={t('Nog geen dekking: gemeente, fondsen, eigen bijdrage van de organisaties.', 'No funding yet: municipality, funds, own contribution of the organisations.')}
        rowName={(r) => t(`Dekking ${String(r.data.name ?? '')}`, `funding ${String(r.data.name ?? '')}`)}
      />
      <details className="sh-plan-rates">
        <summary>{t('Eigen inzet waarderen: standaardtarief per soort organisatie', 'Value own time: default rate per type of organisation')}</summary>
        <p className="sh-field-help">
          {t(
            'Leeg laten houdt de eigen inzet in uren. Met een tarief staat de waarde als kosten én als dekking in natura in de begroting.',
            'Left empty, own time stays in hours. With a rate its value appears both as a cost and as in-kind funding.',
          )}
        </p>
        <div className="sh-plan-grid">
          {PLAN_RATE_FIELDS.map((f) => (
            <FieldEditor key={f.key} field={f} value={info?.data[f.key]} language={language} readOnly={readOnly} nodes={[]} onCommit={(v) => api.map.putRecord(PLAN_COLLECTION.info, { [f.key]: v }, PLAN_INFO_ID)} />
          ))}
        </div>
      </details>
    </>
  );
}
