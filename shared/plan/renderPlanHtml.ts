import { base64 } from './base64';
import type { PlanBlock, PlanDocument, PlanTable, PlanTimeline } from './planDocument';

export interface RenderPlanHtmlOptions {
  /** PNG bytes of the map, embedded as a data URL so the page prints without further requests. */
  mapImagePng?: Uint8Array;
  /** Or a URL the print view can load the image from. */
  mapImageSrc?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const PRINT_CSS = `
@page { size: A4; margin: 2cm 2cm 2.2cm; }
* { box-sizing: border-box; }
html { font: 11pt/1.45 Calibri, Carlito, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; }
body { margin: 0 auto; max-width: 17cm; }
@media print { body { max-width: none; } }
h1, h2, h3 { font-weight: 600; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; color: #1f4e79; margin: 0 0 .6em; }
h2 { font-size: 13.5pt; color: #2e74b5; margin: 1.4em 0 .5em; }
.title-page { min-height: 24cm; display: flex; flex-direction: column; justify-content: center; }
.title-page h1 { font-size: 28pt; margin-bottom: .2em; }
.subtitle { font-size: 14pt; color: #555; margin: 0 0 .4em; }
.date { color: #555; margin: 0 0 2em; }
.chapter { break-before: page; page-break-before: always; }
.toc ol { list-style: none; padding-left: 0; }
.toc li.level-2 { padding-left: 1.5em; }
.toc a { color: inherit; text-decoration: none; }
table { width: 100%; border-collapse: collapse; margin: .6em 0 1em; font-size: 10pt; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #bfbfbf; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #deeaf6; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
table.wide { font-size: 8.5pt; }
td, th { overflow-wrap: break-word; hyphens: manual; }
tfoot td { font-weight: 600; border-top: 2px solid #404040; background: #f2f2f2; }
caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: .3em; }
.facts { width: auto; font-size: 11pt; margin: 0 0 1.5em; }
.facts th, .facts td { border: 0; background: none; padding: .1em 1em .1em 0; }
.facts th { font-weight: 600; color: #555; }
.summary { margin-top: 1.5em; }
.summary h2 { margin-top: 0; }
table.timeline { table-layout: fixed; font-size: 7.5pt; }
table.timeline th, table.timeline td { padding: .2em .1em; text-align: center; }
table.timeline th:first-child, table.timeline td:first-child { width: 9em; text-align: left; font-size: 9pt; }
table.timeline td.on { background: #9dc3e6; }
.legend { font-size: 9pt; color: #555; }
section.landscape { page: landscape; }
@page landscape { size: A4 landscape; }
figure { margin: 1em 0; text-align: center; break-inside: avoid; }
figure img { max-width: 100%; max-height: 22cm; }
figcaption { font-style: italic; color: #555; margin-top: .4em; }
@media screen { body { padding: 2cm; } .chapter { border-top: 1px dashed #ccc; padding-top: 1cm; margin-top: 1cm; } }
`.trim();

function table(t: PlanTable): string {
  const cls = (i: number) => (t.numeric?.[i] ? ' class="num"' : '');
  const row = (cells: string[], tag: 'td' | 'th') =>
    `<tr>${t.header.map((_, i) => `<${tag}${cls(i)}>${escapeHtml(cells[i] ?? '')}</${tag}>`).join('')}</tr>`;
  return [
    t.header.length > 5 ? '<table class="wide">' : '<table>',
    t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : '',
    `<thead>${row(t.header, 'th')}</thead>`,
    `<tbody>${t.rows.map((r) => row(r, 'td')).join('')}</tbody>`,
    t.totals ? `<tfoot>${row(t.totals, 'td')}</tfoot>` : '',
    '</table>',
  ].join('');
}

function timeline(t: PlanTimeline): string {
  const head = `<tr><th></th>${t.months.map((m) => `<th>${escapeHtml(m)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((r) => {
    const cells = r.active.map((on, i) => `<td${on ? ' class="on"' : ''}>${escapeHtml(r.marks.filter((m) => m.index === i).map((m) => m.label).join(''))}</td>`).join('');
    return `<tr><td>${escapeHtml(r.label)}</td>${cells}</tr>`;
  });
  return `<table class="timeline"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table><p class="legend">${escapeHtml(t.legend)}</p>`;
}

function block(b: PlanBlock, imageSrc: string | undefined): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b.table);
    case 'facts':
      return `<table class="facts"><tbody>${b.items.map(([l, v]) => `<tr><th scope="row">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
    case 'timeline':
      return timeline(b.timeline);
    case 'mapImage':
      return imageSrc ? `<figure><img src="${escapeHtml(imageSrc)}" alt="${escapeHtml(b.altText)}"><figcaption>${escapeHtml(b.caption)}</figcaption></figure>` : '';
  }
}

/** A standalone print view: clean HTML with print CSS (A4, a new page per chapter, no UI), to print or save as PDF. */
export function renderPlanHtml(plan: PlanDocument, options: RenderPlanHtmlOptions = {}): string {
  const imageSrc = options.mapImagePng ? `data:image/png;base64,${base64(options.mapImagePng)}` : options.mapImageSrc;
  const tp = plan.titlePage;
  const toc = plan.sections
    .map((s) => `<li class="level-${s.level}"><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`)
    .join('');
  const body: string[] = [];
  for (const s of plan.sections) {
    const tag = s.level === 1 ? 'h1' : 'h2';
    const open = s.level === 1 ? `<section class="chapter${s.landscape ? ' landscape' : ''}">` : '';
    body.push(`${open}<${tag} id="${escapeHtml(s.id)}">${escapeHtml(s.heading)}</${tag}>${s.blocks.map((b) => block(b, imageSrc)).join('\n')}`);
  }
  // Close every chapter before the next one opens.
  const chapters: string[] = [];
  let open = false;
  plan.sections.forEach((s, i) => {
    if (s.level === 1 && open) chapters.push('</section>');
    if (s.level === 1) open = true;
    chapters.push(body[i]);
  });
  if (open) chapters.push('</section>');
  return [
    '<!doctype html>',
    `<html lang="${plan.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(tp.title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="title-page">',
    `<h1>${escapeHtml(tp.title)}</h1>`,
    tp.subtitle ? `<p class="subtitle">${escapeHtml(tp.subtitle)}</p>` : '',
    `<p class="date">${escapeHtml(tp.date)}</p>`,
    ...tp.blocks.map((b) => block(b, imageSrc)),
    plan.summary.length ? `<section class="summary"><h2>${escapeHtml(plan.labels.summary)}</h2>${plan.summary.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</section>` : '',
    '</header>',
    `<nav class="toc chapter"><h1>${escapeHtml(plan.labels.contents)}</h1><ol>${toc}</ol></nav>`,
    '<main>',
    ...chapters,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
