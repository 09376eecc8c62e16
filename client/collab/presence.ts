import { isRole, type Role } from '../../shared/protocol/roles';

/**
 * What each person publishes through Yjs awareness. Other people's states come from the network, so they
 * pass readPresence() before anything renders them.
 */
export interface XY {
  x: number;
  y: number;
}
/** The area of the map someone sees, in flow coordinates: a follower fits it to their own screen. */
export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PresenceUser {
  name: string;
  color: string;
}
export interface Presence {
  user: PresenceUser;
  role: Role;
  /** In flow coordinates, so it lines up at any zoom and pan on every screen. */
  cursor: XY | null;
  selection: string[];
  /** Published by owners and editors only: viewers can follow it. */
  viewport: Viewport | null;
  /**
   * "Iedereen hierheen": set (to a new value each time) by an editor who asks everyone to follow their view. The
   * server strips it from view links' presence. Only a change counts, never the value: clocks differ per device.
   */
  summon: number | null;
}

export interface Peer extends Presence {
  clientId: number;
}

/** Readable on white and as a fill behind white text. */
export const PRESENCE_COLORS = ['#c2410c', '#1d4ed8', '#047857', '#7e22ce', '#b91c1c', '#a16207', '#be185d', '#0e7490'];

export function colorFor(seed: number): string {
  return PRESENCE_COLORS[Math.abs(seed) % PRESENCE_COLORS.length];
}

/**
 * Two letters for an avatar: first and last word's first letter ("Samira El Idrissi" → SI), or the first two of one
 * word. Letters only: "Fatima (begeleider)" is FB, not F(; a name without letters ("123") gets "?".
 */
export function initials(name: string): string {
  const parts = name.split(/[^\p{L}]+/u).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]];
  if (parts.length === 1) return first.slice(0, 2).join('').toUpperCase();
  return (first[0] + [...parts[parts.length - 1]][0]).toUpperCase();
}

const MAX_NAME = 40;
const MAX_SELECTION = 5000;

function num(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function field(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? Reflect.get(obj, key) : undefined;
}

function readXY(v: unknown): XY | null {
  if (typeof v !== 'object' || v === null) return null;
  const x = field(v, 'x');
  const y = field(v, 'y');
  return num(x) && num(y) ? { x, y } : null;
}

function readSummon(v: unknown): number | null {
  if (typeof v !== 'object' || v === null) return null;
  const at = field(v, 'at');
  return num(at) ? at : null;
}

/** The gate for awareness states from other people: a valid Presence or null (ignored). */
export function readPresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = field(state, 'user');
  if (typeof user !== 'object' || user === null) return null;
  const name = field(user, 'name');
  const color = field(user, 'color');
  if (typeof name !== 'string' || typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) return null;
  const role = field(state, 'role');
  const sel = field(state, 'selection');
  const vp = field(state, 'viewport');
  const vpXY = readXY(vp);
  const w = typeof vp === 'object' && vp !== null ? field(vp, 'width') : undefined;
  const h = typeof vp === 'object' && vp !== null ? field(vp, 'height') : undefined;
  return {
    user: { name: name.slice(0, MAX_NAME), color },
    role: isRole(role) ? role : 'view',
    cursor: readXY(field(state, 'cursor')),
    selection: Array.isArray(sel) ? sel.filter((s): s is string => typeof s === 'string').slice(0, MAX_SELECTION) : [],
    viewport: vpXY && num(w) && num(h) && w > 0 && h > 0 ? { ...vpXY, width: w, height: h } : null,
    summon: readSummon(field(state, 'summon')),
  };
}

/** This browser's colour, unless someone already on the map has it: then the first free one, for this visit. */
export function pickColor(preferred: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(preferred)) return preferred;
  return PRESENCE_COLORS.find((c) => !used.has(c)) ?? preferred;
}

const NAME_KEY = 'mantelkaart:name';
const COLOR_KEY = 'mantelkaart:color';

export function storedName(): string | null {
  try {
    const n = localStorage.getItem(NAME_KEY);
    return n && n.trim() ? n.trim().slice(0, MAX_NAME) : null;
  } catch {
    return null;
  }
}

export function storeName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name.trim().slice(0, MAX_NAME));
  } catch {
    // Storage refused: we ask again next visit.
  }
}

/** One colour per browser, kept so people recognise each other's cursor across sessions. */
export function storedColor(): string {
  try {
    const c = localStorage.getItem(COLOR_KEY);
    if (c && PRESENCE_COLORS.includes(c)) return c;
    const fresh = colorFor(Math.floor(Math.random() * PRESENCE_COLORS.length));
    localStorage.setItem(COLOR_KEY, fresh);
    return fresh;
  } catch {
    return colorFor(Math.floor(Math.random() * PRESENCE_COLORS.length));
  }
}
