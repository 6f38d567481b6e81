/**
 * The bench's table (printed) and its section of docs/performance.md, with
 * the budgets beside every figure. Each kind of run owns one section between
 * `<!-- bench:<key> -->` markers, so a rerun replaces its own figures and
 * leaves the others (and the prose around them) alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { MemoryUsage } from './inspector';
import type { LoadResult, StormResult } from './load';
import type { BenchOptions } from './options';
import { fileLimit, type Usage } from './procs';
import { fmt, type Spread } from './stats';

type Row = [metric: string, karusell: string, bare: string, budget: string, verdict: string];

/** The machine the bench ran on. */
export function machine(): string[] {
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? '?';
  const sh = (cmd: string) => {
    try {
      return execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  const limits = fileLimit();
  return [
    `CPU: ${cpuModel}, nproc ${sh('nproc --all')}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; kernel ${sh('uname -r')}`,
    `Node ${process.version}; socket.io ${sh('node -p "require(\'socket.io/package.json\').version"')}; open files ${limits.soft} (hard ${limits.hard}); ` +
      `net.core.somaxconn ${sh('cat /proc/sys/net/core/somaxconn')}; load average at start ${sh('cut -d" " -f1-3 /proc/loadavg')}`,
  ];
}

/** `env`, without the certificate-path noise. */
export function environment(): string[] {
  return Object.entries(process.env)
    .filter(([k]) => !/CERT|CA_|SSL|BUNDLE|ROOTS|^npm_|^_$|^OLDPWD$|^INIT_CWD$|^NODE$|^COLOR$|^EDITOR$/.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .sort();
}

const ms = (s: Spread | undefined, key: keyof Spread) => (s ? fmt(s[key], 1) : '–');
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : '**missed**');

function latencyBudget(o: BenchOptions): { limit: number; applies: boolean } {
  const phones = o.workshops * o.phones;
  if (phones >= 5000) return { limit: 250, applies: o.rate >= 100 };
  return { limit: 100, applies: phones >= 2000 && o.rate >= 100 };
}

/** The rows of the table. */
export function rows(o: BenchOptions, k: LoadResult, b: LoadResult | undefined): Row[] {
  const lat = latencyBudget(o);
  const ratio = b ? k.ideas.latency.p99 / b.ideas.latency.p99 : NaN;
  const applies = (ok: boolean) => (lat.applies ? verdict(ok) : `(${ok ? 'within' : 'over'}; budget is for ${lat.limit === 250 ? '5,000' : '2,000'} phones at 100/s)`);
  const kb = (r: LoadResult) => r.rss.perPhoneKb * 1.024;
  const both = (f: (r: LoadResult) => string): [string, string] => [f(k), b ? f(b) : '–'];
  const storm = k.storm;
  const v = k.verify;
  const stormApplies = k.phones.connected >= 2000 && k.phones.connected < 5000;
  const list: Row[] = [
    ['phones connected / wanted', ...both((r) => `${r.phones.connected} / ${r.phones.wanted}`), '', r0(k.phones.failed === 0)],
    ['join: TCP listen-queue overflows / dropped SYNs', ...both((r) => `${r.phones.usage.listenOverflows} / ${r.phones.usage.listenDrops}`), '', ''],
    ['join: seconds (phones/s), server CPU % / waiting %', ...both((r) => `${fmt(r.phones.joinSeconds)} (${fmt(r.phones.connected / r.phones.joinSeconds, 0)}/s), ${fmt(r.phones.usage.serverCpuPct, 0)} / ${fmt(r.phones.usage.serverWaitPct, 0)}`), '', ''],
    ['phones shown the running carousel', ...both((r) => `${r.running.running} / ${r.running.phones}`), '', ''],
    ['ideas planned / sent / acked', ...both((r) => `${r.ideas.planned} / ${r.ideas.sent} / ${r.ideas.acked}`), '', r0(k.ideas.acked === k.ideas.planned)],
    ['ideas refused / ack timeouts / missing at screen', ...both((r) => `${sumOf(r.ideas.refused)} / ${r.ideas.ackTimeouts} / ${r.ideas.missingAtScreen}`), '0', r0(sumOf(k.ideas.refused) + k.ideas.ackTimeouts + k.ideas.missingAtScreen === 0)],
    ['idea → screen p50 ms', ...both((r) => ms(r.ideas.latency, 'p50')), '', ''],
    ['idea → screen p95 ms', ...both((r) => ms(r.ideas.latency, 'p95')), '', ''],
    ['idea → screen p99 ms', ...both((r) => ms(r.ideas.latency, 'p99')), `≤ ${lat.limit}`, applies(k.ideas.latency.p99 <= lat.limit)],
    ['idea → screen max ms', ...both((r) => ms(r.ideas.latency, 'max')), '', ''],
    ['overhead ratio (our p99 / bare p99)', fmt(ratio, 2), '1', '≤ 1.5', !b ? 'n/a' : lat.limit === 100 ? applies(ratio <= 1.5) : `(${ratio <= 1.5 ? 'within' : 'over'}; budget is for 2,000 phones)`],
    ['p99 split at the server\'s emit: send → emit / emit → screen ms', ...both((r) => `${ms(r.ideas.toServer, 'p99')} / ${ms(r.ideas.fromServer, 'p99')}`), '', ''],
    ['ack p50 / p99 ms', ...both((r) => `${ms(r.ideas.ack, 'p50')} / ${ms(r.ideas.ack, 'p99')}`), '', ''],
    ['idea phase: server CPU % (of it kernel) / waiting for a CPU %', ...both((r) => `${fmt(r.ideas.usage.serverCpuPct, 0)} (${fmt(r.ideas.usage.serverSystemPct, 0)}) / ${fmt(r.ideas.usage.serverWaitPct, 0)}`), '', ''],
    ['server CPU ms per idea (CPU time over the phase / ideas)', ...both((r) => fmt((r.ideas.usage.serverCpuPct / 100) * o.seconds * 1000 / r.ideas.acked, 2)), '', ''],
    ['idea phase: generators CPU % (all on core 1)', ...both((r) => fmt(r.ideas.usage.generatorsCpuPct, 0)), '', ''],
    ['idea phase: core 0 / core 1 busy %, all processes; CPU pressure %', ...both((r) => machineLoad(r.ideas.usage)), '', ''],
    ['server RSS: no phones / with phones / peak MiB', ...both((r) => `${fmt(r.rss.baselineKb / 1024)} / ${fmt(r.rss.withPhonesKb / 1024)} / ${fmt(r.rss.peakKb / 1024)}`), '', ''],
    ['disk: fdatasync 4 KiB during idea phase p50 / p99 / max ms', ...both((r) => (r.ideas.fsync ? `${ms(r.ideas.fsync, 'p50')} / ${ms(r.ideas.fsync, 'p99')} / ${ms(r.ideas.fsync, 'max')}` : '–')), '', ''],
    k.rss.afterGc
      ? ['RSS per idle phone, KB (no GC: not comparable in a --gc run)', ...both((r) => fmt(kb(r), 1)), '', '']
      : ['RSS per idle phone, KB (settled, no GC)', ...both((r) => fmt(kb(r), 1)), '≤ 20', verdict(kb(k) <= 20)],
    ...gcRows(k, b),
    ['events messages per idea (phones / screen / facilitator)', ...both((r) => `${fmt(r.traffic.messagesPerIdea, 2)} (${perIdea(r, 'participant')} / ${perIdea(r, 'screen')} / ${perIdea(r, 'facilitator')})`), '', ''],
    ['events per idea, all clients', ...both((r) => fmt(r.traffic.eventsPerIdea, 2)), '', ''],
    ['unexpected disconnects in idea phase', ...both((r) => String(r.disconnects)), '0', r0(k.disconnects === 0)],
    ['generator: worst send lateness ms', ...both((r) => fmt(r.ideas.maxSendLagMs, 1)), '', ''],
  ];
  if (storm) {
    const st = (f: (x: StormResult) => string): [string, string] => [f(storm), b?.storm ? f(b.storm) : '–'];
    list.push(
      ['storm: phones resynced / dropped', ...st((x) => `${x.resynced} / ${x.phones}`), '', r0(storm.resynced === storm.phones)],
      ['storm: all resynced within ms', ...st((x) => fmt(x.allResyncedMs, 0)), '≤ 5000', stormApplies ? verdict(storm.allResyncedMs <= 5000 && storm.resynced === storm.phones) : '(budget is for 2,000)'],
      ['storm: resync p50 / p95 / p99 ms', ...st((x) => `${ms(x.resync, 'p50')} / ${ms(x.resync, 'p95')} / ${ms(x.resync, 'p99')}`), '', ''],
      ['storm: greeted by snapshot / by events', ...st((x) => `${x.snapshots} / ${x.eventBatches}`), '', ''],
      ['storm: connect errors', ...st((x) => JSON.stringify(x.connectErrors)), '', ''],
      ['storm: TCP listen-queue overflows / dropped SYNs (machine-wide)', ...st((x) => `${x.usage.listenOverflows} / ${x.usage.listenDrops}`), '', ''],
      ['storm: CPU ms per reconnecting phone, server / generators', ...st((x) => `${fmt((x.usage.serverCpuPct * 10 * x.usage.seconds) / x.phones, 2)} / ${fmt((x.usage.generatorsCpuPct * 10 * x.usage.seconds) / x.phones, 2)}`), '', ''],
      ['storm: server CPU % / waiting for a CPU %; generators CPU %', ...st((x) => `${fmt(x.usage.serverCpuPct, 0)} / ${fmt(x.usage.serverWaitPct, 0)}; ${fmt(x.usage.generatorsCpuPct, 0)}`), '', ''],
      ['storm: core 0 / core 1 busy %; CPU pressure %', ...st((x) => machineLoad(x.usage)), '', ''],
      ['storm ideas: senders, queued, acked, resends, refused, unsent', ...st((x) => `${x.senders}, ${x.queued}, ${x.acked}, ${x.resends}, ${sumOf(x.refused)}, ${x.unsent}`), '', r0(storm.acked === storm.queued)],
    );
  }
  if (v) {
    list.push(
      ['all ideas: acked / stored', `${v.acked} / ${v.stored}`, '', '', ''],
      ['ideas lost (acked, not stored)', String(v.lost), '', '0', verdict(v.lost === 0)],
      ['ideas duplicated', String(v.duplicated), '', '0', verdict(v.duplicated === 0)],
      ['ideas stored but never acked', String(v.storedNotAcked), '', '', ''],
    );
  }
  list.push(['server exit on SIGINT: code, ms', ...both((r) => `${r.shutdown.code ?? r.shutdown.signal}, ${r.shutdown.ms}`), '0', r0(k.shutdown.code === 0)]);
  return list;
}

/** Per-phone memory after a forced GC (with --gc): RSS, V8 heap in use, and memory outside the heap. */
function gcRows(k: LoadResult, b: LoadResult | undefined): Row[] {
  if (!k.rss.afterGc) return [];
  const per = (r: LoadResult, key: keyof MemoryUsage) =>
    r.rss.afterGc ? fmt((r.rss.afterGc.withPhones[key] - r.rss.afterGc.baseline[key]) / r.phones.connected / 1000, 1) : '–';
  const row = (label: string, key: keyof MemoryUsage): Row => [label, per(k, key), b ? per(b, key) : '–', '', ''];
  return [
    [...row('after forced GC: RSS per idle phone, KB', 'rss').slice(0, 3) as [string, string, string], '≤ 20', verdict((k.rss.afterGc.withPhones.rss - k.rss.afterGc.baseline.rss) / k.phones.connected / 1000 <= 20)],
    row('after forced GC: V8 heap used per idle phone, KB', 'heapUsed'),
    row('after forced GC: external (buffers) per idle phone, KB', 'external'),
  ];
}

function machineLoad(u: Usage): string {
  return `${u.corePct.map((c) => fmt(c, 0)).join(' / ')}; ${fmt(u.pressurePct, 0)}`;
}

function r0(ok: boolean): string {
  return ok ? '' : '**check**';
}

function sumOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function perIdea(r: LoadResult, role: string): string {
  return fmt((r.traffic.byRole[role]?.messages ?? 0) / r.ideas.acked, 2);
}

/** The table for the terminal. */
export function printTable(list: Row[]): string {
  const head: Row = ['metric', 'Karusell', 'bare relay', 'budget', 'verdict'];
  const widths = head.map((_, i) => Math.max(...[head, ...list].map((r) => r[i]!.length)));
  const line = (r: Row) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...list.map(line)].join('\n');
}

/** The table as Markdown. */
export function markdownTable(list: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return ['| metric | Karusell | bare relay | budget | verdict |', '| --- | ---: | ---: | ---: | --- |', ...list.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** The key of a run's section: its size and rate. */
export function sectionKey(o: BenchOptions): string {
  return `load-${o.workshops}x${o.phones}-r${o.rate}-s${o.seconds}${o.cpuProf ? '-prof' : ''}${o.dbDir ? `-db${o.dbDir.replace(/\W+/g, '-')}` : ''}${o.nice ? `-nice${o.nice}` : ''}${o.gc ? '-gc' : ''}${o.bareBacklog ? `-bare-backlog${o.bareBacklog}` : ''}`;
}

/** Replaces (or adds) one section of docs/performance.md. */
export function writeSection(file: string, key: string, body: string, skeleton: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : skeleton;
  const open = `<!-- bench:${key} -->`;
  const close = `<!-- /bench:${key} -->`;
  const block = `${open}\n${body.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  let next: string;
  if (start >= 0 && end > start) next = text.slice(0, start) + block + text.slice(end + close.length);
  else if (text.includes('<!-- bench:results-end -->')) next = text.replace('<!-- bench:results-end -->', `${block}\n\n<!-- bench:results-end -->`);
  else next = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
