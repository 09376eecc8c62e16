import { DASH, orDash, paragraphs, type DraftBlock, type DraftSection, type PlanContext } from '../planContext';

/** Vraag en doelen: the question of the lerende praktijk and its measurable goals, each with indicator, baseline and target. */
export function goalsSection(ctx: PlanContext): DraftSection[] {
  const { texts, goals } = ctx.data;
  const blocks: DraftBlock[] = [...paragraphs(texts.question)];
  const missing: string[] = [];
  if (!texts.question) missing.push(ctx.t('De vraag van de lerende praktijk is nog niet beschreven.', 'The question of the learning practice has not been written yet.'));
  const number = (n: number | null) => (n === null ? DASH : n.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'));
  const named = goals.filter((g) => g.title);
  if (named.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        header: [ctx.t('Doel', 'Goal'), ctx.t('Gemeenschap', 'Community'), ctx.t('Indicator', 'Indicator'), ctx.t('Nulmeting', 'Baseline'), ctx.t('Streefwaarde', 'Target'), ctx.t('Wanneer', 'By')],
        rows: named.map((g) => [
          g.title,
          g.community && ctx.nodes.has(g.community) ? ctx.name(g.community) : ctx.t('alle', 'all'),
          orDash(g.indicator),
          number(g.baseline),
          number(g.target),
          g.deadline ? ctx.month(g.deadline) : DASH,
        ]),
        numeric: [false, false, false, true, true, false],
      },
    });
    for (const g of named) {
      if (!g.indicator || g.target === null) missing.push(ctx.t(`Doel “${g.title}”: nog geen indicator of streefwaarde.`, `Goal “${g.title}”: no indicator or target yet.`));
    }
  } else {
    missing.push(ctx.t('Nog geen doelen: wat wil het team eind van het project bereikt hebben, per gemeenschap?', 'No goals yet: what does the team want to have achieved by the end, per community?'));
  }
  if (missing.length) blocks.push({ type: 'missing', items: missing });
  return [{ id: 'doelen', level: 1, heading: ctx.t('Vraag en doelen', 'Question and goals'), blocks }];
}
