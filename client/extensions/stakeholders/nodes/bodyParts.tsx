import type { ReactNode } from 'react';

/** One short line under the label: facts separated by middots, cut off rather than wrapped. */
export function Facts({ items }: { items: (string | null | undefined | false)[] }) {
  const shown = items.filter((x): x is string => typeof x === 'string' && x.length > 0);
  if (shown.length === 0) return null;
  return <div className="sh-facts sh-body">{shown.join(' · ')}</div>;
}

export function Chips({ children }: { children: ReactNode }) {
  return <div className="sh-chips">{children}</div>;
}

export function optionLabel(options: { value: string; label: { nl: string; en: string } }[] | undefined, value: string | null, language: 'nl' | 'en'): string | null {
  if (!value) return null;
  return options?.find((o) => o.value === value)?.label[language] ?? value;
}
