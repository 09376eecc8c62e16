import { memo, type CSSProperties } from 'react';
import { NodeResizer } from '@xyflow/react';
import { NOTE_KIND } from '../../shared/model/schema';
import { useT } from '../i18n/i18n';
import { useCanvasContext } from './CanvasContext';
import { FarCard } from './FarCard';
import type { MapNodeProps } from './mapNodeProps';
import { NodeHandles } from './NodeHandles';
import { NodeLabel } from './NodeLabel';
import { NodeMarker } from './NodeMarker';

/** The neutral card: notes, and any kind no extension (or no longer any extension) knows how to draw. */
export const DefaultNode = memo(function DefaultNode({ id, data, selected }: MapNodeProps) {
  const t = useT();
  const { readOnly, far, tiny } = useCanvasContext();
  const { record, decoration, remoteColor } = data;
  // An outline, not a shadow: this person's own selection (a shadow) must stay visible next to someone else's.
  const style: CSSProperties | undefined = remoteColor ? { outline: `3px solid ${remoteColor}`, outlineOffset: '3px' } : undefined;
  const unknownKind = record.kind !== NOTE_KIND;
  // Far out, TinyCanvas draws the map and this element is not displayed.
  if (tiny) return null;
  if (far) return <FarCard id={id} label={record.label} width={record.width} selected={!!selected} decoration={decoration} remoteColor={remoteColor} readOnly={readOnly} />;
  return (
    <div className={`mk-node ${selected ? 'is-selected' : ''} ${decoration?.dimmed ? 'is-dimmed' : ''} ${decoration?.compare ? `is-compare-${decoration.compare.kind}` : ''}`} style={style}>
      {!readOnly && <NodeResizer isVisible={selected} minWidth={80} minHeight={40} color="#2563eb" />}
      <NodeHandles hidden={readOnly} nodeId={id} />
      <NodeMarker decoration={decoration} />
      {unknownKind && <div className="mk-node-kind">{t('canvas.unknownKind', { kind: record.kind })}</div>}
      <NodeLabel id={id} label={record.label} />
    </div>
  );
});
