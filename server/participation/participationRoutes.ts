import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { canEdit } from '../../shared/protocol/roles';
import { readTimer, readSuggestSettings, writeSuggestSettings, writeTimer } from '../../shared/participation/participationState';
import { SUGGESTION_LIMITS } from '../../shared/participation/suggestions';
import { VOTE_LIMITS } from '../../shared/participation/votes';
import { ApiError, access, clientIp, parseBody, sendJson, type ApiDeps } from '../apiCommon';
import type { Access } from '../access';
import { log } from '../log';
import { deviceIdOf, senderKey } from './senderKey';
import { nextTimer } from './timerAction';


/**
 * /api/rooms/<map>/votes…, /suggestions…, /timer and /participation: what a participant may do from any link
 * (cast their own dots, suggest a card) and what only edit and owner links may (start, reveal, end a vote;
 * accept or dismiss; the timer; opening suggestions). Enforced here, whatever a client sends.
 */
export const PARTICIPATION_PATH = /^\/api\/rooms\/([^/]+)\/(votes|suggestions|timer|participation)(?:\/([^/]+)(?:\/(ballot|reveal|end|accept|dismiss))?)?$/;

const noControl = /^[^\u0000-\u001f\u007f]*$/;
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a card id is 1 to 64 letters, digits, - or _');
const kindId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a kind is 1 to 64 letters, digits, ., - or _');
const line = (max: number, what: string) => z.string().trim().max(max, `${what} must be at most ${max} characters`).regex(noControl, `${what} must be one line without control characters`);

const startSchema = z.strictObject({
  question: line(VOTE_LIMITS.questionChars, 'question').min(1, 'question must not be empty'),
  cards: z.array(nodeId).min(VOTE_LIMITS.minCards, `a vote needs at least ${VOTE_LIMITS.minCards} cards`).max(VOTE_LIMITS.maxCards, `a vote takes at most ${VOTE_LIMITS.maxCards} cards`),
  dots: z.number().int().min(1).max(VOTE_LIMITS.maxDots).default(3),
  stack: z.boolean().default(false),
  live: z.boolean().default(false),
  seconds: z.number().int().min(5).max(VOTE_LIMITS.maxMinutes * 60).optional(),
});
const ballotSchema = z.strictObject({ cards: z.array(nodeId).max(VOTE_LIMITS.maxDots, `at most ${VOTE_LIMITS.maxDots} dots`) });
const votePatchSchema = z
  .strictObject({ showOnCards: z.boolean().optional(), question: line(VOTE_LIMITS.questionChars, 'question').min(1).optional() })
  .refine((p) => p.showOnCards !== undefined || p.question !== undefined, 'give showOnCards or question');
const suggestionSchema = z.strictObject({
  kind: kindId,
  name: line(SUGGESTION_LIMITS.nameChars, 'name').min(1, 'name must not be empty'),
  note: z.string().trim().max(SUGGESTION_LIMITS.noteChars, `note must be at most ${SUGGESTION_LIMITS.noteChars} characters`).regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/, 'note must not contain control characters').optional(),
  relatesTo: nodeId.optional(),
  from: line(SUGGESTION_LIMITS.fromChars, 'from').optional(),
});
const acceptSchema = z.strictObject({ node: nodeId });
const dismissSchema = z.strictObject({ reason: line(SUGGESTION_LIMITS.reasonChars, 'reason').optional() });
const timerSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), seconds: z.number().int().min(10).max(4 * 3600) }),
  z.strictObject({ action: z.literal('add'), seconds: z.number().int().min(1).max(3600) }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('stop') }),
]);
const settingsSchema = z
  .strictObject({ suggestionsOpen: z.boolean().optional(), suggestKinds: z.array(kindId).max(50).optional() })
  .refine((p) => p.suggestionsOpen !== undefined || p.suggestKinds !== undefined, 'give suggestionsOpen or suggestKinds');

const SUGGESTION_BODY = { bytes: SUGGESTION_LIMITS.bodyBytes, code: 'SUGGESTION_TOO_LARGE' };

async function editor(req: IncomingMessage, deps: ApiDeps, room: string, what: string): Promise<Access> {
  const a = await access(req, deps, room, false);
  if (!canEdit(a.role)) throw new ApiError(403, 'EDIT_ONLY', `a view link cannot ${what}`);
  return a;
}

function senderOf(req: IncomingMessage, deps: ApiDeps, room: string, a: Access): string {
  return senderKey(deps.participation.secret, room, a.role, deviceIdOf(req));
}

async function votes(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string | undefined, sub: string | undefined): Promise<void> {
  const method = req.method ?? 'GET';
  const service = deps.participation.votes;
  if (id === undefined) {
    if (method !== 'POST') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
    await editor(req, deps, room, 'start a vote');
    const body = await parseBody(req, deps, startSchema);
    return sendJson(res, 201, await service.start(room, body));
  }
  if (sub === 'ballot') {
    const a = await access(req, deps, room, false);
    const sender = senderOf(req, deps, room, a);
    if (method === 'GET') return sendJson(res, 200, { vote: id, cards: await service.ballotOf(room, id, sender) });
    if (method !== 'POST') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
    if (!deps.participation.ballotLimiter.take(sender)) throw new ApiError(429, 'BALLOT_RATE_LIMITED', 'too many changes to your dots in a short time; wait a moment');
    const { cards } = await parseBody(req, deps, ballotSchema);
    const result = await service.cast(room, id, sender, cards);
    return sendJson(res, 200, { vote: id, cards: result.cards, dotsLeft: result.vote.dots - result.cards.length, voters: result.vote.voters });
  }
  if (sub === 'reveal' || sub === 'end') {
    if (method !== 'POST') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
    await editor(req, deps, room, sub === 'end' ? 'end a vote' : 'reveal a vote');
    return sendJson(res, 200, sub === 'end' ? await service.end(room, id) : await service.reveal(room, id));
  }
  if (sub !== undefined) throw new ApiError(404, 'API_NOT_FOUND', 'no such API endpoint');
  if (method === 'PATCH') {
    await editor(req, deps, room, 'change a vote');
    return sendJson(res, 200, await service.update(room, id, await parseBody(req, deps, votePatchSchema)));
  }
  if (method === 'DELETE') {
    await editor(req, deps, room, 'delete a vote');
    await service.remove(room, id);
    return sendJson(res, 200, { vote: id, deleted: true });
  }
  throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
}

async function suggestions(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string | undefined, sub: string | undefined, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const service = deps.participation.suggestions;
  if (id === undefined) {
    const a = await access(req, deps, room, false);
    if (method === 'GET') {
      // Editors see every waiting suggestion; anyone else (or an editor asking ?mine=1) only their own.
      if (canEdit(a.role) && url.searchParams.get('mine') !== '1') {
        const all = await service.waiting(room);
        return sendJson(res, 200, { suggestions: all.map(({ sender: _, ...s }) => s) });
      }
      return sendJson(res, 200, { suggestions: await service.mine(room, senderOf(req, deps, room, a)) });
    }
    if (method !== 'POST') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
    const sender = senderOf(req, deps, room, a);
    const body = await parseBody(req, deps, suggestionSchema, SUGGESTION_BODY);
    return sendJson(res, 201, await service.submit(room, sender, clientIp(req, deps), body));
  }
  if (method !== 'POST' || (sub !== 'accept' && sub !== 'dismiss')) throw new ApiError(sub === undefined ? 405 : 404, sub === undefined ? 'API_METHOD_NOT_ALLOWED' : 'API_NOT_FOUND', 'use POST …/suggestions/<id>/accept or …/dismiss');
  await editor(req, deps, room, sub === 'accept' ? 'accept a suggestion' : 'dismiss a suggestion');
  if (sub === 'accept') {
    const { node } = await parseBody(req, deps, acceptSchema);
    await service.decide(room, id, { status: 'accepted', node });
  } else {
    const { reason } = await parseBody(req, deps, dismissSchema);
    await service.decide(room, id, { status: 'dismissed', reason: reason || undefined });
  }
  sendJson(res, 200, { suggestion: id, status: sub === 'accept' ? 'accepted' : 'dismissed' });
}

async function timer(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  if (req.method !== 'POST') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
  await editor(req, deps, room, 'start or change the timer');
  const action = await parseBody(req, deps, timerSchema);
  const state = await deps.rooms.withRoom(room, async (r) => {
    const next = nextTimer(readTimer(r.doc), action, Date.now());
    await r.change((doc) => writeTimer(doc, next));
    return next;
  });
  log('TIMER_CHANGED', { room, action: action.action });
  sendJson(res, 200, { timer: state, now: Date.now() });
}

async function settings(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  if (req.method !== 'PATCH') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
  await editor(req, deps, room, 'change what participants may do');
  const patch = await parseBody(req, deps, settingsSchema);
  const next = await deps.rooms.withRoom(room, async (r) => {
    const current = readSuggestSettings(r.doc);
    const wanted = { open: patch.suggestionsOpen ?? current.open, kinds: patch.suggestKinds ?? current.kinds };
    if (wanted.open !== current.open || wanted.kinds.join('\n') !== current.kinds.join('\n')) await r.change((doc) => writeSuggestSettings(doc, wanted));
    return wanted;
  });
  sendJson(res, 200, { suggestionsOpen: next.open, suggestKinds: next.kinds });
}

export async function handleParticipation(req: IncomingMessage, res: ServerResponse, url: URL, deps: ApiDeps, match: RegExpExecArray): Promise<void> {
  const [, room, area, id, sub] = match;
  if (area === 'votes') return votes(req, res, deps, room, id, sub);
  if (area === 'suggestions') return suggestions(req, res, deps, room, id, sub, url);
  if (id !== undefined) throw new ApiError(404, 'API_NOT_FOUND', 'no such API endpoint');
  if (area === 'timer') return timer(req, res, deps, room);
  return settings(req, res, deps, room);
}
