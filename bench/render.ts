// Re-renders BENCHMARKS.md from bench/results.json (after a change to the report, without re-running).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/servers';
import { renderMarkdown, summarize, type BenchResults } from './report';
import type { RelayRunResult } from './lib/relayRun';

const file = process.argv[2] ?? join(repoRoot, 'bench/results.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
// Summaries are recomputed, so a report change that adds a column also works on results written before it.
results.relay.summary = summarize(results.relay.runs);
// Results before the many-rooms part was repeated held a plain list of runs.
const rooms = results.manyRooms as BenchResults['manyRooms'] | RelayRunResult[];
const roomRuns = Array.isArray(rooms) ? rooms : rooms.runs;
results.manyRooms = { runs: roomRuns, summary: summarize(roomRuns) };
const md = renderMarkdown(results);
writeFileSync(process.argv[3] ?? join(repoRoot, 'BENCHMARKS.md'), md);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(md);
