/**
 * The embedded store: one SQLite file in WAL mode. A command's events and its
 * acknowledgement are written in one transaction, so a repeated opId finds
 * its first answer. Nothing is acknowledged before it is on disk: after a
 * commit, `durable()` resolves once the WAL has been fsynced. The fsync runs
 * on libuv's thread pool, not on the event loop (SQLite's own per-commit
 * sync, `synchronous = FULL`, blocked every other connection for its
 * duration), and commits made while one fsync runs share the next one.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Ack, SequencedEvent, WorkshopEvent } from '@karusell/shared';

/** A workshop's row: who it is and the hashes of its secrets. */
export interface WorkshopRow {
  id: string;
  code: string;
  facilitatorTokenHash: string;
  screenTokenHash: string;
  createdAt: number;
}

/** What one command writes: its events, its op (for de-duplication) and optionally a new participant token. */
export interface Append {
  workshopId: string;
  fromSeq: number;
  events: readonly WorkshopEvent[];
  op?: { actor: string; opId: string; ack: Ack };
  participantToken?: { hash: string; participant: string };
  /** The hash of the client's join key, so a retried first connection finds the same participant. */
  joinKeyHash?: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  facilitator_token_hash TEXT NOT NULL,
  screen_token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS workshops_code ON workshops(code);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ops (
  workshop_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  op_id TEXT NOT NULL,
  ack TEXT NOT NULL,
  PRIMARY KEY (workshop_id, actor, op_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS participant_tokens (
  token_hash TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  participant TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS participant_tokens_workshop ON participant_tokens(workshop_id);
CREATE TABLE IF NOT EXISTS join_keys (
  key_hash TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  participant TEXT NOT NULL,
  PRIMARY KEY (workshop_id, key_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, checked_at INTEGER NOT NULL);
`;

/**
 * Group-committed fsync of the WAL file. A commit is covered by an fsync
 * that starts after it; while one runs, later commits wait for the next.
 * It is an fdatasync, as SQLite's own: the data and the file's size reach the
 * disk, its modification time need not (one journal commit fewer).
 * If the disk refuses an fsync nothing more can be promised: the process
 * stops, and what was not acknowledged is sent again by its clients.
 */
function walFlusher(dbPath: string) {
  let commits = 0;
  let synced = 0;
  let fd: number | null = null;
  let running: { covers: number; done: Promise<void> } | null = null;
  let queued: Promise<void> | null = null;
  const sync = (): Promise<void> => {
    if (fd === null && dbPath !== ':memory:' && existsSync(`${dbPath}-wal`)) fd = openSync(`${dbPath}-wal`, 'r+');
    const covers = commits;
    const handle = fd;
    const done = handle === null ? Promise.resolve() : new Promise<void>((resolve) => fdatasync(handle, (error) => {
      if (error) {
        console.error('the store could not be synced to disk; stopping:', error.message);
        process.exit(1);
      }
      synced = Math.max(synced, covers);
      resolve();
    }));
    running = { covers, done: done.finally(() => { if (running?.covers === covers) running = null; }) };
    return running.done;
  };
  return {
    committed() {
      commits += 1;
    },
    durable(): Promise<void> {
      // Nothing committed since the last fsync (a reconnecting phone, a refusal of shape): nothing to wait for.
      if (synced >= commits) return Promise.resolve();
      if (running && running.covers >= commits) return running.done;
      if (!running) return sync();
      // One fsync at a time; every commit made meanwhile shares the next.
      queued ??= running.done.then(() => {
        queued = null;
        return sync();
      });
      return queued;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/**
 * The checkpointer's own code, run in a worker thread with its own connection
 * (plain JavaScript: a worker does not pass through the TypeScript loader).
 * PASSIVE never waits for, nor blocks, the writer on the event loop; a
 * checkpoint with nothing new to copy returns at once. Commits that land
 * while one runs are left in the WAL, so it goes round again (a few times at
 * most) until it has copied everything: only then can the next commit start
 * the WAL from its beginning.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try {
    for (let round = 0; round < 5; round += 1) {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)');
      if (!result || result.log === result.checkpointed) return;
    }
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/**
 * How often the worker copies the WAL into the database file. Each time it
 * has copied everything, the next commit starts the WAL anew and SQLite
 * fsyncs the WAL's new header on the event loop: rarely is cheap.
 */
const CHECKPOINT_MS = 2000;
/** Failed checkpoints after which the writer checkpoints by itself again. */
const MAX_CHECKPOINT_FAILURES = 3;
/** Pages of WAL at which the writer checkpoints by itself: SQLite's default, used when the worker is not there. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * A checkpoint copies the WAL into the database file and fsyncs both. Left
 * to SQLite it runs inside whichever commit crosses 1,000 pages, on the event
 * loop, which then stalls every connection for as long as the disk takes (the
 * bench's 2,000 phones saw tens of milliseconds on a busy disk, a dozen times
 * a minute). Here a worker thread checkpoints every 2 s instead. If it
 * fails, stops or keeps failing, the writer falls back to SQLite's own
 * checkpoints, so the WAL never grows without bound.
 */
function startCheckpointer(db: Database.Database, path: string, everyMs: number, driver: string) {
  // An in-memory database has no WAL: nothing to checkpoint, no worker.
  if (path === ':memory:') return { close: () => Promise.resolve(), by: () => 'writer' as const };
  let by: 'worker' | 'writer' = 'worker';
  // Far above what the worker lets the WAL reach: only a safety net while the worker runs.
  db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES * 20}`);
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, path, everyMs } });
  worker.unref();
  let closing = false;
  let failures = 0;
  const fallBack = (why: string) => {
    if (by === 'writer' || closing) return;
    by = 'writer';
    console.error('the checkpointer failed; SQLite checkpoints inside commits again:', why);
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    void worker.terminate();
  };
  // A checkpoint that fails now and then is retried on the next round; one that keeps failing hands the job back.
  worker.on('message', (message: string) => {
    console.error('checkpoint failed:', message);
    if (++failures >= MAX_CHECKPOINT_FAILURES) fallBack(`${failures} checkpoints failed`);
  });
  worker.on('error', (error) => fallBack(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', (code) => {
    if (!closing) fallBack(`the worker stopped (exit code ${code})`);
    resolve();
  }));
  return {
    /** Asks the worker for a last checkpoint and to close its connection; resolves when it has. */
    close: (): Promise<void> => {
      closing = true;
      worker.postMessage('close');
      return exited;
    },
    /** Who checkpoints now: the worker, or the writer itself after the worker failed. */
    by: () => by,
  };
}

/** How the store is opened; the defaults are the server's. */
export interface StoreOptions {
  /** How often the worker checkpoints the WAL. */
  checkpointMs?: number;
  /** The better-sqlite3 module the checkpoint worker loads (a test gives it one that fails, to see the writer take over). */
  checkpointerDriver?: string;
}

/** Opens (creating if missing) the SQLite store at `path`. */
export function openSqliteStore(path: string, { checkpointMs = CHECKPOINT_MS, checkpointerDriver = createRequire(import.meta.url).resolve('better-sqlite3') }: StoreOptions = {}) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: commits write the WAL without syncing; durable() syncs it (SQLite still syncs around checkpoints).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const checkpointer = startCheckpointer(db, path, checkpointMs, checkpointerDriver);

  const q = {
    insertWorkshop: db.prepare(
      'INSERT INTO workshops (id, code, facilitator_token_hash, screen_token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    insertEvent: db.prepare('INSERT INTO events (workshop_id, seq, data) VALUES (?, ?, ?)'),
    insertOp: db.prepare('INSERT INTO ops (workshop_id, actor, op_id, ack) VALUES (?, ?, ?, ?)'),
    findOp: db.prepare<[string, string, string], { ack: string }>(
      'SELECT ack FROM ops WHERE workshop_id = ? AND actor = ? AND op_id = ?',
    ),
    insertToken: db.prepare('INSERT INTO participant_tokens (token_hash, workshop_id, participant) VALUES (?, ?, ?)'),
    findToken: db.prepare<[string, string], { participant: string }>(
      'SELECT participant FROM participant_tokens WHERE token_hash = ? AND workshop_id = ?',
    ),
    insertJoinKey: db.prepare('INSERT INTO join_keys (key_hash, workshop_id, participant) VALUES (?, ?, ?)'),
    findJoinKey: db.prepare<[string, string], { participant: string }>(
      'SELECT participant FROM join_keys WHERE workshop_id = ? AND key_hash = ?',
    ),
    workshops: db.prepare<[], { id: string; code: string; f: string; s: string; created_at: number }>(
      'SELECT id, code, facilitator_token_hash AS f, screen_token_hash AS s, created_at FROM workshops ORDER BY created_at',
    ),
    events: db.prepare<[string, number, number], { seq: number; data: string }>(
      'SELECT seq, data FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    health: db.prepare('INSERT OR REPLACE INTO health (id, checked_at) VALUES (1, ?)'),
  };

  const flusher = walFlusher(path);
  const append = db.transaction((a: Append): number => {
    let seq = a.fromSeq;
    // The events' primary key refuses a seq taken already: a writer behind the log rolls back and stores nothing.
    // (The workshop row's seq column is no longer kept: updating it cost every commit a page of WAL.)
    for (const event of a.events) q.insertEvent.run(a.workshopId, ++seq, JSON.stringify(event));
    if (a.op) q.insertOp.run(a.workshopId, a.op.actor, a.op.opId, JSON.stringify(a.op.ack));
    if (a.participantToken) q.insertToken.run(a.participantToken.hash, a.workshopId, a.participantToken.participant);
    if (a.joinKeyHash && a.participantToken) q.insertJoinKey.run(a.joinKeyHash, a.workshopId, a.participantToken.participant);
    flusher.committed();
    return seq;
  });

  const remove = db.transaction((id: string) => {
    for (const table of ['events', 'ops', 'participant_tokens', 'join_keys']) {
      db.prepare(`DELETE FROM ${table} WHERE workshop_id = ?`).run(id);
    }
    db.prepare('DELETE FROM workshops WHERE id = ?').run(id);
    flusher.committed();
  });

  return {
    /** Creates a workshop with its first events, atomically. */
    createWorkshop: db.transaction((row: WorkshopRow, events: readonly WorkshopEvent[]) => {
      q.insertWorkshop.run(row.id, row.code, row.facilitatorTokenHash, row.screenTokenHash, row.createdAt);
      return append({ workshopId: row.id, fromSeq: 0, events });
    }),
    /** Appends a command's events (and op, token) in one transaction; returns the new seq. */
    append: (a: Append): number => append(a),
    /** The stored answer to an op already applied, if any. */
    findOp(workshopId: string, actor: string, opId: string): Ack | undefined {
      const row = q.findOp.get(workshopId, actor, opId);
      return row ? (JSON.parse(row.ack) as Ack) : undefined;
    },
    /** The participant a token hash belongs to, in this workshop. */
    participantByToken(workshopId: string, hash: string): string | undefined {
      return q.findToken.get(hash, workshopId)?.participant;
    },
    /** The participant a join key already made, if any. */
    participantByJoinKey(workshopId: string, hash: string): string | undefined {
      return q.findJoinKey.get(workshopId, hash)?.participant;
    },
    /** Gives a known participant another token (a retried first connection). */
    addParticipantToken(workshopId: string, hash: string, participant: string): void {
      q.insertToken.run(hash, workshopId, participant);
      flusher.committed();
    },
    /** Every stored workshop row. */
    workshops(): WorkshopRow[] {
      return q.workshops.all().map((r) => ({
        id: r.id, code: r.code, facilitatorTokenHash: r.f, screenTokenHash: r.s, createdAt: r.created_at,
      }));
    },
    /** Events after `afterSeq`, at most `limit` of them. */
    events(workshopId: string, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): SequencedEvent[] {
      return q.events.all(workshopId, afterSeq, limit).map((r) => ({ ...(JSON.parse(r.data) as WorkshopEvent), seq: r.seq }));
    },
    /** Deletes a workshop and everything stored about it. */
    deleteWorkshop: (id: string): void => remove(id),
    /** Proves the store can write. Throws if it cannot. */
    checkWritable(now: number): void {
      q.health.run(now);
    },
    /** Who copies the WAL into the database file: the checkpoint worker, or SQLite inside commits if the worker failed. */
    checkpointedBy: (): 'worker' | 'writer' => checkpointer.by(),
    /** Resolves once everything committed so far is on disk (the WAL fsynced). */
    durable: (): Promise<void> => flusher.durable(),
    /** Closes the database; resolves once the checkpointer has closed too (the last to close removes the WAL). */
    close(): Promise<void> {
      flusher.close();
      db.close();
      return checkpointer.close();
    },
  };
}

/** The store the server runs on. */
export type Store = ReturnType<typeof openSqliteStore>;
