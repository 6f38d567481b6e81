/**
 * Faults injected: 20 phones each send 50 ideas through the phone's own
 * connection code (web/src/lib/connection.ts, with its outbox) while their
 * connections drop at random (closed and reopened, as a closed tab would)
 * and the server is killed with SIGKILL twice and restarted from the same
 * database. Nothing acknowledged may be lost, nothing stored twice.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '@karusell/shared';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import type { Karusell } from '../src/app';
import { openConnection, type Connection, type Outgoing } from '../../web/src/lib/connection';
import { connect, createWorkshop, startProcess as startServerProcess, tempDb, until, type Client } from './harness';

const children: ChildProcess[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** The real entry point in its own process, killed after the test. */
async function startProcess(dbPath: string, port = 0) {
  const started = startServerProcess(dbPath, port);
  void started.then(({ child }) => children.push(child), () => {});
  return started;
}

/** Seeded randomness, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One phone: its outbox (as localStorage would keep it), token and connection. */
interface Phone {
  stored: Outgoing[];
  token: string | null;
  joinKey: string;
  connection: Connection | null;
  acked: Map<string, string>;
}

const PHONES = 20;
const IDEAS = 50;

describe('faults: drops and kill -9 while 20 phones send 50 ideas each', () => {
  it('every acknowledged idea is stored once, every outbox drains, 1,000 ideas in all', async () => {
    const dbPath = tempDb();
    let server = await startProcess(dbPath);
    const port = server.port;
    const base = { port } as Karusell;
    const w = await createWorkshop(base, examplePlanJson);
    const f: Client = await connect(base, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    expect(await f.send({ type: 'start_item', item: 'ex2' })).toEqual({ ok: true });
    f.close();

    const rand = random(20261122);
    const figures = { sent: 0, drops: 0, kills: 0, lost: 0, duplicates: 0 };
    const record = (phone: Phone, command: Outgoing, ack: Promise<Ack>) => {
      void ack.then((a) => {
        if (a.ok && command.type === 'add_idea') phone.acked.set(command.text, String(a.result?.idea));
      });
    };
    const open = (phone: Phone) => {
      phone.connection = openConnection({
        url: `http://127.0.0.1:${port}`,
        auth: () => (phone.token ? { code: w.code, participantToken: phone.token } : { code: w.code, joinKey: phone.joinKey }),
        lastSeq: () => null,
        onSnapshot: (s) => void (s.participantToken && (phone.token = s.participantToken)),
        onEvents: () => {},
        onStatus: () => {},
        outbox: { load: () => [...phone.stored], save: (commands) => void (phone.stored = [...commands]) },
      });
      for (const { command, ack } of phone.connection.restored) record(phone, command, ack);
    };
    const phones: Phone[] = Array.from({ length: PHONES }, (_, i) => ({
      stored: [], token: null, joinKey: `join-key-of-phone-number-${i}`, connection: null, acked: new Map(),
    }));
    closers.push(() => phones.forEach((p) => p.connection?.close()));

    const send = async (phone: Phone, i: number) => {
      open(phone);
      void phone.connection!.send({ type: 'join_group', group: (i % 8) + 1 });
      for (let n = 0; n < IDEAS; n++) {
        const text = `Idé ${n + 1} från telefon ${i + 1}`;
        // The outbox holds the command before send returns, as it would be in localStorage.
        const ack = phone.connection!.send({ type: 'add_idea', item: 'ex2', slot: 'h1', text });
        record(phone, phone.stored.at(-1)!, ack);
        figures.sent++;
        await pause(rand() * 40);
        if (rand() < 0.06) {
          // The tab is closed (unacknowledged commands stay in its outbox) and opened again a moment later.
          figures.drops++;
          phone.connection!.close();
          await pause(rand() * 150);
          open(phone);
        }
      }
    };
    // Killed while the phones are still sending: once a quarter, and again once 60 % of the ideas have been sent.
    const killer = (async () => {
      for (const share of [0.25, 0.6]) {
        await until(() => figures.sent >= share * PHONES * IDEAS, 'the phones to send', 60_000);
        server.child.kill('SIGKILL');
        await new Promise((resolve) => server.child.once('exit', resolve));
        figures.kills++;
        server = await startProcess(dbPath, port);
      }
    })();
    await Promise.all([...phones.map(send), killer]);
    expect(figures.sent).toBe(PHONES * IDEAS);
    await until(() => phones.every((p) => p.stored.length === 0), 'every outbox to drain', 60_000);

    const check = await connect(base, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const state = check.snapshots[0]!.state;
    check.close();
    const texts = state.ideaOrder.map((id) => state.ideas[id]!.text);
    const counts = new Map<string, number>();
    for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
    figures.duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    const acked = phones.flatMap((p) => [...p.acked]);
    figures.lost = acked.filter(([text, id]) => state.ideas[id]?.text !== text).length;
    console.log(`faults: ${JSON.stringify({ ...figures, acknowledged: acked.length, stored: texts.length })}`);

    expect(figures.kills).toBe(2);
    expect(figures.drops).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(figures.duplicates).toBe(0);
    expect(acked).toHaveLength(PHONES * IDEAS);
    expect(texts).toHaveLength(PHONES * IDEAS);
  }, 120_000);
});
