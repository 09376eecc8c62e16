import { afterEach, describe, expect, it } from 'vitest';
import { ExtensionHost } from '../../../client/host/ExtensionHost';
import { createMapApi } from '../../../client/host/services/createMapApi';
import { DisposableStore } from '../../../shared/plugin/Disposable';
import { extension } from '../../../client/extensions/stakeholders';
import { ID } from '../../../client/extensions/stakeholders/ids';
import { setNodeData, snapshotMap, updateNode } from '../../../shared/model/mapDoc';
import { readPrivateFields } from '../../../shared/model/privateDoc';
import { COMMITMENTS, KIND, readCommitments, STAKEHOLDER_COMMANDS } from '../../../shared/stakeholders';
import { applyTemplate, voorbeeldkaartTemplate } from '../../../shared/stakeholders/templates/index';
import { VK } from '../../fixtures/voorbeeldkaart';
import { createTestServices, LOCAL } from '../host/hostTestSession';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((c) => c());
  cleanup = [];
});

async function setup(role: 'edit' | 'view' = 'edit', withVoorbeeldkaart = true) {
  const t = createTestServices(role);
  if (withVoorbeeldkaart) applyTemplate(t.session.doc, voorbeeldkaartTemplate, 'fixture', { keepIds: true });
  const host = new ExtensionHost(t.services);
  const status = await host.activate(extension);
  cleanup.push(() => void host.dispose().then(() => t.services.dispose()));
  return { ...t, host, status };
}

describe('the stakeholder extension on the host', () => {
  it('passes the manifest gate and declares its kinds, relations, views and commands', async () => {
    const { status, services } = await setup();
    expect(status.error).toBeUndefined();
    expect(status.state).toBe('active');
    expect(services.nodeKinds.get(KIND.keyFigure)?.implementation).toBeDefined();
    expect(services.nodeKinds.get(KIND.area)?.declaration.layer).toBe('background');
    expect(services.edgeKinds.get('reaches')?.declaration.style).toMatchObject({ color: '#2f855a', arrow: 'end' });
    for (const id of Object.values(STAKEHOLDER_COMMANDS)) expect(services.commands.hasHandler(id)).toBe(true);
    expect(services.views.get(ID.view.commitments)?.implementation).toBeDefined();
    expect(services.templates.implemented().map((x) => x.id)).toEqual(expect.arrayContaining([ID.template('voorbeeldkaart'), ID.template('krachtenveld')]));
  });

  it('reports the Voorbeeldkaart’s problems through the host, with quick fixes as commands', async () => {
    const { services } = await setup();
    const problems = await services.problems.runNow();
    const over = problems.find((p) => p.code === 'stakeholders/keyfigure.overCapacity');
    expect(over?.nodeIds).toEqual([VK.hatice]);
    expect(over?.message.nl).toMatch(/Hatice Demir .*14 uur per maand/);
    const fix = over!.quickFixes![0];
    await services.commands.executeCommand(fix.command, ...(fix.args ?? []));
    expect(services.layout.get().activePanel).toBe(ID.view.commitments);
  });

  it('adds a commitment for the selected person, and a quick fix sets a field', async () => {
    const { services, session } = await setup();
    session.selection.set([VK.ilse]);
    const id = await services.commands.executeCommand<string>(STAKEHOLDER_COMMANDS.addCommitment);
    const c = readCommitments(snapshotMap(session.doc)).find((x) => x.id === id);
    expect(c).toMatchObject({ who: VK.ilse, status: 'voorgesteld', unit: 'perMonth' });
    await services.commands.executeCommand(STAKEHOLDER_COMMANDS.setNodeField, { nodeId: VK.bibliotheek, field: 'role', value: 'samenwerkingspartner' });
    expect(snapshotMap(session.doc).nodes.find((n) => n.id === VK.bibliotheek)?.data.role).toBe('samenwerkingspartner');
  });

  it('arranges the map in one undo step and leaves pinned nodes where they are', async () => {
    const { services, session } = await setup();
    const pinnedBefore = snapshotMap(session.doc).nodes.find((n) => n.id === VK.hatice)!;
    updateNode(session.doc, VK.hatice, { pinned: true }, LOCAL);
    session.undoManager.clear();
    const before = snapshotMap(session.doc).nodes;
    await services.commands.executeCommand(ID.cmd.layoutAll);
    const after = snapshotMap(session.doc).nodes;
    expect(after.find((n) => n.id === VK.hatice)).toMatchObject({ x: pinnedBefore.x, y: pinnedBefore.y });
    expect(after.some((n, i) => n.x !== before[i].x || n.y !== before[i].y)).toBe(true);
    expect(session.undoManager.undoStack.length).toBe(1);
    session.undo();
    expect(snapshotMap(session.doc).nodes).toEqual(before);
  });

  it('applies a template next to what is there, with references following the new ids', async () => {
    const { services, session } = await setup('edit', false);
    const store = new DisposableStore();
    const map = createMapApi(services.map, { get: () => undefined }, store, 'test');
    await services.templates.get(ID.template('voorbeeldkaart'))!.implementation!.apply(map, { language: 'nl' });
    store.dispose();
    const snap = snapshotMap(session.doc);
    expect(snap.nodes.length).toBe(voorbeeldkaartTemplate.nodes.length);
    const hatice = snap.nodes.find((n) => n.label === 'Hatice Demir')!;
    expect(readCommitments(snap).filter((c) => c.who === hatice.id)).toHaveLength(2);
    expect(snap.collections[COMMITMENTS]).toHaveLength(voorbeeldkaartTemplate.records[COMMITMENTS].length);
  });

  it('moves a phone number typed into a contact person into the protected field, leaving the name', async () => {
    const { services, session } = await setup();
    setNodeData(session.doc, VK.huisarts, { contactPerson: 'POH mw. Jansen, 06-98765432' }, LOCAL);
    const problem = (await services.problems.runNow()).find((p) => p.code === 'stakeholders/privacy.contactInPublicField');
    expect(problem?.nodeIds).toEqual([VK.huisarts]);
    const fix = problem!.quickFixes![0];
    await services.commands.executeCommand(fix.command, ...(fix.args ?? []));
    expect(snapshotMap(session.doc).nodes.find((n) => n.id === VK.huisarts)?.data.contactPerson).toBe('POH mw. Jansen');
    expect(readPrivateFields(session.privateDoc!, VK.huisarts).phone).toBe('06-98765432');
    expect((await services.problems.runNow()).some((p) => p.code === 'stakeholders/privacy.contactInPublicField')).toBe(false);
  });

  it('leaves no trace when deactivated', async () => {
    const { host, services } = await setup();
    await host.deactivate('stakeholders');
    expect(services.nodeKinds.get(KIND.keyFigure)).toBeUndefined();
    expect(services.commands.hasHandler(STAKEHOLDER_COMMANDS.addCommitment)).toBe(false);
    expect(services.problems.getProblems().filter((p) => p.extensionId === 'stakeholders')).toEqual([]);
  });
});
