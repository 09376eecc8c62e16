import type { MantelkaartApi } from '../../../host/api';
import { buildPlan } from '../../../../shared/plan/buildPlan';
import { buildQuarterlyReport } from '../../../../shared/plan/buildQuarterlyReport';
import type { PlanSince } from '../../../../shared/plan/sections/sinceSection';
import type { PlanDocument, PlanLang } from '../../../../shared/plan/planDocument';
import { renderPlanHtml } from '../../../../shared/plan/renderPlanHtml';
import { renderPlanMarkdown } from '../../../../shared/plan/renderPlanMarkdown';
import { fileDate, safeBase } from '../../../../shared/exchange/fileNames';

export type PlanFormat = 'docx' | 'md' | 'print';

export interface PlanExportOptions {
  format: PlanFormat;
  lang: PlanLang;
  /** Phone numbers and e-mail addresses; honoured only where this person may read them. */
  includePrivate: boolean;
  /** The map as a picture in the appendix (a separate PNG beside a Markdown file). */
  includeImage: boolean;
  /** A version to compare with ('' for none): the monitoring says what changed since. */
  since?: string;
  /** The whole plan, or the quarterly report on its own (only with `since`). */
  report?: 'plan' | 'kwartaal';
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `<title>-projectplan-<date>` (`-project-plan-` in English), the name every plan file gets. */
export function planFileBase(api: MantelkaartApi, lang: PlanLang, date = fileDate()): string {
  const title = api.map.getMeta().title.trim() || 'mantelkaart';
  return safeBase(`${title}-${lang === 'en' ? 'project-plan' : 'projectplan'}-${date}`);
}

/** The plan of the open map, with contact details only when asked for and allowed, and the map's appendix when a picture goes with it. */
export function planOf(api: MantelkaartApi, lang: PlanLang, includePrivate: boolean, date = fileDate(), mapImage = false, since?: PlanSince): PlanDocument {
  const privateFields = api.map.privateFieldsForExport(includePrivate);
  return buildPlan(api.map.snapshot(), { lang, date, includePrivate: privateFields !== undefined, privateFields, mapImage, since });
}

/** The whole map as PNG bytes from the canvas, or undefined when the map is empty. */
export function mapPng(api: MantelkaartApi): Promise<Uint8Array | undefined> {
  return api.canvas.captureMapPng();
}

/** The plan as a Word document; the docx package is loaded only now (it is large and most visits never need it). */
export async function planDocx(plan: PlanDocument, png: Uint8Array | undefined): Promise<Uint8Array> {
  const { renderPlanDocx } = await import('../../../../shared/plan/renderPlanDocx');
  return renderPlanDocx(plan, png ? { mapImagePng: png } : {});
}

/** Builds the plan in the chosen format and hands it over: a download, or the browser's print dialog. */
export async function exportPlan(api: MantelkaartApi, options: PlanExportOptions): Promise<void> {
  const date = fileDate();
  const since = options.since ? await api.map.readVersion(options.since) : undefined;
  const quarterly = since !== undefined && options.report === 'kwartaal';
  const png = options.includeImage && !quarterly ? await mapPng(api) : undefined;
  const plan = quarterly ? buildQuarterlyReport(api.map.snapshot(), since, { lang: options.lang, date }) : planOf(api, options.lang, options.includePrivate, date, png !== undefined, since);
  const base = quarterly ? safeBase(`${api.map.getMeta().title.trim() || 'mantelkaart'}-${options.lang === 'en' ? 'quarterly-report' : 'kwartaalrapportage'}-${date}`) : planFileBase(api, options.lang, date);
  if (options.format === 'docx') {
    api.window.saveFile(await planDocx(plan, png), base, 'docx', DOCX_MIME);
  } else if (options.format === 'md') {
    const imageName = `${base}-${options.lang === 'en' ? 'map' : 'kaart'}`;
    api.window.saveFile(renderPlanMarkdown(plan, png ? { mapImageHref: `${imageName}.png` } : {}), base, 'md', 'text/markdown');
    if (png) api.window.saveFile(png, imageName, 'png', 'image/png');
  } else {
    await api.window.print(renderPlanHtml(plan, png ? { mapImagePng: png } : {}), base);
  }
}
