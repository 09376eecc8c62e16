/** Stable codes for errors the host raises; logs carry the code, people see the Dutch or English message. */
export type HostErrorCode =
  | 'host/duplicate-registration'
  | 'host/undeclared-contribution'
  | 'host/command-not-found'
  | 'host/command-failed'
  | 'host/manifest-invalid'
  | 'host/activation-failed'
  | 'host/deactivation-failed'
  | 'host/extension-duplicate'
  | 'host/diagnostics-failed'
  | 'host/export-failed'
  | 'map/read-only'
  | 'map/private-unavailable';

/** An error with a stable code and the extension it concerns, when there is one. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    /** The message without code and extension id. */
    readonly detail: string,
    readonly extensionId?: string,
  ) {
    super(`[${code}]${extensionId ? ` ${extensionId}:` : ''} ${detail}`);
    this.name = 'HostError';
  }
}
