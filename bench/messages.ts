/**
 * What the bench's orchestrator (run.ts) and its load generators
 * (generator.ts) say to each other over the child-process IPC channel.
 */

/** One phone a generator drives. `index` is its place in the global send order. */
export interface PhoneSpec {
  index: number;
  workshop: number;
  code: string;
  group: number;
  slot: string;
}

/** One workshop whose screen (and facilitator) a generator holds. */
export interface ObserverSpec {
  workshop: number;
  workshopId: string;
  screenToken: string;
  facilitatorToken: string;
}

/** Orchestrator → generator. */
export type ToGenerator =
  | { type: 'setup'; url: string; item: string; observers: ObserverSpec[]; phones: PhoneSpec[]; joinConcurrency: number }
  | { type: 'connect_phones' }
  | { type: 'start_item' }
  | { type: 'await_running'; timeoutMs: number }
  /** One slice of the idea phase: ideas kStart… at `rate` per second for `seconds`, the first at t0 (wall clock). */
  | { type: 'ideas'; t0: number; rate: number; seconds: number; totalPhones: number; kStart: number }
  | { type: 'report' }
  /** A full garbage collection now, before a measured phase (the generator runs with --expose-gc). */
  | { type: 'collect_garbage' }
  | { type: 'storm'; at: number; senders: number[]; timeoutMs: number }
  | { type: 'close' };

/** Messages counted per receiving role while counting is on. */
export interface Received {
  messages: number;
  events: number;
}

/** What a generator reports after the idea phase. */
export interface IdeaReport {
  sent: number;
  acked: number;
  refused: Record<string, number>;
  ackTimeouts: number;
  /** Send → screen, ms, ideas of the idea phase seen by a screen in this process. */
  latencies: number[];
  /** The same latencies split at the server's clock (`serverNow` of the events message, Date.now() as it was sent): send → the server's emit, and the emit → screen. */
  toServer: number[];
  fromServer: number[];
  ackLatencies: number[];
  /** Tags of the ideas this process had acknowledged. */
  ackedTags: string[];
  /** Tags seen by this process's screens. */
  seenTags: string[];
  /** Worst lateness of a scheduled send, ms (the generator falling behind). */
  maxSendLag: number;
  received: Record<'participant' | 'screen' | 'facilitator', Received>;
  disconnects: number;
}

/** What a generator reports after the reconnect storm. */
export interface StormReport {
  phones: number;
  resynced: number;
  /** Per phone: from the drop to its first snapshot or events on the new connection, ms. */
  resyncMs: number[];
  snapshots: number;
  eventBatches: number;
  connectErrors: Record<string, number>;
  ackedTags: string[];
  refused: Record<string, number>;
  resends: number;
  unsent: number;
  /** What a few phones that never resynced went through (for diagnosis). */
  stuck: string[];
}

/** Generator → orchestrator. */
export type FromGenerator =
  | { type: 'ready' }
  | { type: 'phones_connected'; connected: number; failed: number; errors: Record<string, number>; ms: number }
  | { type: 'started'; refused: Record<string, number> }
  | { type: 'running'; running: number; phones: number }
  | { type: 'ideas_done' }
  | { type: 'garbage_collected' }
  | { type: 'ideas_report'; report: IdeaReport }
  | { type: 'storm_done'; report: StormReport }
  | { type: 'error'; message: string };
