import type { PlanContext } from '../planContext';
import type { DraftSection } from '../planContext';

/** Bijlage: the map as an image; the caller renders the canvas to PNG and hands the bytes to the renderer. */
export function appendixSection(ctx: PlanContext, date: string): DraftSection[] {
  if (!ctx.mapImage) return [];
  const title = ctx.snapshot.meta.title.trim() || ctx.t('de kaart', 'the map');
  return [
    {
      id: 'bijlage-kaart',
      level: 1,
      heading: ctx.t('Bijlage: de kaart', 'Appendix: the map'),
      blocks: [
        {
          type: 'mapImage',
          caption: ctx.t(`De kaart “${title}”, ${date}.`, `The map “${title}”, ${date}.`),
          altText: ctx.t(
            `De kaart met ${ctx.snapshot.nodes.length} onderdelen en ${ctx.snapshot.edges.length} verbindingen: gemeenschappen, sleutelfiguren, vindplaatsen, partners en aanbod.`,
            `The map with ${ctx.snapshot.nodes.length} items and ${ctx.snapshot.edges.length} links: communities, key figures, places, partners and offers.`,
          ),
        },
      ],
    },
  ];
}
