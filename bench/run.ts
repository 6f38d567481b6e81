/**
 * `npm run bench`: the load benchmark of issue 8. Starts Karusell's
 * production server (and then the bare Socket.IO relay) pinned to core 0,
 * load generators pinned to core 1, measures, prints a table and writes its
 * section of docs/performance.md. `--lcp` measures the phone pages' Largest
 * Contentful Paint instead. See USAGE in options.ts.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runLcp, lcpMarkdown } from './lcp';
import { runLoad, type LoadResult } from './load';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { canPin, fileLimit, installCleanup, pinSelf, setNiceness, stopAll } from './procs';
import { profileMarkdown } from './profile';
import { productionNodeFlags } from './server';
import { environment, machine, markdownTable, printTable, rows, sectionKey, writeSection } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = join(ROOT, 'docs/performance.md');
const SKELETON = `# Performance

Figures from \`npm run bench\` (bench/). Each run below replaces its own section.

<!-- bench:results-end -->
`;

const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

/** What sets a run apart from the plain one, for its heading. */
function variant(o: BenchOptions): string {
  const notes = [
    o.cpuProf && 'under --cpu-prof',
    o.dbDir && `database in ${o.dbDir}${o.dbDir.startsWith('/dev/shm') ? ': fsync removed, diagnostic' : ''}`,
    o.gc && 'memory after a forced GC (--gc)',
    o.bareBacklog && `bare relay with listen backlog ${o.bareBacklog}`,
    o.nice && `nice ${o.nice}`,
  ].filter(Boolean);
  return notes.length ? ` (${notes.join('; ')})` : '';
}

function header(o: BenchOptions, pinned: boolean, date: string, fleet: number): string {
  const n = o.workshops * o.phones;
  return [
    `### ${o.workshops} workshops × ${o.phones} phones = ${n.toLocaleString('en')} phones, ${o.rate} ideas/s for ${o.seconds} s${variant(o)}`,
    '',
    `Run ${date}: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`.`,
    '',
    `- Parameters: ${o.groups} groups and ${o.stations} stations per workshop (carousel round 0, phones spread evenly over the groups), ` +
      `a screen and a facilitator per workshop; ideas spread evenly over time and phones; ${fleet} generator processes of at most ${o.perProcess} connections; ` +
      `joins ${o.joinConcurrency} at a time per generator; generators run with \`--no-memory-reducer\` and each collects its garbage (\`--expose-gc\`, one process at a time, then 1 s) before the idea phase and before each storm; settle pause ${o.settleMs / 1000} s before each RSS reading; storm senders ${(o.stormSenders * 100).toFixed(0)} % of phones.`,
    `- Order: both servers are prepared (Karusell first) and stay up with their phones connected; the idea phase runs in ${Math.max(1, Math.ceil(o.seconds / o.slice))} slices of ` +
      `${(o.seconds / Math.max(1, Math.ceil(o.seconds / o.slice))).toFixed(1)} s per server, alternating between them, so both meet the same neighbours; then Karusell's storm, then the bare relay's.`,
    `- Database: ${o.dbDir ? `in ${o.dbDir}${o.dbDir.startsWith('/dev/shm') ? ' (tmpfs: fsync costs nothing there — a diagnostic run, not the real setting)' : ''}` : 'a fresh SQLite file in a temp dir on the root disk'}, ` +
      'opened by the server as it is configured (server/src/store/sqlite.ts: WAL, synchronous = NORMAL; each ack waits for an fdatasync of the WAL on the thread pool; checkpoints in a worker thread every 2 s).',
    `- Pinning: ${pinned ? 'taskset used — server on core 0, load generators and the orchestrator on core 1' : 'NOT pinned (taskset unavailable here)'}. ` +
      `Priority: ${o.nice ? `server and generators at nice ${o.nice}, ahead of other users' processes on this shared machine` : 'default (nice 0), sharing the cores with whatever else runs'}.`,
    `- Memory: RSS (VmRSS) read after a ${o.settleMs / 1000} s settle pause${o.gc ? '; the servers also ran with `--inspect=127.0.0.1:0` so the bench could force a GC (HeapProfiler.collectGarbage) and read process.memoryUsage() before each reading' : ', with no forced GC'}.`,
    ...(o.bareBacklog ? [`- Diagnostic: the bare relay listens with backlog ${o.bareBacklog}; Karusell listens with backlog 4096 (server/src/app.ts).`] : []),
    `- Runtime: both servers run with the Node flags of \`npm start\` (${productionNodeFlags(ROOT).map((f) => `\`${f}\``).join(' ') || 'none'}); why these, see "Garbage collection" in docs/performance.md.`,
    `- Transport: WebSocket only (\`transports: ['websocket']\`) for every bench client.`,
    '- Clock: the send time is written into the idea text with `performance.timeOrigin + performance.now()` and read back at the screen; ' +
      'whole workshops (phones, screen, facilitator) live in one generator process, so sender and screen share a process.',
    `- Machine: ${machine().join('; ')}.`,
    '',
    `<details><summary>env</summary>\n\n\`\`\`\n${environment().join('\n')}\n\`\`\`\n</details>`,
  ].join('\n');
}

function notes(k: LoadResult, b: LoadResult | undefined): string {
  const lines: string[] = [];
  for (const r of [k, b]) {
    if (!r) continue;
    if (Object.keys(r.phones.errors).length) lines.push(`- ${r.kind} join errors: ${JSON.stringify(r.phones.errors)}`);
    if (Object.keys(r.ideas.refused).length) lines.push(`- ${r.kind} refusals: ${JSON.stringify(r.ideas.refused)}`);
    if (Object.keys(r.running.refused).length) lines.push(`- ${r.kind} start_item refusals: ${JSON.stringify(r.running.refused)}`);
    if (r.storm?.stuck.length) lines.push(`- ${r.kind} storm: phones that never resynced, e.g. ${r.storm.stuck.map((l) => `\`${l.slice(0, 400)}\``).join('; ')}`);
    if (r.serverComplaints.length) lines.push(`- ${r.kind} server log: ${r.serverComplaints.map((l) => `\`${l.slice(0, 160)}\``).join(', ')}`);
    lines.push(`- ${r.kind}: server allowed on cores ${r.serverCores}, generators on ${r.generatorCores}.`);
  }
  return lines.join('\n');
}

async function loadBench(o: BenchOptions, pinned: boolean): Promise<void> {
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const [karusell, bare] = (await runLoad(o, ROOT, log)) as [LoadResult, LoadResult | undefined];
  const table = rows(o, karusell, bare);
  console.log(`\n${printTable(table)}\n`);
  for (const p of karusell.profiles ?? []) console.log(`\n#### ${p.phase}\n\n${profileMarkdown(p.summary)}`);
  if (!o.write) return;
  const body = [
    header(o, pinned, date, karusell.generators), '', markdownTable(table), '', notes(karusell, bare),
    ...(karusell.profiles ?? []).flatMap((p) => ['', `#### Server CPU profile: ${p.phase}`, '', profileMarkdown(p.summary)]),
  ].join('\n');
  writeSection(DOC, sectionKey(o), body, SKELETON);
  log(`wrote section ${sectionKey(o)} of ${DOC}`);
}

async function lcpBench(o: BenchOptions): Promise<void> {
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const run = await runLcp(ROOT, o, log);
  const body = [
    `### Largest Contentful Paint on the phone, 400 kbps / 400 ms RTT`,
    '',
    `Run ${date}: \`npm run bench -- --lcp\`. Debian Chromium (${'headless, --no-sandbox --disable-gpu --disable-background-networking'}) driven by playwright-core; ` +
      'CDP `Network.emulateNetworkConditions` { latency 400 ms, down/up 400 kbit/s }, cache disabled, fresh context per page, 390×844 viewport ' +
      '(deviceScaleFactor 2, touch). LCP is the last `largest-contentful-paint` entry (buffered observer) 8 s after `load`. Times are ms from navigation start.',
    `Machine: ${machine().join('; ')}.`,
    '',
    lcpMarkdown(run),
  ].join('\n');
  console.log(`\n${lcpMarkdown(run)}\n`);
  if (run.screenshots) log(`screenshots in ${run.screenshots}`);
  if (o.write) writeSection(DOC, 'lcp', body, SKELETON);
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  installCleanup();
  const pinned = canPin() && pinSelf(1);
  setNiceness(o.nice);
  const limit = fileLimit();
  const needed = o.workshops * (o.phones + 2) + 1000;
  log(`taskset pinning: ${pinned ? 'yes (server core 0, clients core 1)' : 'no'}; open-file limit ${limit.soft} (hard ${limit.hard}), children raise theirs to the hard limit`);
  if (limit.hard < needed) log(`WARNING: the hard open-file limit ${limit.hard} is below the ~${needed} the server needs at this size`);
  if (o.lcp) await lcpBench(o);
  else await loadBench(o, pinned);
}

main()
  .then(() => stopAll())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    console.error(USAGE);
    await stopAll();
    process.exitCode = 1;
  });
