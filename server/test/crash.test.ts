import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import type { Karusell } from '../src/app';
import { connect, createWorkshop, startProcess as startServerProcess, tempDb, type Client } from './harness';

const children: ChildProcess[] = [];
const clients: Client[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts the real entry point (server/src/main.ts) in its own process and waits for its port. */
async function startProcess(dbPath: string): Promise<{ child: ChildProcess; server: Karusell }> {
  const { child, port } = await startServerProcess(dbPath);
  children.push(child);
  return { child, server: { port } as Karusell };
}

describe('kill -9', () => {
  it('loses nothing acknowledged, and a resent op after the restart is applied once', async () => {
    const dbPath = tempDb();
    const first = await startProcess(dbPath);
    const w = await createWorkshop(first.server, examplePlanJson);
    const f = await connect(first.server, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    clients.push(f);
    await f.send({ type: 'start_item', item: 'intro' });
    const commands = Array.from({ length: 30 }, (_, i) => ({ opId: `note-${i}`, type: 'add_note', item: 'intro', text: `Anteckning ${i}` }));
    const acks = await Promise.all(commands.map((c) => f.socket.emitWithAck('command', c)));
    expect(acks.every((a) => a.ok)).toBe(true);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    f.close();

    const second = await startProcess(dbPath);
    const f2 = await connect(second.server, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    clients.push(f2);
    const notes = Object.values(f2.snapshots[0]!.state.notes).map((n) => n.text).sort();
    expect(notes).toEqual(commands.map((c) => c.text).sort());
    const resent = await f2.socket.emitWithAck('command', commands[7]);
    expect(resent).toEqual(acks[7]);
    const f3 = await connect(second.server, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    clients.push(f3);
    expect(Object.keys(f3.snapshots[0]!.state.notes)).toHaveLength(30);
    expect(f3.snapshots[0]!.state.running).toBe('intro');
  });

  it('SIGTERM closes the store and exits 0', async () => {
    const { child, server } = await startProcess(tempDb());
    await createWorkshop(server, examplePlanJson);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
