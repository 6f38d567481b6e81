/**
 * Socket.IO: authenticates each connection into one role of one workshop,
 * sends its snapshot (or the events it missed), and runs its commands
 * through the hub. Room and role come from the connection, never a command.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  admit, mayResume, normaliseCode, own, PROTOCOL_VERSION, projectState, refusalMessage, resyncs, shows,
  type Actor, type Audience, type ClientToServerEvents, type ConnectRefusalCode, type SequencedEvent, type ServerToClientEvents,
  type Snapshot,
} from '@karusell/shared';
import type { Hub, Publisher, Room } from './hub';
import type { Limiters } from './limits';
import type { Store } from './store/sqlite';
import { hashToken, newId, newToken, tokenMatches } from './tokens';

/** What a connection is, once authenticated. */
interface Session {
  workshopId: string;
  actor: Actor;
  lastSeq: number | null;
  participantToken?: string;
}

type KSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Session>;

/** Events missed beyond this many get a fresh snapshot instead (a phone's or the screen's catch-up is cut shorter). */
const CATCH_UP_LIMIT = 500;
const VIEWER_CATCH_UP_LIMIT = 100;

/** Socket.IO room name for an audience of a workshop. */
export function roomName(workshopId: string, audience: Audience): string {
  if (typeof audience === 'string') return `${workshopId}:${audience}`;
  return 'group' in audience ? `${workshopId}:g:${audience.group}` : `${workshopId}:p:${audience.participant}`;
}

class Refused extends Error {
  data: { code: ConnectRefusalCode; message: string };
  constructor(code: ConnectRefusalCode, message: string) {
    super(message);
    this.data = { code, message };
  }
}

/** Options for the socket layer. */
export interface SocketOptions {
  hub: Hub;
  store: Store;
  joinUrl: (code: string) => string;
  allowedOrigin: (origin: string, host: string | undefined) => boolean;
  limiters: Limiters;
}

/**
 * Largest message a client may send, in bytes. Ideas are short (500
 * characters); this leaves room for a few at once, since long-polling
 * batches a reconnecting phone's queued commands into one request.
 */
export const MAX_MESSAGE_BYTES = 32_000;

/** Attaches Socket.IO to the HTTP server. */
export function attachSockets(http: HttpServer, opts: SocketOptions) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Session>(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    allowRequest: (req: IncomingMessage, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || opts.allowedOrigin(origin, req.headers.host));
    },
  });

  io.use(async (socket, next) => {
    const { auth, address } = socket.handshake;
    try {
      // An address that sent too many wrong codes waits before joining anew; resuming with a token is never held up.
      const joining = typeof auth.code === 'string' && auth.participantToken === undefined;
      if (joining && await opts.limiters.blocked(address)) throw new Refused('rate_limited', RATE_LIMITED);
      socket.data = authenticate(auth, opts);
      // A new participant (and its token) is on disk before the phone is told its token; a phone resuming with
      // its token, the facilitator and the screen wrote nothing and wait for nothing (in a reconnect storm, no fsync).
      if (socket.data.participantToken !== undefined && auth.participantToken === undefined) await opts.store.durable();
      next();
    } catch (error) {
      const refused = error instanceof Refused ? error : new Refused('bad_token', 'bad auth');
      if (refused.data.code === 'unknown_code' || refused.data.code === 'bad_token') await opts.limiters.failed(address);
      next(refused);
    }
  });

  io.on('connection', (socket: KSocket) => {
    const room = opts.hub.rooms.get(socket.data.workshopId);
    if (!room) return void socket.disconnect(true);
    joinRooms(socket, room);
    greet(socket, room, opts);
    socket.on('disconnect', () => opts.limiters.forget(socket.id));
    socket.on('command', (payload, ack) => {
      if (typeof ack !== 'function') return;
      // Commands from one socket settle in the order they came: the limiter answers synchronously inside its promise.
      void opts.limiters.command(socket.id).then((allowed) => {
        const current = opts.hub.rooms.get(socket.data.workshopId);
        if (!current) return ack({ ok: false, error: { code: 'bad_token', message: 'gone' } });
        // Not stored as the op's answer: the same command sent again later is taken.
        if (!allowed) return ack(opts.hub.refusal(current, 'rate_limited'));
        opts.hub.execute(current, socket.data.actor, payload).then(ack, (error: unknown) => {
          console.error('command failed:', error instanceof Error ? error.message : error);
          ack(opts.hub.refusal(current, 'internal'));
        });
      });
    });
  });

  const publisher: Publisher = {
    events(workshopId, audiences, events) {
      // One broadcast to every audience's room: the message is encoded once, and a socket in two of them gets it once.
      const rooms = audiences.map((audience) => roomName(workshopId, audience));
      io.to(rooms).emit('events', { seq: events.at(-1)!.seq, events, serverNow: Date.now() });
    },
    resync(workshopId, target) {
      const room = opts.hub.rooms.get(workshopId);
      const ids = io.sockets.adapter.rooms.get(roomName(workshopId, target));
      if (!room || !ids) return;
      for (const id of [...ids]) {
        const socket = io.sockets.sockets.get(id);
        if (!socket) continue;
        joinRooms(socket, room);
        sendSnapshot(socket, room, opts);
        // A removed participant is shown that they were removed, then let go: they must not keep following the meeting.
        const { actor } = socket.data;
        if (actor.role === 'participant' && own(room.state.participants, actor.participant)?.removed) socket.disconnect(true);
      }
    },
  };
  return { io, publisher };
}

/** Puts a socket in its role's rooms; a phone also in its group's room (and out of any other group's). */
function joinRooms(socket: KSocket, room: Room) {
  const { actor } = socket.data;
  const id = room.row.id;
  if (actor.role !== 'participant') return void socket.join(roomName(id, actor.role));
  const group = own(room.state.participants, actor.participant)?.group ?? null;
  const mine = group === null ? null : roomName(id, { group });
  for (const name of socket.rooms) if (name.startsWith(`${id}:g:`) && name !== mine) void socket.leave(name);
  void socket.join([roomName(id, 'participants'), roomName(id, { participant: actor.participant }), ...(mine ? [mine] : [])]);
}

function readLastSeq(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

// One message for every bad token, so a refusal never tells whether a workshop id exists.
const BAD_TOKEN = `${refusalMessage('bad_token', 'sv')} / ${refusalMessage('bad_token', 'en')}`;
const RATE_LIMITED = `${refusalMessage('rate_limited', 'sv')} / ${refusalMessage('rate_limited', 'en')}`;

function authenticate(auth: Record<string, unknown>, opts: SocketOptions): Session {
  const lastSeq = readLastSeq(auth.lastSeq);
  if (typeof auth.code === 'string') return authenticateParticipant(auth, lastSeq, opts);
  const room = typeof auth.workshopId === 'string' ? opts.hub.rooms.get(auth.workshopId) : undefined;
  if (!room) throw new Refused('bad_token', BAD_TOKEN);
  if ('facilitatorToken' in auth && tokenMatches(auth.facilitatorToken, room.row.facilitatorTokenHash)) {
    return { workshopId: room.row.id, actor: { role: 'facilitator' }, lastSeq };
  }
  if ('screenToken' in auth && tokenMatches(auth.screenToken, room.row.screenTokenHash)) {
    return { workshopId: room.row.id, actor: { role: 'screen' }, lastSeq };
  }
  throw new Refused('bad_token', BAD_TOKEN);
}

/** Who a participant resumes as, or why they may not: no such participant (`bad_token`), or `removed`. */
type Holder = { participant: string } | { refusal: 'bad_token' | 'removed' };

function holder(room: Room, participant: string | undefined): Holder {
  const refusal = participant ? mayResume(room.state, participant) : 'bad_token';
  return refusal || !participant ? { refusal: refusal ?? 'bad_token' } : { participant };
}

/** The meeting a join code (as typed, any case) names, preferring a live one. */
export function roomByCode(hub: Hub, code: unknown): Room | undefined {
  const normal = typeof code === 'string' ? normaliseCode(code) : null;
  return normal ? hub.byCode(normal) : undefined;
}

/** Who a participant token resumes as in this meeting, or why it may not: the socket's resume and the HTTP snapshot alike. */
export function tokenHolder(room: Room, token: unknown, store: Store): Holder {
  return holder(room, typeof token === 'string' && token ? store.participantByToken(room.row.id, hashToken(token)) : undefined);
}

function resume(room: Room, held: Holder, lastSeq: number | null, token: string): Session {
  if ('refusal' in held) {
    throw new Refused(held.refusal, held.refusal === 'removed' ? refusalMessage('removed', room.state.plan.language) : BAD_TOKEN);
  }
  return { workshopId: room.row.id, actor: { role: 'participant', participant: held.participant }, lastSeq, participantToken: token };
}

function authenticateParticipant(auth: Record<string, unknown>, lastSeq: number | null, opts: SocketOptions): Session {
  const room = roomByCode(opts.hub, auth.code);
  if (!room) throw new Refused('unknown_code', refusalMessage('unknown_code', 'en'));
  const { participantToken, joinKey } = auth;
  if (participantToken !== undefined) return resume(room, tokenHolder(room, participantToken, opts.store), lastSeq, String(participantToken));
  const keyHash = typeof joinKey === 'string' && joinKey.length >= 16 && joinKey.length <= 100 ? hashToken(joinKey) : undefined;
  const token = newToken();
  const known = keyHash ? opts.store.participantByJoinKey(room.row.id, keyHash) : undefined;
  if (known) {
    const session = resume(room, holder(room, known), null, token);
    opts.store.addParticipantToken(room.row.id, hashToken(token), known);
    return session;
  }
  const participant = newId();
  const decision = admit(room.state, participant, Date.now());
  if (!decision.ok) {
    const code: ConnectRefusalCode = decision.code === 'locked' ? 'locked' : 'ended';
    throw new Refused(code, refusalMessage(code, room.state.plan.language));
  }
  opts.hub.commit(room, decision.events, { participantToken: { hash: hashToken(token), participant }, joinKeyHash: keyHash });
  return { workshopId: room.row.id, actor: { role: 'participant', participant }, lastSeq: null, participantToken: token };
}

/**
 * The first message on a connection: the events missed since `lastSeq`, or a
 * snapshot. A phone or the screen gets the missed events it is shown, as it
 * would have live, unless one of them would have sent it a fresh snapshot
 * then (its wall changed: a round, an item, its group, moderation): then it
 * gets a snapshot now, since what it is shown depends on the state now.
 */
function greet(socket: KSocket, room: Room, opts: SocketOptions) {
  const { actor, lastSeq } = socket.data;
  const seq = room.state.seq;
  if (lastSeq !== null && lastSeq <= seq) {
    const limit = actor.role === 'facilitator' ? CATCH_UP_LIMIT : VIEWER_CATCH_UP_LIMIT;
    const missed = opts.store.events(room.row.id, lastSeq, limit + 1);
    // The rooms a live resync goes to (joinRooms has put this socket in its rooms already).
    const resynced = (e: SequencedEvent) => resyncs(e).some((target) => socket.rooms.has(roomName(room.row.id, target)));
    if (missed.length <= limit && !missed.some(resynced)) {
      const events = missed.filter((e) => shows(e, actor, room.state));
      socket.emit('events', { seq, events, serverNow: Date.now() });
      return;
    }
  }
  sendSnapshot(socket, room, opts);
}

/** What a role is shown of a workshop now: its snapshot, without a participant's token (the greeting adds that). */
export function snapshotOf(room: Room, actor: Actor, joinUrl: string): Snapshot {
  const snapshot: Snapshot = {
    protocol: PROTOCOL_VERSION,
    role: actor.role,
    seq: room.state.seq,
    info: { id: room.row.id, code: room.row.code, joinUrl },
    state: projectState(room.state, actor),
    serverNow: Date.now(),
  };
  if (actor.role === 'participant') snapshot.participant = actor.participant;
  return snapshot;
}

function sendSnapshot(socket: KSocket, room: Room, opts: SocketOptions) {
  const { actor, participantToken } = socket.data;
  const snapshot = snapshotOf(room, actor, opts.joinUrl(room.row.code));
  if (actor.role === 'participant' && participantToken) snapshot.participantToken = participantToken;
  socket.emit('snapshot', snapshot);
}
