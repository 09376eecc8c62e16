/** One goal of an issue, as BENCHMARKS.md's target table shows it. */
export interface Target {
  name: string;
  target: string;
  measured: string;
  /** null: not measured, or not comparable (see `note`). */
  met: boolean | null;
  note?: string;
}
