import type { PlanBlock, PlanDocument, PlanTable, PlanTimeline } from './planDocument';

export interface RenderPlanMarkdownOptions {
  /** Where the map image is, relative to the Markdown file (e.g. "kaart.png"); without it the image is left out. */
  mapImageHref?: string;
}

/** Escapes characters that Markdown would read as formatting, so names like "Hatice_Demir" or "[x]" print as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]<>|#!~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}

function table(t: PlanTable): string {
  const cell = (s: string) => escapeMarkdown(s).trim() || ' ';
  const width = t.header.length;
  const pad = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
  const line = (row: string[]) => `| ${pad(row).map(cell).join(' | ')} |`;
  const rule = `| ${t.header.map((_, i) => (t.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
  const out = [line(t.header), rule, ...t.rows.map(line)];
  if (t.totals) out.push(`| ${pad(t.totals).map((s) => (s.trim() ? `**${cell(s)}**` : ' ')).join(' | ')} |`);
  const caption = t.caption ? `*${escapeMarkdown(t.caption)}*\n\n` : '';
  return caption + out.join('\n');
}

/** The chart as a table: a filled square for each month a phase runs, the milestone's mark in its month. */
function timeline(t: PlanTimeline): string {
  const rows = t.rows.map((r) => [r.label, ...r.active.map((on, i) => r.marks.filter((m) => m.index === i).map((m) => m.label).join('') || (on ? '■' : ''))]);
  return `${table({ header: ['', ...t.months], rows })}\n\n*${escapeMarkdown(t.legend)}*`;
}

function block(b: PlanBlock, options: RenderPlanMarkdownOptions): string {
  switch (b.type) {
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'bullets':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'table':
      return table(b.table);
    case 'facts':
      return b.items.map(([label, value]) => `**${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`).join('  \n');
    case 'timeline':
      return timeline(b.timeline);
    case 'mapImage':
      return options.mapImageHref ? `![${escapeMarkdown(b.altText)}](${encodeURI(options.mapImageHref)})\n\n*${escapeMarkdown(b.caption)}*` : '';
  }
}

/** The plan as Markdown (GitHub-flavoured tables): for a wiki, an e-mail or further editing as text. */
export function renderPlanMarkdown(plan: PlanDocument, options: RenderPlanMarkdownOptions = {}): string {
  const parts: string[] = [];
  const tp = plan.titlePage;
  parts.push(`# ${escapeMarkdown(tp.title)}`);
  if (tp.subtitle) parts.push(`**${escapeMarkdown(tp.subtitle)}**`);
  parts.push(escapeMarkdown(tp.date));
  for (const b of tp.blocks) parts.push(block(b, options));
  if (plan.summary.length > 0) {
    parts.push(`## ${escapeMarkdown(plan.labels.summary)}`);
    for (const p of plan.summary) parts.push(escapeMarkdown(p));
  }
  parts.push(`## ${escapeMarkdown(plan.labels.contents)}`);
  parts.push(
    plan.sections
      .map((s) => `${s.level === 2 ? '  ' : ''}- ${escapeMarkdown(s.heading)}`)
      .join('\n'),
  );
  for (const s of plan.sections) {
    parts.push(`${s.level === 1 ? '##' : '###'} ${escapeMarkdown(s.heading)}`);
    for (const b of s.blocks) {
      const text = block(b, options);
      if (text) parts.push(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
