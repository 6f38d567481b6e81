/**
 * The load run: Karusell and the bare relay each get their workshops, idle
 * phones (memory) and a running carousel; then the idea phase runs in
 * slices that alternate between the two servers, so both meet the same
 * neighbours on this shared machine and the ratio of their p99s is fair;
 * then each has its reconnect storm, and Karusell the lost/duplicated check.
 */
import { dirname } from 'node:path';
import type { MemoryUsage } from './inspector';
import type { Received } from './messages';
import type { BenchOptions } from './options';
import { spawnNode, stop, type Usage } from './procs';
import type { ProfileSummary } from './profile';
import { Side } from './side';
import { sleep, type Spread } from './stats';
import type { Verification } from './verify';

/** Everything one load run measured. */
export interface LoadResult {
  kind: 'karusell' | 'bare';
  serverCores: string;
  generatorCores: string;
  generators: number;
  phones: { wanted: number; connected: number; failed: number; errors: Record<string, number>; joinSeconds: number; joinCpuPct: number; usage: Usage };
  rss: { baselineKb: number; withPhonesKb: number; perPhoneKb: number; peakKb: number; afterGc?: { baseline: MemoryUsage; withPhones: MemoryUsage } };
  running: { phones: number; running: number; refused: Record<string, number> };
  ideas: {
    planned: number; sent: number; acked: number; refused: Record<string, number>; ackTimeouts: number;
    seenAtScreen: number; missingAtScreen: number; latency: Spread; toServer: Spread; fromServer: Spread; ack: Spread; maxSendLagMs: number; cpuPct: number; usage: Usage;
    /** fdatasync of 4 KiB on the database's disk, sampled 20 times a second during the whole (interleaved) phase. */
    fsync: Spread | undefined;
    /** How many slices the phase was cut into (alternating with the other server). */
    slices: number;
  };
  traffic: { messagesPerIdea: number; eventsPerIdea: number; byRole: Record<string, Received> };
  disconnects: number;
  storm?: StormResult;
  verify?: Verification;
  shutdown: { code: number | null; signal: string | null; ms: number };
  serverComplaints: string[];
  /** The server's CPU profile cut to each phase (with --cpu-prof). */
  profiles?: { phase: string; summary: ProfileSummary }[];
}

/** What the reconnect storm measured. */
export interface StormResult {
  phones: number;
  resynced: number;
  allResyncedMs: number;
  resync: Spread;
  snapshots: number;
  eventBatches: number;
  connectErrors: Record<string, number>;
  senders: number;
  queued: number;
  acked: number;
  refused: Record<string, number>;
  resends: number;
  unsent: number;
  stuck: string[];
  cpuPct: number;
  usage: Usage;
}

/** Starts the fsync probe in dir; the returned function stops it and gives its spread. */
function startFsyncProbe(root: string, dir: string): () => Promise<Spread | undefined> {
  const child = spawnNode(1, ['--import', 'tsx', 'bench/fsync-probe.ts', dir, '50'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const answer = new Promise<Spread | undefined>((resolve) => {
    child.once('message', (m: { spread: Spread }) => resolve(m.spread));
    child.once('exit', () => resolve(undefined));
  });
  return async () => {
    if (child.connected) child.send('stop');
    const result = await Promise.race([answer, sleep(5000).then(() => undefined)]);
    await stop(child, 'SIGTERM', 2000);
    return result;
  };
}

/**
 * Runs the whole comparison. Both servers stay up (pinned to core 0) from
 * preparation to the end; only one is sent ideas at a time.
 */
export async function runLoad(opts: BenchOptions, root: string, log: (s: string) => void): Promise<LoadResult[]> {
  const sides = [new Side('karusell', opts, root, log), ...(opts.bare ? [new Side('bare', opts, root, log)] : [])];
  try {
    for (const side of sides) await side.prepare();
    for (const side of sides) await side.collectGarbage();
    await sleep(1000);
    const probe = startFsyncProbe(root, dirname(sides[0]!.server!.dbPath));
    const slices = Math.max(1, Math.ceil(opts.seconds / opts.slice));
    log(`idea phase: ${slices} slices of ${opts.seconds / slices} s per server, alternating`);
    for (let i = 0; i < slices; i++) {
      // Alternate who goes first, so neither always follows the other's drain.
      for (const side of i % 2 ? [...sides].reverse() : sides) await side.slice(opts.seconds / slices);
    }
    const fsync = await probe();
    for (const side of sides) await side.collectIdeas(fsync, slices);
    if (opts.storm) {
      for (const side of sides) {
        await side.collectGarbage();
        await sleep(1000);
        await side.storm();
      }
    }
    await sides[0]!.verify();
    const results: LoadResult[] = [];
    for (const side of sides) results.push(await side.finish());
    return results;
  } finally {
    for (const side of sides) await side.abandon();
  }
}
