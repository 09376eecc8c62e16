import type { z } from 'zod/mini';
import type { ResolvedManifest } from './manifest';
import { manifestSchema } from './manifestSchema';

/** Stable codes for what can be wrong with a manifest; shown in logs and in the host's error notice. */
export type ManifestErrorCode =
  | 'manifest/not-an-object'
  | 'manifest/invalid-type'
  | 'manifest/unknown-key'
  | 'manifest/invalid-format'
  | 'manifest/invalid-value'
  | 'manifest/out-of-range'
  | 'manifest/duplicate-id'
  | 'manifest/invalid-when'
  | 'manifest/invalid-key'
  | 'manifest/invalid-default'
  | 'manifest/invalid';

export interface ManifestError {
  code: ManifestErrorCode;
  /** The extension the manifest claims to be, or `"(unknown)"` when even its id is unreadable. */
  extensionId: string;
  /** Where in the manifest: `contributes.commands.2.when`. */
  path: string;
  message: string;
}

export type ManifestResult = { ok: true; manifest: ResolvedManifest } | { ok: false; extensionId: string; errors: ManifestError[] };

const CUSTOM_CODES = new Set<string>(['manifest/duplicate-id', 'manifest/invalid-when', 'manifest/invalid-key', 'manifest/invalid-default']);

function codeOf(issue: z.core.$ZodIssue): ManifestErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return 'manifest/invalid-type';
    case 'unrecognized_keys':
      return 'manifest/unknown-key';
    case 'invalid_format':
      return 'manifest/invalid-format';
    case 'invalid_value':
    case 'invalid_union':
      return 'manifest/invalid-value';
    case 'too_small':
    case 'too_big':
      return 'manifest/out-of-range';
    case 'custom': {
      const code: unknown = issue.params?.code;
      return typeof code === 'string' && CUSTOM_CODES.has(code) ? (code as ManifestErrorCode) : 'manifest/invalid';
    }
    default:
      return 'manifest/invalid';
  }
}

function claimedId(input: unknown): string {
  if (typeof input === 'object' && input !== null && 'id' in input && typeof input.id === 'string' && input.id !== '') return input.id;
  return '(unknown)';
}

/**
 * The one gate for extension manifests: checks every field, fills empty contribution lists and returns the
 * manifest, or every problem found with a stable code, its path and the extension's id.
 */
export function parseManifest(input: unknown): ManifestResult {
  const extensionId = claimedId(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, extensionId, errors: [{ code: 'manifest/not-an-object', extensionId, path: '', message: 'a manifest must be an object' }] };
  }
  const result = manifestSchema.safeParse(input);
  if (result.success) return { ok: true, manifest: result.data };
  const errors = result.error.issues.map(
    (issue): ManifestError => ({ code: codeOf(issue), extensionId, path: issue.path.map(String).join('.'), message: issue.message }),
  );
  return { ok: false, extensionId, errors };
}

/** One line per error, for logs and the error notice: `[manifest/invalid-when] x.y: contributes.commands.0.when: …`. */
export function formatManifestErrors(errors: ManifestError[]): string {
  return errors.map((e) => `[${e.code}] ${e.extensionId}: ${e.path || '(root)'}: ${e.message}`).join('\n');
}
