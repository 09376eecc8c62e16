import type { MessageKey, MessageParams } from '../i18n/i18n';

/** "zojuist", "5 min geleden", … as a message key and its parameters, so it follows the language. */
export function relativeTime(then: number, now: number): [MessageKey, MessageParams?] {
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 1) return ['time.justNow'];
  if (minutes < 60) return ['time.minutes', { n: minutes }];
  const hours = Math.round(minutes / 60);
  if (hours < 24) return ['time.hours', { n: hours }];
  const days = Math.round(hours / 24);
  return days === 1 ? ['time.dayOne'] : ['time.days', { n: days }];
}
