import Papa from 'papaparse/papaparse.js';
import type { LocalizedText } from '../model/fields';
import { newId } from '../model/ids';
import type { NodeInit } from '../model/mapDoc';
import type { FieldValue } from '../model/schema';
import { LABEL_COLUMN, columnField, exampleHeader, importableFields, type CsvTarget } from './csvColumns';
import { cellValue } from './csvValue';
import { kindSpec } from './kinds/index';

export { CSV_TARGETS, exampleHeader, type CsvTarget } from './csvColumns';

export interface CsvColumn {
  header: string;
  /** The field it fills; null when the column is ignored (shown in the preview so nobody wonders where it went). */
  field: string | null;
}

export interface CsvField {
  key: string;
  label: LocalizedText;
  value: FieldValue;
  /** Goes to the private companion document, never to view links. */
  private: boolean;
}

/** A row that will become a node. `row` counts data rows: the first row under the header is 1. */
export interface CsvRow {
  row: number;
  label: string;
  fields: CsvField[];
}

export interface CsvCellProblem {
  /** The column's header as written in the file, or '' for a problem with the row as a whole. */
  column: string;
  value: string;
  message: LocalizedText;
}

/** One error per bad row, naming every problem in it, so a team fixes a row in one go. */
export interface CsvRowError {
  row: number;
  problems: CsvCellProblem[];
  message: LocalizedText;
}

export interface CsvPreview {
  target: CsvTarget;
  delimiter: string;
  columns: CsvColumn[];
  rows: CsvRow[];
  errors: CsvRowError[];
  /** Set when the file as a whole cannot be read; rows and errors are then empty. */
  fileError: LocalizedText | null;
}

const DELIMITERS = [';', ',', '\t'];

/** Excel writes ';' in Dutch locales and ',' elsewhere: count them in the header line, outside quotes. */
function detectDelimiter(headerLine: string): string {
  let inQuotes = false;
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let max = 0;
  for (const [d, n] of counts) if (n > max) [best, max] = [d, n];
  return best;
}

function fail(target: CsvTarget, message: LocalizedText): CsvPreview {
  return { target, delimiter: ',', columns: [], rows: [], errors: [], fileError: message };
}

function rowError(row: number, problems: CsvCellProblem[]): CsvRowError {
  return {
    row,
    problems,
    message: {
      nl: `Rij ${row}: ${problems.map((p) => p.message.nl).join(' ')}`,
      en: `Row ${row}: ${problems.map((p) => p.message.en).join(' ')}`,
    },
  };
}

/**
 * Reads a partners, team or key-figure list as exported from Excel (semicolon or comma separated, UTF-8 with or
 * without BOM, quoted fields with doubled quotes, Dutch headers) and shows what an import would create, with one
 * plain-Dutch error per bad row. Nothing is written: the caller shows the preview and imports the accepted rows.
 */
export function previewCsvImport(text: string, target: CsvTarget): CsvPreview {
  let body = text.replace(/^\uFEFF/, '');
  if (body.includes('\uFFFD')) {
    return fail(target, {
      nl: 'Het bestand bevat tekens die niet te lezen zijn. Sla het in Excel op als ‘CSV UTF-8 (door komma’s gescheiden)’ en probeer opnieuw.',
      en: 'The file contains unreadable characters. Save it from Excel as ‘CSV UTF-8’ and try again.',
    });
  }
  let delimiter: string | null = null;
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  delimiter ??= detectDelimiter(headerLine);

  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const header = parsed.data[0] ?? [];
  if (header.every((h) => !h.trim())) {
    return fail(target, { nl: 'Het bestand is leeg.', en: 'The file is empty.' });
  }
  const columns: CsvColumn[] = header.map((h) => ({ header: h.trim(), field: columnField(h, target) }));
  if (!columns.some((c) => c.field === LABEL_COLUMN)) {
    return fail(target, {
      nl: `De kolom ‘naam’ ontbreekt. Zet in de eerste rij de kolomkoppen, bijvoorbeeld: ${exampleHeader(target)}`,
      en: `The column ‘naam’ (name) is missing. Put the column headers in the first row, for example: ${exampleHeader(target)}`,
    });
  }
  const fields = importableFields(target);
  const quoteErrors = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && typeof e.row === 'number').map((e) => e.row as number));
  const rows: CsvRow[] = [];
  const errors: CsvRowError[] = [];

  parsed.data.slice(1).forEach((cells, i) => {
    // Blank rows keep their number (as in the spreadsheet) and are skipped without an error.
    const row = i + 1;
    if (cells.every((c) => c.trim() === '')) return;
    const problems: CsvCellProblem[] = [];
    if (quoteErrors.has(i + 1)) {
      problems.push({ column: '', value: '', message: { nl: 'een aanhalingsteken (") wordt niet gesloten; controleer de cel die met " begint.', en: 'a quote (") is not closed; check the cell that starts with ".' } });
    }
    const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.push({
        column: '',
        value: extra.join(delimiter ?? ';'),
        message: {
          nl: `deze rij heeft ${cells.length} kolommen, maar de kopregel heeft er ${columns.length} (‘${extra.join(', ')}’ staat buiten de kolommen). Haal de extra waarde weg of zet er een kolomkop boven.`,
          en: `this row has ${cells.length} columns but the header has ${columns.length} (‘${extra.join(', ')}’ is outside the columns). Remove the extra value or give it a header.`,
        },
      });
    }
    let label = '';
    const values: CsvField[] = [];
    columns.forEach((col, c) => {
      const raw = (cells[c] ?? '').trim();
      if (col.field === LABEL_COLUMN) {
        label = raw;
        if (!raw) problems.push({ column: col.header, value: '', message: { nl: 'naam ontbreekt; elke rij heeft een naam nodig.', en: 'the name is missing; every row needs one.' } });
        return;
      }
      const field = col.field ? fields.get(col.field) : undefined;
      if (!field || !raw) return;
      const result = cellValue(raw, field);
      if (!result.ok) problems.push({ column: col.header, value: raw, message: result.problem });
      else if (!values.some((v) => v.key === field.key)) values.push({ key: field.key, label: field.label, value: result.value, private: field.private === true });
    });
    // Later problems start their own sentence after the first one's full stop.
    if (problems.length > 0) errors.push(rowError(row, problems.map((p, n) => (n === 0 ? p : { ...p, message: capitalise(p.message) }))));
    else rows.push({ row, label, fields: values });
  });

  return { target, delimiter, columns, rows, errors, fileError: null };
}

function capitalise(t: LocalizedText): LocalizedText {
  return { nl: t.nl.charAt(0).toUpperCase() + t.nl.slice(1), en: t.en.charAt(0).toUpperCase() + t.en.slice(1) };
}

/** A node to create from an accepted row, and what goes to the private document under the same node id. */
export interface CsvNode {
  node: NodeInit & { id: string };
  privateFields: Record<string, FieldValue>;
}

/**
 * Turns accepted rows into nodes, laid out in a grid from `at` so an import does not land in one pile.
 * Private fields (phone, e-mail) are split off: write them with setPrivateFields(privateDoc, node.id, …).
 */
export function csvRowsToNodes(rows: CsvRow[], target: CsvTarget, at: { x: number; y: number } = { x: 0, y: 0 }, columns = 4): CsvNode[] {
  const size = kindSpec(target)?.defaultSize ?? { width: 180, height: 64 };
  return rows.map((r, i) => {
    const data: Record<string, FieldValue> = {};
    const privateFields: Record<string, FieldValue> = {};
    for (const f of r.fields) (f.private ? privateFields : data)[f.key] = f.value;
    return {
      node: {
        id: newId(),
        kind: target,
        label: r.label,
        x: at.x + (i % columns) * (size.width + 40),
        y: at.y + Math.floor(i / columns) * (size.height + 40),
        width: size.width,
        height: size.height,
        data,
      },
      privateFields,
    };
  });
}
