/** The bench's flags (`npm run bench -- --workshops 40 --phones 50 --rate 100 --seconds 30`). */

/** Every setting of one bench run. */
export interface BenchOptions {
  workshops: number;
  phones: number;
  groups: number;
  stations: number;
  /** Ideas per second across all phones. */
  rate: number;
  seconds: number;
  /** Length of one slice of the idea phase; Karusell's and the bare relay's slices alternate. */
  slice: number;
  /** Most connections one generator process holds. */
  perProcess: number;
  /** Phones one generator connects at a time while joining. */
  joinConcurrency: number;
  bare: boolean;
  storm: boolean;
  /** Share of phones that send ideas during the storm. */
  stormSenders: number;
  stormTimeoutMs: number;
  settleMs: number;
  cpuProf: boolean;
  /** Run only the Largest Contentful Paint step. */
  lcp: boolean;
  /** Build web/dist before the LCP step. */
  build: boolean;
  keepTmp: boolean;
  write: boolean;
  /** Where the server's database goes (default: a fresh temp dir); /dev/shm takes fsync out, for diagnosis. */
  dbDir: string | undefined;
  /** Niceness for the server and generators (negative = ahead of other users' processes); 0 leaves it. */
  nice: number;
  /** Start the servers with --inspect and force a GC (over the inspector) before each memory reading. */
  gc: boolean;
  /** Listen backlog for the bare relay only (diagnostic); undefined = Node's default, as Karusell. */
  bareBacklog: number | undefined;
}

const DEFAULTS: BenchOptions = {
  workshops: 4, phones: 50, groups: 8, stations: 4, rate: 20, seconds: 15, slice: 5, perProcess: 250, joinConcurrency: 10,
  bare: true, storm: true, stormSenders: 0.05, stormTimeoutMs: 60_000, settleMs: 3000, cpuProf: false, lcp: false, build: true,
  keepTmp: false, write: true, dbDir: undefined, nice: 0, gc: false, bareBacklog: undefined,
};

const NUMBERS: Record<string, keyof BenchOptions> = {
  workshops: 'workshops', phones: 'phones', groups: 'groups', stations: 'stations', rate: 'rate', seconds: 'seconds', slice: 'slice',
  'per-process': 'perProcess', 'join-concurrency': 'joinConcurrency', 'storm-senders': 'stormSenders', 'bare-backlog': 'bareBacklog',
};
const FLAGS: Record<string, keyof BenchOptions> = {
  bare: 'bare', storm: 'storm', 'cpu-prof': 'cpuProf', lcp: 'lcp', build: 'build', 'keep-tmp': 'keepTmp', write: 'write', gc: 'gc',
};

export const USAGE = `npm run bench -- [--workshops 4] [--phones 50] [--groups 8] [--stations 4] [--rate 20] [--seconds 15] [--slice 5]
  [--per-process 250] [--join-concurrency 10] [--storm-senders 0.05] [--storm-timeout 60] [--settle 3]
  [--no-bare] [--no-storm] [--cpu-prof] [--keep-tmp] [--no-write] [--db-dir /dev/shm] [--nice -10] [--gc] [--bare-backlog 4096]
  npm run bench -- --lcp [--no-build]      Largest Contentful Paint of the phone pages only`;

/** Reads argv into options; throws on an unknown flag or a bad number. */
export function parseOptions(argv: string[]): BenchOptions {
  const o: BenchOptions = { ...DEFAULTS };
  const record = o as unknown as Record<string, number | boolean>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!.replace(/^--/, '');
    if (arg === 'db-dir') {
      o.dbDir = argv[++i];
      if (!o.dbDir) throw new Error('--db-dir needs a directory');
    } else if (arg === 'nice') {
      o.nice = Number(argv[++i]);
      if (!Number.isInteger(o.nice) || o.nice < -20 || o.nice > 19) throw new Error('--nice needs a whole number from -20 to 19');
    } else if (arg === 'storm-timeout' || arg === 'settle') {
      const seconds = Number(argv[++i]);
      if (!(seconds >= 0)) throw new Error(`--${arg} needs seconds`);
      if (arg === 'settle') o.settleMs = seconds * 1000;
      else o.stormTimeoutMs = seconds * 1000;
    } else if (NUMBERS[arg]) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`--${arg} needs a positive number`);
      record[NUMBERS[arg]] = value;
    } else if (FLAGS[arg]) record[FLAGS[arg]] = true;
    else if (arg.startsWith('no-') && FLAGS[arg.slice(3)]) record[FLAGS[arg.slice(3)]!] = false;
    else throw new Error(`unknown flag --${arg}\n${USAGE}`);
  }
  for (const k of ['workshops', 'phones', 'groups', 'stations', 'seconds', 'perProcess', 'joinConcurrency'] as const) o[k] = Math.round(o[k]);
  if (o.stormSenders > 1) throw new Error('--storm-senders is a share between 0 and 1');
  return o;
}
