/**
 * The store's checkpoints run in a worker thread, off the event loop: while
 * the store is open and commits keep coming, the WAL is copied into the
 * database file and restarted, so it stays small; closing leaves one file.
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite';
import { tempDb } from './harness';

// These files run to tens of megabytes: each test's folder goes when it ends.
const paths: string[] = [];
const dbPath = () => {
  const path = tempDb();
  paths.push(path);
  return path;
};
afterEach(() => {
  for (const path of paths.splice(0)) rmSync(dirname(path), { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const text = 'Fler mötesplatser för unga vuxna i hela länet, också på kvällstid. '.repeat(20);

/** Commits `n` commands of a few pages each to workshop w1 after `seq`; returns the new seq. */
function burst(store: ReturnType<typeof openSqliteStore>, seq: number, n = 400): number {
  for (let i = 0; i < n; i += 1) {
    seq = store.append({
      workshopId: 'w1',
      fromSeq: seq,
      events: [{ type: 'idea_edited', idea: 'i1', text, at: seq }],
      op: { actor: 'facilitator', opId: `op-${seq}`, ack: { ok: true } },
    });
  }
  return seq;
}

const workshop = { id: 'w1', code: 'ABCDEF', facilitatorTokenHash: 'f', screenTokenHash: 's', createdAt: 1 };

describe('the store', () => {
  it('checkpoints in the background: the WAL stays bounded while the data reaches the database file', async () => {
    const path = dbPath();
    const store = openSqliteStore(path, { checkpointMs: 200 });
    let seq = store.createWorkshop(workshop, []);
    // Four bursts of 400 commits (several pages each), with pauses in which the worker can checkpoint.
    seq = burst(store, seq);
    await store.durable();
    expect(store.checkpointedBy()).toBe('worker');
    const walAfterOne = statSync(`${path}-wal`).size;
    let walMax = walAfterOne;
    for (let i = 1; i < 4; i += 1) {
      await sleep(500);
      seq = burst(store, seq);
      await store.durable();
      walMax = Math.max(walMax, statSync(`${path}-wal`).size);
    }
    await sleep(500);
    // Left to SQLite (checkpoints only at 20,000 pages while the worker runs) the WAL would hold all four bursts
    // and the database file nothing. Checkpointed between bursts, the WAL restarts from its beginning each time.
    expect(walMax).toBeLessThan(walAfterOne * 1.5);
    expect(statSync(path).size).toBeGreaterThan(4 * 400 * text.length);

    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: seq });
    expect(db.prepare('SELECT count(*) AS n FROM ops').get()).toEqual({ n: seq });
    db.close();
  }, 20_000);

  // Stand-ins for better-sqlite3 in the worker: one that is not there, one whose thread just stops, one whose
  // checkpoints all fail (with the disk's own error).
  const drivers: [string, string | null][] = [
    ['cannot load its driver', null],
    ['stops without an error', 'process.exit(0);'],
    ['keeps failing to checkpoint', `module.exports = class { pragma(sql) { if (sql.startsWith('wal_checkpoint')) throw new Error('disk I/O error'); } close() {} };`],
  ];
  it.each(drivers)('checkpoints inside commits again when the worker %s, so the WAL stays bounded without it', async (_why, code) => {
    const path = dbPath();
    const driver = join(dirname(path), 'driver.cjs');
    if (code !== null) writeFileSync(driver, code);
    const complaints: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void complaints.push(args.join(' ')));
    try {
      const store = openSqliteStore(path, { checkpointMs: 200, checkpointerDriver: driver });
      let seq = store.createWorkshop(workshop, []);
      for (let waited = 0; store.checkpointedBy() === 'worker' && waited < 15_000; waited += 50) await sleep(50);
      expect(store.checkpointedBy()).toBe('writer');
      expect(complaints.join('\n')).toMatch(/checkpointer failed/);
      // 2,000 commits of a few pages each: about 25 MB of WAL if nothing checkpointed (the safety net alone waits for
      // 20,000 pages). SQLite's own checkpoint at 1,000 pages (4 MB) restarts it.
      let walMax = 0;
      for (let i = 0; i < 5; i += 1) {
        seq = burst(store, seq);
        walMax = Math.max(walMax, statSync(`${path}-wal`).size);
      }
      expect(statSync(path).size).toBeGreaterThan(5 * 400 * text.length * 0.5);
      expect(walMax).toBeLessThan(1_500 * 4096);
      await store.close();
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: seq });
      db.close();
    } finally {
      spy.mockRestore();
    }
  }, 30_000);

  it('refuses events appended behind the log, and stores nothing of that command', async () => {
    const store = openSqliteStore(dbPath());
    const event = { type: 'idea_edited', idea: 'i1', text: 'Ny text', at: 1 } as const;
    const seq = store.createWorkshop({ id: 'w1', code: 'ABCDEF', facilitatorTokenHash: 'f', screenTokenHash: 's', createdAt: 1 }, [event, event]);
    expect(seq).toBe(2);
    expect(() => store.append({ workshopId: 'w1', fromSeq: 1, events: [event], op: { actor: 'facilitator', opId: 'late', ack: { ok: true } } })).toThrow();
    expect(store.events('w1').map((e) => e.seq)).toEqual([1, 2]);
    expect(store.findOp('w1', 'facilitator', 'late')).toBeUndefined();
    expect(store.append({ workshopId: 'w1', fromSeq: 2, events: [event], op: { actor: 'facilitator', opId: 'next', ack: { ok: true } } })).toBe(3);
    await store.close();
  });
});
