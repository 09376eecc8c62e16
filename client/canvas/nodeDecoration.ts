/** How the host marks a node without touching the doc: a problem marker, or dimmed when filtered out. */
export interface NodeDecoration {
  marker?: 'error' | 'warning' | 'info';
  /** Shown as the marker's tooltip and accessible description. */
  message?: string;
  dimmed?: boolean;
}
