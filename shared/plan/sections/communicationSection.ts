import { KIND } from '../../stakeholders/kinds/kindIds';
import { readCommunity } from '../../stakeholders/kinds/community';
import { normalizeText } from '../../stakeholders/textMatch';
import { orDash, paragraphs, type DraftBlock, type DraftSection, type PlanContext } from '../planContext';

/** The languages the map's communities speak, in map order, without duplicates: what channels are offered and checked against. */
export function mapLanguages(ctx: Pick<PlanContext, 'ofKind'>): string[] {
  const seen = new Map<string, string>();
  for (const c of ctx.ofKind(KIND.community).map(readCommunity)) for (const l of c.languages) if (!seen.has(normalizeText(l))) seen.set(normalizeText(l), l);
  return [...seen.values()];
}

/** Communicatie: channels and materials, in which languages, at which places, for whom (step 08: communicatie-inspanningen). */
export function communicationSection(ctx: PlanContext): DraftSection[] {
  const { texts, channels } = ctx.data;
  const blocks: DraftBlock[] = [...paragraphs(texts.communicatie)];
  const named = channels.filter((c) => c.channel);
  const names = (ids: string[]) => ids.filter((id) => ctx.nodes.has(id)).map((id) => ctx.name(id)).join(', ');
  if (named.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        header: [ctx.t('Middel of kanaal', 'Channel or material'), ctx.t('Talen', 'Languages'), ctx.t('Waar', 'Where'), ctx.t('Voor wie', 'For whom')],
        rows: named.map((c) => [c.channel, orDash(c.languages.join(', ')), orDash(names(c.places)), names(c.communities) || ctx.t('iedereen', 'everyone')]),
      },
    });
  }
  const missing: string[] = [];
  if (!texts.communicatie && named.length === 0) missing.push(ctx.t('Nog geen communicatie beschreven: welke middelen, in welke talen, op welke plekken?', 'No communication described yet: which channels, in which languages, at which places?'));
  if (named.length > 0) {
    const covered = new Set(named.flatMap((c) => c.languages.map(normalizeText)));
    const uncovered = mapLanguages(ctx).filter((l) => !covered.has(normalizeText(l)) && normalizeText(l) !== 'nederlands' && normalizeText(l) !== 'dutch');
    if (uncovered.length) missing.push(ctx.t(`Nog geen middel in: ${ctx.list(uncovered)}.`, `No channel yet in: ${ctx.list(uncovered)}.`));
  }
  if (missing.length) blocks.push({ type: 'missing', items: missing });
  return [{ id: 'communicatie', level: 1, heading: ctx.t('Communicatie', 'Communication'), blocks }];
}
