// Checks proposed client fixes without touching client/: the same map, pan and drag, with CSS injected into the
// page after it is drawn. Run by hand (`npx tsx bench/experimentClientCss.ts`); it writes nothing but bench/tmp.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientBench } from './lib/clientBench';
import { takeSnapshot } from './lib/snapshot';
import { benchTmp } from './lib/servers';

const variants: Record<string, string | undefined> = {
  baseline: undefined,
  'viewport layer': '.react-flow__viewport { will-change: transform; }',
  'no node shadow': '.mk-node, .mk-node.is-selected { box-shadow: none !important; }',
  'no edge hit area': '.react-flow__edge-interaction { display: none; }',
  'no handles': '.react-flow__handle { display: none; }',
  all: '.react-flow__viewport { will-change: transform; } .mk-node, .mk-node.is-selected { box-shadow: none !important; } .react-flow__edge-interaction { display: none; } .react-flow__handle { display: none; }',
};

await takeSnapshot();
const out: Record<string, unknown> = {};
const chosen = process.env.VARIANTS?.split(',') ?? Object.keys(variants);
for (const [name, css] of Object.entries(variants).filter(([n]) => chosen.includes(n))) {
  const r = await clientBench({ nodes: 2000, edges: 3000, gestureMs: 3000, selectCount: 50, profile: false, injectCss: css });
  out[name] = { pan: r.pan, drag: r.drag };
  console.log(`${name}: pan p50/p95 ${r.pan.p50Ms.toFixed(1)}/${r.pan.p95Ms.toFixed(1)} ms (${r.pan.frames} frames), drag p50/p95 ${r.drag.p50Ms.toFixed(1)}/${r.drag.p95Ms.toFixed(1)} ms (${r.drag.frames} frames)`);
}
writeFileSync(join(benchTmp, 'experiments.json'), JSON.stringify(out, null, 2));
