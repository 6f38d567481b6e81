/**
 * One server under load and everything around it: its temp dir, its
 * workshops, its generator fleet, and the figures of each phase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { all, allPhones, closeFleet, Generator, planGenerators } from './fleet';
import { openInspector, type MemoryUsage } from './inspector';
import type { LoadResult, StormResult } from './load';
import type { IdeaReport, Received, StormReport } from './messages';
import type { BenchOptions } from './options';
import { allowedCores, combine, reading, removeOnExit, rssKb, usage, type Usage } from './procs';
import { summariseProfiles, type Window } from './profile';
import { benchPlan, createWorkshops, startServer, stopServer, type ServerUnderTest } from './server';
import { addCounts, sleep, spread, wall, type Spread } from './stats';
import { verifyStored } from './verify';
import type { CreatedWorkshop } from './fleet';

/** Microseconds on the monotonic clock, the one V8's CPU profile uses. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sumOf = <T>(list: T[], f: (x: T) => number) => list.reduce((n, x) => n + f(x), 0);

/** One server under test with its load. */
export class Side {
  server: ServerUnderTest | undefined;
  #tmp: string;
  #fleet: Generator[] = [];
  #workshops: CreatedWorkshop[] = [];
  #item = '';
  #N = 0;
  #result: Partial<LoadResult> = {};
  #ideaReports: IdeaReport[] = [];
  #stormReports: StormReport[] = [];
  #sliceUsage: { usage: Usage; seconds: number }[] = [];
  #nextK = 0;
  #peakKb = 0;
  #sampler: NodeJS.Timeout | undefined;
  #windows: Record<string, Window[]> = { 'joining phones': [], 'idea phase': [], 'reconnect storm': [] };

  constructor(readonly kind: 'karusell' | 'bare', readonly opts: BenchOptions, readonly root: string, readonly log: (s: string) => void) {
    this.#tmp = mkdtempSync(join(tmpdir(), `karusell-bench-${kind}-`));
    if (!opts.keepTmp) removeOnExit(this.#tmp);
  }

  #read() {
    return reading(this.server!.pid, this.#fleet.map((g) => g.child.pid!));
  }

  async #settledRss(): Promise<number> {
    await sleep(this.opts.settleMs);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++, await sleep(200)) samples.push(rssKb(this.server!.pid));
    return median(samples);
  }

  /** Server, workshops, screens and facilitators, idle phones (memory), the carousel started. */
  async prepare(): Promise<void> {
    const { opts, kind } = this;
    const server = (this.server = await startServer(kind, this.root, this.#tmp, opts.cpuProf && kind === 'karusell', opts.dbDir, opts.gc, kind === 'bare' ? opts.bareBacklog : undefined));
    if (opts.dbDir) for (const suffix of ['', '-wal', '-shm']) removeOnExit(server.dbPath + suffix);
    this.log(`${kind}: server pid ${server.pid} on cores ${server.cores} at ${server.url}`);
    const { plan, item, stationIds } = benchPlan(opts.groups, opts.stations);
    this.#item = item;
    this.#workshops = await createWorkshops(server.url, plan, opts.workshops);
    const specs = allPhones(this.#workshops, opts.phones, opts.groups, stationIds);
    this.#N = specs.length;
    this.#fleet = planGenerators(this.#workshops, specs, opts.perProcess).map((p) => new Generator(p, this.root));
    this.log(`${kind}: ${this.#workshops.length} workshops, ${this.#N} phones over ${this.#fleet.length} generator processes`);
    await Promise.all(this.#fleet.map((g) => {
      const ready = g.expect('ready', 60_000);
      g.send({ type: 'setup', url: server.url, item, observers: g.plan.observers, phones: g.plan.phones, joinConcurrency: opts.joinConcurrency });
      return ready;
    }));
    const inspector = server.inspectorUrl ? await openInspector(server.inspectorUrl) : undefined;
    const baselineKb = await this.#settledRss();
    const gcBaseline = await inspector?.memoryAfterGc();
    const phones = await this.#connectPhones();
    const withPhonesKb = await this.#settledRss();
    const gcWithPhones = await inspector?.memoryAfterGc();
    inspector?.close();
    this.log(`${kind}: ${phones.connected}/${this.#N} phones in ${phones.joinSeconds.toFixed(1)} s; RSS ${baselineKb} → ${withPhonesKb} KiB`);
    const afterGc: { baseline: MemoryUsage; withPhones: MemoryUsage } | undefined = gcBaseline && gcWithPhones ? { baseline: gcBaseline, withPhones: gcWithPhones } : undefined;
    this.#result = {
      kind, serverCores: server.cores, generatorCores: allowedCores(this.#fleet[0]!.child.pid!), generators: this.#fleet.length, phones,
      rss: { baselineKb, withPhonesKb, perPhoneKb: phones.connected ? (withPhonesKb - baselineKb) / phones.connected : NaN, peakKb: withPhonesKb, ...(afterGc ? { afterGc } : {}) },
      running: await this.#startCarousel(),
    };
    this.#peakKb = withPhonesKb;
    this.#sampler = setInterval(() => (this.#peakKb = Math.max(this.#peakKb, rssKb(server.pid))), 250);
  }

  async #connectPhones(): Promise<LoadResult['phones']> {
    const started = wall();
    const r0 = this.#read();
    const window = { startUs: monotonicUs(), endUs: 0 };
    const replies = await all(this.#fleet, { type: 'connect_phones' }, 'phones_connected', Math.max(120_000, this.#N * 50));
    const seconds = (wall() - started) / 1000;
    window.endUs = monotonicUs();
    this.#windows['joining phones']!.push(window);
    const errors: Record<string, number> = {};
    for (const r of replies) addCounts(errors, r.errors);
    const used = usage(r0, this.#read());
    return {
      wanted: this.#N, connected: sumOf(replies, (r) => r.connected), failed: sumOf(replies, (r) => r.failed),
      errors, joinSeconds: seconds, joinCpuPct: used.serverCpuPct, usage: used,
    };
  }

  async #startCarousel(): Promise<LoadResult['running']> {
    const started = await all(this.#fleet, { type: 'start_item' }, 'started', 60_000);
    const running = await all(this.#fleet, { type: 'await_running', timeoutMs: 30_000 }, 'running', 60_000);
    const refused: Record<string, number> = {};
    for (const s of started) addCounts(refused, s.refused);
    return { phones: sumOf(running, (r) => r.phones), running: sumOf(running, (r) => r.running), refused };
  }

  /**
   * Every generator collects its garbage, one after another, before a measured phase. Left alone, a generator's
   * full GC (of the snapshots its phones were greeted with, or of a storm's reconnects) lands in some slice and stalls
   * its screens for 30-130 ms, which the bench would count as that server's latency: in traced runs it fell on
   * either side at random and swung the overhead ratio from 0.5 to 3.5.
   */
  async collectGarbage(): Promise<void> {
    for (const g of this.#fleet) {
      const reply = g.expect('garbage_collected', 30_000);
      g.send({ type: 'collect_garbage' });
      await reply;
    }
  }

  /** One slice of the idea phase: ideas at the full rate for `seconds`, then their acks drained. */
  async slice(seconds: number): Promise<void> {
    const { opts } = this;
    const t0 = wall() + 500;
    const message = { type: 'ideas' as const, t0, rate: opts.rate, seconds, totalPhones: this.#N, kStart: this.#nextK };
    const done = all(this.#fleet, message, 'ideas_done', seconds * 1000 + 90_000);
    this.#nextK += Math.round(opts.rate * seconds);
    await sleep(t0 - wall());
    const r0 = this.#read();
    const window = { startUs: monotonicUs(), endUs: 0 };
    await sleep(seconds * 1000);
    this.#sliceUsage.push({ usage: usage(r0, this.#read()), seconds });
    window.endUs = monotonicUs();
    this.#windows['idea phase']!.push(window);
    await done;
  }

  /** Gathers the idea phase's figures from every generator. */
  async collectIdeas(fsync: Spread | undefined, slices: number): Promise<void> {
    await sleep(1000);
    const reports = (this.#ideaReports = (await all(this.#fleet, { type: 'report' }, 'ideas_report', 30_000)).map((r) => r.report));
    const refused: Record<string, number> = {};
    for (const r of reports) addCounts(refused, r.refused);
    const byRole: Record<string, Received> = {};
    for (const role of ['participant', 'screen', 'facilitator'] as const) {
      byRole[role] = { messages: sumOf(reports, (r) => r.received[role].messages), events: sumOf(reports, (r) => r.received[role].events) };
    }
    const acked = sumOf(reports, (r) => r.acked);
    const seen = new Set(reports.flatMap((r) => r.seenTags));
    const used = combine(this.#sliceUsage);
    this.#result.ideas = {
      planned: this.#nextK, sent: sumOf(reports, (r) => r.sent), acked, refused, ackTimeouts: sumOf(reports, (r) => r.ackTimeouts),
      seenAtScreen: seen.size, missingAtScreen: reports.flatMap((r) => r.ackedTags).filter((t) => !seen.has(t)).length,
      latency: spread(reports.flatMap((r) => r.latencies)),
      toServer: spread(reports.flatMap((r) => r.toServer)), fromServer: spread(reports.flatMap((r) => r.fromServer)), ack: spread(reports.flatMap((r) => r.ackLatencies)),
      maxSendLagMs: Math.max(...reports.map((r) => r.maxSendLag)), cpuPct: used.serverCpuPct, usage: used, fsync, slices,
    };
    const messages = Object.values(byRole).reduce((n, r) => n + r.messages, 0);
    const events = Object.values(byRole).reduce((n, r) => n + r.events, 0);
    this.#result.traffic = { messagesPerIdea: messages / acked, eventsPerIdea: events / acked, byRole };
    this.#result.disconnects = sumOf(reports, (r) => r.disconnects);
    const l = this.#result.ideas.latency;
    this.log(`${this.kind}: ${acked} ideas acked, p50 ${l.p50.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms, server CPU ${used.serverCpuPct.toFixed(0)} %`);
  }

  /** Drops every phone at once and waits until each is resynced and has its ideas acked. */
  async storm(): Promise<void> {
    const { opts } = this;
    const every = Math.max(1, Math.round(1 / opts.stormSenders));
    const senders = Array.from({ length: this.#N }, (_, i) => i).filter((i) => i % every === 0);
    const at = wall() + 1500;
    const done = all(this.#fleet, { type: 'storm', at, senders, timeoutMs: opts.stormTimeoutMs }, 'storm_done', opts.stormTimeoutMs + 30_000);
    await sleep(at - wall());
    const r0 = this.#read();
    const window = { startUs: monotonicUs(), endUs: 0 };
    const reports = (this.#stormReports = (await done).map((d) => d.report));
    window.endUs = monotonicUs();
    this.#windows['reconnect storm']!.push(window);
    const used = usage(r0, this.#read());
    const connectErrors: Record<string, number> = {};
    const refused: Record<string, number> = {};
    for (const r of reports) addCounts(connectErrors, r.connectErrors), addCounts(refused, r.refused);
    const resyncMs = reports.flatMap((r) => r.resyncMs);
    const result: StormResult = {
      phones: sumOf(reports, (r) => r.phones), resynced: sumOf(reports, (r) => r.resynced), allResyncedMs: Math.max(...resyncMs),
      resync: spread(resyncMs), snapshots: sumOf(reports, (r) => r.snapshots), eventBatches: sumOf(reports, (r) => r.eventBatches),
      connectErrors, senders: senders.length, queued: senders.length * 2, acked: sumOf(reports, (r) => r.ackedTags.length), refused,
      resends: sumOf(reports, (r) => r.resends), unsent: sumOf(reports, (r) => r.unsent), stuck: reports.flatMap((r) => r.stuck).slice(0, 5),
      cpuPct: used.serverCpuPct, usage: used,
    };
    this.#result.storm = result;
    this.log(`${this.kind}: storm: ${result.resynced}/${result.phones} resynced, all within ${result.allResyncedMs.toFixed(0)} ms`);
    for (const line of result.stuck) this.log(`${this.kind}: never resynced: ${line}`);
  }

  /** Karusell only: every acked idea stored exactly once. */
  async verify(): Promise<void> {
    if (this.kind !== 'karusell') return;
    const acked = [...this.#ideaReports.flatMap((r) => r.ackedTags), ...this.#stormReports.flatMap((r) => r.ackedTags)];
    this.#result.verify = await verifyStored(this.server!.url, this.#workshops, acked);
  }

  /** Stops generators and server (SIGINT), reads the profile; the figures of this side. */
  async finish(): Promise<LoadResult> {
    clearInterval(this.#sampler);
    await closeFleet(this.#fleet);
    const server = this.server!;
    const peakKb = Math.max(this.#peakKb, rssKb(server.pid));
    const shutdown = await stopServer(server);
    const result = {
      ...this.#result, shutdown,
      serverComplaints: server.output.lines.filter((l) => /failed|error|warn/i.test(l) && !/Debugger|inspector|help, see/i.test(l)).slice(-10),
    } as LoadResult;
    result.rss.peakKb = peakKb;
    if (server.profileDir) {
      result.profiles = [];
      for (const [phase, windows] of Object.entries(this.#windows)) {
        const summary = windows.length ? summariseProfiles(server.profileDir, windows) : undefined;
        if (summary?.windowed) result.profiles.push({ phase, summary });
      }
    }
    return result;
  }

  /** On every way out: nothing of this side left running or on disk. */
  async abandon(): Promise<void> {
    clearInterval(this.#sampler);
    await closeFleet(this.#fleet);
    if (this.server && this.server.child.exitCode === null && this.server.child.signalCode === null) await stopServer(this.server);
    if (!this.opts.keepTmp) rmSync(this.#tmp, { recursive: true, force: true });
    // A database put elsewhere (--db-dir) goes too, with its WAL and shared-memory files.
    if (this.server && this.opts.dbDir) for (const suffix of ['', '-wal', '-shm']) rmSync(this.server.dbPath + suffix, { force: true });
  }
}
