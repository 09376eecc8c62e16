import { KIND } from '../../stakeholders/kinds/kindIds';
import { readOffer } from '../../stakeholders/kinds/offer';
import { compareMonths, monthFromIndex, monthIndex, type Month } from '../../stakeholders/months';
import { DASH, orDash, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';

export interface Quarter {
  /** '2027-Q1': the key a goal's realised value is stored under. */
  key: string;
  label: string;
  months: Month[];
}

/** Calendar quarters that the project's months fall in, each with the months of it inside the period. */
export function quarters(ctx: Pick<PlanContext, 't'>, months: Month[]): Quarter[] {
  const out = new Map<string, Quarter>();
  for (const m of months) {
    const q = Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1;
    const key = `${m.slice(0, 4)}-${q}`;
    const label = ctx.t(`K${q} ${m.slice(0, 4)}`, `Q${q} ${m.slice(0, 4)}`);
    const entry = out.get(key) ?? { key: `${m.slice(0, 4)}-Q${q}`, label, months: [] };
    entry.months.push(m);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** The goals' indicators per quarter of the project, for the quarterly report. */
export function quarterlyIndicatorBlocks(ctx: PlanContext): DraftBlock[] {
  return indicatorBlocks(ctx, quarters(ctx, ctx.totals.months));
}

/** The goals' indicators: baseline, target and what the team filled in as realised per quarter. */
function indicatorBlocks(ctx: PlanContext, qs: Quarter[]): DraftBlock[] {
  const goals = ctx.data.goals.filter((g) => g.title);
  if (goals.length === 0) return [];
  const number = (n: number | null | undefined) => (n === null || n === undefined ? DASH : n.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'));
  return [
    {
      type: 'paragraph',
      text: ctx.t(
        'Per kwartaal vult het team bij elk doel in wat er gerealiseerd is en rapporteert dat aan de opdrachtgever.',
        'Every quarter the team records what has been realised for each goal and reports it to the client.',
      ),
    },
    {
      type: 'table',
      table: {
        header: [ctx.t('Indicator', 'Indicator'), ctx.t('Nulmeting', 'Baseline'), ctx.t('Streefwaarde', 'Target'), ...qs.map((q) => q.label)],
        rows: goals.map((g) => [g.indicator || g.title, number(g.baseline), number(g.target), ...qs.map((q) => number(g.realised[q.key]))]),
        numeric: [false, true, true, ...qs.map(() => true)],
      },
    },
  ];
}

/** Evaluatie en monitoring: a quarterly report on bereik, netwerk, communicatie-inspanningen and budget, and review dates (step 08). */
export function monitoringSection(ctx: PlanContext): DraftSection[] {
  const heading = ctx.t('Evaluatie en monitoring', 'Evaluation and monitoring');
  const intro: DraftBlock[] = [
    {
      type: 'paragraph',
      text: ctx.t(
        'Elk kwartaal maakt de trekker een korte monitoringsrapportage voor het team en de meekijkgroep, over vier onderwerpen:',
        'Every quarter the lead writes a short monitoring report for the team and the reference group, on four topics:',
      ),
    },
  ];
  const communities = ctx.ofKind(KIND.community).map((n) => ctx.name(n.id));
  const partners = ctx.ofKind(KIND.partner).length;
  const figures = ctx.ofKind(KIND.keyFigure).length;
  intro.push({
    type: 'bullets',
    items: [
      ctx.t(
        `Bereik: hoeveel mantelzorgers we bereikten en ondersteunden, per gemeenschap${communities.length ? ` (${ctx.list(communities)})` : ''}.`,
        `Reach: how many caregivers we reached and supported, per community${communities.length ? ` (${ctx.list(communities)})` : ''}.`,
      ),
      ctx.t(
        `Netwerk: nieuwe en actieve partners en sleutelfiguren (bij de start ${partners} partners en ${figures} sleutelfiguren), verwijzingen in beide richtingen.`,
        `Network: new and active partners and key figures (${partners} partners and ${figures} key figures at the start), referrals both ways.`,
      ),
      ctx.t('Communicatie-inspanningen: bijeenkomsten, berichten en materiaal in eigen taal, contact via sleutelfiguren en vindplaatsen.', 'Communication efforts: meetings, messages and materials in people’s own language, contact through key figures and places.'),
      ctx.t(`Budget: besteed tegenover begroot (${ctx.euro(ctx.budget.totalCosts)} over het hele project), en uren tegenover de afspraken.`, `Budget: spent against budgeted (${ctx.euro(ctx.budget.totalCosts)} over the whole project), and hours against the commitments.`),
    ],
  });

  const byMonth = new Map(ctx.totals.byMonth.map((m) => [m.month, m]));
  const offers = ctx.ofKind(KIND.offer).map(readOffer);
  const qs = quarters(ctx, ctx.totals.months);
  const plan: DraftBlock[] = [];
  if (qs.length === 0) {
    plan.push({ type: 'missing', items: [ctx.t('Er is nog geen projectperiode: geef afspraken en aanbod een begin en einde, dan volgen de kwartalen vanzelf.', 'There is no project period yet: give commitments and offers a start and end, and the quarters follow.')] });
  } else {
    plan.push({
      type: 'table',
      table: {
        header: [ctx.t('Kwartaal', 'Quarter'), ctx.t('Gepland: uren', 'Planned: hours'), ctx.t('Gepland: budget', 'Planned: budget'), ctx.t('Lopend aanbod', 'Running offers'), ctx.t('Rapportage in', 'Report in')],
        rows: qs.map((q) => {
          const hours = q.months.reduce((s, m) => s + (byMonth.get(m)?.hours ?? 0), 0);
          const budget = q.months.reduce((s, m) => s + (byMonth.get(m)?.budget ?? 0), 0);
          const first = q.months[0];
          const last = q.months[q.months.length - 1];
          const running = offers.filter((o) => o.start !== null && compareMonths(o.start, last) <= 0 && (o.end === null || compareMonths(o.end, first) >= 0)).map((o) => ctx.name(o.id));
          return [q.label, ctx.hours(hours), ctx.euro(budget), orDash(running.join(', ')), ctx.month(monthFromIndex(monthIndex(last) + 1))];
        }),
        totals: [ctx.t('Totaal', 'Total'), ctx.hours(ctx.totals.totalHours), ctx.euro(ctx.totals.totalBudget), '', ''],
        numeric: [false, true, true, false, false],
      },
    });
  }

  // Evaluation moments: agreed review dates first-class, then the ends of commitments and offers that call for a decision.
  const moments: { when: string; sort: string; what: string }[] = [];
  for (const m of ctx.data.milestones) {
    if (m.evaluation && m.month && m.title) moments.push({ when: ctx.month(m.month), sort: `${m.month}-00`, what: m.title });
  }
  const endingByMonth = new Map<Month, string[]>();
  for (const c of ctx.commitments) {
    if (c.nextReview) moments.push({ when: c.nextReview, sort: c.nextReview, what: ctx.t(`evaluatie afspraak ${ctx.name(c.who)}${c.task ? ` (${c.task})` : ''}`, `review of ${ctx.name(c.who)}'s commitment${c.task ? ` (${c.task})` : ''}`) });
    if (c.to) endingByMonth.set(c.to, [...(endingByMonth.get(c.to) ?? []), c.task ? `${ctx.name(c.who)} (${c.task})` : ctx.name(c.who)]);
  }
  // One row per month for the commitments that end then: at the year's end that is most of the team.
  for (const [m, who] of endingByMonth) {
    moments.push({
      when: ctx.month(m),
      sort: `${m}-32`,
      what: who.length === 1
        ? ctx.t(`afspraak ${who[0]} loopt af: verlengen of afronden`, `commitment ${who[0]} ends: extend or close`)
        : ctx.t(`afspraken lopen af: verlengen of afronden (${ctx.list(who)})`, `commitments end: extend or close (${ctx.list(who)})`),
    });
  }
  for (const o of offers) {
    if (o.end) moments.push({ when: ctx.month(o.end), sort: `${o.end}-32`, what: ctx.t(`${ctx.name(o.id)} stopt: vervolg afspreken (borgen)`, `${ctx.name(o.id)} ends: agree a follow-up (sustain)`) });
  }
  moments.sort((a, b) => a.sort.localeCompare(b.sort));
  const seen = new Set<string>();
  const evaluation: DraftBlock[] = [];
  const items = moments.filter((m) => {
    const key = `${m.when}|${m.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (items.length > 0) evaluation.push({ type: 'table', table: { header: [ctx.t('Wanneer', 'When'), ctx.t('Wat', 'What')], rows: items.map((m) => [m.when, m.what]) } });
  if (!ctx.commitments.some((c) => c.nextReview) && !ctx.data.milestones.some((m) => m.evaluation)) {
    evaluation.push({ type: 'missing', items: [ctx.t('Nog geen evaluatiedata bij de afspraken: spreek per afspraak af wanneer jullie hem samen opnieuw bekijken.', 'No review dates on the commitments yet: agree for each when you will look at it again together.')] });
  }

  return [
    { id: 'monitoring', level: 1, heading, blocks: [...indicatorBlocks(ctx, qs), ...intro], landscape: qs.length > 4 && ctx.data.goals.some((g) => g.title) },
    { id: 'monitoring-kwartalen', level: 2, heading: ctx.t('Kwartaalmonitoring', 'Quarterly monitoring'), blocks: plan },
    { id: 'monitoring-evaluatie', level: 2, heading: ctx.t('Evaluatiemomenten', 'Evaluation moments'), blocks: evaluation },
  ];
}
