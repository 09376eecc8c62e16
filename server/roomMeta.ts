import { z } from 'zod';
import type { DocStore } from './storage/DocStore';
import type { Role } from '../shared/protocol/roles';

/**
 * What the server keeps about a map outside its documents: when it was created and the current generation of
 * each link. A map exists exactly when this record exists (it is written last when a map is created).
 */
const roomMetaSchema = z.object({
  v: z.literal(1),
  createdAt: z.number(),
  generations: z.object({ owner: z.number().int().min(1), edit: z.number().int().min(1), view: z.number().int().min(1) }),
});

export type RoomMeta = z.infer<typeof roomMetaSchema>;

export function roomMetaKey(room: string): string {
  return `room:${room}`;
}

export function newRoomMeta(now = Date.now()): RoomMeta {
  return { v: 1, createdAt: now, generations: { owner: 1, edit: 1, view: 1 } };
}

/** The stored record, or undefined for an unknown map; a damaged record counts as unknown rather than crashing. */
export async function readRoomMeta(store: DocStore, room: string): Promise<RoomMeta | undefined> {
  const raw = await store.getMeta<unknown>(roomMetaKey(room));
  if (raw === undefined) return undefined;
  const parsed = roomMetaSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function writeRoomMeta(store: DocStore, room: string, meta: RoomMeta): Promise<void> {
  return store.putMeta(roomMetaKey(room), meta);
}

export function generationOf(meta: RoomMeta, role: Role): number {
  return meta.generations[role];
}
