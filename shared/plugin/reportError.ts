// Typed locally: shared/ is checked without DOM or Node types, yet both provide a console.
interface Console {
  error(...args: unknown[]): void;
}
const console = (globalThis as unknown as { console?: Console }).console;

/** Logs an error that must not stop the caller (a throwing listener, a failing dispose), with a stable code. */
export function reportError(code: string, err: unknown): void {
  console?.error(`[${code}]`, err);
}
