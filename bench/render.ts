// Re-renders BENCHMARKS.md from bench/results.json (after a change to the report, without re-running).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/servers';
import { renderMarkdown, type BenchResults } from './report';

const file = process.argv[2] ?? join(repoRoot, 'bench/results.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
const md = renderMarkdown(results);
writeFileSync(process.argv[3] ?? join(repoRoot, 'BENCHMARKS.md'), md);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(md);
