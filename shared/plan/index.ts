export type { PlanBlock, PlanDocument, PlanLabels, PlanLang, PlanSection, PlanTable, PlanTitlePage } from './planDocument';
export { renderPlanMarkdown, escapeMarkdown, type RenderPlanMarkdownOptions } from './renderPlanMarkdown';
export { renderPlanHtml, escapeHtml, type RenderPlanHtmlOptions } from './renderPlanHtml';
export { renderPlanDocx, type RenderPlanDocxOptions } from './renderPlanDocx';
export { buildPlan, formatPlanDate, type BuildPlanOptions } from './buildPlan';
