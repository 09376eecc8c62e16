import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { columnWeights } from './columnWeights';
import type { PlanBlock, PlanDocument, PlanTable, PlanTimeline } from './planDocument';
import { fitInto, pngSize } from './pngSize';

export interface RenderPlanDocxOptions {
  /** PNG bytes of the map for the appendix; without them the appendix is left out. */
  mapImagePng?: Uint8Array;
}

const FONT = 'Calibri';
const BLUE = '1F4E79';
const PHASE_FILL = '9DC3E6';
/** The text width of an A4 page with 2.5 cm margins, in pixels at 96 dpi (what ImageRun measures in). */
const IMAGE_BOX = { width: 600, height: 820 };
const A4 = { short: 11906, long: 16838 };
const MARGIN = 1418;
/** The text width in twentieths of a point, as table grids are written: portrait and landscape A4. */
const PORTRAIT_TWIPS = A4.short - 2 * MARGIN;
const LANDSCAPE_TWIPS = A4.long - 2 * MARGIN;

type Child = Paragraph | Table | TableOfContents;

function cellParagraph(text: string, bold: boolean, right: boolean, small: boolean): Paragraph {
  return new Paragraph({
    alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, bold, size: small ? 17 : 20 })],
  });
}

function table(t: PlanTable, width: number): Child[] {
  const cols = t.header.length;
  // Wide tables (the commitments table has eight columns) get a smaller font, and a landscape page where the plan says so.
  const small = cols > 5;
  // Characters that fit across the text width at 8.5 and 10 pt Calibri.
  const weights = columnWeights(t, Math.round(((small ? 100 : 85) * width) / PORTRAIT_TWIPS));
  const twips = weights.map((w) => Math.round(w * width));
  const row = (cells: string[], kind: 'header' | 'body' | 'totals') =>
    new TableRow({
      tableHeader: kind === 'header',
      cantSplit: true,
      children: Array.from({ length: cols }, (_, i) =>
        new TableCell({
          width: { size: twips[i], type: WidthType.DXA },
          shading: kind === 'header' ? { type: ShadingType.CLEAR, fill: 'DEEAF6' } : kind === 'totals' ? { type: ShadingType.CLEAR, fill: 'F2F2F2' } : undefined,
          borders: kind === 'totals' ? { top: { style: BorderStyle.DOUBLE, size: 6, color: '404040' } } : undefined,
          children: [cellParagraph(cells[i] ?? '', kind !== 'body', t.numeric?.[i] === true, small)],
        }),
      ),
    });
  const out: Child[] = [];
  if (t.caption) out.push(new Paragraph({ style: 'Caption', children: [new TextRun(t.caption)] }));
  out.push(
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: twips,
      rows: [row(t.header, 'header'), ...t.rows.map((r) => row(r, 'body')), ...(t.totals ? [row(t.totals, 'totals')] : [])],
    }),
  );
  // Word runs two adjacent tables together; an empty paragraph keeps them apart and gives the text room.
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** Label and value pairs on the title page: a borderless two-column table. */
function facts(items: [string, string][]): Child[] {
  if (items.length === 0) return [];
  const label = 2200;
  return [
    new Table({
      width: { size: PORTRAIT_TWIPS, type: WidthType.DXA },
      columnWidths: [label, PORTRAIT_TWIPS - label],
      borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top },
      rows: items.map(
        ([l, v]) =>
          new TableRow({
            children: [
              new TableCell({ width: { size: label, type: WidthType.DXA }, borders: NO_BORDERS, children: [new Paragraph({ children: [new TextRun({ text: l, bold: true, color: '595959' })] })] }),
              new TableCell({ width: { size: PORTRAIT_TWIPS - label, type: WidthType.DXA }, borders: NO_BORDERS, children: [new Paragraph({ children: [new TextRun(v)] })] }),
            ],
          }),
      ),
    }),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
  ];
}

/** The planning chart: a table with a shaded cell for every month a phase runs and a milestone's mark in its month. */
function timeline(t: PlanTimeline, width: number): Child[] {
  const label = 2400;
  const month = Math.floor((width - label) / Math.max(1, t.months.length));
  const cell = (text: string, opts: { fill?: string; bold?: boolean; w: number; left?: boolean }) =>
    new TableCell({
      width: { size: opts.w, type: WidthType.DXA },
      shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill } : undefined,
      children: [new Paragraph({ alignment: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER, spacing: { before: 20, after: 20 }, children: [new TextRun({ text, bold: opts.bold, size: opts.left ? 18 : 14 })] })],
    });
  return [
    new Table({
      width: { size: label + month * t.months.length, type: WidthType.DXA },
      columnWidths: [label, ...t.months.map(() => month)],
      rows: [
        new TableRow({ tableHeader: true, children: [cell('', { w: label, fill: 'DEEAF6' }), ...t.months.map((m) => cell(m, { w: month, fill: 'DEEAF6', bold: true }))] }),
        ...t.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: [
                cell(r.label, { w: label, left: true, bold: true }),
                ...r.active.map((on, i) => cell(r.marks.filter((m) => m.index === i).map((m) => m.label).join(''), { w: month, fill: on ? PHASE_FILL : undefined })),
              ],
            }),
        ),
      ],
    }),
    new Paragraph({ spacing: { before: 60, after: 200 }, children: [new TextRun({ text: t.legend, size: 18, color: '595959' })] }),
  ];
}

function block(b: PlanBlock, options: RenderPlanDocxOptions, width: number): Child[] {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.text)] })];
    case 'bullets':
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(i)] }));
    case 'table':
      return table(b.table, width);
    case 'facts':
      return facts(b.items);
    case 'timeline':
      return timeline(b.timeline, width);
    case 'mapImage': {
      const size = options.mapImagePng ? pngSize(options.mapImagePng) : null;
      if (!options.mapImagePng || !size) return [];
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: options.mapImagePng,
              transformation: fitInto(size, IMAGE_BOX),
              altText: { name: b.caption, title: b.caption, description: b.altText },
            }),
          ],
        }),
        new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, children: [new TextRun(b.caption)] }),
      ];
    }
  }
}

const footer = () =>
  new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '7F7F7F' })] })] });

const pageOf = (landscape: boolean) =>
  landscape
    ? // The docx package swaps width and height itself for a landscape page: it takes the portrait size.
      { size: { width: A4.short, height: A4.long, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } }
    : { size: { width: A4.short, height: A4.long }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } };

/**
 * The plan as a Word document: a title page without a page number, real Heading 1/2 styles, a table of contents,
 * real tables, chapters with wide content on landscape pages, the map in an appendix.
 */
export async function renderPlanDocx(plan: PlanDocument, options: RenderPlanDocxOptions = {}): Promise<Uint8Array> {
  const tp = plan.titlePage;
  const front: Child[] = [
    new Paragraph({ spacing: { before: 2400 }, heading: HeadingLevel.TITLE, children: [new TextRun(tp.title)] }),
    ...(tp.subtitle ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: tp.subtitle, size: 32, color: '595959' })] })] : []),
    new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: tp.date, color: '595959' })] }),
    ...tp.blocks.flatMap((b) => block(b, options, PORTRAIT_TWIPS)),
  ];
  if (plan.summary.length > 0) {
    // Not a Heading style: the summary belongs to the first page, not to the table of contents.
    front.push(new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: plan.labels.summary, bold: true, size: 28, color: BLUE })] }));
    for (const p of plan.summary) front.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun(p)] }));
  }
  front.push(
    new Paragraph({ pageBreakBefore: true, spacing: { after: 240 }, children: [new TextRun({ text: plan.labels.contents, bold: true, size: 32, color: BLUE })] }),
    new TableOfContents(plan.labels.contents, { hyperlink: true, headingStyleRange: '1-2' }),
  );

  // A chapter and its parts share one page orientation; a change of orientation starts a new Word section.
  const runs: { landscape: boolean; children: Child[] }[] = [{ landscape: false, children: front }];
  let landscape = false;
  for (const s of plan.sections) {
    if (s.level === 1) landscape = s.landscape === true;
    let run = runs[runs.length - 1];
    const newSection = s.level === 1 && run.landscape !== landscape;
    if (newSection) {
      run = { landscape, children: [] };
      runs.push(run);
    }
    const width = landscape ? LANDSCAPE_TWIPS : PORTRAIT_TWIPS;
    run.children.push(
      new Paragraph({
        heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        // A new Word section already starts on a new page.
        pageBreakBefore: s.level === 1 && !newSection,
        children: [new TextRun(s.heading)],
      }),
    );
    for (const b of s.blocks) run.children.push(...block(b, options, width));
  }

  const language = { value: plan.lang === 'nl' ? 'nl-NL' : 'en-GB' };
  const doc = new Document({
    title: tp.title,
    description: tp.subtitle,
    creator: 'Mantelkaart',
    // Page numbers in the table of contents are estimated as the body is written, so the contents are complete in
    // any viewer without Word's "update fields?" prompt; Word's Update Table corrects them if an estimate is off.
    pageNumbers: estimatePageNumbers,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language }, paragraph: { spacing: { after: 80, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 56, bold: true, color: BLUE }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: BLUE }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 27, bold: true, color: '2E74B5' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
      },
    },
    sections: runs.map((run, i) => ({
      // The title page carries no page number: the first section has a distinct, empty first-page footer.
      properties: { page: pageOf(run.landscape), ...(i === 0 ? { titlePage: true } : {}) },
      footers: i === 0 ? { default: footer(), first: new Footer({ children: [new Paragraph({ children: [] })] }) } : { default: footer() },
      children: run.children,
    })),
  });
  return Packer.pack(doc, 'uint8array');
}
