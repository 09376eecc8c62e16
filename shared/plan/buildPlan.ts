import type { MapSnapshot } from '../model/schema';
import { paragraphs, planContext, type BuildPlanOptions, type DraftSection, type PlanContext } from './planContext';
import { formatPlanDate } from './planDate';
import type { PlanBlock, PlanDocument, PlanSection, PlanTodo } from './planDocument';
import { aanleidingSection } from './sections/aanleidingSection';
import { appendixSection } from './sections/appendixSection';
import { budgetSection } from './sections/budgetSection';
import { commitmentsSection } from './sections/commitmentsSection';
import { communicationSection } from './sections/communicationSection';
import { goalsSection } from './sections/goalsSection';
import { involvementSection } from './sections/involvementSection';
import { keyFiguresSection } from './sections/keyFiguresSection';
import { monitoringSection } from './sections/monitoringSection';
import { planningSection } from './sections/planningSection';
import { risksSection } from './sections/risksSection';
import { sinceSection } from './sections/sinceSection';
import { speelveldSection } from './sections/speelveldSection';
import { choicesSection } from './sections/choicesSection';
import { supportSection } from './sections/supportSection';
import { teamSection } from './sections/teamSection';
import { titlePage } from './sections/titlePage';

export type { BuildPlanOptions } from './planContext';
export { formatPlanDate } from './planDate';

/**
 * Moves what the team has not filled in out of the document into the to-do list, and leaves out what is then empty:
 * a part with nothing to say, and a chapter with neither text nor parts. The document never prints a placeholder.
 */
function finish(drafts: DraftSection[], todo: PlanTodo[]): PlanSection[] {
  const sections: PlanSection[] = [];
  let chapter = '';
  for (const d of drafts) {
    if (d.level === 1) chapter = d.id;
    const blocks: PlanBlock[] = [];
    for (const b of d.blocks) {
      if (b.type === 'missing') todo.push(...b.items.map((text) => ({ section: d.level === 1 ? d.id : chapter, text })));
      else blocks.push(b);
    }
    sections.push({ ...d, blocks });
  }
  return sections.filter((s, i) => {
    if (s.blocks.length > 0) return true;
    if (s.level === 2) return false;
    // A chapter heading without text of its own stays when one of its parts has content.
    for (let j = i + 1; j < sections.length && sections[j].level === 2; j++) if (sections[j].blocks.length > 0) return true;
    return false;
  });
}

/** The comparison with a version goes right after the monitoring chapter's introduction. */
function withSince(monitoring: DraftSection[], since: DraftSection[]): DraftSection[] {
  return [...monitoring.slice(0, 1), ...since, ...monitoring.slice(1)];
}

/**
 * The projectplan of a map, following step 08 of the Stappenplan, as one plan model for every renderer: what the team
 * wrote beside the map (question, goals, budget, planning, …) with what the map itself says. What is still missing
 * goes to `todo` for the app, so the document a team sends reads as a plan, not as a form.
 */
export function buildPlan(snapshot: MapSnapshot, options: BuildPlanOptions): PlanDocument {
  return buildPlanFrom(planContext(snapshot, options), options);
}

/** The plan from a context the caller already has (the Projectplan view reads its budget and risks from the same one). */
export function buildPlanFrom(ctx: PlanContext, options: Pick<BuildPlanOptions, 'date' | 'since'>): PlanDocument {
  const date = formatPlanDate(options.date, ctx.lang);
  const todo: PlanTodo[] = [];
  const title = titlePage(ctx, date);
  const titleBlocks: PlanBlock[] = [];
  for (const b of title.blocks as (PlanBlock | { type: 'missing'; items: string[] })[]) {
    if (b.type === 'missing') todo.push(...b.items.map((text) => ({ section: 'titel', text })));
    else titleBlocks.push(b);
  }
  const summary = paragraphs(ctx.data.texts.summary).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  if (summary.length === 0) todo.push({ section: 'samenvatting', text: ctx.t('Nog geen samenvatting voor de eerste pagina.', 'No summary for the first page yet.') });
  const sections = finish(
    [
      ...goalsSection(ctx),
      ...aanleidingSection(ctx),
      ...teamSection(ctx),
      ...speelveldSection(ctx),
      ...keyFiguresSection(ctx),
      ...supportSection(ctx),
      ...choicesSection(ctx),
      ...planningSection(ctx),
      ...communicationSection(ctx),
      ...commitmentsSection(ctx),
      ...budgetSection(ctx),
      ...withSince(monitoringSection(ctx), sinceSection(ctx, options.since)),
      ...involvementSection(ctx),
      ...risksSection(ctx),
      ...appendixSection(ctx, date),
    ],
    todo,
  );
  return {
    lang: ctx.lang,
    titlePage: { ...title, blocks: titleBlocks },
    summary,
    sections,
    labels: { contents: ctx.t('Inhoud', 'Contents'), summary: ctx.t('Samenvatting', 'Summary') },
    todo,
  };
}
