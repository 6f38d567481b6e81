/**
 * The socket protocol as one file: what a client sends, what the server
 * sends back, and the snapshot each role receives. See docs/protocol.md.
 */
import type { SequencedEvent } from './events';
import type { WorkshopState } from './state';
import type { ConnectRefusalCode } from './refusals';

/** Bumped when a change would break older clients. */
export const PROTOCOL_VERSION = 1;

/** The answer to every command. */
export type Ack =
  | { ok: true; result?: Record<string, unknown> }
  | { ok: false; error: { code: string; message: string; field?: string } };

/** What the joined workshop looks like from outside: public facts only. */
export interface WorkshopInfo {
  id: string;
  code: string;
  joinUrl: string;
}

/** The whole state a role may see, sent on connect (and after a long gap). */
export interface Snapshot {
  protocol: number;
  role: 'participant' | 'facilitator' | 'screen';
  seq: number;
  info: WorkshopInfo;
  state: WorkshopState;
  /** Only in a participant's snapshot: who they are. */
  participantToken?: string;
  participant?: string;
  /** Server clock when sent, so clients can correct for their own clock. */
  serverNow: number;
}

/** A batch of events after the snapshot; `seq` is the last one's number. */
export interface EventBatch {
  seq: number;
  events: SequencedEvent[];
  serverNow: number;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  events: (batch: EventBatch) => void;
}

/** Events a client sends: one, `command`, always with an ack. */
export interface ClientToServerEvents {
  command: (command: unknown, ack: (answer: Ack) => void) => void;
}

/** The `auth` a client connects with, per role. */
export type ConnectAuth =
  | { code: string; participantToken?: string; joinKey?: string; lastSeq?: number }
  | { workshopId: string; facilitatorToken: string; lastSeq?: number }
  | { workshopId: string; screenToken: string; lastSeq?: number };

/** `connect_error` data for a refused connection. */
export interface ConnectErrorData {
  code: ConnectRefusalCode;
  message: string;
}
