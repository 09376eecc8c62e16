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
    const service = new ParticipationService(session, () => undefined, () => {});
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
