import { parseMapFile } from '../../shared/exchange/parseMapFile';
import { importMapFile } from '../../shared/exchange/importMapFile';
import { metaMap, setTitle } from '../../shared/model/mapDoc';
import type { MapFileError, MapFileWarning } from '../../shared/exchange/mapFileProblem';
import { ApiError, createRoom } from '../api/roomsApi';
import { rememberMap } from '../app/recentMaps';
import { localPath } from '../app/route';
import { MapSession, type SessionStatus } from '../collab/MapSession';
import { importedTitle } from './importedTitle';

export type ImportOutcome =
  | { ok: true; room: string; path: string; title: string; warnings: MapFileWarning[] }
  | { ok: false; stage: 'file'; errors: MapFileError[] }
  | { ok: false; stage: 'create' | 'write'; reason: { nl: string; en: string } };

/** An import's own origin: never undone by the person's Ctrl+Z. */
const IMPORT_ORIGIN = Object.freeze({ source: 'mantelkaart:import' });
/** How long the server may take to confirm the imported map before the person is taken there anyway. */
const CONFIRM_TIMEOUT_MS = 15_000;

function waitForStatus(session: MapSession, done: (s: SessionStatus) => boolean, timeoutMs: number): Promise<SessionStatus> {
  return new Promise((resolve) => {
    const check = () => {
      const s = session.getStatus();
      if (done(s) || s.connection === 'denied') {
        clearTimeout(timer);
        unsubscribe();
        resolve(s);
      }
    };
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(session.getStatus());
    }, timeoutMs);
    const unsubscribe = session.subscribe(check);
    check();
  });
}

/**
 * Reads a map file into a NEW map: the file passes the gate first (nothing is created when it fails), then a room
 * is created with the file's title and the map written into it over its own connection. The open map is never
 * touched. The new map is kept in this browser (IndexedDB) until the server confirms it, so leaving early loses nothing.
 */
export async function importIntoNewMap(text: string, language: 'nl' | 'en', onValid?: () => void): Promise<ImportOutcome> {
  const parsed = parseMapFile(text);
  if (!parsed.ok) return { ok: false, stage: 'file', errors: parsed.errors };
  onValid?.();

  const title = importedTitle(parsed.snapshot.meta.title, language);
  let created;
  try {
    created = await createRoom(title);
  } catch (err) {
    const why = err instanceof ApiError && err.code === 'network' ? { nl: 'de server is niet bereikbaar', en: 'the server cannot be reached' } : err instanceof ApiError && err.code === 'rate-limited' ? { nl: 'er zijn net te veel kaarten gemaakt; wacht even', en: 'too many maps were just created; wait a moment' } : { nl: String(err instanceof Error ? err.message : err), en: String(err instanceof Error ? err.message : err) };
    return { ok: false, stage: 'create', reason: { nl: `Er kon geen nieuwe kaart worden gemaakt: ${why.nl}. Probeer het opnieuw.`, en: `No new map could be created: ${why.en}. Try again.` } };
  }

  // Remembered at once: should anything below fail, the new map is still on the start page, with this browser's copy.
  rememberMap({ room: created.room, token: created.tokens.owner, role: 'owner', title });
  const session = new MapSession({ room: created.room, token: created.tokens.owner, role: 'owner' });
  try {
    // Written at once, before the connection has delivered anything: the brand-new document is still empty here,
    // which is the only kind importMapFile writes into. The server's own title record merges in on sync.
    const written = importMapFile(session.doc, text, IMPORT_ORIGIN, session.privateDoc ?? undefined);
    if (!written.ok) return { ok: false, stage: 'file', errors: written.errors };
    const synced = await waitForStatus(session, (s) => s.synced, CONFIRM_TIMEOUT_MS);
    if (!synced.synced) {
      return {
        ok: false,
        stage: 'write',
        reason: {
          nl: `De nieuwe kaart "${title}" is gemaakt, maar de verbinding ermee lukt nu niet. Hij staat op de startpagina: open hem straks opnieuw, dan wordt hij alsnog opgeslagen.`,
          en: `The new map "${title}" was created, but connecting to it fails right now. It is on the start page: open it again shortly and it will be saved then.`,
        },
      };
    }
    // Set once more after the merge, so the file's title, template and date win over those written at creation.
    const meta = metaMap(session.doc);
    session.doc.transact(() => {
      setTitle(session.doc, title, IMPORT_ORIGIN);
      meta.set('template', parsed.snapshot.meta.template);
      meta.set('createdAt', parsed.snapshot.meta.createdAt);
    }, IMPORT_ORIGIN);
    await waitForStatus(session, (s) => s.unsent === 0, CONFIRM_TIMEOUT_MS);
    return { ok: true, room: created.room, path: localPath(created.links.owner), title, warnings: parsed.warnings };
  } finally {
    session.destroy();
  }
}
