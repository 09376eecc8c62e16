import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { StoreError } from './StoreError.js';
import { tornLogTails } from './levelLogTail.js';

/** One thing that happened while opening the store that an operator should know about. */
export interface RecoveryEvent {
  /**
   * Stable code for logs: STORE_CURRENT_MISSING, STORE_OPEN_CORRUPT, STORE_REPAIRED, STORE_LOG_DAMAGE, STORE_LOG_TORN,
   * STORE_LOST_FILES.
   */
  code: string;
  message: string;
}

/** What opening the store had to do; `clean` is true when LevelDB opened without noticing any damage. */
export interface RecoveryReport {
  clean: boolean;
  repaired: boolean;
  events: RecoveryEvent[];
}

export type LevelDb = ClassicLevel<string, Uint8Array>;

// Lines LevelDB writes to its LOG file when it drops data during recovery or repair.
const DAMAGE_LINE = /corruption|dropping|ignoring error|archiving|bad record|lost/i;

/**
 * Opens LevelDB at `dir`, repairing it when it is damaged, and says what happened.
 *
 * Two traps this avoids: (1) LevelDB refuses to open after a corrupt MANIFEST; repair() rebuilds it from the table
 * and log files. (2) With CURRENT missing, createIfMissing silently starts an *empty* database and deletes the
 * existing table files as obsolete; so when LevelDB files exist without CURRENT, we repair before opening.
 * Damage LevelDB tolerates silently (a corrupt log block is skipped during recovery) is only visible in its LOG
 * file, so the report includes the matching LOG lines.
 */
export async function openLevelWithRepair(dir: string): Promise<{ db: LevelDb; report: RecoveryReport }> {
  await mkdir(dir, { recursive: true });
  const events: RecoveryEvent[] = [];
  let repaired = false;
  const lostBefore = lostFiles(dir);
  // Read before opening: opening replays the log into a table and starts a new one.
  for (const torn of tornLogTails(dir)) {
    events.push({
      code: 'STORE_LOG_TORN',
      message: `${torn.file} ends in the middle of a write (${torn.bytes} bytes, e.g. a power cut while writing); that last unfinished write is dropped, everything before it is kept`,
    });
  }

  if (!existsSync(join(dir, 'CURRENT')) && hasLevelFiles(dir)) {
    events.push({ code: 'STORE_CURRENT_MISSING', message: `${dir}: LevelDB files present but CURRENT is missing; repairing instead of starting empty` });
    await repair(dir, events);
    repaired = true;
  }

  let db = newDb(dir);
  try {
    await db.open();
  } catch (error) {
    if (codeOf(error) === 'LEVEL_LOCKED') {
      throw new StoreError('STORE_LOCKED', `${dir} is in use by another process (is a server already running on this DATA_DIR?)`, { cause: error });
    }
    events.push({ code: 'STORE_OPEN_CORRUPT', message: `${dir}: LevelDB could not open (${describe(error)}); repairing` });
    await repair(dir, events);
    repaired = true;
    db = newDb(dir);
    try {
      await db.open();
    } catch (again) {
      throw new StoreError('STORE_OPEN_FAILED', `${dir} could not be opened even after repair: ${describe(again)}`, { cause: again });
    }
  }

  for (const line of damageLines(join(dir, 'LOG'))) {
    events.push({ code: 'STORE_LOG_DAMAGE', message: line });
  }
  const lost = lostFiles(dir).filter((f) => !lostBefore.includes(f));
  if (lost.length > 0) {
    // Repair archives every log and manifest it replaced there, whether it could read them or not.
    events.push({
      code: 'STORE_LOST_FILES',
      message: `LevelDB repair archived the files it replaced in ${join(dir, 'lost')} (${lost.join(', ')}); delete them once the maps are checked`,
    });
  }
  return { db, report: { clean: events.length === 0, repaired, events } };
}

function newDb(dir: string): LevelDb {
  return new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
}

async function repair(dir: string, events: RecoveryEvent[]): Promise<void> {
  await ClassicLevel.repair(dir);
  // The next open rotates LOG to LOG.old, so read what repair wrote now.
  const lines = damageLines(join(dir, 'LOG'));
  events.push({ code: 'STORE_REPAIRED', message: `${dir}: LevelDB repair finished${lines.length ? `: ${lines.join(' | ')}` : ''}` });
}

function hasLevelFiles(dir: string): boolean {
  return readdirSync(dir).some((f) => /^MANIFEST-\d+$|^\d+\.(ldb|sst|log)$/.test(f));
}

function lostFiles(dir: string): string[] {
  const lost = join(dir, 'lost');
  return existsSync(lost) ? readdirSync(lost) : [];
}

function damageLines(logFile: string): string[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => DAMAGE_LINE.test(line))
    .map((line) => line.replace(/^\S+ \S+ /, '')); // drop LevelDB's timestamp and thread id
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? error.code : undefined;
  const cause = 'cause' in error ? error.cause : undefined;
  const causeCode = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  // abstract-level wraps the binding's error: LEVEL_DATABASE_NOT_OPEN with the real reason as cause.
  return typeof causeCode === 'string' ? causeCode : typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
