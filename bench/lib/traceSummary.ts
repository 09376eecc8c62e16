/** Where a Chrome performance trace spent its time: complete events by name, per thread, heaviest first. */
export interface TraceLine {
  thread: string;
  name: string;
  ms: number;
  count: number;
}

interface TraceEvent {
  name?: string;
  ph?: string;
  dur?: number;
  pid?: number;
  tid?: number;
  args?: { name?: string };
}

/** Names of the rendering steps reported; nested events (a Layout inside a FunctionCall) are counted apart. */
const STEPS = new Set([
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'v8.run',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'RasterTask',
  'DrawFrame',
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'HitTest',
  'ScheduleStyleRecalculation',
  'IntersectionObserverController::computeIntersections',
  'ThreadControllerImpl::RunTask',
]);

export function summarizeTrace(json: string, top = 30): TraceLine[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const sums = new Map<string, TraceLine>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.name || !STEPS.has(e.name) || typeof e.dur !== 'number') continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    const key = `${thread} ${e.name}`;
    const line = sums.get(key) ?? { thread, name: e.name, ms: 0, count: 0 };
    line.ms += e.dur / 1000;
    line.count++;
    sums.set(key, line);
  }
  return [...sums.values()]
    .map((l) => ({ ...l, ms: Math.round(l.ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
