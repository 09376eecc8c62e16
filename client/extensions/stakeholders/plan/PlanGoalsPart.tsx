import { GOAL_FIELDS, PLAN_COLLECTION } from '../../../../shared/plan/planData';
import { PlanRecordTable } from './PlanRecordTable';
import type { PlanPartProps } from './planPartProps';

/** The goals, measurable per community: each with an indicator, a baseline and a target. */
export function PlanGoalsPart({ api, language, readOnly, snapshot, data }: PlanPartProps) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  return (
    <PlanRecordTable
      api={api}
      collection={PLAN_COLLECTION.goals}
      fields={GOAL_FIELDS}
      snapshot={snapshot}
      order={data.goals}
      language={language}
      readOnly={readOnly}
      name="doelen"
      addLabel={t('Doel', 'Goal')}
      emptyText={t('Nog geen doelen. Bijvoorbeeld: 30 Turkse mantelzorgers bereikt eind 2027, met als indicator het aantal in contact met het steunpunt.', 'No goals yet. For example: 30 Turkish caregivers reached by the end of 2027, measured by how many are in touch with the support centre.')}
      rowName={(r) => t(`Doel ${String(r.data.title ?? '')}`, `goal ${String(r.data.title ?? '')}`)}
    />
  );
}
