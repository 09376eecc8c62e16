import type { FieldOption, LocalizedText } from '../model/fields';
import type { FieldValue, MapSnapshot, NodeRecord } from '../model/schema';
import type { PrivateFieldsByNode } from '../exchange/privateFieldsOf';
import { capacityUse, type CapacityUse } from '../stakeholders/capacity';
import { readCommitments, type Commitment } from '../stakeholders/commitments';
import { coverage, type Coverage } from '../stakeholders/coverage';
import { diagnose, type Problem } from '../stakeholders/diagnostics/index';
import { formatEuro, formatHours, formatList, nodeName } from '../stakeholders/format';
import { formatMonth, formatMonths, type MonthPeriod } from '../stakeholders/months';
import { commitmentTotals, type CommitmentTotals } from '../stakeholders/totals';
import { planBudget, type PlanBudget } from './planBudget';
import { readPlanData, type PlanData } from './planData';
import type { PlanBlock, PlanLang, PlanSection, PlanSince } from './planDocument';

/** While building, a section may say what the team has not filled in; buildPlan moves that to the app's to-do list. */
export type DraftBlock = PlanBlock | { type: 'missing'; items: string[] };
export type DraftSection = Omit<PlanSection, 'blocks'> & { blocks: DraftBlock[] };

export interface BuildPlanOptions {
  /** Dutch by default. */
  lang?: PlanLang;
  /** The plan's date, 'YYYY-MM-DD' or a Date (read in UTC, so server and browser agree). */
  date: string | Date;
  /** Phone numbers and e-mail addresses appear only when the facilitator ticks them in (AVG). */
  includePrivate?: boolean;
  /** The private companion document's fields per node; ignored unless includePrivate. */
  privateFields?: PrivateFieldsByNode;
  /** Problems to list as risks; the map's own diagnostics when absent. */
  diagnostics?: Problem[];
  /** The project period; derived from commitments and offers when absent. */
  period?: MonthPeriod;
  /** Whether the caller will hand the renderer a picture of the map (the appendix is left out otherwise). */
  mapImage?: boolean;
  /** A version to compare with: the monitoring chapter then says what changed since (the quarterly report). */
  since?: PlanSince;
}

/** What every section builder reads: the map, its derived views, and the language helpers. */
export interface PlanContext {
  lang: PlanLang;
  snapshot: MapSnapshot;
  nodes: Map<string, NodeRecord>;
  ofKind(kind: string): NodeRecord[];
  commitments: Commitment[];
  totals: CommitmentTotals;
  coverage: Coverage;
  capacity: CapacityUse[];
  problems: Problem[];
  /** What the team wrote for the plan beside the map. */
  data: PlanData;
  budget: PlanBudget;
  mapImage: boolean;
  /** Private fields per node, already empty unless includePrivate was set. */
  privateFields: PrivateFieldsByNode;
  showPrivate: boolean;
  /** The text in the plan's language. */
  t(nl: string, en: string): string;
  text(l: LocalizedText): string;
  option(options: readonly FieldOption[], value: string | null): string;
  name(id: string | null): string;
  hours(h: number): string;
  euro(amount: number): string;
  month(m: string): string;
  /** Runs of months as people say them: 'maart t/m juni 2027'. */
  formatMonths(months: string[]): string;
  list(items: string[]): string;
  privateText(nodeId: string, key: string): string;
}

export function planContext(snapshot: MapSnapshot, options: BuildPlanOptions): PlanContext {
  const lang: PlanLang = options.lang ?? 'nl';
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const totalsOptions = options.period ? { period: options.period } : {};
  const showPrivate = options.includePrivate === true && options.privateFields !== undefined;
  const privateFields: PrivateFieldsByNode = showPrivate && options.privateFields ? options.privateFields : {};
  const data = readPlanData(snapshot);
  const fieldText = (v: FieldValue | undefined) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v));
  return {
    lang,
    snapshot,
    nodes,
    ofKind: (kind) => snapshot.nodes.filter((n) => n.kind === kind),
    commitments: readCommitments(snapshot),
    totals: commitmentTotals(snapshot, totalsOptions),
    coverage: coverage(snapshot),
    capacity: capacityUse(snapshot, totalsOptions),
    // Privacy findings are the team's housekeeping, not a project risk for a funder, and name whose contact details leak.
    problems: (options.diagnostics ?? diagnose(snapshot, totalsOptions)).filter((p) => !p.code.startsWith('privacy.')),
    data,
    budget: planBudget(snapshot, data.info, data.costs, data.funding, totalsOptions),
    mapImage: options.mapImage === true,
    privateFields,
    showPrivate,
    t: (nl, en) => (lang === 'nl' ? nl : en),
    text: (l) => l[lang],
    option: (opts, value) => (value === null ? '' : (opts.find((o) => o.value === value)?.label[lang] ?? value)),
    name: (id) => (id === null ? (lang === 'nl' ? '(niemand)' : '(nobody)') : nodeName(nodes.get(id), lang)),
    hours: (h) => formatHours(h, lang),
    euro: (amount) => formatEuro(amount, lang),
    month: (m) => formatMonth(m, lang),
    formatMonths: (months) => formatMonths(months, lang),
    list: (items) => formatList(items, lang),
    privateText: (nodeId, key) => fieldText(privateFields[nodeId]?.[key]),
  };
}

/** '–' for an empty table cell, so a blank never looks like a rendering fault. */
export const DASH = '–';
export const orDash = (s: string): string => (s.trim() ? s : DASH);

/** A text the team wrote, as paragraphs (blank lines separate them). */
export function paragraphs(text: string): DraftBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, text: p }));
}
