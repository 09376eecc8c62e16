import type { Severity } from '../../stakeholders/diagnostics/index';
import type { PlanContext } from '../planContext';
import type { PlanBlock, PlanSection } from '../planDocument';

/** Open punten en risico's: the map's diagnostics, so the plan is honest about its gaps. */
export function risksSection(ctx: PlanContext): PlanSection[] {
  const severity: Record<Severity, string> = {
    error: ctx.t('Hoog', 'High'),
    warning: ctx.t('Middel', 'Medium'),
    info: ctx.t('Aandachtspunt', 'Note'),
  };
  const blocks: PlanBlock[] =
    ctx.problems.length === 0
      ? [{ type: 'paragraph', text: ctx.t('Op de kaart zijn geen open punten gevonden.', 'No open issues were found on the map.') }]
      : [
          {
            type: 'paragraph',
            text: ctx.t(
              'Deze punten komen uit de controle van de kaart. Ze laten zien waar het plan nog kwetsbaar is en wat het team nog kan doen.',
              'These points come from the map’s checks. They show where the plan is still vulnerable and what the team can still do.',
            ),
          },
          {
            type: 'table',
            table: {
              header: [ctx.t('Ernst', 'Severity'), ctx.t('Risico en wat te doen', 'Risk and what to do')],
              rows: ctx.problems.map((p) => [severity[p.severity], ctx.text(p.message)]),
            },
          },
        ];
  return [{ id: 'risicos', level: 1, heading: ctx.t('Open punten en risico’s', 'Open issues and risks'), blocks }];
}
