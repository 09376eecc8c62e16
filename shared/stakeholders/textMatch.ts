/**
 * Tolerant matching of what people type against known words: case, accents, spaces and punctuation don't count,
 * so "E-mail", "email" and "E mail" are one header and "Religieuze Huizen" is the category.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The candidate a typed value most likely meant, or null when none is close: a shared start of at least
 * five letters ("samenwerker" → "samenwerkingspartner", "Religieus" → "Religieuze huizen") or a small typo.
 */
export function closestMatch(value: string, candidates: readonly string[]): string | null {
  const v = normalizeText(value);
  if (!v) return null;
  let best: { candidate: string; score: number } | null = null;
  for (const candidate of candidates) {
    const c = normalizeText(candidate);
    const prefix = commonPrefix(v, c);
    const distance = editDistance(v, c);
    const byPrefix = prefix >= Math.min(5, c.length) ? prefix / Math.max(v.length, 1) : 0;
    const byTypo = distance <= Math.max(1, Math.floor(c.length / 4)) ? 1 - distance / Math.max(c.length, 1) : 0;
    const score = Math.max(byPrefix, byTypo);
    if (score > 0 && (!best || score > best.score)) best = { candidate, score };
  }
  return best?.candidate ?? null;
}
