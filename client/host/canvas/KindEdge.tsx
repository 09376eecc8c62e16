import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { FlowEdge } from '../../canvas/flowMirror';
import { useEventVersion, useHost, useLocalize } from '../ui/HostContext';

const DASH = { solid: undefined, dashed: '8 6', dotted: '2 5' } as const;

/**
 * How the host draws an edge: in its declared kind's colour, dash, width and arrows, labelled with the kind's
 * title (or the edge's own label). Edges of unknown kinds (a deactivated extension) get a neutral grey line.
 */
export const KindEdge = memo(function KindEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const { services } = useHost();
  const localize = useLocalize();
  useEventVersion(services.edgeKinds.onDidChange, services.edgeKinds);
  const record = data?.record;
  const kind = record ? services.edgeKinds.get(record.kind)?.declaration : undefined;
  const style = kind?.style ?? {};
  const color = data?.remoteColor ?? style.color ?? '#64748b';
  const width = (style.width ?? 2) + (selected ? 1.5 : 0);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const arrow = style.arrow ?? 'none';
  const markerId = `mk-arrow-${id}`;
  const label = record?.label || (kind ? localize(kind.title) : '');
  return (
    <>
      {arrow !== 'none' && (
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="strokeWidth">
            <path d="M0,0 L10,5 L0,10 z" fill={color} />
          </marker>
        </defs>
      )}
      {selected && <path d={path} fill="none" stroke="var(--accent, #1d4ed8)" strokeOpacity={0.35} strokeWidth={width + 6} />}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={arrow !== 'none' ? `url(#${markerId})` : undefined}
        markerStart={arrow === 'both' ? `url(#${markerId})` : undefined}
        style={{ stroke: color, strokeWidth: width, strokeDasharray: DASH[style.dash ?? 'solid'] }}
      />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`mk-edge-label nodrag nopan ${selected ? 'is-selected' : ''}`}
            data-edge-kind={record?.kind}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, color, borderColor: color }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
