import type { MapSnapshot } from '../model/schema';
import { formatMonth } from '../stakeholders/months';
import { planContext, type BuildPlanOptions } from './planContext';
import type { PlanDocument, PlanLang } from './planDocument';
import { aanleidingSection } from './sections/aanleidingSection';
import { appendixSection } from './sections/appendixSection';
import { commitmentsSection } from './sections/commitmentsSection';
import { keyFiguresSection } from './sections/keyFiguresSection';
import { monitoringSection } from './sections/monitoringSection';
import { risksSection } from './sections/risksSection';
import { speelveldSection } from './sections/speelveldSection';
import { supportSection } from './sections/supportSection';
import { teamSection } from './sections/teamSection';
import { titlePage } from './sections/titlePage';

export type { BuildPlanOptions } from './planContext';

/** '2027-01-15' or a Date → '15 januari 2027' / '15 January 2027'; anything else is shown as given. */
export function formatPlanDate(date: string | Date, lang: PlanLang): string {
  const iso = typeof date === 'string' ? date.trim() : Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${formatMonth(`${m[1]}-${m[2]}`, lang)}`;
}

/**
 * The projectplan of a map, following step 08 of the Stappenplan, as one plan model for every renderer. Sections
 * with nothing on the map yet say what is missing rather than disappearing, so the plan shows the team its gaps.
 */
export function buildPlan(snapshot: MapSnapshot, options: BuildPlanOptions): PlanDocument {
  const ctx = planContext(snapshot, options);
  const date = formatPlanDate(options.date, ctx.lang);
  return {
    lang: ctx.lang,
    titlePage: titlePage(ctx, date),
    sections: [
      ...aanleidingSection(ctx),
      ...teamSection(ctx),
      ...speelveldSection(ctx),
      ...keyFiguresSection(ctx),
      ...supportSection(ctx),
      ...commitmentsSection(ctx),
      ...monitoringSection(ctx),
      ...risksSection(ctx),
      ...appendixSection(ctx, date),
    ],
    labels: {
      contents: ctx.t('Inhoud', 'Contents'),
      missing: ctx.t('Nog niet ingevuld', 'Still missing'),
      noMapImage: ctx.t(
        'Hier hoort de kaart als afbeelding. Exporteer het plan vanuit de kaart om hem mee te nemen, of voeg een PNG van de kaart toe.',
        'The map belongs here as an image. Export the plan from the map to include it, or add a PNG of the map.',
      ),
    },
  };
}
