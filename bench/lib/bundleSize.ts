import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** Static imports of an ES module chunk (`import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w*${}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  return out;
}

function resolveAsset(distDir: string, fromFile: string, spec: string): string {
  if (spec.startsWith('/')) return join(distDir, spec);
  return join(fromFile, '..', spec);
}

/** The JavaScript a browser must fetch before the app runs: index.html's scripts and preloads and their static imports. */
export function initialJs(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) entries.add(join(distDir, m[1]));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) entries.add(join(distDir, m[1]));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === undefined || seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) queue.push(resolveAsset(distDir, file, spec));
  }
  return sizeOf(distDir, [...seen]);
}

/** Raw and gzipped (level 9, as a static host would precompress) sizes of the given files. */
export function sizeOf(distDir: string, absFiles: string[]): BundleSize {
  const files = absFiles
    .filter((f) => existsSync(f))
    .map((f) => {
      const buf = readFileSync(f);
      return { file: f.slice(distDir.length + 1), bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files,
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
  };
}
