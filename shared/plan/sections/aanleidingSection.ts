import { KIND } from '../../stakeholders/kinds/kindIds';
import { readCommunity } from '../../stakeholders/kinds/community';
import { DASH, orDash, paragraphs, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';

/** Aanleiding en doelgroepen: the communities with wijk, languages, size and the needs heard (steps 01 and 05). */
export function aanleidingSection(ctx: PlanContext): DraftSection[] {
  const communities = ctx.ofKind(KIND.community).map(readCommunity);
  const blocks: DraftBlock[] = [
    {
      type: 'paragraph',
      text: ctx.t(
        'Mantelzorgers met een migratieachtergrond vinden vaak niet vanzelf de weg naar ondersteuning. Dit plan beschrijft hoe we hen bereiken en steunen, samen met sleutelfiguren, vindplaatsen en partners die zij al vertrouwen.',
        'Informal caregivers with a migration background often do not find their way to support by themselves. This plan describes how we reach and support them, together with key figures, places and partners they already trust.',
      ),
    },
    ...paragraphs(ctx.data.texts.onderbouwing),
  ];
  if (!ctx.data.texts.onderbouwing) {
    blocks.push({ type: 'missing', items: [ctx.t('Nog geen onderbouwing (stap 01): signalen, cijfers en de aanknopingspunten in het beleid van de gemeente.', 'No rationale yet (step 01): signals, figures and the hooks in the municipality’s policy.')] });
  }
  if (communities.length === 0) {
    blocks.push({ type: 'missing', items: [ctx.t('Nog geen gemeenschappen op de kaart (stap 01, Verkenning): welke migrantengemeenschappen wonen er in de gemeente?', 'No communities on the map yet (step 01, exploration): which migrant communities live in the municipality?')] });
    return [{ id: 'aanleiding', level: 1, heading: ctx.t('Aanleiding en doelgroepen', 'Background and target groups'), blocks }];
  }
  const total = communities.reduce((s, c) => s + (c.size ?? 0), 0);
  blocks.push({
    type: 'table',
    table: {
      header: [ctx.t('Gemeenschap', 'Community'), ctx.t('Wijk', 'Neighbourhood'), ctx.t('Talen', 'Languages'), ctx.t('Omvang (ca.)', 'Size (approx.)'), ctx.t('Gehoorde behoeften', 'Needs heard')],
      rows: communities.map((c) => [
        ctx.name(c.id),
        orDash(c.wijk.join(', ')),
        orDash(c.languages.join(', ')),
        c.size === null ? DASH : c.size.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'),
        orDash(c.needs.join('; ')),
      ]),
      totals: total > 0 ? [ctx.t('Totaal', 'Total'), '', '', total.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'), ''] : undefined,
      numeric: [false, false, false, true, false],
    },
  });
  const missing: string[] = [];
  for (const c of communities) {
    const lacks: string[] = [];
    if (c.wijk.length === 0) lacks.push(ctx.t('wijk', 'neighbourhood'));
    if (c.languages.length === 0) lacks.push(ctx.t('talen', 'languages'));
    if (c.size === null) lacks.push(ctx.t('omvang', 'size'));
    if (lacks.length > 0) missing.push(ctx.t(`${ctx.name(c.id)}: nog geen ${ctx.list(lacks)} ingevuld.`, `${ctx.name(c.id)}: no ${ctx.list(lacks)} filled in yet.`));
    if (c.needs.length === 0) {
      missing.push(ctx.t(`${ctx.name(c.id)}: nog geen behoeften opgehaald; ga in gesprek met (oud-)mantelzorgers (stap 05).`, `${ctx.name(c.id)}: no needs heard yet; talk with (former) caregivers (step 05).`));
    }
  }
  if (missing.length > 0) blocks.push({ type: 'missing', items: missing });
  return [{ id: 'aanleiding', level: 1, heading: ctx.t('Aanleiding en doelgroepen', 'Background and target groups'), blocks }];
}
