/**
 * Keybinding strings in tinykeys syntax, one press: `$mod+Shift+P`, `Delete`, `Alt+ArrowUp`, `$mod+KeyK`.
 * `$mod` is Cmd on a Mac and Ctrl elsewhere. Pure, so the manifest gate can check keys.
 */

const MODIFIERS = ['$mod', 'Control', 'Shift', 'Alt', 'Meta'] as const;
export type KeyModifier = (typeof MODIFIERS)[number];

export type KeybindingKeyResult = { ok: true; modifiers: KeyModifier[]; key: string } | { ok: false; message: string };

function isModifier(s: string): s is KeyModifier {
  return (MODIFIERS as readonly string[]).includes(s);
}

/** Splits a keybinding into modifiers and key, or says what is wrong with it. */
export function parseKeybindingKey(src: string): KeybindingKeyResult {
  if (src.trim() !== src || src === '') return { ok: false, message: `keybinding "${src}" is empty or has surrounding spaces` };
  if (src.includes(' ')) return { ok: false, message: `keybinding "${src}": key sequences are not supported, use one press` };
  // A trailing "+" is the plus key itself ("$mod++").
  const parts = src.endsWith('++') ? [...src.slice(0, -2).split('+'), '+'] : src.split('+');
  const key = parts.pop() ?? '';
  if (key === '') return { ok: false, message: `keybinding "${src}" has no key after its modifiers` };
  const modifiers: KeyModifier[] = [];
  for (const m of parts) {
    if (!isModifier(m)) return { ok: false, message: `keybinding "${src}": unknown modifier "${m}" (use $mod, Control, Shift, Alt or Meta)` };
    if (modifiers.includes(m)) return { ok: false, message: `keybinding "${src}" repeats "${m}"` };
    modifiers.push(m);
  }
  return { ok: true, modifiers, key };
}

const MAC_SYMBOLS: Record<KeyModifier, string> = { $mod: '⌘', Control: '⌃', Shift: '⇧', Alt: '⌥', Meta: '⌘' };
const PC_NAMES: Record<KeyModifier, string> = { $mod: 'Ctrl', Control: 'Ctrl', Shift: 'Shift', Alt: 'Alt', Meta: 'Win' };
const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
  Backspace: '⌫',
  ' ': 'Space',
};

/** How a keybinding reads in tooltips and the palette: `Ctrl+Shift+P`, or `⇧⌘P` on a Mac. */
export function formatKeybindingKey(src: string, mac: boolean): string {
  const parsed = parseKeybindingKey(src);
  if (!parsed.ok) return src;
  let key = KEY_NAMES[parsed.key] ?? parsed.key;
  if (/^Key[A-Z]$/.test(key)) key = key.slice(3);
  else if (/^Digit\d$/.test(key)) key = key.slice(5);
  else if (key.length === 1) key = key.toUpperCase();
  if (mac) {
    const order: KeyModifier[] = ['Control', 'Alt', 'Shift', '$mod', 'Meta'];
    return order.filter((m) => parsed.modifiers.includes(m)).map((m) => MAC_SYMBOLS[m]).join('') + key;
  }
  const order: KeyModifier[] = ['$mod', 'Control', 'Meta', 'Alt', 'Shift'];
  return [...order.filter((m) => parsed.modifiers.includes(m)).map((m) => PC_NAMES[m]), key].join('+');
}
