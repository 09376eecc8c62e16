import { describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../../client/host/registries/CommandRegistry';
import { ContributionRegistry } from '../../../client/host/registries/ContributionRegistry';
import { KeybindingRegistry } from '../../../client/host/registries/KeybindingRegistry';
import { MenuRegistry } from '../../../client/host/registries/MenuRegistry';
import { HostError } from '../../../client/host/HostError';

const title = { nl: 'T', en: 'T' };

function keyEvent(key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}): KeyboardEvent {
  const state: Record<string, boolean> = { Control: !!mods.ctrl, Shift: !!mods.shift, Alt: !!mods.alt, Meta: !!mods.meta };
  // A stand-in with what tinykeys reads: key, code and modifier state.
  const event = { key, code: `Key${key.toUpperCase()}`, getModifierState: (m: string) => state[m] ?? false };
  return event as unknown as KeyboardEvent;
}

describe('the command registry', () => {
  it('runs a registered command with its arguments and reports it ran', async () => {
    const commands = new CommandRegistry();
    const ran: string[] = [];
    commands.onDidExecuteCommand((e) => ran.push(e.id));
    commands.registerCommand('a.add', (x: unknown, y: unknown) => Number(x) + Number(y));
    expect(await commands.executeCommand('a.add', 2, 3)).toBe(5);
    expect(ran).toEqual(['a.add']);
  });

  it('refuses a second handler for the same command, and forgets a disposed one', async () => {
    const commands = new CommandRegistry();
    const d = commands.registerCommand('a.x', () => 1);
    expect(() => commands.registerCommand('a.x', () => 2)).toThrow(HostError);
    d.dispose();
    await expect(commands.executeCommand('a.x')).rejects.toMatchObject({ code: 'host/command-not-found' });
    commands.registerCommand('a.x', () => 3);
    expect(await commands.executeCommand('a.x')).toBe(3);
  });

  it('a declaration lists the command; disposing it removes it', () => {
    const commands = new CommandRegistry();
    const d = commands.declare('ext.a', { id: 'a.x', title });
    expect(commands.declared().map((c) => c.id)).toEqual(['a.x']);
    expect(() => commands.declare('ext.b', { id: 'a.x', title })).toThrow(/already declared by ext.a/);
    d.dispose();
    expect(commands.declared()).toEqual([]);
  });
});

describe('the keybinding registry', () => {
  it('resolves a key press to the newest binding whose when clause holds', () => {
    const kb = new KeybindingRegistry();
    kb.register('core', { key: '$mod+j', command: 'core.panel' });
    const ext = kb.register('ext', { key: '$mod+j', command: 'ext.thing', when: 'selectionCount > 0' });
    const noWhen = () => undefined;
    expect(kb.resolve(keyEvent('j', { ctrl: true }), { selectionCount: 1 }, noWhen)?.command).toBe('ext.thing');
    expect(kb.resolve(keyEvent('j', { ctrl: true }), { selectionCount: 0 }, noWhen)?.command).toBe('core.panel');
    expect(kb.resolve(keyEvent('j'), {}, noWhen)).toBeUndefined();
    ext.dispose();
    expect(kb.resolve(keyEvent('j', { ctrl: true }), { selectionCount: 1 }, noWhen)?.command).toBe('core.panel');
  });

  it("does not fire a command whose own when clause is false (editing commands for a viewer)", () => {
    const kb = new KeybindingRegistry();
    kb.register('core', { key: 'Delete', command: 'core.delete' });
    const when = (c: string) => (c === 'core.delete' ? 'canEdit' : undefined);
    expect(kb.resolve(keyEvent('Delete'), { canEdit: false }, when)).toBeUndefined();
    expect(kb.resolve(keyEvent('Delete'), { canEdit: true }, when)?.command).toBe('core.delete');
  });

  it('finds the key to show for a command', () => {
    const kb = new KeybindingRegistry();
    kb.register('core', { key: '$mod+Shift+P', command: 'core.palette' });
    expect(kb.keyFor('core.palette')).toBe('$mod+Shift+P');
    expect(kb.keyFor('nothing')).toBeUndefined();
  });
});

describe('the menu registry', () => {
  it('groups and orders entries and leaves out what does not apply', () => {
    const menus = new MenuRegistry();
    menus.register('node/context', 'core', { command: 'core.delete', group: '9_delete' });
    menus.register('node/context', 'core', { command: 'core.copy', group: '1_edit@2' });
    menus.register('node/context', 'core', { command: 'core.cut', group: '1_edit@1' });
    menus.register('node/context', 'ext', { command: 'ext.only-communities', group: '1_edit@3', when: 'nodeKind == community' });
    menus.register('node/context', 'ext', { command: 'ext.not-active', group: '5_x' });
    const commands: Record<string, { when?: string; available: boolean }> = {
      'core.delete': { when: 'canEdit', available: true },
      'core.copy': { available: true },
      'core.cut': { available: true },
      'ext.only-communities': { available: true },
      'ext.not-active': { available: false },
    };
    const groups = menus.getGroups('node/context', { canEdit: true, nodeKind: 'place' }, (id) => commands[id]);
    expect(groups.map((g) => [g.group, g.items.map((i) => i.command)])).toEqual([
      ['1_edit', ['core.cut', 'core.copy']],
      ['9_delete', ['core.delete']],
    ]);
    const viewer = menus.getGroups('node/context', { canEdit: false, nodeKind: 'community' }, (id) => commands[id]);
    expect(viewer.flatMap((g) => g.items.map((i) => i.command))).toEqual(['core.cut', 'core.copy', 'ext.only-communities']);
  });
});

describe('a contribution registry', () => {
  it('implements only declared ids, once, and forgets both on dispose', () => {
    const views = new ContributionRegistry<{ id: string }, string>('view', (d) => d.id);
    expect(() => views.implement('v.a', 'impl')).toThrow(/not declared/);
    const decl = views.declare('ext', { id: 'v.a' });
    const impl = views.implement('v.a', 'impl');
    expect(() => views.implement('v.a', 'other')).toThrow(/already has an implementation/);
    expect(views.implemented().map((c) => c.implementation)).toEqual(['impl']);
    impl.dispose();
    expect(views.get('v.a')?.implementation).toBeUndefined();
    decl.dispose();
    expect(views.all()).toEqual([]);
  });
});
