/** Stable codes for storage failures; logs carry the code, people see the message. */
export type StoreErrorCode =
  | 'STORE_CLOSED'
  | 'STORE_LOCKED'
  | 'STORE_OPEN_FAILED'
  | 'STORE_COMPACT_STALE'
  | 'STORE_DOC_DELETED'
  | 'STORE_META_NOT_JSON'
  | 'STORE_BACKUP_INVALID'
  | 'STORE_WAL_WRITE_FAILED'
  | 'STORE_WAL_BROKEN'
  | 'STORE_WAL_TRUNCATE_FAILED'
  | 'STORE_WAL_ROTATE_FAILED'
  | 'STORE_BACKGROUND_WRITE_FAILED';

/** A storage failure with a stable code, so the server can log and react without parsing messages. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
