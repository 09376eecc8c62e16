import { KIND } from '../../stakeholders/kinds/kindIds';
import { readOffer } from '../../stakeholders/kinds/offer';
import { compareMonths, monthsBetween, type Month } from '../../stakeholders/months';
import { PLAN_PHASES, type Milestone } from '../planData';
import type { PlanTimeline } from '../planDocument';
import { resolvePhases, type ResolvedPhase } from '../planPhases';
import { DASH, orDash, paragraphs, type DraftBlock, type DraftSection, type PlanContext } from '../planContext';

/** More months than this are drawn per quarter would be unreadable on a landscape page; the chart stops there. */
const MAX_MONTHS = 36;

const SHORT: Record<'nl' | 'en', string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const MILESTONE_MARK = '◆';
const EVALUATION_MARK = '●';

/** The chart: every month from the first to the last date of phases and milestones, one row per phase with a period. */
export function planTimeline(ctx: PlanContext, phases: ResolvedPhase[], milestones: Milestone[]): PlanTimeline | null {
  const dated = phases.filter((p) => p.from && p.to && compareMonths(p.from, p.to) <= 0);
  const points = [...dated.flatMap((p) => [p.from as Month, p.to as Month]), ...milestones.map((m) => m.month).filter((m): m is Month => m !== null)];
  if (ctx.totals.period) points.push(ctx.totals.period.from, ctx.totals.period.to);
  if (dated.length === 0 || points.length === 0) return null;
  points.sort(compareMonths);
  const months = monthsBetween(points[0], points[points.length - 1]).slice(0, MAX_MONTHS);
  const index = new Map(months.map((m, i) => [m, i]));
  const labels = months.map((m, i) => {
    const short = SHORT[ctx.lang][Number(m.slice(5, 7)) - 1];
    return i === 0 || m.endsWith('-01') ? `${short} ’${m.slice(2, 4)}` : short;
  });
  const mark = (m: Milestone) => ({ index: index.get(m.month as Month) ?? -1, label: m.evaluation ? EVALUATION_MARK : MILESTONE_MARK });
  const rows: PlanTimeline['rows'] = dated.map((p) => {
    const span = new Set(monthsBetween(p.from as Month, p.to as Month));
    return {
      label: ctx.text(PLAN_PHASES.find((x) => x.id === p.id)!.label),
      active: months.map((m) => span.has(m)),
      marks: milestones.filter((m) => m.phase === p.id && m.month).map(mark).filter((x) => x.index >= 0),
    };
  });
  const loose = milestones.filter((m) => m.month && (!m.phase || !dated.some((p) => p.id === m.phase)));
  if (loose.length > 0) rows.push({ label: ctx.t('Mijlpalen en evaluatie', 'Milestones and evaluation'), active: months.map(() => false), marks: loose.map(mark).filter((x) => x.index >= 0) });
  return { months: labels, rows, legend: ctx.t(`${MILESTONE_MARK} mijlpaal   ${EVALUATION_MARK} evaluatiemoment`, `${MILESTONE_MARK} milestone   ${EVALUATION_MARK} evaluation moment`) };
}

/** Planning per fase: development time, bereiken, binden, borgen, with milestones, evaluation moments and who is involved. */
export function planningSection(ctx: PlanContext): DraftSection[] {
  const phases = resolvePhases(ctx.snapshot, ctx.data.phases);
  const milestones = ctx.data.milestones.filter((m) => m.title);
  const blocks: DraftBlock[] = [];
  const missing: string[] = [];
  const timeline = planTimeline(ctx, phases, milestones);
  if (timeline) blocks.push({ type: 'timeline', timeline });
  const period = (p: ResolvedPhase) => (p.from && p.to ? `${ctx.month(p.from)} – ${ctx.month(p.to)}` : p.from ? ctx.t(`vanaf ${ctx.month(p.from)}`, `from ${ctx.month(p.from)}`) : DASH);
  const withContent = phases.filter((p) => p.from || p.to || p.involved.length || p.note);
  if (withContent.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        header: [ctx.t('Fase', 'Phase'), ctx.t('Periode', 'Period'), ctx.t('Wat gebeurt er', 'What happens'), ctx.t('Wie is betrokken', 'Who is involved')],
        rows: withContent.map((p) => [
          ctx.text(PLAN_PHASES.find((x) => x.id === p.id)!.label),
          period(p),
          orDash(p.note || p.offers.map((id) => ctx.name(id)).join(', ')),
          orDash(p.involved.filter((id) => ctx.nodes.has(id)).map((id) => ctx.name(id)).join(', ')),
        ]),
      },
    });
  }
  if (phases.every((p) => !p.from && !p.to)) missing.push(ctx.t('Nog geen planning: geef de fasen een begin en einde, of geef het aanbod een start- en einddatum.', 'No planning yet: give the phases a start and end, or give the offers start and end dates.'));
  if (!phases[0].from) missing.push(ctx.t('Nog geen ontwikkeltijd gepland: neem tijd om het netwerk en het aanbod voor te bereiden.', 'No development time planned yet: take time to prepare the network and the offers.'));
  if (milestones.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        header: [ctx.t('Wanneer', 'When'), ctx.t('Mijlpaal', 'Milestone'), ctx.t('Fase', 'Phase'), ctx.t('Evaluatie', 'Evaluation')],
        rows: milestones.map((m) => [m.month ? ctx.month(m.month) : DASH, m.title, m.phase ? ctx.text(PLAN_PHASES.find((x) => x.id === m.phase)!.label) : DASH, m.evaluation ? ctx.t('ja', 'yes') : '']),
      },
    });
  }
  if (!milestones.some((m) => m.evaluation)) missing.push(ctx.t('Nog geen evaluatiemomenten gekozen.', 'No evaluation moments chosen yet.'));
  if (missing.length) blocks.push({ type: 'missing', items: missing });
  return [
    { id: 'planning', level: 1, heading: ctx.t('Planning', 'Planning'), blocks, landscape: timeline !== null },
    ...borgenSection(ctx, phases),
  ];
}

/** Borgen: what continues after the project and who carries it. */
function borgenSection(ctx: PlanContext, phases: ResolvedPhase[]): DraftSection[] {
  const blocks: DraftBlock[] = [...paragraphs(ctx.data.texts.borgen)];
  const offers = ctx.ofKind(KIND.offer).map(readOffer).filter((o) => o.phase === 'borgen');
  const carriers = phases.find((p) => p.id === 'borgen')?.involved.filter((id) => ctx.nodes.has(id)) ?? [];
  if (offers.length > 0) {
    blocks.push({ type: 'bullets', items: offers.map((o) => (o.end ? ctx.t(`${ctx.name(o.id)} (tot ${ctx.month(o.end)})`, `${ctx.name(o.id)} (until ${ctx.month(o.end)})`) : ctx.t(`${ctx.name(o.id)} (doorlopend)`, `${ctx.name(o.id)} (ongoing)`))) });
  }
  if (carriers.length > 0) blocks.push({ type: 'paragraph', text: ctx.t(`Dit wordt gedragen door ${ctx.list(carriers.map((id) => ctx.name(id)))}.`, `This is carried by ${ctx.list(carriers.map((id) => ctx.name(id)))}.`) });
  if (!ctx.data.texts.borgen) blocks.push({ type: 'missing', items: [ctx.t('Nog niet beschreven wat er blijft als het project stopt, en wie het draagt.', 'Not yet described what remains when the project ends, and who carries it.')] });
  return [{ id: 'borgen', level: 2, heading: ctx.t('Borgen: wat blijft na het project', 'Sustaining: what remains after the project'), blocks }];
}
