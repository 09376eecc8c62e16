import type { MantelkaartApi } from '../../../host/api';
import { buildPlan } from '../../../../shared/plan/buildPlan';
import type { PlanDocument, PlanLang } from '../../../../shared/plan/planDocument';
import { renderPlanHtml } from '../../../../shared/plan/renderPlanHtml';
import { renderPlanMarkdown } from '../../../../shared/plan/renderPlanMarkdown';
import { captureMapPng } from '../../../export/captureMap';
import { fileDate, safeBase, saveFile } from '../../../export/files';
import { mayExportPrivate, readPrivateFields } from '../../../export/mapData';

export type PlanFormat = 'docx' | 'md' | 'print';

export interface PlanExportOptions {
  format: PlanFormat;
  lang: PlanLang;
  /** Phone numbers and e-mail addresses; honoured only where this person may read them. */
  includePrivate: boolean;
  /** The map as a picture in the appendix (a separate PNG beside a Markdown file). */
  includeImage: boolean;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `<title>-projectplan-<date>` (`-project-plan-` in English), the name every plan file gets. */
export function planFileBase(api: MantelkaartApi, lang: PlanLang, date = fileDate()): string {
  const title = api.map.getMeta().title.trim() || 'mantelkaart';
  return safeBase(`${title}-${lang === 'en' ? 'project-plan' : 'projectplan'}-${date}`);
}

/** The plan of the open map, with contact details only when asked for and allowed. */
export function planOf(api: MantelkaartApi, lang: PlanLang, includePrivate: boolean, date = fileDate()): PlanDocument {
  const allowed = includePrivate && mayExportPrivate(api);
  return buildPlan(api.map.snapshot(), { lang, date, includePrivate: allowed, privateFields: allowed ? readPrivateFields(api) : undefined });
}

/** The whole map as PNG bytes from the canvas, or undefined when the map is empty. */
export function mapPng(api: MantelkaartApi): Promise<Uint8Array | undefined> {
  return captureMapPng(api.map.getNodes(), api.canvas);
}

/** The plan as a Word document; the docx package is loaded only now (it is large and most visits never need it). */
export async function planDocx(plan: PlanDocument, png: Uint8Array | undefined): Promise<Uint8Array> {
  const { renderPlanDocx } = await import('../../../../shared/plan/renderPlanDocx');
  return renderPlanDocx(plan, png ? { mapImagePng: png } : {});
}

/** Builds the plan in the chosen format and hands it over: a download, or the browser's print dialog. */
export async function exportPlan(api: MantelkaartApi, options: PlanExportOptions): Promise<void> {
  const date = fileDate();
  const plan = planOf(api, options.lang, options.includePrivate, date);
  const png = options.includeImage ? await mapPng(api) : undefined;
  const base = planFileBase(api, options.lang, date);
  if (options.format === 'docx') {
    saveFile(await planDocx(plan, png), base, 'docx', DOCX_MIME);
  } else if (options.format === 'md') {
    const imageName = `${base}-${options.lang === 'en' ? 'map' : 'kaart'}`;
    saveFile(renderPlanMarkdown(plan, png ? { mapImageHref: `${imageName}.png` } : {}), base, 'md', 'text/markdown');
    if (png) saveFile(png, imageName, 'png', 'image/png');
  } else {
    await printHtml(renderPlanHtml(plan, png ? { mapImagePng: png } : {}), base);
  }
}

/**
 * Prints a standalone page through a hidden frame: the browser's print dialog shows only that page (its own A4
 * layout, no workbench around it), and no pop-up blocker gets in the way. Resolves once the dialog was opened.
 */
export function printHtml(html: string, title: string): Promise<void> {
  document.querySelectorAll('iframe.mk-print-frame').forEach((f) => f.remove());
  const frame = document.createElement('iframe');
  frame.className = 'mk-print-frame';
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow;
        if (!win) return reject(new Error('print frame did not load'));
        win.document.title = title;
        // Gone after printing; kept until then, since removing it would end the print preview.
        win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
        win.focus();
        win.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
