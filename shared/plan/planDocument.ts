/**
 * One plan model, several renderers (Markdown, Word, print HTML). The builder decides every word; renderers only
 * lay out. All text is plain (no markup): each renderer escapes for its own format.
 */
import type { MapSnapshot } from '../model/schema';

export type PlanLang = 'nl' | 'en';

/** The version a plan is compared with: its map, its name and when it was saved. */
export interface PlanSince {
  snapshot: MapSnapshot;
  name: string;
  createdAt: number;
}

export interface PlanTable {
  header: string[];
  rows: string[][];
  /** A closing row (e.g. "Totaal"), set apart from the others in every format. */
  totals?: string[];
  /** Per column: true for numbers and amounts, aligned right. */
  numeric?: boolean[];
  caption?: string;
}

/** A simple Gantt chart: one row per phase or activity, one column per month, milestones marked in their month. */
export interface PlanTimeline {
  /** Column labels, one per month ('jan', 'feb', …), with the year where it starts or changes. */
  months: string[];
  rows: { label: string; active: boolean[]; marks: { index: number; label: string }[] }[];
  /** What a marked month means, for the legend under the chart. */
  legend: string;
}

export type PlanBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; table: PlanTable }
  /** Label and value pairs (version, status, authors): a small borderless table. */
  | { type: 'facts'; items: [string, string][] }
  | { type: 'timeline'; timeline: PlanTimeline }
  /** The map image, whose bytes the caller supplies to the renderer (the plan itself stays pure data). */
  | { type: 'mapImage'; caption: string; altText: string };

/** Something the team has not filled in yet: listed in the app's Projectplan view, never printed in the document. */
export interface PlanTodo {
  /** The section it belongs to ('doelen', 'begroting', …). */
  section: string;
  text: string;
}

export interface PlanSection {
  /** Stable, for anchors and tests: 'aanleiding', 'commitments', … */
  id: string;
  /** 1: a chapter, starting on a new page in Word and print; 2: a part of one. */
  level: 1 | 2;
  heading: string;
  blocks: PlanBlock[];
  /** Wide content (the commitments table, the timeline): a landscape page in Word. */
  landscape?: boolean;
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
  /** Heading of the summary on the first page. */
  summary: string;
}

export interface PlanDocument {
  lang: PlanLang;
  titlePage: PlanTitlePage;
  /** The summary for the first page, as paragraphs; empty when the team wrote none. */
  summary: string[];
  sections: PlanSection[];
  labels: PlanLabels;
  /** What is still missing, for the app; renderers never print it. */
  todo: PlanTodo[];
}
