import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import { useCanvasContext } from './CanvasContext';

const SIDES = [
  { id: 't', pos: Position.Top },
  { id: 'r', pos: Position.Right },
  { id: 'b', pos: Position.Bottom },
  { id: 'l', pos: Position.Left },
] as const;

/**
 * One handle per side; the canvas connects in loose mode, so any handle can start or end a link.
 *
 * Zoomed out (`far`), and for viewers (`hidden`), the handles are plain elements with React Flow's classes and data
 * attributes instead of `<Handle>`s: React Flow still measures them (edges attach to them by id, so without them a
 * viewer would see no relation lines at all), but they carry no store subscription each (8,000 of them re-ran on
 * every frame of a drag), paint nothing and cannot start a connection.
 */
export const NodeHandles = memo(function NodeHandles({ hidden, nodeId }: { hidden: boolean; nodeId?: string }) {
  const { far, flowId } = useCanvasContext();
  if ((far || hidden) && nodeId !== undefined) {
    const connectable = hidden ? '' : ' connectable connectableend';
    return (
      <>
        {SIDES.map((s) => (
          <div
            key={s.id}
            className={`react-flow__handle react-flow__handle-${s.pos} source${connectable} mk-static-handle${hidden ? ' mk-readonly-handle' : ''}`}
            data-handleid={s.id}
            data-nodeid={nodeId}
            data-handlepos={s.pos}
            data-id={`${flowId}-${nodeId}-${s.id}-source`}
          />
        ))}
      </>
    );
  }
  if (hidden) return null;
  return (
    <>
      {SIDES.map((s) => (
        <Handle key={s.id} type="source" position={s.pos} id={s.id} />
      ))}
    </>
  );
});
