import type { FieldValue } from './schema';

/** Narrows an unknown value read from the document to a FieldValue, or undefined when it is not one. */
export function toFieldValue(value: unknown): FieldValue | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'object':
      if (Array.isArray(value)) {
        if (value.every((v) => typeof v === 'string')) return value as string[];
        if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
      }
      return undefined;
    default:
      return undefined;
  }
}

export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
