import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
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
import type { PlanBlock, PlanDocument, PlanTable } from './planDocument';
import { fitInto, pngSize } from './pngSize';

export interface RenderPlanDocxOptions {
  /** PNG bytes of the map for the appendix; without them the appendix says how to add the image. */
  mapImagePng?: Uint8Array;
}

const FONT = 'Calibri';
const BLUE = '1F4E79';
const MISSING_FILL = 'FBE5D6';
const MISSING_BORDER = 'C55A11';
/** The text width of an A4 page with 2.5 cm margins, in pixels at 96 dpi (what ImageRun measures in). */
const IMAGE_BOX = { width: 600, height: 820 };
/** The same width in twentieths of a point, as table grids are written. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1418;

type Child = Paragraph | Table | TableOfContents;

function cellParagraph(text: string, bold: boolean, right: boolean, small: boolean): Paragraph {
  return new Paragraph({
    alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, bold, size: small ? 17 : 20 })],
  });
}

function table(t: PlanTable): Child[] {
  const cols = t.header.length;
  // Wide tables (the commitments table has eight columns) get a smaller font so they fit a portrait A4 page.
  const small = cols > 5;
  // Characters that fit across the text width at 8.5 and 10 pt Calibri.
  const weights = columnWeights(t, small ? 100 : 85);
  const twips = weights.map((w) => Math.round(w * TEXT_WIDTH_TWIPS));
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
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: twips,
      rows: [row(t.header, 'header'), ...t.rows.map((r) => row(r, 'body')), ...(t.totals ? [row(t.totals, 'totals')] : [])],
    }),
  );
  // Word runs two adjacent tables together; an empty paragraph keeps them apart and gives the text room.
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function missingNote(label: string, items: string[]): Paragraph[] {
  const box = {
    shading: { type: ShadingType.CLEAR, fill: MISSING_FILL },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: MISSING_BORDER, space: 8 } },
  };
  return [
    new Paragraph({ ...box, spacing: { before: 120, after: 0 }, keepNext: true, children: [new TextRun({ text: label, bold: true, color: '843C0C' })] }),
    ...items.map(
      (item, i) =>
        new Paragraph({ ...box, bullet: { level: 0 }, keepNext: i < items.length - 1, spacing: { after: i === items.length - 1 ? 160 : 0 }, children: [new TextRun(item)] }),
    ),
  ];
}

function block(b: PlanBlock, plan: PlanDocument, options: RenderPlanDocxOptions): Child[] {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.text)] })];
    case 'bullets':
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(i)] }));
    case 'table':
      return table(b.table);
    case 'missing':
      return missingNote(plan.labels.missing, b.items);
    case 'mapImage': {
      const size = options.mapImagePng ? pngSize(options.mapImagePng) : null;
      if (!options.mapImagePng || !size) return missingNote(plan.labels.missing, [plan.labels.noMapImage]);
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

/** The plan as a Word document: real Heading 1/2 styles, a table of contents, real tables, the map in an appendix. */
export async function renderPlanDocx(plan: PlanDocument, options: RenderPlanDocxOptions = {}): Promise<Uint8Array> {
  const tp = plan.titlePage;
  const children: Child[] = [
    new Paragraph({ spacing: { before: 2400 }, heading: HeadingLevel.TITLE, children: [new TextRun(tp.title)] }),
    ...(tp.subtitle ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: tp.subtitle, size: 32, color: '595959' })] })] : []),
    new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: tp.date, color: '595959' })] }),
    ...tp.blocks.flatMap((b) => block(b, plan, options)),
    // Not a Heading style, so the table of contents does not list itself.
    new Paragraph({ pageBreakBefore: true, spacing: { after: 240 }, children: [new TextRun({ text: plan.labels.contents, bold: true, size: 32, color: BLUE })] }),
    new TableOfContents(plan.labels.contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  for (const s of plan.sections) {
    children.push(
      new Paragraph({
        heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        pageBreakBefore: s.level === 1,
        children: [new TextRun(s.heading)],
      }),
    );
    for (const b of s.blocks) children.push(...block(b, plan, options));
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
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '7F7F7F' })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
