import { memo, type CSSProperties } from 'react';
import { NodeResizer } from '@xyflow/react';
import { useCanvasContext } from '../../canvas/CanvasContext';
import type { MapNodeProps } from '../../canvas/mapNodeProps';
import { NodeHandles } from '../../canvas/NodeHandles';
import { NodeLabel } from '../../canvas/NodeLabel';
import { NodeMarker } from '../../canvas/NodeMarker';
import { useEventVersion, useHost, useLocalize } from '../ui/HostContext';
import { Icon } from '../ui/Icon';
import { DefaultNode } from '../../canvas/DefaultNode';
import { FarCard } from '../../canvas/FarCard';
import { CardVoteMarks } from '../participation/CardVoteMarks';

/**
 * How the host draws a node of a declared kind: the kind's shape, colour and icon, the editable label, the
 * problem marker and handles; the extension's registered body (if any) draws the rest inside.
 */
export const KindNode = memo(function KindNode(props: MapNodeProps) {
  const { id, data, selected } = props;
  const { services } = useHost();
  const localize = useLocalize();
  const { readOnly, far, tiny } = useCanvasContext();
  // Far out, TinyCanvas draws the map and this element is not displayed.
  useEventVersion(services.nodeKinds.onDidChange, services.nodeKinds);
  const { record, decoration, remoteColor } = data;
  const kind = services.nodeKinds.get(record.kind);
  // The kind's extension was deactivated while this node was on screen: fall back to the neutral card.
  if (!kind) return <DefaultNode {...props} />;
  const decl = kind.declaration;
  const Body = kind.implementation;
  const shape = decl.shape ?? 'rounded';
  if (tiny) return null;
  if (far) {
    return (
      <FarCard id={id} label={record.label} width={record.width} color={decl.color ?? '#475569'} round={shape === 'pill' || shape === 'ellipse'} selected={!!selected} decoration={decoration} remoteColor={remoteColor} readOnly={readOnly} />
    );
  }
  const style = {
    '--mk-kind-color': decl.color ?? '#475569',
    ...(remoteColor ? { boxShadow: `0 0 0 3px ${remoteColor}` } : {}),
  } as CSSProperties;
  const kindTitle = localize(decl.title);
  return (
    <div
      className={`mk-kind-node shape-${shape} ${selected ? 'is-selected' : ''} ${decoration?.dimmed ? 'is-dimmed' : ''} ${decoration?.compare ? `is-compare-${decoration.compare.kind}` : ''}`}
      style={style}
      data-kind={decl.id}
      aria-roledescription={kindTitle}
    >
      <span className="mk-kind-border" aria-hidden />
      <span className="mk-kind-fill" aria-hidden />
      {!readOnly && <NodeResizer isVisible={selected} minWidth={80} minHeight={40} color="#2563eb" />}
      <NodeHandles hidden={readOnly} nodeId={id} />
      <NodeMarker decoration={decoration} />
      <CardVoteMarks nodeId={id} />
      <div className="mk-kind-content">
        <div className="mk-kind-caption">
          <Icon name={decl.icon} size={14} />
          <span>{kindTitle}</span>
        </div>
        <NodeLabel id={id} label={record.label} />
        {Body && (
          <div className="mk-kind-body">
            <Body node={record} kind={decl} selected={selected} language={services.language.get()} />
          </div>
        )}
      </div>
    </div>
  );
});
