/**
 * Reads the server's --cpu-prof output (.cpuprofile JSON) and says where the
 * time went during the idea phase: self time per function and per area
 * (ours in shared/ and server/, Socket.IO, SQLite, V8), and inclusive time of
 * the functions on the command path. Also runnable on its own:
 *   node --import tsx bench/profile.ts <file-or-dir> [startUs endUs]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** One row of a profile table. */
export interface ProfileRow { name: string; ms: number; pct: number }

/** Where the server's time went in a window. */
export interface ProfileSummary {
  file: string;
  windowMs: number;
  /** True when the window was found in the profile; false means the whole profile was used. */
  windowed: boolean;
  busyMs: number;
  topSelf: ProfileRow[];
  areas: ProfileRow[];
  topInclusive: ProfileRow[];
}

const AREAS: [string, RegExp][] = [
  ['shared/src/visibility.ts (audiences, shows, projectState)', /shared\/src\/visibility\.ts/],
  ['shared/src/state.ts + ideas/carousel (evolve, stations)', /shared\/src\/(state|ideas|carousel|agenda|support)\.ts/],
  ['shared/src/decide.ts + commands.ts (decide, parse)', /shared\/src\/(decide|commands|plan|refusals)\.ts/],
  ['shared/src other', /shared\/src\//],
  ['server/src/hub.ts (execute, commit, broadcast)', /server\/src\/hub\.ts/],
  ['server/src/sockets.ts', /server\/src\/sockets\.ts/],
  ['server/src/store (SQLite JS side)', /server\/src\/store\//],
  ['server/src other', /server\/src\//],
  ['better-sqlite3 (wrapper and the native SQLite calls under it: statements, commit, WAL fsync)', /better-sqlite3/],
  ['valibot', /valibot/],
  ['rate-limiter-flexible', /rate-limiter-flexible/],
  ['socket.io (rooms, broadcast, acks)', /node_modules\/socket\.io\//],
  ['socket.io-adapter', /socket\.io-adapter/],
  ['socket.io-parser (encode/decode)', /socket\.io-parser/],
  ['engine.io', /engine\.io\//],
  ['ws', /node_modules\/ws\//],
  ['tsx / esbuild loader', /tsx|esbuild/],
  ['other node_modules', /node_modules/],
  ['Node internals (node:…)', /^node:/],
];

function area(frame: CallFrame): string {
  if (frame.url === '') {
    if (frame.functionName.startsWith('(')) return frame.functionName;
    return 'V8 builtins / native (JSON, crypto, SQLite calls, …)';
  }
  return AREAS.find(([, re]) => re.test(frame.url))?.[0] ?? 'other';
}

function label(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '').replace(/^.*?\/(shared|server|bench|web)\/src\//, '$1/src/').replace(/^.*node_modules\//, '');
  return `${frame.functionName || '(anonymous)'} ${url ? `${url}:${frame.lineNumber + 1}` : '[native]'}`;
}

function rows(map: Map<string, number>, windowMs: number, n: number): ProfileRow[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000, pct: (us / 1000 / windowMs) * 100 }));
}

/** A stretch of time on the monotonic clock, in µs. */
export interface Window { startUs: number; endUs: number }

/** Summarises one profile within some stretches of monotonic time (µs); the whole profile when they do not fall inside it. */
export function summariseProfile(file: string, windows?: Window[]): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const windowed = !!windows?.length && windows.every((w) => w.startUs >= profile.startTime && w.endUs <= profile.endTime && w.endUs > w.startUs);
  const spans = windowed ? windows : [{ startUs: profile.startTime, endUs: profile.endTime }];
  const inside = (t: number) => spans.some((w) => t >= w.startUs && t <= w.endUs);
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (!inside(t)) return;
    const frame = byId.get(id)!.callFrame;
    self.set(label(frame), (self.get(label(frame)) ?? 0) + dt);
    areas.set(area(frame), (areas.get(area(frame)) ?? 0) + dt);
    if (frame.functionName === '(idle)') return;
    busy += dt;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const f = byId.get(node)!.callFrame;
      if (f.url === '' && f.functionName.startsWith('(')) continue;
      const key = label(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const windowMs = spans.reduce((n, w) => n + w.endUs - w.startUs, 0) / 1000;
  return {
    file, windowMs, windowed, busyMs: busy / 1000,
    topSelf: rows(self, windowMs, 15), areas: rows(areas, windowMs, 30).filter((r) => r.ms >= 1), topInclusive: rows(inclusive, windowMs, 25),
  };
}

/**
 * Summarises the main thread's profile in a directory (files are named
 * CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; thread 0 is the main one,
 * the others are workers such as tsx's module loader).
 */
export function summariseProfiles(dir: string, windows?: Window[]): ProfileSummary | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const main = files.find((f) => f.split('.')[4] === '0') ?? files[0];
  return main ? summariseProfile(join(dir, main), windows) : undefined;
}

/** The summary as Markdown tables. */
export function profileMarkdown(s: ProfileSummary): string {
  const table = (title: string, list: ProfileRow[]) =>
    [`| ${title} | ms | % of window |`, '| --- | ---: | ---: |', ...list.map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`)].join('\n');
  return [
    `Profile ${s.windowed ? 'of this phase' : '(whole run: the window was not found in it)'}: ${s.windowMs.toFixed(0)} ms of it, ` +
      `${s.busyMs.toFixed(0)} ms not idle (${((s.busyMs / s.windowMs) * 100).toFixed(0)} %; this counts time blocked in system calls such as fsync, which CPU % does not).`,
    '', '**Self time by area**', '', table('area', s.areas),
    '', '**Top self time**', '', table('function', s.topSelf),
    '', '**Inclusive time (function and what it calls)**', '', table('function', s.topInclusive),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile.ts') && process.argv[2]) {
  const [target, start, end] = process.argv.slice(2);
  const windows = start && end ? [{ startUs: Number(start), endUs: Number(end) }] : undefined;
  const summary = statSync(target!).isDirectory() ? summariseProfiles(target!, windows) : summariseProfile(target!, windows);
  console.log(summary ? profileMarkdown(summary) : 'no .cpuprofile found');
}
