import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runRelay } from './relayRun';
import { summarizeProfile, type CpuProfile, type ProfileLine } from './profileSummary';
import { benchTmp } from './servers';

export interface ServerProfile {
  file: string;
  clients: number;
  totalMs: number;
  bySelf: ProfileLine[];
  byTotal: ProfileLine[];
}

/** One extra relay run of our server under `node --cpu-prof`; the numbers of this run are not reported. */
export async function profileServer(clients: number, durationMs: number): Promise<ServerProfile> {
  const dir = join(benchTmp, 'profiles', 'server');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await runRelay({ contender: 'mantelkaart', rooms: 1, clientsPerRoom: clients, intervalMs: 50, durationMs, drainTimeoutMs: 15_000, cpuProfDir: dir });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  return { file: join(dir, file), clients, ...summarizeProfile(profile, 30) };
}
