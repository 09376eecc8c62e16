import type { PlanTable } from './planDocument';

/**
 * Relative column widths for a table, from its content, for Word and LibreOffice, which (unlike browsers) need widths
 * written out. Each column first gets its longest word plus cell padding, so "Ervaringsdeskundige" is never broken in
 * the middle; the room left over goes to the columns with longer running text. `capacity` is how many characters fit
 * across the page at the table's font size. Returns fractions that add up to 1.
 */
export function columnWeights(table: PlanTable, capacity: number): number[] {
  const cols = table.header.length;
  const all = [table.header, ...table.rows, ...(table.totals ? [table.totals] : [])];
  const PADDING = 4;
  const min: number[] = [];
  const want: number[] = [];
  for (let i = 0; i < cols; i++) {
    let longestWord = 0;
    let total = 0;
    for (const row of all) {
      const cell = row[i] ?? '';
      total += cell.length;
      // Header and totals are bold, a little wider per character.
      const bold = row === table.header || row === table.totals ? 1.15 : 1;
      for (const word of cell.split(/[ \t\n/]+/)) longestWord = Math.max(longestWord, Math.ceil(word.length * bold));
    }
    min.push(longestWord + PADDING);
    want.push(Math.max(longestWord, Math.min(total / all.length, 45)) + PADDING);
  }
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  let widths: number[];
  if (sum(want) <= capacity) widths = want;
  else if (sum(min) < capacity) {
    const extra = want.map((w, i) => w - min[i]);
    const share = (capacity - sum(min)) / Math.max(1e-9, sum(extra));
    widths = min.map((m, i) => m + extra[i] * share);
  } else widths = min;
  const total = sum(widths);
  return widths.map((w) => w / total);
}
