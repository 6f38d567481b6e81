/**
 * Starting the server under test — Karusell's production entry
 * (server/src/main.ts) or the bare relay — pinned to core 0 on loopback with
 * a fresh database, and creating workshops on it.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import type { CreatedWorkshop } from './fleet';
import { allowedCores, spawnNode, stop, watchOutput } from './procs';

/** A server under test. */
export interface ServerUnderTest {
  kind: 'karusell' | 'bare';
  child: ChildProcess;
  pid: number;
  url: string;
  output: ReturnType<typeof watchOutput>;
  cores: string;
  dbPath: string;
  profileDir?: string;
  /** The inspector's WebSocket URL, when started with `inspect`. */
  inspectorUrl?: string;
}

/** A port free on loopback now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The Node flags `npm start` gives the server (package.json's start script):
 * both servers under test run with them, so the bench measures the server as
 * it is started and the relay is held to the same runtime settings.
 */
export function productionNodeFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const m = pkg.scripts.start?.match(/\bnode((?: --[\w-]+(?:=\S+)?)*) --import tsx server\/src\/main\.ts\b/);
  if (!m) throw new Error('package.json\'s start script no longer reads `node [flags] --import tsx server/src/main.ts`: the bench cannot start the server as npm start does');
  return m[1]!.trim().split(' ').filter(Boolean);
}

/** Starts a server; with `profile`, Karusell runs under --cpu-prof into tmp/prof. */
export async function startServer(kind: 'karusell' | 'bare', root: string, tmp: string, profile = false, dbDir?: string, inspect = false, backlog?: number): Promise<ServerUnderTest> {
  const port = await freePort();
  const profileDir = profile ? join(tmp, 'prof') : undefined;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KARUSELL_DB: dbDir ? join(dbDir, `karusell-bench-${process.pid}-${Date.now()}.db`) : join(tmp, 'karusell.db'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...(backlog ? { BACKLOG: String(backlog) } : {}),
  };
  const script = kind === 'karusell' ? 'server/src/main.ts' : 'bench/bare-server.ts';
  const flags = [...productionNodeFlags(root), ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(inspect ? ['--inspect=127.0.0.1:0'] : [])];
  const child = spawnNode(0, [...flags, '--import', 'tsx', script], { cwd: root, env });
  const output = watchOutput(child, 200);
  const inspector = inspect ? output.waitFor(/Debugger listening on (ws:\/\/\S+)/, 60_000) : undefined;
  await output.waitFor(/[Ll]istening on (?!ws:\/\/)\S+:\d+/, 60_000);
  const inspectorUrl = (await inspector)?.[1];
  const pid = child.pid!;
  return { kind, child, pid, url: `http://127.0.0.1:${port}`, output, cores: allowedCores(pid), dbPath: env.KARUSELL_DB, ...(profileDir ? { profileDir } : {}), ...(inspectorUrl ? { inspectorUrl } : {}) };
}

/** Stops the server with SIGINT (as Ctrl-C would) and says how it exited. */
export async function stopServer(server: ServerUnderTest): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return stop(server.child, 'SIGINT', 15_000);
}

/** The example plan with this many groups and stations in its carousel `ex1`. */
export function benchPlan(groups: number, stations: number): { plan: Record<string, unknown>; item: string; stationIds: string[] } {
  const plan = structuredClone(examplePlanJson) as { groups: number; agenda: { id: string; kind: string; stations?: { id: string; prompt: string }[] }[] };
  plan.groups = groups;
  const carousel = plan.agenda.find((i) => i.kind === 'carousel')!;
  const given = carousel.stations ?? [];
  carousel.stations = Array.from({ length: stations }, (_, i) => given[i] ?? { id: `s${i + 1}`, prompt: `Fråga ${i + 1}: vad behöver vi göra härnäst?` });
  return { plan, item: carousel.id, stationIds: carousel.stations.map((s) => s.id) };
}

/** Creates n workshops with POST /api/workshops. */
export async function createWorkshops(url: string, plan: Record<string, unknown>, n: number): Promise<CreatedWorkshop[]> {
  const created: CreatedWorkshop[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...plan, title: `Benchmöte ${i + 1}` }),
    });
    if (res.status !== 201) throw new Error(`POST /api/workshops answered ${res.status}: ${await res.text()}`);
    created.push((await res.json()) as CreatedWorkshop);
  }
  return created;
}
