/**
 * The one door to the server: the only file that imports socket.io-client.
 * It connects with a role's `auth`, adds `lastSeq` on every reconnect so the
 * server sends only what was missed, hands snapshots and event batches to
 * the caller, and sends commands with an opId. A command waits until it is
 * acknowledged: if the connection drops first, it is sent again with the
 * same opId after the reconnect, and the server applies it once. With an
 * outbox (the phone's is in localStorage) unacknowledged commands also
 * survive a reload or a closed tab: the next connection sends them again.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { CommandInput } from '@karusell/shared/commands';
import type { Ack, ClientToServerEvents, ConnectAuth, EventBatch, ServerToClientEvents, Snapshot } from '@karusell/shared/protocol';
import type { ConnectRefusalCode } from '@karusell/shared/refusals';
import { randomHex } from './random';

/** Where the connection stands, for the status line. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'closed';

/** Why the server refused the connection (CONTRACT.md §3), or `unknown` for anything else. */
export interface ConnectRefusal {
  code: ConnectRefusalCode | 'unknown';
  message: string;
}

/** What a view gives the connection. */
export interface ConnectionOptions {
  /** The role's auth without lastSeq; asked again before every (re)connect. */
  auth: () => ConnectAuth;
  /** The last seq folded into the view's state, or null before the first snapshot. */
  lastSeq: () => number | null;
  onSnapshot: (snapshot: Snapshot) => void;
  onEvents: (batch: EventBatch) => void;
  onStatus: (status: ConnectionStatus, refusal?: ConnectRefusal) => void;
  /** Where unacknowledged commands are kept between page loads. */
  outbox?: Outbox;
  /** Called with the number of unacknowledged commands whenever it changes. */
  onPending?: (count: number) => void;
  /** The server's address; the page's own when left out. */
  url?: string;
}

/** A store for the commands not yet acknowledged. */
export interface Outbox {
  load: () => Outgoing[];
  save: (commands: Outgoing[]) => void;
}

/** A live connection. */
export interface Connection {
  /** Sends a command; resolves with the server's ack (never rejects). */
  send: (command: CommandInput) => Promise<Ack>;
  /** Connects again after a refusal, asking `auth()` afresh. */
  retry: () => void;
  /** Disconnects for good; unanswered commands resolve as refused (and stay in the outbox). */
  close: () => void;
  /** Commands an earlier page left in the outbox, being sent again, each with its ack to come. */
  restored: { command: Outgoing; ack: Promise<Ack> }[];
}

type KSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** A command with its opId, as sent. */
export type Outgoing = CommandInput & { opId: string };
interface PendingOp {
  command: Outgoing;
  resolve: (ack: Ack) => void;
}

const WEBSOCKET_FIRST = ['websocket', 'polling'];
const REFUSAL_CODES: readonly string[] = ['unknown_code', 'bad_token', 'locked', 'ended', 'removed', 'rate_limited'];

/** A unique opId; crypto.randomUUID only exists on https and localhost, so phones on a LAN address need the fallback. */
export function newOpId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  if (typeof c?.getRandomValues === 'function') return randomHex();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function refusalOf(error: Error & { data?: unknown }): ConnectRefusal {
  const data = (typeof error.data === 'object' && error.data !== null ? error.data : {}) as { code?: unknown; message?: unknown };
  const code = typeof data.code === 'string' && REFUSAL_CODES.includes(data.code) ? (data.code as ConnectRefusalCode) : 'unknown';
  return { code, message: typeof data.message === 'string' ? data.message : error.message };
}

/** Opens a connection to the server this page came from. */
export function openConnection(options: ConnectionOptions): Connection {
  const pending = new Map<string, PendingOp>();
  const changed = () => {
    options.outbox?.save([...pending.values()].map((op) => op.command));
    options.onPending?.(pending.size);
  };
  const settings: Partial<ManagerOptions & SocketOptions> = {
    // WebSocket first: a round trip or two fewer than long-polling's handshake on a slow network. Where a venue's proxy
    // refuses WebSocket, the same attempt goes on over long-polling (tryAllTransports); where it lets the upgrade hang,
    // the attempt times out and the next ones start with long-polling (see connect_error). Never WebTransport.
    transports: WEBSOCKET_FIRST,
    tryAllTransports: true,
    // socket.io-client waits 20 s for an attempt to open; an open takes two round trips, well under a second here.
    timeout: 8000,
    // The phone long-polls with fetch() (vite.config.ts), which sends cookies (a load balancer's sticky session) only so.
    withCredentials: true,
    auth: (cb) => {
      const lastSeq = options.lastSeq();
      cb(lastSeq === null ? { ...options.auth() } : { ...options.auth(), lastSeq });
    },
  };
  const socket: KSocket = options.url === undefined ? io(settings) : io(options.url, settings);

  const transmit = (op: PendingOp) => {
    socket.emit('command', op.command, (ack: Ack) => {
      // Too many at once (a long outbox draining): the same command goes again shortly.
      if (!ack.ok && ack.error.code === 'rate_limited') return void setTimeout(() => socket.connected && transmit(op), 3000);
      if (!pending.delete(op.command.opId)) return;
      changed();
      op.resolve(ack);
    });
  };
  const queue = (command: Outgoing) => new Promise<Ack>((resolve) => {
    const op = { command, resolve };
    pending.set(command.opId, op);
    if (socket.connected) transmit(op);
  });
  const restored = (options.outbox?.load() ?? []).map((command) => ({ command, ack: queue(command) }));
  options.onPending?.(pending.size);

  const settleAll = (code: string, message: string) => {
    for (const op of pending.values()) op.resolve({ ok: false, error: { code, message } });
    pending.clear();
  };

  options.onStatus('connecting');
  // A failed attempt may mean WebSocket is blocked: the next ones start with long-polling (and upgrade when they
  // can); once a WebSocket carries the connection, WebSocket comes first again.
  const startWith = (transports: string[]) => (socket.io.opts.transports = transports);
  socket.on('connect', () => {
    options.onStatus('connected');
    for (const op of pending.values()) transmit(op);
    const engine = socket.io.engine;
    if (engine.transport.name === 'websocket') startWith(WEBSOCKET_FIRST);
    else engine.once('upgrade', () => startWith(WEBSOCKET_FIRST));
  });
  socket.on('disconnect', () => options.onStatus(socket.active ? 'reconnecting' : 'closed'));
  socket.on('connect_error', (error) => {
    if (socket.active) {
      startWith(['polling', 'websocket']);
      return options.onStatus('reconnecting');
    }
    const refusal = refusalOf(error);
    options.onStatus('refused', refusal);
  });
  socket.on('snapshot', (snapshot) => options.onSnapshot(snapshot));
  socket.on('events', (batch) => options.onEvents(batch));

  return {
    send(input) {
      const ack = queue({ ...input, opId: newOpId() } as Outgoing);
      changed();
      return ack;
    },
    restored,
    retry() {
      if (!socket.active) socket.connect();
    },
    close() {
      socket.disconnect();
      // The outbox keeps them: the next connection to this workshop sends them again.
      settleAll('closed', 'closed');
      options.onPending?.(0);
    },
  };
}
