import { KIND } from '../../stakeholders/kinds/kindIds';
import { readOffer, type Offer } from '../../stakeholders/kinds/offer';
import { monthsBetween } from '../../stakeholders/months';
import { PHASES } from '../../stakeholders/phases';
import { orDash, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';

/** Gekozen ondersteuning per fase: bereiken, binden, borgen (step 06). */
export function supportSection(ctx: PlanContext): DraftSection[] {
  const offers = ctx.ofKind(KIND.offer).map(readOffer);
  const period = (o: Offer) => {
    if (o.start && o.end) return ctx.formatMonths(monthsBetween(o.start, o.end)) || `${ctx.month(o.start)} – ${ctx.month(o.end)}`;
    if (o.start) return ctx.t(`vanaf ${ctx.month(o.start)}`, `from ${ctx.month(o.start)}`);
    if (o.end) return ctx.t(`tot ${ctx.month(o.end)}`, `until ${ctx.month(o.end)}`);
    return '';
  };
  const intro: DraftBlock[] = [
    {
      type: 'paragraph',
      text: ctx.t(
        'Het aanbod is ingedeeld in drie fasen: bereiken (in contact komen), binden (een band opbouwen) en borgen (zorgen dat het blijft als het project stopt).',
        'The offers fall into three phases: reach (get in touch), bond (build a relationship) and sustain (make it last when the project ends).',
      ),
    },
  ];
  if (offers.length === 0) intro.push({ type: 'missing', items: [ctx.t('Nog geen ondersteuningsaanbod op de kaart (stap 06).', 'No support offers on the map yet (step 06).')] });
  const noPhase = offers.filter((o) => o.phase === null);
  if (noPhase.length > 0) intro.push({ type: 'missing', items: noPhase.map((o) => ctx.t(`${ctx.name(o.id)} heeft nog geen fase.`, `${ctx.name(o.id)} has no phase yet.`)) });

  const sections: DraftSection[] = [{ id: 'ondersteuning', level: 1, heading: ctx.t('Gekozen ondersteuning per fase', 'Chosen support per phase'), blocks: intro }];
  for (const phase of PHASES) {
    const inPhase = offers.filter((o) => o.phase === phase.id);
    const blocks: DraftBlock[] = [];
    if (inPhase.length > 0) {
      blocks.push({
        type: 'table',
        table: {
          header: [ctx.t('Aanbod', 'Offer'), ctx.t('Soort', 'Type'), ctx.t('Talen', 'Languages'), ctx.t('Voor', 'For'), ctx.t('Periode', 'Period'), ctx.t('Vervolg', 'Follow-up')],
          rows: inPhase.map((o) => [
            ctx.name(o.id),
            orDash(o.offerType),
            orDash(o.languages.join(', ')),
            orDash(o.communities.filter((id) => ctx.nodes.has(id)).map((id) => ctx.name(id)).join(', ')),
            orDash(period(o)),
            o.followUp && ctx.nodes.has(o.followUp) ? ctx.name(o.followUp) : o.end ? ctx.t('nog niet vastgelegd', 'not agreed yet') : orDash(''),
          ]),
        },
      });
    } else {
      blocks.push({
        type: 'missing',
        items: [
          phase.id === 'borgen'
            ? ctx.t('Nog geen aanbod in de fase borgen: wat blijft er als het project stopt, en wie houdt de vinger aan de pols?', 'No offers in the sustain phase yet: what remains when the project ends, and who keeps in touch?')
            : ctx.t(`Nog geen aanbod in de fase ${ctx.text(phase.label).toLowerCase()}.`, `No offers in the ${ctx.text(phase.label).toLowerCase()} phase yet.`),
        ],
      });
    }
    sections.push({ id: `ondersteuning-${phase.id}`, level: 2, heading: ctx.text(phase.label), blocks });
  }
  return sections;
}
