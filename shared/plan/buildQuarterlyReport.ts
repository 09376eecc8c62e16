import type { MapSnapshot } from '../model/schema';
import { planContext, type BuildPlanOptions } from './planContext';
import { formatPlanDate } from './planDate';
import type { PlanBlock, PlanDocument, PlanSection } from './planDocument';
import { quarterlyIndicatorBlocks } from './sections/monitoringSection';
import { sinceBlocks, type PlanSince } from './sections/sinceSection';

/**
 * The Kwartaalrapportage on its own (step 08): for the opdrachtgever or funder, what changed since a chosen version
 * on the four topics (bereik, netwerk, inzet en budget, open punten) and the goals' indicators per quarter.
 */
export function buildQuarterlyReport(now: MapSnapshot, since: PlanSince, options: BuildPlanOptions): PlanDocument {
  const ctx = planContext(now, options);
  const date = formatPlanDate(options.date, ctx.lang);
  const { info } = ctx.data;
  const from = formatPlanDate(new Date(since.createdAt), ctx.lang);
  const facts: [string, string][] = [[ctx.t('Periode', 'Period'), ctx.t(`${from} tot ${date}`, `${from} to ${date}`)]];
  if (info.client) facts.push([ctx.t('Voor', 'For'), info.client]);
  if (info.authors) facts.push([ctx.t('Auteurs', 'Authors'), info.authors]);
  const indicators = quarterlyIndicatorBlocks(ctx);
  const sections: PlanSection[] = [
    { id: 'kwartaal-veranderingen', level: 1, heading: ctx.t('Wat is er veranderd', 'What has changed'), blocks: sinceBlocks(ctx, since).filter((b): b is PlanBlock => b.type !== 'missing') },
    ...(indicators.length ? [{ id: 'kwartaal-indicatoren', level: 1 as const, heading: ctx.t('Doelen en indicatoren', 'Goals and indicators'), blocks: indicators.filter((b): b is PlanBlock => b.type !== 'missing') }] : []),
  ];
  return {
    lang: ctx.lang,
    titlePage: {
      title: ctx.t('Kwartaalrapportage', 'Quarterly report'),
      subtitle: info.title || ctx.t('Mantelzorgers met een migratieachtergrond bereiken en ondersteunen', 'Reaching and supporting informal caregivers with a migration background'),
      date,
      blocks: [{ type: 'facts', items: facts }],
    },
    summary: [],
    sections,
    labels: { contents: ctx.t('Inhoud', 'Contents'), summary: ctx.t('Samenvatting', 'Summary') },
    todo: [],
  };
}
