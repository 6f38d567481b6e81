/**
 * Test harness: a real Karusell server on port 0 with its own SQLite file,
 * and real socket.io clients in the three roles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { evolve, type Ack, type EventBatch, type SequencedEvent, type Snapshot, type WorkshopState } from '@karusell/shared';
import { startKarusell, type Karusell } from '../src/app';
import type { Limits } from '../src/limits';

/** A fresh database path in a temporary folder. */
export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'karusell-test-')), 'karusell.db');
}

/** Starts a server on loopback, port 0. */
export function startServer(dbPath = tempDb(), limits?: Partial<Limits>): Promise<Karusell> {
  return startKarusell({ port: 0, host: '127.0.0.1', dbPath, publicUrl: undefined, ...(limits ? { limits } : {}) });
}

/** What POST /api/workshops answers. */
export interface Created {
  id: string;
  code: string;
  facilitatorToken: string;
  screenToken: string;
  joinUrl: string;
  facilitatorUrl: string;
  screenUrl: string;
}

/** Creates a workshop over HTTP and returns the parsed 201 body. */
export async function createWorkshop(server: Karusell, plan: unknown): Promise<Created> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(plan),
  });
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${await res.text()}`);
  return (await res.json()) as Created;
}

/** A connected client that records everything it receives. */
export interface Client {
  socket: Socket;
  snapshots: Snapshot[];
  batches: EventBatch[];
  send: (command: Record<string, unknown>) => Promise<Ack>;
  /** Resolves when a batch arrives that contains an event of this type. */
  nextEvent: (type: string) => Promise<EventBatch>;
  close: () => void;
}

let opCounter = 0;

/** Connects with the given auth; resolves on the first snapshot or events, rejects on connect_error. */
export function connect(server: Karusell, auth: Record<string, unknown>): Promise<Client> {
  const socket = io(`http://127.0.0.1:${server.port}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const snapshots: Snapshot[] = [];
  const batches: EventBatch[] = [];
  const waiters: { type: string; resolve: (b: EventBatch) => void }[] = [];
  socket.on('snapshot', (s: Snapshot) => snapshots.push(s));
  socket.on('events', (b: EventBatch) => {
    batches.push(b);
    for (const w of [...waiters]) {
      if (b.events.some((e) => e.type === w.type)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(b);
      }
    }
  });
  const client: Client = {
    socket,
    snapshots,
    batches,
    send: (command) => socket.emitWithAck('command', { opId: `op-${++opCounter}`, ...command }) as Promise<Ack>,
    nextEvent: (type) => new Promise((resolve) => waiters.push({ type, resolve })),
    close: () => void socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('snapshot', () => resolve(client));
    socket.once('events', () => resolve(client));
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.close();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}

/** The connect_error data code of a refused connection. */
export async function refusedCode(server: Karusell, auth: Record<string, unknown>): Promise<string> {
  try {
    const c = await connect(server, auth);
    c.close();
    return 'connected';
  } catch (error) {
    return ((error as { data?: { code?: string } }).data?.code) ?? 'no code';
  }
}

/** Waits until a condition holds, polling; fails after a while. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Servers and clients a test file starts, all closed after each test. */
export function useServers() {
  const servers: Karusell[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
  });
  return {
    /** A server on port 0, with a fresh or the given database file (and other rate limits, if given). */
    async server(dbPath?: string, limits?: Partial<Limits>): Promise<Karusell> {
      const s = await startServer(dbPath, limits);
      servers.push(s);
      return s;
    },
    /** A connected client, closed after the test. */
    async client(s: Karusell, auth: Record<string, unknown>): Promise<Client> {
      const c = await connect(s, auth);
      clients.push(c);
      return c;
    },
    /** Closes a server mid-test (a restart), so it is not closed twice. */
    async stop(s: Karusell): Promise<void> {
      servers.splice(servers.indexOf(s), 1);
      await s.close();
    },
  };
}

/** The last snapshot a client received. */
export const lastSnapshot = (c: Client): Snapshot => c.snapshots.at(-1)!;

/** Every event of this type a client received, in order. */
export const received = (c: Client, type: string): SequencedEvent[] => c.batches.flatMap((b) => b.events).filter((e) => e.type === type);

/** The real entry point (server/src/main.ts) in its own process on the given port (0: any), once it listens. */
export function startProcess(dbPath: string, port = 0): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KARUSELL_DB: dbPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /Listening on [\d.]+:(\d+)/.exec(out)?.[1];
      if (listening) resolve({ child, port: Number(listening) });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** What a client holds: its last snapshot (or, without one, what it held before) with every later event folded in. */
export function heldState(c: Client, before?: WorkshopState): WorkshopState {
  const snapshot = c.snapshots.at(-1);
  const base = snapshot ? { ...snapshot.state, seq: snapshot.seq } : before!;
  const later = c.batches.flatMap((b) => b.events).filter((e) => e.seq > base.seq);
  const seq = Math.max(base.seq, ...c.batches.map((b) => b.seq));
  return { ...later.reduce<WorkshopState>((state, event) => evolve(state, event), base), seq };
}
