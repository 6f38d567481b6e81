/**
 * Child processes of the bench: pinned with taskset when it works, all
 * killed on every way out (normal end, error, Ctrl-C), and read from /proc.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const children = new Set<ChildProcess>();
let pinning: boolean | undefined;
let niceness = 0;

/** Runs the server and generators spawned from now on at this niceness (negative: ahead of other users' work). */
export function setNiceness(n: number): void {
  niceness = n;
}

/** Whether `taskset` exists and may set affinity here. */
export function canPin(): boolean {
  pinning ??= spawnSync('taskset', ['-c', '0', 'true']).status === 0 && spawnSync('taskset', ['-c', '1', 'true']).status === 0;
  return pinning;
}

/** Pins this process, all its threads (and what it spawns unpinned) to a core; false when not possible. */
export function pinSelf(core: number): boolean {
  return canPin() && spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)]).status === 0;
}

/** The soft and hard open-file limits of this process. */
export function fileLimit(): { soft: number; hard: number } {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files')) ?? '';
  const [soft, hard] = line.replace('Max open files', '').trim().split(/\s+/).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  return { soft: soft ?? NaN, hard: hard ?? NaN };
}

/**
 * Spawns `node <nodeArgs>` pinned to a core, with its open-file limit raised
 * to the hard limit. `sh` and `taskset` exec into node, so the pid is node's.
 */
export function spawnNode(core: number, nodeArgs: string[], options: SpawnOptions = {}): ChildProcess {
  const pin = [...(niceness ? ['nice', '-n', String(niceness)] : []), ...(canPin() ? ['taskset', '-c', String(core)] : [])];
  const child = spawn('sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', ...pin, process.execPath, ...nodeArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops a child: the signal, then SIGKILL after graceMs; resolves with its exit code and how long it took. */
export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const started = Date.now();
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, ms: Date.now() - started });
    });
    child.kill(signal);
  });
}

/** Stops every child still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stop(c, 'SIGTERM', 3000)));
}

const leftovers = new Set<string>();

/** Removes this path (a temp dir or file) when the bench exits, however it exits. */
export function removeOnExit(path: string): void {
  leftovers.add(path);
}

/** Kills every child at once and removes the temp files (for process exit, where nothing can wait). */
function killAllNow(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
}

/** Makes sure no child outlives the bench, however it ends. */
export function installCleanup(): void {
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping every bench process.`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/** CPU seconds a process has used so far, in user and in system (kernel) mode. */
export function cpuTimes(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(rest[11]) / clockTicks(), system: Number(rest[12]) / clockTicks() };
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const t = cpuTimes(pid);
  return t.user + t.system;
}

let ticks: number | undefined;
function clockTicks(): number {
  ticks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return ticks;
}

/** Resident memory of a process, in KiB. */
export function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? NaN);
}

/** Which cores a process may run on (from /proc), e.g. "0". */
export function allowedCores(pid: number): string {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Cpus_allowed_list:'));
  return line?.split(':')[1]?.trim() ?? '?';
}

/** Keeps the last lines a child printed, and resolves when a line matches. */
export function watchOutput(child: ChildProcess, keep = 60) {
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > keep) lines.shift();
      for (const w of [...waiters]) {
        const m = line.match(w.re);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    lines,
    /** Resolves with the first line matching re; rejects on exit or after timeoutMs. */
    waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}:\n${lines.join('\n')}`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`process exited (${code}) before ${re}:\n${lines.join('\n')}`)));
        waiters.push({ re, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
  };
}

/** Time a process has run and waited for a CPU so far, in seconds (/proc/<pid>/schedstat). */
export function schedSeconds(pid: number): { run: number; wait: number } {
  const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
  return { run: (run ?? NaN) / 1e9, wait: (wait ?? NaN) / 1e9 };
}

/** Busy and total jiffies of each core (/proc/stat). */
function coreJiffies(): { busy: number; total: number }[] {
  return readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).map((l) => {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = l.split(/\s+/).slice(1, 9).map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy, total: busy + idle! + iowait! };
  });
}

/** Microseconds some task waited for a CPU, machine-wide (/proc/pressure/cpu), or NaN. */
function cpuPressureUs(): number {
  try {
    return Number(/some .*total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** TCP listen-queue overflows and dropped SYNs so far, machine-wide (/proc/net/netstat TcpExt). */
function listenQueue(): { overflows: number; drops: number } {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const names = lines[0]!.split(/\s+/);
    const values = lines[1]!.split(/\s+/).map(Number);
    return { overflows: values[names.indexOf('ListenOverflows')] ?? NaN, drops: values[names.indexOf('ListenDrops')] ?? NaN };
  } catch {
    return { overflows: NaN, drops: NaN };
  }
}

/** A reading of the server, its load generators and the machine at one moment. */
export interface Reading {
  at: number; server: number; serverSystem: number; sched: { run: number; wait: number }; generators: number;
  cores: { busy: number; total: number }[]; pressureUs: number; listen: { overflows: number; drops: number };
}

/** Reads the server, the generator processes and the machine now. */
export function reading(serverPid: number, generatorPids: number[]): Reading {
  const generators = generatorPids.reduce((n, pid) => {
    try {
      return n + cpuSeconds(pid);
    } catch {
      return n;
    }
  }, 0);
  const times = cpuTimes(serverPid);
  return { at: performance.now(), server: times.user + times.system, serverSystem: times.system, sched: schedSeconds(serverPid), generators, cores: coreJiffies(), pressureUs: cpuPressureUs(), listen: listenQueue() };
}

/** What happened between two readings, in % of one core (or of the time, for waits and pressure). */
export interface Usage { serverCpuPct: number; serverSystemPct: number; serverWaitPct: number; generatorsCpuPct: number; corePct: number[]; pressurePct: number; listenOverflows: number; listenDrops: number; seconds: number }

/** The usage between two readings. */
export function usage(a: Reading, b: Reading): Usage {
  const seconds = (b.at - a.at) / 1000;
  return {
    serverCpuPct: ((b.server - a.server) / seconds) * 100,
    serverSystemPct: ((b.serverSystem - a.serverSystem) / seconds) * 100,
    serverWaitPct: ((b.sched.wait - a.sched.wait) / seconds) * 100,
    generatorsCpuPct: ((b.generators - a.generators) / seconds) * 100,
    corePct: b.cores.map((c, i) => ((c.busy - a.cores[i]!.busy) / Math.max(1, c.total - a.cores[i]!.total)) * 100),
    pressurePct: ((b.pressureUs - a.pressureUs) / 1e6 / seconds) * 100,
    listenOverflows: b.listen.overflows - a.listen.overflows,
    listenDrops: b.listen.drops - a.listen.drops,
    seconds,
  };
}

/** Usage over several stretches of time, weighted by their lengths (counts add up). */
export function combine(parts: { usage: Usage; seconds: number }[]): Usage {
  const total = parts.reduce((n, p) => n + p.seconds, 0);
  const avg = (f: (u: Usage) => number) => parts.reduce((n, p) => n + f(p.usage) * p.seconds, 0) / total;
  const cores = parts[0]?.usage.corePct.length ?? 0;
  return {
    serverCpuPct: avg((u) => u.serverCpuPct), serverSystemPct: avg((u) => u.serverSystemPct), serverWaitPct: avg((u) => u.serverWaitPct),
    generatorsCpuPct: avg((u) => u.generatorsCpuPct), corePct: Array.from({ length: cores }, (_, i) => avg((u) => u.corePct[i]!)),
    pressurePct: avg((u) => u.pressurePct),
    listenOverflows: parts.reduce((n, p) => n + p.usage.listenOverflows, 0), listenDrops: parts.reduce((n, p) => n + p.usage.listenDrops, 0),
    seconds: total,
  };
}
