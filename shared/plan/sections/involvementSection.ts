import { paragraphs, type DraftSection, type PlanContext } from '../planContext';

/** How key figures and partners were involved in writing the plan (Movisie: ervaringskennis at the table). */
export function involvementSection(ctx: PlanContext): DraftSection[] {
  const text = ctx.data.texts.involvement;
  return [
    {
      id: 'betrokkenheid',
      level: 1,
      heading: ctx.t('Hoe sleutelfiguren en partners meeschreven', 'How key figures and partners helped write this plan'),
      blocks: text
        ? paragraphs(text)
        : [{ type: 'missing', items: [ctx.t('Nog niet beschreven hoe sleutelfiguren en partners bij het schrijven van het plan betrokken waren.', 'Not yet described how key figures and partners were involved in writing the plan.')] }],
    },
  ];
}
