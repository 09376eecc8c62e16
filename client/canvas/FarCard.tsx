import type { CSSProperties } from 'react';
import { NodeHandles } from './NodeHandles';
import { NodeMarker } from './NodeMarker';
import type { NodeDecoration } from './nodeDecoration';

export interface FarCardProps {
  id: string;
  label: string;
  /** The card's width in flow units, to shorten the label to one line without clipping. */
  width: number;
  /** The kind's colour; the neutral card's grey when absent. */
  color?: string;
  selected: boolean;
  decoration: NodeDecoration | null;
  remoteColor: string | null;
  /** Round (ellipse, pill) or square-ish corners, so the kind's outline still reads from afar. */
  round?: boolean;
  readOnly: boolean;
}

/** Average glyph width of the far label's font, as a share of its size (for shortening without measuring). */
const GLYPH = 0.56;
const FAR_FONT = 24;

/** One line that fits `width`: a clipped box would be a separate compositing piece per card. */
function shorten(label: string, width: number): string {
  const line = label.replace(/\s+/g, ' ').trim();
  const fits = Math.max(3, Math.floor((width - 16) / (FAR_FONT * GLYPH)));
  return line.length <= fits ? line : `${line.slice(0, fits - 1).trimEnd()}…`;
}

/**
 * A card zoomed out below FAR_ZOOM: one coloured box with its handles (edges attach to them), problem marker and
 * a one-line label in a larger font, without caption, body or clipping. Each clipped or layered part of a full
 * card is a separate piece for Chromium to composite: 2,000 full cards cost about 16 ms per frame in that step.
 */
export function FarCard({ id, label, width, color, selected, decoration, remoteColor, round, readOnly }: FarCardProps) {
  const style = {
    ...(color ? { '--mk-kind-color': color } : {}),
    ...(remoteColor ? { outline: `3px solid ${remoteColor}`, outlineOffset: '3px' } : {}),
  } as CSSProperties;
  return (
    <div className={`mk-far-card ${color ? 'has-kind' : ''} ${round ? 'is-round' : ''} ${selected ? 'is-selected' : ''} ${decoration?.dimmed ? 'is-dimmed' : ''}`} style={style}>
      <NodeHandles hidden={readOnly} nodeId={id} />
      <NodeMarker decoration={decoration} />
      <span className="mk-far-label">{shorten(label, width)}</span>
    </div>
  );
}
