/**
 * One log line per event: a stable code first, then key=value fields, so lines can be grepped and counted.
 * Callers never pass tokens; values are flattened to one line so a crafted room name cannot forge a line.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

function clean(value: string | number | boolean): string {
  const s = String(value).replace(/[\s\u0000-\u001f\u007f]+/g, '_');
  return s.length > 200 ? s.slice(0, 200) + '…' : s;
}

export function formatLogLine(code: string, fields: LogFields = {}): string {
  let line = code;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) line += ` ${k}=${clean(v)}`;
  return line;
}

export function log(code: string, fields: LogFields = {}): void {
  process.stdout.write(formatLogLine(code, fields) + '\n');
}

export function logError(code: string, fields: LogFields = {}): void {
  process.stderr.write(formatLogLine(code, fields) + '\n');
}

/** A short description of an unknown thrown value for a log field. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
