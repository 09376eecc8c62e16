import type { MapNodeProps } from './mapNodeProps';

/** Prefix of the React Flow ids of ghost cards, so they never meet a document id. */
export const GHOST_PREFIX = 'mk-ghost:';
export const GHOST_TYPE = 'mk-ghost';

/**
 * A card that is no longer on the map, drawn faded and dashed at its old place while comparing with a version.
 * Not part of the document: it cannot be selected, dragged or connected.
 */
export function GhostNode({ data }: MapNodeProps) {
  const { record, decoration } = data;
  return (
    <div className="mk-ghost-node" style={{ width: record.width, minHeight: record.height }} data-ghost={record.id} aria-label={`${record.label} (${decoration?.compare?.label ?? ''})`}>
      <span className="mk-compare-tag is-removed">{decoration?.compare?.label}</span>
      <span className="mk-ghost-label">{record.label}</span>
    </div>
  );
}
