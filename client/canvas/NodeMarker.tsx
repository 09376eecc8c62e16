import type { NodeDecoration } from './nodeDecoration';

const SYMBOL = { error: '!', warning: '!', info: 'i' } as const;

/** The small badge the host puts on nodes with problems. */
export function NodeMarker({ decoration }: { decoration: NodeDecoration | null }) {
  if (!decoration?.marker) return null;
  return (
    <span className={`mk-node-marker is-${decoration.marker}`} role="img" aria-label={decoration.message ?? decoration.marker} title={decoration.message}>
      {SYMBOL[decoration.marker]}
    </span>
  );
}
