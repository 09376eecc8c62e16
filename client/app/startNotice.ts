import type { MessageKey, MessageParams } from '../i18n/i18n';

/** A message for the start page to show once after a navigation (kept as a key, so it follows the language). */
export interface StartNotice {
  key: MessageKey;
  params?: MessageParams;
}

let pending: StartNotice | null = null;

/** Leaves a message for the next start page. */
export function setStartNotice(notice: StartNotice): void {
  pending = notice;
}

/** The message waiting for the start page, if any; it stays until `clearStartNotice`. */
export function peekStartNotice(): StartNotice | null {
  return pending;
}

export function clearStartNotice(): void {
  pending = null;
}
