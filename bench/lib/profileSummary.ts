import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';

/** The parts of a V8 .cpuprofile (node --cpu-prof, or CDP Profiler.stop) this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  fn: string;
  where: string;
  selfMs: number;
  selfShare: number;
  totalMs: number;
}

/**
 * Self and inclusive time per function (by name and source location), heaviest first. Minified browser code is
 * mapped back through its .map file when one lies next to the script, so names read as in the source.
 */
export function summarizeProfile(profile: CpuProfile, top = 25, mapUrl?: (url: string) => string | undefined): { totalMs: number; bySelf: ProfileLine[]; byTotal: ProfileLine[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumerFor = (url: string): SourceMapConsumer | null => {
    if (consumers.has(url)) return consumers.get(url) ?? null;
    let consumer: SourceMapConsumer | null = null;
    const file = mapUrl?.(url);
    if (file && existsSync(file)) consumer = new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8')));
    consumers.set(url, consumer);
    return consumer;
  };
  const keyOf = (id: number): { key: string; fn: string; where: string } => {
    const cf = byId.get(id)?.callFrame;
    if (!cf) return { key: '?', fn: '?', where: '' };
    let fn = cf.functionName || '(anonymous)';
    let where = cf.url ? `${shortUrl(cf.url)}:${cf.lineNumber + 1}` : '';
    const consumer = cf.url ? consumerFor(cf.url) : null;
    if (consumer) {
      const pos = consumer.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
      if (pos.source) {
        where = `${shortUrl(pos.source)}:${pos.line}`;
        if (pos.name && fn.length <= 2) fn = pos.name;
      }
    }
    return { key: `${fn} ${where}`, fn, where };
  };
  const self = new Map<string, { fn: string; where: string; us: number }>();
  const total = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const k = keyOf(id);
    const s = self.get(k.key) ?? { fn: k.fn, where: k.where, us: 0 };
    s.us += us;
    self.set(k.key, s);
    // Inclusive time: every distinct function on the stack of this sample gets its time once.
    const onStack = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = keyOf(cur);
      if (onStack.has(kk.key)) continue;
      onStack.add(kk.key);
      const t = total.get(kk.key) ?? { fn: kk.fn, where: kk.where, us: 0 };
      t.us += us;
      total.set(kk.key, t);
    }
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const line = (x: { fn: string; where: string; us: number }): ProfileLine => ({
    fn: x.fn,
    where: x.where,
    selfMs: Math.round(((self.get(`${x.fn} ${x.where}`)?.us ?? 0) / 1000) * 10) / 10,
    selfShare: Math.round(((self.get(`${x.fn} ${x.where}`)?.us ?? 0) / totalUs) * 1000) / 10,
    totalMs: Math.round(((total.get(`${x.fn} ${x.where}`)?.us ?? 0) / 1000) * 10) / 10,
  });
  const ignore = (x: { fn: string }) => x.fn !== '(root)' && x.fn !== '(program)' && x.fn !== '(idle)';
  return {
    totalMs: Math.round(totalUs / 1000),
    bySelf: [...self.values()].sort((a, b) => b.us - a.us).slice(0, top).map(line),
    byTotal: [...total.values()].filter(ignore).sort((a, b) => b.us - a.us).slice(0, top).map(line),
  };
}

function shortUrl(url: string): string {
  let u = url;
  if (u.startsWith('file://')) u = fileURLToPath(u);
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  const m = /\/work\/[^/]+\/(.*)$/.exec(u) ?? /^https?:\/\/[^/]+\/(.*)$/.exec(u);
  return (m ? m[1] : u).replace(/^(\.\.\/)+/, '');
}
