import { Handle, Position } from '@xyflow/react';

/** One handle per side; the canvas connects in loose mode, so any handle can start or end a link. */
export function NodeHandles({ hidden }: { hidden: boolean }) {
  if (hidden) return null;
  return (
    <>
      <Handle type="source" position={Position.Top} id="t" />
      <Handle type="source" position={Position.Right} id="r" />
      <Handle type="source" position={Position.Bottom} id="b" />
      <Handle type="source" position={Position.Left} id="l" />
    </>
  );
}
