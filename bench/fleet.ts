/**
 * The load generators as a fleet: who holds which workshop and phone, the
 * child processes (pinned to core 1), and asking all of them at once.
 */
import type { ChildProcess } from 'node:child_process';
import type { FromGenerator, ObserverSpec, PhoneSpec, ToGenerator } from './messages';
import { spawnNode, stop, watchOutput } from './procs';

/** A created workshop, as the bench knows it. */
export interface CreatedWorkshop {
  id: string;
  code: string;
  facilitatorToken: string;
  screenToken: string;
}

/** What one generator process is given. */
export interface GeneratorPlan {
  observers: ObserverSpec[];
  phones: PhoneSpec[];
}

/**
 * Phones in global send order: phone n belongs to workshop n mod W, so
 * consecutive ideas come from different workshops. Groups fill evenly; a
 * phone's slot is its group's station in round 0.
 */
export function allPhones(workshops: CreatedWorkshop[], phonesEach: number, groups: number, stationIds: string[]): PhoneSpec[] {
  const phones: PhoneSpec[] = [];
  for (let n = 0; n < workshops.length * phonesEach; n++) {
    const workshop = n % workshops.length;
    const group = (Math.floor(n / workshops.length) % groups) + 1;
    phones.push({ index: n, workshop, code: workshops[workshop]!.code, group, slot: stationIds[(group - 1) % stationIds.length]! });
  }
  return phones;
}

/**
 * Packs whole workshops (phones, screen, facilitator) into processes of at
 * most `perProcess` connections, so a screen times ideas sent in its own
 * process; a workshop too big for one process is split, its screen going
 * with its first phones.
 */
export function planGenerators(workshops: CreatedWorkshop[], phones: PhoneSpec[], perProcess: number): GeneratorPlan[] {
  const plans: GeneratorPlan[] = [];
  let current: GeneratorPlan | undefined;
  let load = 0;
  workshops.forEach((w, workshop) => {
    const mine = phones.filter((p) => p.workshop === workshop);
    const observer: ObserverSpec = { workshop, workshopId: w.id, screenToken: w.screenToken, facilitatorToken: w.facilitatorToken };
    if (!current || load + mine.length + 2 > perProcess) {
      current = { observers: [], phones: [] };
      plans.push(current);
      load = 0;
    }
    current.observers.push(observer);
    load += 2;
    for (const phone of mine) {
      if (load + 1 > perProcess) {
        current = { observers: [], phones: [] };
        plans.push(current);
        load = 0;
      }
      current.phones.push(phone);
      load++;
    }
  });
  return plans;
}

/** One generator process and its replies. */
export class Generator {
  readonly child: ChildProcess;
  readonly output: ReturnType<typeof watchOutput>;
  #inbox: FromGenerator[] = [];
  #waiting: { type: FromGenerator['type']; resolve: (m: FromGenerator) => void; reject: (e: Error) => void }[] = [];

  constructor(readonly plan: GeneratorPlan, root: string) {
    this.child = spawnNode(1, ['--expose-gc', '--no-memory-reducer', '--import', 'tsx', 'bench/generator.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.output = watchOutput(this.child);
    this.child.on('message', (m: FromGenerator) => this.#receive(m));
    this.child.once('exit', (code) => {
      for (const w of this.#waiting.splice(0)) w.reject(new Error(`generator exited (${code}):\n${this.output.lines.join('\n')}`));
    });
  }

  #receive(m: FromGenerator): void {
    if (m.type === 'error') {
      for (const w of this.#waiting.splice(0)) w.reject(new Error(`generator ${this.child.pid}: ${m.message}`));
      return;
    }
    const i = this.#waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) this.#waiting.splice(i, 1)[0]!.resolve(m);
    else this.#inbox.push(m);
  }

  send(m: ToGenerator): void {
    this.child.send(m);
  }

  /** The next reply of this type. */
  expect<T extends FromGenerator['type']>(type: T, timeoutMs: number): Promise<Extract<FromGenerator, { type: T }>> {
    const queued = this.#inbox.findIndex((m) => m.type === type);
    if (queued >= 0) return Promise.resolve(this.#inbox.splice(queued, 1)[0] as Extract<FromGenerator, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`generator ${this.child.pid}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiting.push({
        type,
        resolve: (m) => (clearTimeout(timer), resolve(m as Extract<FromGenerator, { type: T }>)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }
}

/** Sends the same message to every generator and waits for each one's reply. */
export function all<T extends FromGenerator['type']>(fleet: Generator[], m: ToGenerator, reply: T, timeoutMs: number) {
  return Promise.all(fleet.map((g) => {
    const answer = g.expect(reply, timeoutMs);
    g.send(m);
    return answer;
  }));
}

/** Asks every generator to close its connections and exit; kills those that do not. */
export async function closeFleet(fleet: Generator[]): Promise<void> {
  await Promise.all(fleet.map(async (g) => {
    if (g.child.connected) g.send({ type: 'close' });
    const exited = new Promise((resolve) => g.child.once('exit', resolve));
    if (g.child.exitCode === null && g.child.signalCode === null) await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    await stop(g.child, 'SIGTERM', 2000);
  }));
}
