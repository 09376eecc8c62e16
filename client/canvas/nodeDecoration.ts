/** How the host marks a node without touching the doc: a problem marker, or dimmed when filtered out. */
export interface NodeDecoration {
  marker?: 'error' | 'warning' | 'info';
  /** Shown as the marker's tooltip and accessible description. */
  message?: string;
  dimmed?: boolean;
  /** While comparing with a version: new since then, or changed (with its label as the badge's text). */
  compare?: { kind: 'added' | 'changed' | 'removed'; label: string };
}
