import type { WalTicket } from './WriteAheadLog.js';

/** What the store asks LevelDB for, in queue order. */
export type JobSpec =
  | { kind: 'append'; name: string; updates: Uint8Array[] }
  /** Records already in the write-ahead log, with their keys; written to LevelDB in the background. */
  | { kind: 'logged'; puts: { key: string; value: Uint8Array }[]; counts: Map<string, number>; ticket: WalTicket }
  /** Waits for everything queued before it: reads that must see every acknowledged append. */
  | { kind: 'barrier' }
  | { kind: 'putMeta'; key: string; bytes: Uint8Array }
  | { kind: 'deleteMeta'; key: string }
  | { kind: 'compact'; name: string; state: Uint8Array; upToSeq: number }
  | { kind: 'delete'; name: string };

export type Job = JobSpec & { resolve: () => void; reject: (error: unknown) => void };

export type BatchOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

/** A group's LevelDB batch and the in-memory bookkeeping to apply once it is written. */
export interface PlannedBatch {
  ops: BatchOp[];
  after: () => void;
}

/** Compaction and deletion read the keys they remove, so they run alone; everything else is merged. */
export const isExclusive = (job: Job): boolean => job.kind === 'compact' || job.kind === 'delete';

/** Rough bytes a job adds to a batch, to keep one batch bounded. */
export function jobBytes(job: Job): number {
  if (job.kind === 'append') return job.updates.reduce((sum, u) => sum + u.length + 64, 0);
  if (job.kind === 'logged') return job.puts.reduce((sum, p) => sum + p.value.length + 64, 0);
  if (job.kind === 'putMeta') return job.bytes.length + 64;
  return 64;
}
