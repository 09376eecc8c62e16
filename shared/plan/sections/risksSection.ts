import type { Severity } from '../../stakeholders/diagnostics/index';
import { KIND } from '../../stakeholders/kinds/kindIds';
import { readOffer } from '../../stakeholders/kinds/offer';
import { riskKey } from '../planData';
import { formatPlanDate } from '../planDate';
import { DASH, type DraftSection, type PlanContext } from '../planContext';

/** Problems that are a risk to the project's future, not only to its start: high whatever their severity on the map. */
const HIGH = new Set(['offer.noFollowUp']);

/** One row of the risk table, with the key its owner and date are kept under. */
export interface PlanRisk {
  key: string;
  severity: Severity;
  text: string;
}

/** The plan's own risk for borgen: nothing at all arranged for after the project. */
function noBorgen(ctx: PlanContext): PlanRisk[] {
  const offers = ctx.ofKind(KIND.offer).map(readOffer);
  if (offers.length === 0 || offers.some((o) => o.phase === 'borgen') || ctx.data.texts.borgen) return [];
  return [{
    key: 'plan.noBorgen',
    severity: 'error',
    text: ctx.t(
      'Er is niets geregeld voor na het project: geen aanbod in de fase borgen en geen afspraak wie het contact met de mantelzorgers daarna houdt. Zonder borging verdwijnt wat is opgebouwd zodra de projectperiode voorbij is.',
      'Nothing is arranged for after the project: no offer in the sustain phase and no agreement on who keeps in touch with the caregivers afterwards. Without it, what was built disappears when the project period ends.',
    ),
  }];
}

/** The plan's risks, highest first: the map's problems worded for a reader, and the plan's own (no borgen). */
export function planRisks(ctx: PlanContext): PlanRisk[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [
    ...noBorgen(ctx),
    ...ctx.problems
      .filter((p) => p.risk !== null)
      .map((p) => ({ key: riskKey(p), severity: HIGH.has(p.code) ? ('error' as const) : p.severity, text: ctx.text(p.risk ?? p.message) })),
  ].sort((a, b) => order[a.severity] - order[b.severity]);
}

/** What a severity is called in the plan. */
export function riskLevel(ctx: Pick<PlanContext, 't'>, severity: Severity): string {
  return severity === 'error' ? ctx.t('Hoog', 'High') : severity === 'warning' ? ctx.t('Middel', 'Medium') : ctx.t('Laag', 'Low');
}

/** Risico's en maatregelen: the map's problems as risks, worded for a reader of the plan, each with an owner and a date. */
export function risksSection(ctx: PlanContext): DraftSection[] {
  const risks = planRisks(ctx);
  const heading = ctx.t('Risico’s en maatregelen', 'Risks and measures');
  if (risks.length === 0) {
    return [{ id: 'risicos', level: 1, heading, blocks: [{ type: 'paragraph', text: ctx.t('Het team ziet op dit moment geen risico’s die om maatregelen vragen.', 'The team currently sees no risks that call for measures.') }] }];
  }
  const missing = risks.filter((r) => !ctx.data.risks.get(r.key)?.owner).length;
  return [{
    id: 'risicos',
    level: 1,
    heading,
    blocks: [
      {
        type: 'table',
        table: {
          header: [ctx.t('Ernst', 'Severity'), ctx.t('Risico en maatregel', 'Risk and measure'), ctx.t('Eigenaar', 'Owner'), ctx.t('Uiterlijk', 'By')],
          rows: risks.map((r) => {
            const note = ctx.data.risks.get(r.key);
            return [riskLevel(ctx, r.severity), r.text, note?.owner && ctx.nodes.has(note.owner) ? ctx.name(note.owner) : DASH, note?.due ? formatPlanDate(note.due, ctx.lang) : DASH];
          }),
        },
      },
      ...(missing > 0 ? [{ type: 'missing' as const, items: [ctx.t(`${missing} risico’s hebben nog geen eigenaar.`, `${missing} risks have no owner yet.`)] }] : []),
    ],
  }];
}
