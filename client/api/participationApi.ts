import * as z from 'zod/mini';
import { newRoomId } from '../../shared/model/ids';
import type { StartVoteRequest } from '../../shared/participation/votes';
import { MapApiError, mapApiCall } from './mapApiCall';

export { MapApiError };

/**
 * The participation routes (votes, suggestions, timer), as this browser calls them. Ballots and suggestions carry
 * this device's id, a random secret made once per browser, so a reload or a new socket keeps one's own dots.
 */
const DEVICE_KEY = 'mantelkaart:device';
let memoryDevice: string | null = null;

export function deviceId(): string {
  try {
    const stored = localStorage.getItem(DEVICE_KEY);
    if (stored && /^[A-Za-z0-9_-]{16,64}$/.test(stored)) return stored;
    const fresh = newRoomId();
    localStorage.setItem(DEVICE_KEY, fresh);
    return fresh;
  } catch {
    // Private mode without storage: one id for this page's life.
    memoryDevice ??= newRoomId();
    return memoryDevice;
  }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const withDevice = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string> | undefined), 'X-Device-Id': deviceId() } });

const ballotSchema = z.object({ cards: z.array(z.string()) });
const createdSchema = z.object({ id: z.string() });
const mineSchema = z.object({ suggestions: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), at: z.number() })) });
const timeSchema = z.object({ now: z.number() });

function checked<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new MapApiError('bad-response', 200, 'unexpected answer from the server');
  return parsed.data;
}


export async function startVote(room: string, token: string, body: StartVoteRequest): Promise<string> {
  return checked(createdSchema, await mapApiCall(room, token, '/votes', json(body))).id;
}

export async function voteAction(room: string, token: string, vote: string, action: 'reveal' | 'end'): Promise<void> {
  await mapApiCall(room, token, `/votes/${encodeURIComponent(vote)}/${action}`, { method: 'POST' });
}

export async function patchVote(room: string, token: string, vote: string, patch: { showOnCards?: boolean }): Promise<void> {
  await mapApiCall(room, token, `/votes/${encodeURIComponent(vote)}`, { method: 'PATCH', body: JSON.stringify(patch) });
}

export async function deleteVote(room: string, token: string, vote: string): Promise<void> {
  await mapApiCall(room, token, `/votes/${encodeURIComponent(vote)}`, { method: 'DELETE' });
}

export async function readBallot(room: string, token: string, vote: string): Promise<string[]> {
  return checked(ballotSchema, await mapApiCall(room, token, `/votes/${encodeURIComponent(vote)}/ballot`, withDevice())).cards;
}

export async function castBallot(room: string, token: string, vote: string, cards: string[]): Promise<string[]> {
  return checked(ballotSchema, await mapApiCall(room, token, `/votes/${encodeURIComponent(vote)}/ballot`, withDevice(json({ cards })))).cards;
}

export interface SuggestionBody {
  kind: string;
  name: string;
  note?: string;
  relatesTo?: string;
  from?: string;
}

export async function sendSuggestion(room: string, token: string, body: SuggestionBody): Promise<string> {
  return checked(createdSchema, await mapApiCall(room, token, '/suggestions', withDevice(json(body)))).id;
}

export async function mySuggestions(room: string, token: string): Promise<{ id: string; kind: string; name: string; at: number }[]> {
  return checked(mineSchema, await mapApiCall(room, token, '/suggestions?mine=1', withDevice())).suggestions;
}

export async function decideSuggestion(room: string, token: string, id: string, decision: { accept: string } | { dismiss: string }): Promise<void> {
  const path = `/suggestions/${encodeURIComponent(id)}/${'accept' in decision ? 'accept' : 'dismiss'}`;
  await mapApiCall(room, token, path, json('accept' in decision ? { node: decision.accept } : decision.dismiss ? { reason: decision.dismiss } : {}));
}

export type TimerActionBody = { action: 'start' | 'add'; seconds: number } | { action: 'pause' | 'resume' | 'stop' };

export async function timerAction(room: string, token: string, body: TimerActionBody): Promise<void> {
  await mapApiCall(room, token, '/timer', json(body));
}

export async function patchParticipation(room: string, token: string, patch: { suggestionsOpen?: boolean; suggestKinds?: string[] }): Promise<void> {
  await mapApiCall(room, token, '/participation', { method: 'PATCH', body: JSON.stringify(patch) });
}

/**
 * How far the server's clock is ahead of this one: the best of a few round trips, taking the server's time as
 * read halfway through the fastest, so the error is at most half that round trip.
 */
export async function measureClockOffset(samples = 3): Promise<number> {
  let best: { rtt: number; offset: number } | null = null;
  for (let i = 0; i < samples; i++) {
    const sent = performance.now();
    const sentAt = Date.now();
    const res = await fetch('/api/time', { cache: 'no-store' });
    const { now } = checked(timeSchema, await res.json());
    const rtt = performance.now() - sent;
    const offset = now - (sentAt + rtt / 2);
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  return best?.offset ?? 0;
}
