/**
 * The yardstick: a bare Socket.IO server (same socket.io version as
 * Karusell, same process flags and pinning) that only relays an add_idea
 * payload to the audiences Karusell would send it to — the workshop's
 * facilitator and screen rooms and the rooms of the groups standing at that
 * station (`<id>:facilitator`, `<id>:screen`, `<id>:g:<n>`) — and acks it.
 * No validation beyond shape, no storage, no state: what is left is
 * Socket.IO's own cost. Speaks just enough of Karusell's protocol for the
 * bench: POST /api/workshops, the three auths, join_group, start_item, add_idea.
 * Env: PORT, HOST, BACKLOG (listen queue; default Node's 511, like Karusell).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';

interface Workshop {
  id: string;
  code: string;
  facilitatorToken: string;
  screenToken: string;
  groups: number;
  stations: number;
  seq: number;
  running: string | null;
  /** participant token → who it is and the group it joined, so a phone that comes back is in its group again. */
  participants: Map<string, { id: string; group?: number }>;
}
interface Session { workshop: Workshop; role: 'participant' | 'facilitator' | 'screen'; participant?: string; token?: string; group?: number }
type Ack = { ok: true; result?: unknown } | { ok: false; error: { code: string; message: string } };

const workshops = new Map<string, Workshop>();
const byCode = new Map<string, Workshop>();
const id = () => randomBytes(9).toString('base64url');

function create(plan: { groups?: unknown; agenda?: { kind?: string; stations?: unknown[] }[] }): Workshop {
  const carousel = plan.agenda?.find((item) => item.kind === 'carousel');
  const w: Workshop = {
    id: id(), code: randomBytes(4).toString('hex').slice(0, 6).toUpperCase(), facilitatorToken: id(), screenToken: id(),
    groups: Number(plan.groups) || 1, stations: carousel?.stations?.length ?? 1, seq: 1, running: null, participants: new Map(),
  };
  workshops.set(w.id, w);
  byCode.set(w.code, w);
  return w;
}

function onRequest(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST' || req.url !== '/api/workshops') return void res.writeHead(404).end();
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const w = create(JSON.parse(body) as Parameters<typeof create>[0]);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: w.id, code: w.code, facilitatorToken: w.facilitatorToken, screenToken: w.screenToken }));
  });
}

const http = createServer(onRequest);
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 32_000 });

io.use((socket, next) => {
  const auth = socket.handshake.auth as Record<string, unknown>;
  const participantWorkshop = typeof auth.code === 'string' ? byCode.get(auth.code.toUpperCase()) : undefined;
  if (participantWorkshop) {
    const token = typeof auth.participantToken === 'string' ? auth.participantToken : id();
    const known = participantWorkshop.participants.get(token) ?? { id: id() };
    participantWorkshop.participants.set(token, known);
    socket.data = { workshop: participantWorkshop, role: 'participant', participant: known.id, token, ...(known.group ? { group: known.group } : {}) } satisfies Session;
    return next();
  }
  const w = typeof auth.workshopId === 'string' ? workshops.get(auth.workshopId) : undefined;
  if (w && auth.facilitatorToken === w.facilitatorToken) socket.data = { workshop: w, role: 'facilitator' } satisfies Session;
  else if (w && auth.screenToken === w.screenToken) socket.data = { workshop: w, role: 'screen' } satisfies Session;
  else return next(Object.assign(new Error('bad auth'), { data: { code: 'bad_token' } }));
  next();
});

/** The rooms of the groups standing where `group` stands in round 0. */
function groupsAtStationOf(w: Workshop, group: number): string[] {
  const station = (group - 1) % w.stations;
  const rooms: string[] = [];
  for (let g = 1; g <= w.groups; g++) if ((g - 1) % w.stations === station) rooms.push(`${w.id}:g:${g}`);
  return rooms;
}

function snapshot(session: Session) {
  const w = session.workshop;
  return { seq: w.seq, participantToken: session.token, participant: session.participant, state: { running: w.running }, serverNow: Date.now() };
}

function run(socket: Socket, session: Session, cmd: Record<string, unknown>): Ack {
  const w = session.workshop;
  switch (cmd.type) {
    case 'join_group': {
      for (const room of socket.rooms) if (room.startsWith(`${w.id}:g:`)) void socket.leave(room);
      session.group = Number(cmd.group);
      if (session.token) w.participants.get(session.token)!.group = session.group;
      void socket.join(`${w.id}:g:${session.group}`);
      return { ok: true };
    }
    case 'start_item':
      w.running = String(cmd.item);
      w.seq++;
      io.to(`${w.id}:participants`).emit('snapshot', { seq: w.seq, state: { running: w.running }, serverNow: Date.now() });
      return { ok: true };
    case 'add_idea': {
      if (typeof cmd.text !== 'string' || session.group === undefined) return { ok: false, error: { code: 'bad_command', message: 'bad' } };
      const at = Date.now();
      const seq = ++w.seq;
      const idea = {
        id: id(), item: String(cmd.item), slot: String(cmd.slot), text: cmd.text.trim(), group: session.group,
        participant: session.participant ?? null, at, emphasis: [], support: [`g:${session.group}`], hidden: false,
        mergedInto: null, mergedFrom: [], originalText: null,
      };
      const rooms = [`${w.id}:facilitator`, `${w.id}:screen`, ...groupsAtStationOf(w, session.group)];
      io.to(rooms).emit('events', { seq, events: [{ type: 'idea_added', idea, at, seq }], serverNow: at });
      return { ok: true, result: { idea } };
    }
    default:
      return { ok: false, error: { code: 'unknown_command', message: 'unknown' } };
  }
}

io.on('connection', (socket) => {
  const session = socket.data as Session;
  const w = session.workshop;
  void socket.join(session.role === 'participant' ? `${w.id}:participants` : `${w.id}:${session.role}`);
  if (session.group !== undefined) void socket.join(`${w.id}:g:${session.group}`);
  socket.emit('snapshot', snapshot(session));
  socket.on('command', (cmd: unknown, ack: unknown) => {
    if (typeof ack !== 'function' || typeof cmd !== 'object' || cmd === null) return;
    (ack as (a: Ack) => void)(run(socket, session, cmd as Record<string, unknown>));
  });
});

// BACKLOG (diagnostic, --bare-backlog): a longer listen queue than Node's default 511, to show what it changes in a storm.
const backlog = process.env.BACKLOG ? Number(process.env.BACKLOG) : undefined;
http.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1', ...(backlog ? { backlog } : {}) }, () => {
  console.log(`Bare relay listening on ${process.env.HOST ?? '127.0.0.1'}:${(http.address() as AddressInfo).port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void io.close(() => process.exit(0)));
}
