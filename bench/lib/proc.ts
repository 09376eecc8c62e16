import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Clock ticks per second for /proc/<pid>/stat times (100 on every Linux this runs on, asked once anyway). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in seconds; undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/**
 * Seconds the process's main thread has spent waiting in the run queue for a CPU (from /proc/<pid>/schedstat):
 * on a shared machine this is how long it was ready to work but another process had the core.
 */
export function runQueueSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
    return Number(fields[1]) / 1e9;
  } catch {
    return undefined;
  }
}

/** Resident set size in bytes (VmRSS), or undefined once the process is gone. */
export function rssBytes(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples one process's RSS every `everyMs` and keeps the peak; CPU is read at mark() and stop(). */
export class ProcessSampler {
  private timer: NodeJS.Timeout | undefined;
  private peak = 0;
  private last = 0;
  private cpuStart: number | undefined;
  private waitStart: number | undefined;
  private wallStart = 0;

  constructor(readonly pid: number, private readonly everyMs = 250) {}

  /** Starts the CPU window and the RSS peak from now. */
  start(): void {
    this.cpuStart = cpuSeconds(this.pid);
    this.waitStart = runQueueSeconds(this.pid);
    this.wallStart = performance.now();
    this.peak = rssBytes(this.pid) ?? 0;
    this.timer = setInterval(() => {
      const rss = rssBytes(this.pid);
      if (rss !== undefined) {
        this.last = rss;
        if (rss > this.peak) this.peak = rss;
      }
    }, this.everyMs);
    this.timer.unref();
  }

  /** Ends the window: CPU seconds used, CPU share of one core (percent), peak and last RSS. */
  stop(): { cpuSeconds: number; cpuPercent: number; waitPercent: number; wallSeconds: number; peakRssBytes: number; endRssBytes: number } {
    if (this.timer) clearInterval(this.timer);
    const end = cpuSeconds(this.pid);
    const waitEnd = runQueueSeconds(this.pid);
    const rss = rssBytes(this.pid);
    if (rss !== undefined) {
      this.last = rss;
      this.peak = Math.max(this.peak, rss);
    }
    const wallSeconds = (performance.now() - this.wallStart) / 1000;
    const used = end !== undefined && this.cpuStart !== undefined ? end - this.cpuStart : Number.NaN;
    const waited = waitEnd !== undefined && this.waitStart !== undefined ? waitEnd - this.waitStart : Number.NaN;
    return { cpuSeconds: used, cpuPercent: (used / wallSeconds) * 100, waitPercent: (waited / wallSeconds) * 100, wallSeconds, peakRssBytes: this.peak, endRssBytes: this.last };
  }
}

/** Bytes of every file under `dir` (apparent sizes), 0 when it does not exist. */
export function dirBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += dirBytes(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

/** What this machine is, for the report header. */
export function machineInfo(): { cpu: string; cores: number; memoryGiB: number; node: string; os: string } {
  let cpu = 'unknown';
  let cores = 0;
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
    cores = (info.match(/^processor\s*:/gm) ?? []).length;
  } catch {
    // not Linux: leave unknown
  }
  let memoryGiB = 0;
  try {
    const kb = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
    memoryGiB = Math.round((kb / 1024 / 1024) * 10) / 10;
  } catch {
    // leave 0
  }
  let os: string = process.platform;
  try {
    os = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // leave the platform
  }
  return { cpu, cores, memoryGiB, node: process.version, os };
}
