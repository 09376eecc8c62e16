/**
 * One plan model, several renderers (Markdown, Word, print HTML). The builder decides every word; renderers only
 * lay out. All text is plain (no markup): each renderer escapes for its own format.
 */
export type PlanLang = 'nl' | 'en';

export interface PlanTable {
  header: string[];
  rows: string[][];
  /** A closing row (e.g. "Totaal"), set apart from the others in every format. */
  totals?: string[];
  /** Per column: true for numbers and amounts, aligned right. */
  numeric?: boolean[];
  caption?: string;
}

export type PlanBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; table: PlanTable }
  /** What the team still has to fill in: shown instead of leaving a section empty. */
  | { type: 'missing'; items: string[] }
  /** The map image, whose bytes the caller supplies to the renderer (the plan itself stays pure data). */
  | { type: 'mapImage'; caption: string; altText: string };

export interface PlanSection {
  /** Stable, for anchors and tests: 'aanleiding', 'commitments', … */
  id: string;
  /** 1: a chapter, starting on a new page in Word and print; 2: a part of one. */
  level: 1 | 2;
  heading: string;
  blocks: PlanBlock[];
}

export interface PlanTitlePage {
  title: string;
  subtitle: string;
  /** As shown, already formatted in the plan's language. */
  date: string;
  blocks: PlanBlock[];
}

export interface PlanLabels {
  /** Heading of the table of contents. */
  contents: string;
  /** Lead-in of a "missing" note. */
  missing: string;
  /** Shown where the map image would be when the caller gave none. */
  noMapImage: string;
}

export interface PlanDocument {
  lang: PlanLang;
  titlePage: PlanTitlePage;
  sections: PlanSection[];
  labels: PlanLabels;
}
