import { z } from 'zod';

/**
 * What the server keeps about one version besides its state (`<room>.version.<id>`, a document of its own in the
 * same store as the map, so backups carry it): a meta record `version:<room>:<id>`.
 */
export const VERSION_REASONS = ['named', 'leave', 'daily', 'restore', 'import', 'template'] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

/** The name an automatic version is stored under (Dutch first, like the UI; the UI names them by reason anyway). */
export const AUTOMATIC_VERSION_NAMES: Record<Exclude<VersionReason, 'named'>, string> = {
  leave: 'Automatisch, na de werksessie',
  daily: 'Automatisch, dagelijks',
  restore: 'Automatisch, voor het terugzetten',
  template: 'Automatisch, voor het toepassen van een sjabloon',
  import: 'Automatisch, voor een import',
};

export const versionMetaSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  name: z.string(),
  note: z.string(),
  createdAt: z.number(),
  automatic: z.boolean(),
  reason: z.enum(VERSION_REASONS),
  /** Who saved it (the name a person gave, '' when unknown or automatic). */
  createdBy: z.string(),
  counts: z.object({ cards: z.number(), relations: z.number(), commitments: z.number() }),
  /** Bytes of the stored state. */
  bytes: z.number(),
});
export type VersionMeta = z.infer<typeof versionMetaSchema>;

export const VERSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const VERSION_DOC_SEPARATOR = '.version.';

/** The document a version's state is stored as: never a valid room name, so no socket can ever open it. */
export function versionDocName(room: string, id: string): string {
  return `${room}${VERSION_DOC_SEPARATOR}${id}`;
}

export function versionMetaPrefix(room: string): string {
  return `version:${room}:`;
}

export function versionMetaKey(room: string, id: string): string {
  return `${versionMetaPrefix(room)}${id}`;
}
