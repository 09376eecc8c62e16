import { afterEach, describe, expect, it } from 'vitest';
import { ExtensionHost } from '../../../client/host/ExtensionHost';
import type { ExtensionModule } from '../../../client/host/api';
import { testExtension } from '../../fixtures/test-extension';
import { createTestServices } from './hostTestSession';

const valid = (id: string, activate: ExtensionModule['activate'] = () => {}): ExtensionModule => ({
  manifest: {
    id,
    name: { nl: id, en: id },
    version: '1.0.0',
    contributes: { commands: [{ id: `${id}.hello`, title: { nl: 'Hallo', en: 'Hello' } }] },
  },
  activate,
});

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((c) => c());
  cleanup = [];
});

function setup(role: 'edit' | 'view' = 'edit') {
  const t = createTestServices(role);
  const host = new ExtensionHost(t.services);
  cleanup.push(() => t.services.dispose());
  return { ...t, host };
}

describe('the extension host', () => {
  it('loads an extension’s editing part only for links that may edit, with the same context, and removes it on deactivate', async () => {
    for (const role of ['edit', 'view'] as const) {
      const { host, services } = setup(role);
      let loads = 0;
      const module: ExtensionModule = {
        ...valid('with.editing'),
        editing: async () => {
          loads++;
          return { activate: (ctx, api) => void ctx.subscriptions.push(api.commands.registerCommand('with.editing.hello', () => 'edit')) };
        },
      };
      expect((await host.activate(module)).state).toBe('active');
      expect([role, loads, services.commands.hasHandler('with.editing.hello')]).toEqual(role === 'edit' ? ['edit', 1, true] : ['view', 0, false]);
      await host.deactivate('with.editing');
      expect(services.commands.hasHandler('with.editing.hello')).toBe(false);
    }
  });

  it('an invalid manifest is reported with the extension id and leaves the rest working', async () => {
    const { host, services } = setup();
    await host.activate(valid('good.one', (ctx, api) => void ctx.subscriptions.push(api.commands.registerCommand('good.one.hello', () => 'hi'))));
    const bad = await host.activate({ manifest: { id: 'bad.one', name: { nl: 'Kapot' }, version: '1' }, activate: () => {} });
    expect(bad.state).toBe('failed');
    expect(bad.error?.code).toBe('host/manifest-invalid');
    expect(bad.error?.message).toContain('bad.one');
    expect(bad.error?.manifestErrors?.map((e) => e.path)).toEqual(expect.arrayContaining(['name.en', 'version']));
    expect(services.notifications.get().at(-1)?.text).toMatch(/Uitbreiding bad\.one kon niet starten/);
    expect(await services.commands.executeCommand('good.one.hello')).toBe('hi');
  });

  it('an activate that throws leaves no trace: no commands, no declarations', async () => {
    const { host, services } = setup();
    const status = await host.activate(
      valid('boom.ext', (ctx, api) => {
        ctx.subscriptions.push(api.commands.registerCommand('boom.ext.hello', () => 1));
        api.commands.registerCommand('boom.ext.forgotten', () => 2);
        throw new Error('kapot');
      }),
    );
    expect(status).toMatchObject({ id: 'boom.ext', state: 'failed', error: { code: 'host/activation-failed' } });
    expect(status.error?.message).toContain('kapot');
    expect(services.commands.declared()).toEqual([]);
    expect(services.commands.hasHandler('boom.ext.hello')).toBe(false);
    expect(services.commands.hasHandler('boom.ext.forgotten')).toBe(false);
  });

  it('an async activate that rejects is reported the same way', async () => {
    const { host } = setup();
    const status = await host.activate(valid('slow.ext', async () => Promise.reject(new Error('later'))));
    expect(status.error?.code).toBe('host/activation-failed');
  });

  it('two extensions cannot declare the same command; the second fails and the first keeps it', async () => {
    const { host, services } = setup();
    await host.activate(valid('first.ext'));
    const clash = await host.activate({
      manifest: { id: 'second.ext', name: { nl: 'x', en: 'x' }, version: '1.0.0', contributes: { commands: [{ id: 'first.ext.hello', title: { nl: 'x', en: 'x' } }] } },
      activate: () => {},
    });
    expect(clash.error?.code).toBe('host/duplicate-registration');
    expect(services.commands.getDeclaration('first.ext.hello')?.extensionId).toBe('first.ext');
  });

  it('deactivating removes subscriptions the extension forgot to push', async () => {
    const { host, services } = setup();
    let heard = 0;
    await host.activate(valid('leaky.ext', (_ctx, api) => void api.map.onDidChangeMap(() => heard++)));
    services.session.doc.getMap('nodes').set('x', new (await import('yjs')).Map());
    expect(heard).toBe(1);
    await host.deactivate('leaky.ext');
    services.session.doc.getMap('nodes').delete('x');
    expect(heard).toBe(1);
  });
});

describe('the test extension proves the API', () => {
  it('its node kind, command, keybinding, menu entry, view and diagnostic appear on activation', async () => {
    const { host, services } = setup();
    expect((await host.activate(testExtension)).state).toBe('active');
    expect(services.nodeKinds.get('test.widget')?.declaration.shape).toBe('hexagon');
    expect(services.commands.getDeclaration('test.addWidget')?.title.nl).toBe('Testblok toevoegen');
    expect(services.keybindings.keyFor('test.addWidget')).toBe('Alt+Shift+W');
    expect(services.views.get('test.view')?.implementation).toBeDefined();
    expect(services.views.get('test.view')?.declaration.location).toBe('sidebar');
    expect(services.diagnosticProviders.get('test.unnamed')?.implementation).toBeDefined();
  });

  it('its command adds a widget through the map API, undoably, and its diagnostic flags it until the quick fix runs', async () => {
    const { host, services, session } = setup();
    await host.activate(testExtension);
    const id = await services.commands.executeCommand<string>('test.addWidget', { position: { x: 300, y: 200 } });
    const node = services.nodeKinds && session.doc.getMap('nodes').get(id);
    expect(node).toBeDefined();
    expect(session.selection.get()).toEqual([id]);

    const problems = await services.problems.runNow();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', code: 'test/unnamed-widget', nodeIds: [id], providerId: 'test.unnamed', extensionId: 'test.proof' });
    expect(services.decorations.get().get(id)).toMatchObject({ marker: 'warning' });

    const fix = problems[0].quickFixes?.[0];
    await services.commands.executeCommand(fix!.command, ...(fix!.args ?? []));
    expect(await services.problems.runNow()).toEqual([]);
    expect(services.decorations.get().size).toBe(0);

    // Writes carry the session's local origin, so undo takes them back.
    session.undoManager.stopCapturing();
    session.undo();
    session.undo();
    expect(session.doc.getMap('nodes').has(id)).toBe(false);
  });

  it('everything it contributed disappears on deactivate', async () => {
    const { host, services } = setup();
    await host.activate(testExtension);
    await services.commands.executeCommand('test.addWidget');
    await services.problems.runNow();
    await host.deactivate('test.proof');
    expect(services.nodeKinds.get('test.widget')).toBeUndefined();
    expect(services.commands.getDeclaration('test.addWidget')).toBeUndefined();
    expect(services.commands.hasHandler('test.addWidget')).toBe(false);
    expect(services.commands.hasHandler('test.nameWidget')).toBe(false);
    expect(services.keybindings.keyFor('test.addWidget')).toBeUndefined();
    expect(services.menus.getGroups('canvas/context', {}, () => ({ available: true }))).toEqual([]);
    expect(services.views.get('test.view')).toBeUndefined();
    expect(services.diagnosticProviders.get('test.unnamed')).toBeUndefined();
    expect(await services.problems.runNow()).toEqual([]);
    expect(host.getStatuses()).toEqual([]);
  });

  it('a viewer cannot add a widget: the map API refuses writes', async () => {
    const { host, services } = setup('view');
    await host.activate(testExtension);
    expect(services.contextKeys.get('canEdit')).toBe(false);
    await expect(services.commands.executeCommand('test.addWidget')).rejects.toMatchObject({ code: 'map/read-only' });
  });
});
