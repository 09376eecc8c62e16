import { COMMITMENT_ROLE_OPTIONS, COMMITMENT_STATUS_OPTIONS, type Commitment } from '../../stakeholders/commitments';
import { monthsBetween } from '../../stakeholders/months';
import type { CommitmentLine } from '../../stakeholders/totals';
import { DASH, orDash, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';

/** The commitment's period as agreed ('januari – december 2027', 'vanaf februari 2027 (open einde)'). */
function periodText(ctx: PlanContext, c: Commitment): string {
  if (c.from && c.to) return ctx.formatMonths(monthsBetween(c.from, c.to)) || `${ctx.month(c.from)} – ${ctx.month(c.to)}`;
  if (c.from) return ctx.t(`vanaf ${ctx.month(c.from)} (open einde)`, `from ${ctx.month(c.from)} (open end)`);
  if (c.to) return ctx.t(`tot en met ${ctx.month(c.to)}`, `until ${ctx.month(c.to)}`);
  return ctx.t('hele project', 'whole project');
}

function hoursText(ctx: PlanContext, c: Commitment, line: CommitmentLine | undefined): string {
  if (c.hours === null) return DASH;
  const perMonth = line?.hoursPerMonth ?? null;
  if (c.unit === 'perMonth') return ctx.hours(c.hours);
  const as = c.unit === 'perWeek' ? ctx.t(`${ctx.hours(c.hours)} per week`, `${ctx.hours(c.hours)} per week`) : ctx.t(`${ctx.hours(c.hours)} in totaal`, `${ctx.hours(c.hours)} in total`);
  return perMonth === null ? as : `${ctx.hours(perMonth)} (${as})`;
}

/** Afspraken over tijd en rol, with hours and budget per party, per role and overall, and load against capacity (step 08). */
export function commitmentsSection(ctx: PlanContext): DraftSection[] {
  const heading = ctx.t('Afspraken over tijd en rol', 'Commitments of time and role');
  const lines = new Map(ctx.totals.lines.map((l) => [l.commitmentId, l]));
  if (ctx.commitments.length === 0) {
    return [{
      id: 'afspraken', level: 1, heading,
      blocks: [{ type: 'missing', items: [ctx.t('Nog geen afspraken over tijd en rol: spreek per persoon en organisatie af wie wat doet, hoeveel uur en tot wanneer.', 'No commitments yet: agree per person and organisation who does what, how many hours, and until when.')] }],
    }];
  }
  const ordered = [...ctx.commitments].sort((a, b) => ctx.name(a.who).localeCompare(ctx.name(b.who), ctx.lang) || (a.from ?? '').localeCompare(b.from ?? ''));
  const period = ctx.totals.period;
  const blocks: DraftBlock[] = [
    {
      type: 'paragraph',
      text: period
        ? ctx.t(
            `De afspraken lopen binnen de projectperiode ${ctx.month(period.from)} – ${ctx.month(period.to)}. Afspraken zonder einddatum lopen tot het einde ervan; uren per week tellen als 52/12 weken per maand. Wat nog voorgesteld is, telt in de begroting pas mee als het is afgesproken.`,
            `The commitments run within the project period ${ctx.month(period.from)} – ${ctx.month(period.to)}. Open-ended commitments run to its end; hours per week count as 52/12 weeks a month. What is still proposed counts in the budget once agreed.`,
          )
        : ctx.t('Wat nog voorgesteld is, telt in de begroting pas mee als het is afgesproken.', 'What is still proposed counts in the budget once agreed.'),
    },
    {
      type: 'table',
      table: {
        header: [
          ctx.t('Wie', 'Who'), ctx.t('Rol', 'Role'), ctx.t('Taak', 'Task'), ctx.t('Uur per maand', 'Hours per month'),
          ctx.t('Periode', 'Period'), ctx.t('Status', 'Status'), ctx.t('Tarief', 'Rate'), ctx.t('Budget per maand', 'Budget per month'),
        ],
        rows: ordered.map((c) => {
          const line = lines.get(c.id);
          return [
            ctx.name(c.who),
            orDash(ctx.option(COMMITMENT_ROLE_OPTIONS, c.role)),
            orDash(c.task),
            hoursText(ctx, c, line),
            periodText(ctx, c),
            ctx.option(COMMITMENT_STATUS_OPTIONS, c.status).toLowerCase(),
            line && line.rate > 0 ? ctx.euro(line.rate) : DASH,
            line && line.budgetPerMonth > 0 ? ctx.euro(line.budgetPerMonth) : DASH,
          ];
        }),
        numeric: [false, false, false, true, false, false, true, true],
      },
    },
  ];
  const notes: string[] = [];
  for (const c of ordered) {
    if (c.who === null) notes.push(ctx.t(`De afspraak “${c.task || c.id}” heeft nog geen eigenaar.`, `The commitment “${c.task || c.id}” has no owner yet.`));
    if (c.hours === null) notes.push(ctx.t(`De afspraak van ${ctx.name(c.who)} (${c.task || '…'}) heeft nog geen uren.`, `${ctx.name(c.who)}'s commitment (${c.task || '…'}) has no hours yet.`));
  }
  if (notes.length) blocks.push({ type: 'missing', items: notes });

  const withCapacity = ctx.capacity.filter((u) => u.capacity !== null && u.months.length > 0);
  const load: DraftBlock[] = withCapacity.length
    ? [{
        type: 'table',
        table: {
          header: [ctx.t('Wie', 'Who'), ctx.t('Capaciteit (uur/maand)', 'Capacity (h/month)'), ctx.t('Hoogste inzet (uur/maand)', 'Peak load (h/month)'), ctx.t('Boven capaciteit', 'Over capacity')],
          rows: withCapacity.map((u) => [
            ctx.name(u.partyId),
            ctx.hours(u.capacity ?? 0),
            ctx.hours(u.peak),
            u.overMonths.length ? ctx.formatMonths(u.overMonths) : ctx.t('nee', 'no'),
          ]),
          numeric: [false, true, true, false],
        },
      }]
    : [{ type: 'missing', items: [ctx.t('Van niemand met afspraken is de capaciteit bekend; vraag sleutelfiguren hoeveel uur per maand ze kunnen geven.', 'Nobody with commitments has a known capacity; ask key figures how many hours a month they can give.')] }];

  return [
    { id: 'afspraken', level: 1, heading, blocks, landscape: true },
    { id: 'afspraken-capaciteit', level: 2, heading: ctx.t('Belasting en capaciteit', 'Load and capacity'), blocks: load },
  ];
}
