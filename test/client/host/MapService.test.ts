import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode } from '../../../shared/model/mapDoc';
import { setPrivateFields } from '../../../shared/model/privateDoc';
import type { MapChangeEvent } from '../../../client/host/api';
import { MapService } from '../../../client/host/services/MapService';
import { createTestSession } from './hostTestSession';

describe('map change events', () => {
  it('report a colleague’s change of a private field as a change of that node, so an open inspector refreshes', () => {
    const session = createTestSession('edit');
    const service = new MapService(session);
    const id = createNode(session.doc, { kind: 'keyFigure', label: 'Hatice Demir' });
    const events: MapChangeEvent[] = [];
    service.onDidChangeMap((e) => events.push(e));

    // A remote update to the private document, as the provider applies it.
    const remote = new Y.Doc();
    setPrivateFields(remote, id, { phone: '06-55501234' });
    Y.applyUpdate(session.privateDoc!, Y.encodeStateAsUpdate(remote), 'remote');

    expect(events).toEqual([{ nodes: [id], edges: [], collections: [], texts: [], meta: false, local: false }]);
    service.dispose();
    setPrivateFields(session.privateDoc!, id, { phone: '06-1' });
    expect(events).toHaveLength(1);
  });
});
