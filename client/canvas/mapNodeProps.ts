import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from './flowMirror';

/** What a node component receives: React Flow's props; `data.record` is the node as stored in the doc. */
export type MapNodeProps = NodeProps<FlowNode>;
