/** Reading command arguments: they come from quick fixes, menus and other extensions, so check every field. */
export function objectArg(arg: unknown): Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? (arg as Record<string, unknown>) : {};
}

export function stringField(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v ? v : undefined;
}

export function stringList(o: Record<string, unknown>, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function positionField(o: Record<string, unknown>): { x: number; y: number } | undefined {
  const p = objectArg(o.position);
  return typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : undefined;
}

export function nodeIdsField(o: Record<string, unknown>): string[] | undefined {
  const ids = stringList(o, 'nodeIds');
  return ids.length ? ids : undefined;
}
