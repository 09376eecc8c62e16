import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putRecord } from '../../../shared/model/mapDoc';
import { writeTimer } from '../../../shared/participation/participationState';
import { VOTES_COLLECTION } from '../../../shared/participation/votes';
import { ParticipationService } from '../../../client/host/participation/ParticipationService';
import { createTestSession } from './hostTestSession';

describe('the participation service', () => {
  it('follows votes and the timer the server writes into the map, without creating anything in the map itself', () => {
    const session = createTestSession('view');
    // Another part of the page reads the votes as a map first (as the map service does), replacing the plain root
    // type the remote update created before the participation service sees the transaction.
    session.doc.on('afterTransaction', () => session.doc.getMap('c:votes'));
    const service = new ParticipationService(session, { suggestionFor: () => undefined, isBackground: () => false }, () => {});
    let fired = 0;
    service.onDidChange(() => fired++);
    const server = new Y.Doc();
    putRecord(server, VOTES_COLLECTION, { question: 'Welke eerst?', cards: ['a', 'b'], status: 'open', dots: 3, startedAt: 1 }, 'v1');
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(server));
    expect(service.get().votes.map((v) => v.question)).toEqual(['Welke eerst?']);
    expect(fired).toBeGreaterThan(0);
    putRecord(server, VOTES_COLLECTION, { voters: 2 }, 'v1');
    writeTimer(server, { status: 'running', endsAt: 10_000, durationMs: 5000, startedAt: 5000 });
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(server));
    expect(service.get().votes[0].voters).toBe(2);
    expect(service.get().timer).toMatchObject({ status: 'running', endsAt: 10_000 });
    service.dispose();
  });
});

describe('the participation API for extensions', () => {
  it('lets an extension read votes as the server writes them, and keeps a view link from starting one', async () => {
    const { ExtensionHost } = await import('../../../client/host/ExtensionHost');
    const { createTestServices } = await import('./hostTestSession');
    const { services, session } = createTestServices('view');
    const host = new ExtensionHost(services);
    let api: import('../../../client/host/api').MantelkaartApi | undefined;
    let changes = 0;
    await host.activate({
      manifest: { id: 'voter', name: { nl: 'Stemmer', en: 'Voter' }, version: '1.0.0' },
      activate: (ctx, a) => {
        api = a;
        ctx.subscriptions.push(a.participation.onDidChange(() => changes++));
      },
    });
    const server = new Y.Doc();
    putRecord(server, VOTES_COLLECTION, { question: 'Welke plek?', cards: ['a', 'b'], status: 'ended', revealed: true, counts: [1, 4], startedAt: 1 }, 'v1');
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(server));
    expect(api!.participation.getVotes().map((v) => [v.question, v.counts])).toEqual([['Welke plek?', [1, 4]]]);
    expect(changes).toBeGreaterThan(0);
    expect(() => api!.participation.startVote({ question: 'x', cards: ['a', 'b'], dots: 3, stack: false, live: false })).toThrow(/map\/read-only|only an edit/);
    // Deactivated, the extension hears nothing more.
    await host.deactivate('voter');
    const before = changes;
    putRecord(server, VOTES_COLLECTION, { voters: 9 }, 'v1');
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(server));
    expect(changes).toBe(before);
    services.dispose();
  });
});
