import { describe, expect, it } from 'vitest';
import { createNode } from '../../../shared/model/mapDoc';
import { createHostServices } from '../../../client/host/HostServices';
import { createTestSession } from './hostTestSession';

function manualScheduler() {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    schedule: (fn: () => void, ms: number) => {
      const entry = { fn, ms, cancelled: false };
      pending.push(entry);
      return () => (entry.cancelled = true);
    },
    flush: () => pending.splice(0).filter((p) => !p.cancelled).forEach((p) => p.fn()),
    live: () => pending.filter((p) => !p.cancelled),
  };
}

describe('problems', () => {
  it('providers rerun once, debounced, after a burst of edits', async () => {
    const session = createTestSession();
    const clock = manualScheduler();
    const language = { get: () => 'nl' as const, subscribe: () => () => {} };
    const services = createHostServices({ session, language, scheduler: clock.schedule });
    let runs = 0;
    services.diagnosticProviders.declare('ext', { id: 'ext.count', title: { nl: 'x', en: 'x' } });
    services.diagnosticProviders.implement('ext.count', {
      provideDiagnostics: (map) => {
        runs++;
        return map.nodes.length > 2 ? [{ severity: 'error', message: { nl: 'Te veel', en: 'Too many' }, nodeIds: map.nodes.map((n) => n.id) }] : [];
      },
    });
    clock.flush();
    await Promise.resolve();
    runs = 0;
    for (let i = 0; i < 3; i++) createNode(session.doc, { label: `n${i}` }, session.origin);
    expect(runs).toBe(0);
    expect(clock.live()).toHaveLength(1);
    expect(clock.live()[0].ms).toBe(300);
    clock.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(1);
    expect(services.problems.counts()).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('a provider that throws contributes nothing and does not stop the others', async () => {
    const session = createTestSession();
    const services = createHostServices({ session, language: { get: () => 'en', subscribe: () => () => {} }, scheduler: () => () => {} });
    services.diagnosticProviders.declare('a', { id: 'a.bad', title: { nl: 'x', en: 'x' } });
    services.diagnosticProviders.declare('b', { id: 'b.good', title: { nl: 'x', en: 'x' } });
    services.diagnosticProviders.implement('a.bad', {
      provideDiagnostics: () => {
        throw new Error('bug');
      },
    });
    services.diagnosticProviders.implement('b.good', { provideDiagnostics: () => [{ severity: 'info', message: { nl: 'i', en: 'i' } }] });
    expect((await services.problems.runNow()).map((p) => p.providerId)).toEqual(['b.good']);
  });
});
