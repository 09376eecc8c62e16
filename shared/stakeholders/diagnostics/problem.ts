import type { LocalizedText } from '../../model/fields';
import type { MapSnapshot } from '../../model/schema';
import type { MonthPeriod } from '../months';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Severity = 'error' | 'warning' | 'info';

export interface QuickFix {
  title: LocalizedText;
  /** One of STAKEHOLDER_COMMANDS. */
  command: string;
  args: JsonValue;
}

/** One thing the Problems view shows: plain Dutch that says what to do, and where on the map it is. */
export interface Problem {
  /** Stable, for logs, tests and filters, e.g. 'keyfigure.overCapacity'. */
  code: string;
  severity: Severity;
  message: LocalizedText;
  /**
   * How the problem reads as a risk in the projectplan, without instructions for the app; the message when absent,
   * and null for bookkeeping that is no project risk (a partner without a category).
   */
  risk?: LocalizedText | null;
  nodeIds: string[];
  recordIds?: string[];
  quickFixes?: QuickFix[];
}

export interface DiagnosticOptions {
  /** The project's period; derived from the map when absent. */
  period?: MonthPeriod;
}

/** A rule: a pure function of the map. */
export type DiagnosticRule = (snapshot: MapSnapshot, options?: DiagnosticOptions) => Problem[];
