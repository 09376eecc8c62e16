import type { NodeDecoration } from './nodeDecoration';

const SYMBOL = { error: '!', warning: '!', info: 'i' } as const;

/** The small badge the host puts on nodes with problems, and the "nieuw" / "gewijzigd" tag while comparing. */
export function NodeMarker({ decoration }: { decoration: NodeDecoration | null }) {
  const compare = decoration?.compare ? (
    <span className={`mk-compare-tag is-${decoration.compare.kind}`} data-compare={decoration.compare.kind}>
      {decoration.compare.label}
    </span>
  ) : null;
  if (!decoration?.marker) return compare;
  return (
    <>
      {compare}
      <span className={`mk-node-marker is-${decoration.marker}`} role="img" aria-label={decoration.message ?? decoration.marker} title={decoration.message}>
        {SYMBOL[decoration.marker]}
      </span>
    </>
  );
}
