import { describe, expect, it } from 'vitest';
import { formatKeybindingKey, parseKeybindingKey } from '../../../shared/plugin/keybindingKey';

describe('keybinding keys', () => {
  it('splits modifiers from the key', () => {
    expect(parseKeybindingKey('$mod+Shift+P')).toEqual({ ok: true, modifiers: ['$mod', 'Shift'], key: 'P' });
    expect(parseKeybindingKey('Delete')).toEqual({ ok: true, modifiers: [], key: 'Delete' });
    expect(parseKeybindingKey('$mod++')).toEqual({ ok: true, modifiers: ['$mod'], key: '+' });
  });

  it('rejects unknown modifiers, sequences and empty keys', () => {
    expect(parseKeybindingKey('Ctrl+P').ok).toBe(false);
    expect(parseKeybindingKey('g i').ok).toBe(false);
    expect(parseKeybindingKey('Shift+').ok).toBe(false);
    expect(parseKeybindingKey('').ok).toBe(false);
  });

  it('reads as Ctrl+Shift+P on Windows and Linux and as symbols on a Mac', () => {
    expect(formatKeybindingKey('$mod+Shift+p', false)).toBe('Ctrl+Shift+P');
    expect(formatKeybindingKey('$mod+Shift+p', true)).toBe('⇧⌘P');
    expect(formatKeybindingKey('$mod+KeyJ', false)).toBe('Ctrl+J');
    expect(formatKeybindingKey('Alt+ArrowUp', false)).toBe('Alt+↑');
  });
});
