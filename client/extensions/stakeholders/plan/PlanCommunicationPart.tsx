import { CHANNEL_FIELDS, PLAN_COLLECTION } from '../../../../shared/plan/planData';
import type { PlanContext } from '../../../../shared/plan/planContext';
import { mapLanguages } from '../../../../shared/plan/sections/communicationSection';
import { PlanRecordTable } from './PlanRecordTable';
import type { PlanPartProps } from './planPartProps';

/** Channels and materials: the map's languages and vindplaatsen are offered as picks. */
export function PlanCommunicationPart({ api, language, readOnly, snapshot, data, ctx }: PlanPartProps & { ctx: PlanContext }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const languages = mapLanguages(ctx);
  const fields = CHANNEL_FIELDS.map((f) => (f.key === 'languages' ? { ...f, suggestions: languages } : f));
  return (
    <PlanRecordTable
      api={api}
      collection={PLAN_COLLECTION.channels}
      fields={fields}
      snapshot={snapshot}
      order={data.channels}
      language={language}
      readOnly={readOnly}
      name="kanalen"
      addLabel={t('Middel of kanaal', 'Channel or material')}
      emptyText={t('Nog geen middelen. Denk aan voorlichting op een vindplaats, een folder in de eigen taal, een WhatsApp-groep.', 'No channels yet. Think of a talk at a meeting place, a leaflet in people’s own language, a WhatsApp group.')}
      rowName={(r) => String(r.data.channel ?? t('middel', 'channel'))}
    />
  );
}
