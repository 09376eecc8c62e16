/** Room names as the server accepts them; a map's private companion document adds PRIVATE_SUFFIX. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const PRIVATE_SUFFIX = '.private';

export function isValidRoomName(name: string): boolean {
  return ROOM_NAME_PATTERN.test(name);
}

/** The document that holds a map's private fields; only edit and owner links may open it. */
export function privateRoomOf(room: string): string {
  return room + PRIVATE_SUFFIX;
}

/** Splits `<room>` or `<room>.private` into the map's room and which document is meant; null when invalid. */
export function parseDocName(name: string): { room: string; isPrivate: boolean } | null {
  const isPrivate = name.endsWith(PRIVATE_SUFFIX);
  const room = isPrivate ? name.slice(0, -PRIVATE_SUFFIX.length) : name;
  return isValidRoomName(room) ? { room, isPrivate } : null;
}
