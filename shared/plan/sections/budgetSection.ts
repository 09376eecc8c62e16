import { COMMITMENT_ROLE_OPTIONS } from '../../stakeholders/commitments';
import type { BudgetGroup, HoursAndMoney } from '../planBudget';
import { COST_CATEGORY_OPTIONS, FUNDING_SOURCE_OPTIONS, FUNDING_STATUS_OPTIONS, type CostLine } from '../planData';
import { DASH, orDash, type DraftBlock, type DraftSection, type PlanContext } from '../planContext';
import { formatPlanDate } from '../planDate';

const INDENT = '\u00a0\u00a0\u00a0\u00a0';

/** Begroting en dekking: costs (hours at a rate, cost lines, valued eigen inzet) against funding, and the gap (step 08). */
export function budgetSection(ctx: PlanContext): DraftSection[] {
  const b = ctx.budget;
  const heading = ctx.t('Begroting en dekking', 'Budget and funding');
  const period = (l: CostLine) => (l.from && l.to ? (l.from === l.to ? ctx.month(l.from) : `${ctx.month(l.from)} – ${ctx.month(l.to)}`) : l.from ? ctx.t(`vanaf ${ctx.month(l.from)}`, `from ${ctx.month(l.from)}`) : ctx.t('hele project', 'whole project'));
  const missing: string[] = [];

  const costRows: string[][] = [];
  if (b.paid.hours > 0) costRows.push([ctx.t('Uren tegen uurtarief (afgesproken)', 'Hours at an hourly rate (agreed)'), ctx.t(`${ctx.hours(b.paid.hours)} uur`, `${ctx.hours(b.paid.hours)} hours`), ctx.t('hele project', 'whole project'), ctx.euro(b.paid.amount)]);
  for (const l of b.costLines) {
    if (l.amount === null) continue;
    const what = [l.description, l.quantity !== null && l.unitPrice !== null ? `${l.quantity.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB')} × ${ctx.euro(l.unitPrice)}` : '', l.note].filter(Boolean).join('; ');
    costRows.push([ctx.option(COST_CATEGORY_OPTIONS, l.category), orDash(what), period(l), ctx.euro(l.amount)]);
  }
  if (b.own.amount > 0) costRows.push([ctx.t('Eigen inzet organisaties (gewaardeerd)', 'Own contribution of organisations (valued)'), ctx.t(`${ctx.hours(b.own.hours - b.ownUnvaluedHours)} uur`, `${ctx.hours(b.own.hours - b.ownUnvaluedHours)} hours`), ctx.t('hele project', 'whole project'), ctx.euro(b.own.amount)]);
  for (const id of b.incompleteCostLines) {
    const l = b.costLines.find((x) => x.id === id)!;
    missing.push(ctx.t(`Kostenpost “${l.description || ctx.option(COST_CATEGORY_OPTIONS, l.category)}” heeft nog geen bedrag.`, `Cost line “${l.description || ctx.option(COST_CATEGORY_OPTIONS, l.category)}” has no amount yet.`));
  }
  if (b.costLines.length === 0) missing.push(ctx.t('Nog geen kostenposten: vertaling, materiaal, zaalhuur, vrijwilligersvergoedingen, training, coaching van sleutelfiguren, onvoorzien.', 'No cost lines yet: translation, materials, room hire, volunteer allowances, training, coaching of key figures, contingency.'));

  const blocks: DraftBlock[] = [];
  if (costRows.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        caption: ctx.t('Kosten', 'Costs'),
        header: [ctx.t('Post', 'Item'), ctx.t('Toelichting', 'Details'), ctx.t('Periode', 'Period'), ctx.t('Bedrag', 'Amount')],
        rows: costRows,
        totals: [ctx.t('Totale kosten', 'Total costs'), '', '', ctx.euro(b.totalCosts)],
        numeric: [false, false, false, true],
      },
    });
  }
  const fundingRows = b.funding.map((f) => [
    ctx.option(FUNDING_SOURCE_OPTIONS, f.source),
    orDash(f.name),
    ctx.option(FUNDING_STATUS_OPTIONS, f.status).toLowerCase(),
    f.decisionDate ? formatPlanDate(f.decisionDate, ctx.lang) : DASH,
    f.requested !== null ? ctx.euro(f.requested) : DASH,
    f.status === 'toegekend' ? ctx.euro(f.granted ?? f.requested ?? 0) : DASH,
  ]);
  if (b.own.amount > 0) fundingRows.push([ctx.t('Eigen inzet', 'Own contribution'), ctx.t('organisaties, in natura', 'organisations, in kind'), ctx.t('toegezegd', 'pledged'), DASH, DASH, ctx.euro(b.own.amount)]);
  if (fundingRows.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        caption: ctx.t('Dekking', 'Funding'),
        header: [ctx.t('Bron', 'Source'), ctx.t('Naam', 'Name'), ctx.t('Stand', 'Status'), ctx.t('Besluit', 'Decision'), ctx.t('Aangevraagd', 'Requested'), ctx.t('Toegekend', 'Granted')],
        rows: fundingRows,
        totals: [ctx.t('Totaal gedekt', 'Total covered'), '', '', '', b.fundingPending > 0 ? ctx.t(`${ctx.euro(b.fundingPending)} open`, `${ctx.euro(b.fundingPending)} pending`) : '', ctx.euro(b.totalCovered)],
        numeric: [false, false, false, false, true, true],
      },
    });
  } else {
    missing.push(ctx.t('Nog geen dekking: gemeente, fondsen, eigen bijdrage van de organisaties.', 'No funding yet: municipality, funds, own contribution of the organisations.'));
  }
  if (costRows.length > 0) blocks.push({ type: 'paragraph', text: gapText(ctx) });
  if (b.ownUnvaluedHours > 0) {
    blocks.push({
      type: 'paragraph',
      text: ctx.t(
        `Daarnaast zetten de deelnemers ${ctx.hours(b.ownUnvaluedHours)} uur eigen inzet in zonder uurtarief; die uren staan hieronder per organisatie.`,
        `In addition, participants contribute ${ctx.hours(b.ownUnvaluedHours)} hours of their own time without an hourly rate; these are listed per organisation below.`,
      ),
    });
  }
  if (b.proposed.hours > 0) {
    blocks.push({
      type: 'paragraph',
      text: ctx.t(
        `Nog voorgesteld en niet afgesproken: ${ctx.hours(b.proposed.hours)} uur${b.proposed.amount > 0 ? `, waarvan ${ctx.euro(b.proposed.amount)} tegen uurtarief` : ''}. Deze uren tellen pas mee in de begroting als ze zijn afgesproken.`,
        `Proposed but not yet agreed: ${ctx.hours(b.proposed.hours)} hours${b.proposed.amount > 0 ? `, of which ${ctx.euro(b.proposed.amount)} at an hourly rate` : ''}. They count in the budget once agreed.`,
      ),
    });
  }
  if (missing.length) blocks.push({ type: 'missing', items: missing });

  return [
    { id: 'begroting', level: 1, heading, blocks },
    ...organisationSection(ctx),
    ...roleSection(ctx),
  ];
}

function gapText(ctx: PlanContext): string {
  const b = ctx.budget;
  const base = ctx.t(`Tegenover ${ctx.euro(b.totalCosts)} aan kosten staat ${ctx.euro(b.totalCovered)} aan dekking.`, `Against ${ctx.euro(b.totalCosts)} in costs stands ${ctx.euro(b.totalCovered)} in funding.`);
  if (b.gap <= 0) return `${base} ${b.gap < 0 ? ctx.t(`Er is ${ctx.euro(-b.gap)} meer dekking dan nodig.`, `Funding exceeds the costs by ${ctx.euro(-b.gap)}.`) : ctx.t('Het plan is volledig gedekt.', 'The plan is fully funded.')}`;
  const short = ctx.t(`Er is nog ${ctx.euro(b.gap)} niet gedekt.`, `${ctx.euro(b.gap)} is not yet covered.`);
  if (b.fundingPending <= 0) return `${base} ${short}`;
  const after = b.gapIfPendingGranted <= 0
    ? ctx.t(`Als de lopende aanvragen (${ctx.euro(b.fundingPending)}) worden toegekend, is het plan gedekt.`, `If the pending requests (${ctx.euro(b.fundingPending)}) are granted, the plan is funded.`)
    : ctx.t(`Ook als de lopende aanvragen (${ctx.euro(b.fundingPending)}) worden toegekend, blijft er ${ctx.euro(b.gapIfPendingGranted)} te vinden.`, `Even if the pending requests (${ctx.euro(b.fundingPending)}) are granted, ${ctx.euro(b.gapIfPendingGranted)} remains to be found.`);
  return `${base} ${short} ${after}`;
}

/** Per organisation, with the people under it: what a funder reads first. */
function organisationSection(ctx: PlanContext): DraftSection[] {
  const groups = ctx.budget.groups;
  if (groups.length === 0) return [];
  const groupName = (g: BudgetGroup) => (g.key === 'own' ? ctx.t('Sleutelfiguren, vrijwilligers en mantelzorgers', 'Key figures, volunteers and caregivers') : g.key === 'none' ? ctx.t('(zonder eigenaar)', '(no owner)') : g.name);
  const cells = (paid: HoursAndMoney, own: HoursAndMoney, valued: boolean, proposed: HoursAndMoney) => [
    paid.hours > 0 ? ctx.hours(paid.hours) : DASH,
    paid.amount > 0 ? ctx.euro(paid.amount) : DASH,
    own.hours > 0 ? ctx.hours(own.hours) : DASH,
    valued && own.amount > 0 ? ctx.euro(own.amount) : DASH,
    proposed.hours > 0 ? ctx.hours(proposed.hours) : DASH,
  ];
  const rows: string[][] = [];
  for (const g of groups) {
    const valued = g.parties.some((p) => p.ownValued);
    rows.push([groupName(g), ...cells(g.paid, g.own, valued, g.proposed)]);
    // People under their organisation, indented with no-break spaces that Word, HTML and Markdown all keep.
    for (const p of g.parties) if (p.nodeId !== null && (g.parties.length > 1 || ctx.name(p.nodeId) !== g.name)) rows.push([`${INDENT}${ctx.name(p.nodeId)}`, ...cells(p.paid, p.own, p.ownValued, p.proposed)]);
    if (g.parties.length === 0) rows.push([`${INDENT}${ctx.t('nog geen uren afgesproken', 'no hours agreed yet')}`, DASH, DASH, DASH, DASH, DASH]);
  }
  const b = ctx.budget;
  return [{
    id: 'begroting-organisaties',
    level: 2,
    heading: ctx.t('Inzet per organisatie', 'Contribution per organisation'),
    blocks: [
      {
        type: 'table',
        table: {
          header: [ctx.t('Organisatie en mensen', 'Organisation and people'), ctx.t('Uren met tarief', 'Paid hours'), ctx.t('Kosten', 'Cost'), ctx.t('Eigen inzet (uur)', 'Own time (h)'), ctx.t('Waarde eigen inzet', 'Value of own time'), ctx.t('Voorgesteld (uur)', 'Proposed (h)')],
          rows,
          totals: [ctx.t('Totaal', 'Total'), ...cells(b.paid, b.own, b.own.amount > 0, b.proposed)],
          numeric: [false, true, true, true, true, true],
        },
      },
    ],
  }];
}

function roleSection(ctx: PlanContext): DraftSection[] {
  const roles = ctx.budget.roles;
  if (roles.length === 0) return [];
  return [{
    id: 'begroting-rollen',
    level: 2,
    heading: ctx.t('Inzet per rol', 'Contribution per role'),
    blocks: [
      {
        type: 'table',
        table: {
          header: [ctx.t('Rol', 'Role'), ctx.t('Uren met tarief', 'Paid hours'), ctx.t('Kosten', 'Cost'), ctx.t('Eigen inzet (uur)', 'Own time (h)'), ctx.t('Voorgesteld (uur)', 'Proposed (h)')],
          rows: roles.map((r) => [
            r.role === null ? ctx.t('(geen rol)', '(no role)') : ctx.option(COMMITMENT_ROLE_OPTIONS, r.role),
            r.paid.hours > 0 ? ctx.hours(r.paid.hours) : DASH,
            r.paid.amount > 0 ? ctx.euro(r.paid.amount) : DASH,
            r.own.hours > 0 ? ctx.hours(r.own.hours) : DASH,
            r.proposed.hours > 0 ? ctx.hours(r.proposed.hours) : DASH,
          ]),
          numeric: [false, true, true, true, true],
        },
      },
    ],
  }];
}
