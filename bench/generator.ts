/**
 * One load-generator process (pinned to core 1 by run.ts): up to ~250
 * socket.io-client connections, WebSocket only. It holds whole workshops
 * where it can (their screen and facilitator beside the phones), sends ideas
 * on the shared schedule, times them at the screen, and drops and resumes
 * its phones for the reconnect storm. Driven over IPC (messages.ts).
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { FromGenerator, IdeaReport, ObserverSpec, PhoneSpec, Received, StormReport, ToGenerator } from './messages';
import { count, sleep, wall } from './stats';
import { readTag, taggedIdea } from './text';

type Role = 'participant' | 'screen' | 'facilitator';
type Ack = { ok: true; result?: unknown } | { ok: false; error: { code: string; message: string } };
interface Batch { seq: number; events: { type: string; idea?: { text: string } }[]; serverNow?: number }
interface Greeting { seq: number; participantToken?: string; state?: { running?: string | null } }
interface Outgoing { opId: string; tag: string; text: string; inFlight: boolean; attempts: number }
interface Phone extends PhoneSpec {
  socket: Socket;
  token?: string;
  lastSeq: number;
  running: boolean;
  /** Set while the storm waits for this phone's first message on its new connection. */
  awaitingResync: boolean;
  outbox: Map<string, Outgoing>;
  /** What happened to this phone's connection during the storm, for diagnosing phones that never come back. */
  trail: string[];
}
type Setup = Extract<ToGenerator, { type: 'setup' }>;

let setup: Setup;
const phones: Phone[] = [];
const observers: { spec: ObserverSpec; screen: Socket; facilitator: Socket }[] = [];
let counting = false;
let ideaReport = freshIdeaReport();
let storm: { at: number; report: StormReport; done: () => void } | undefined;

function freshIdeaReport(): IdeaReport {
  const zero = (): Received => ({ messages: 0, events: 0 });
  return {
    sent: 0, acked: 0, refused: {}, ackTimeouts: 0, latencies: [], toServer: [], fromServer: [], ackLatencies: [], ackedTags: [], seenTags: [],
    maxSendLag: 0, received: { participant: zero(), screen: zero(), facilitator: zero() }, disconnects: 0,
  };
}

function tell(message: FromGenerator): void {
  process.send?.(message);
}

function open(role: Role, auth: () => Record<string, unknown>): Socket {
  const socket = io(setup.url, {
    transports: ['websocket'], forceNew: true, timeout: 30_000, reconnectionDelay: 500,
    auth: (cb) => cb(auth()),
  });
  socket.on('events', (batch: Batch) => {
    if (!counting) return;
    ideaReport.received[role].messages++;
    ideaReport.received[role].events += batch.events.length;
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') ideaReport.disconnects++;
  });
  return socket;
}

function command(socket: Socket, payload: Record<string, unknown>, timeoutMs = 30_000): Promise<Ack> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit('command', { opId: randomUUID(), ...payload }, (err: Error | null, ack: Ack) => (err ? reject(err) : resolve(ack)));
  });
}

/** Resolves on the first `snapshot`, rejects on a refused connection. */
function greeted(socket: Socket): Promise<Greeting> {
  return new Promise((resolve, reject) => {
    // Both listeners go once either fires: a stale one would disconnect the socket on some later error.
    const onSnapshot = (s: Greeting) => {
      socket.off('connect_error', onError);
      resolve(s);
    };
    const onError = (err: Error & { data?: { code?: string } }) => {
      socket.off('snapshot', onSnapshot);
      socket.disconnect();
      reject(new Error(err.data?.code ?? err.message));
    };
    socket.once('snapshot', onSnapshot);
    socket.once('connect_error', onError);
  });
}

async function connectObservers(): Promise<void> {
  for (const spec of setup.observers) {
    const screen = open('screen', () => ({ workshopId: spec.workshopId, screenToken: spec.screenToken }));
    screen.on('events', (batch: Batch) => onScreenEvents(batch));
    const facilitator = open('facilitator', () => ({ workshopId: spec.workshopId, facilitatorToken: spec.facilitatorToken }));
    observers.push({ spec, screen, facilitator });
    await Promise.all([greeted(screen), greeted(facilitator)]);
  }
}

function onScreenEvents(batch: Batch): void {
  const now = wall();
  for (const event of batch.events) {
    if (event.type !== 'idea_added' || !event.idea) continue;
    const tagged = readTag(event.idea.text);
    if (!tagged?.tag.startsWith('k') || !counting) continue;
    ideaReport.latencies.push(now - tagged.sentAt);
    if (typeof batch.serverNow === 'number') {
      ideaReport.toServer.push(batch.serverNow - tagged.sentAt);
      ideaReport.fromServer.push(now - batch.serverNow);
    }
    ideaReport.seenTags.push(tagged.tag);
  }
}

function phoneAuth(p: Phone): Record<string, unknown> {
  return p.token ? { code: p.code, participantToken: p.token, lastSeq: p.lastSeq } : { code: p.code };
}

/** The underlying cause of a transport error (engine.io-client keeps it in `description`). */
function describe(err: Error): string {
  const d = (err as Error & { description?: { message?: string; code?: string; error?: { code?: string; message?: string } } }).description;
  return d?.error?.code ?? d?.code ?? d?.error?.message ?? d?.message ?? 'no detail';
}

function heard(p: Phone, seq: number): void {
  p.lastSeq = Math.max(p.lastSeq, seq);
  if (!storm || !p.awaitingResync) return;
  p.awaitingResync = false;
  storm.report.resynced++;
  storm.report.resyncMs.push(wall() - storm.at);
  flushOutbox(p);
  checkStorm();
}

async function connectPhone(spec: PhoneSpec): Promise<void> {
  const p = { ...spec, lastSeq: 0, running: false, awaitingResync: false, outbox: new Map(), trail: [] } as unknown as Phone;
  p.socket = open('participant', () => phoneAuth(p));
  p.socket.on('snapshot', (s: Greeting) => {
    if (s.participantToken) p.token = s.participantToken;
    p.running = s.state?.running === setup.item;
    if (storm && p.awaitingResync) storm.report.snapshots++;
    heard(p, s.seq);
  });
  p.socket.on('events', (b: Batch) => {
    if (storm && p.awaitingResync) storm.report.eventBatches++;
    heard(p, b.seq);
  });
  const mark = (what: string) => storm && p.awaitingResync && p.trail.push(`${(wall() - storm.at).toFixed(0)}ms ${what}`);
  p.socket.on('connect', () => mark('connect'));
  p.socket.on('disconnect', (reason) => mark(`disconnect ${reason}`));
  p.socket.io.on('reconnect_attempt', (n) => mark(`reconnect_attempt ${n}`));
  p.socket.io.on('error', (e) => mark(`manager error ${e.message} (${describe(e)})`));
  p.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    mark(`connect_error ${err.message}`);
    if (!storm || !p.awaitingResync) return;
    count(storm.report.connectErrors, err.data?.code ?? `${err.message} (${describe(err)})`);
    // A refusal by the server is not retried by the client library; a transport error is.
    if (err.data) setTimeout(() => p.socket.connect(), 500);
  });
  await greeted(p.socket);
  const ack = await command(p.socket, { type: 'join_group', group: p.group });
  if (!ack.ok) throw new Error(`join_group: ${ack.error.code}`);
  phones.push(p);
}

async function connectPhones(): Promise<void> {
  const started = wall();
  const errors: Record<string, number> = {};
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < setup.phones.length) {
      const spec = setup.phones[next++]!;
      await connectPhone(spec).catch((error: unknown) => {
        failed++;
        count(errors, error instanceof Error ? error.message : String(error));
      });
    }
  };
  await Promise.all(Array.from({ length: setup.joinConcurrency }, worker));
  tell({ type: 'phones_connected', connected: phones.length, failed, errors, ms: wall() - started });
}

async function startItems(): Promise<void> {
  const refused: Record<string, number> = {};
  await Promise.all(observers.map(async (o) => {
    const ack = await command(o.facilitator, { type: 'start_item', item: setup.item });
    if (!ack.ok) count(refused, ack.error.code);
  }));
  tell({ type: 'started', refused });
}

async function awaitRunning(timeoutMs: number): Promise<void> {
  const deadline = wall() + timeoutMs;
  while (phones.some((p) => !p.running) && wall() < deadline) await sleep(50);
  tell({ type: 'running', running: phones.filter((p) => p.running).length, phones: phones.length });
}

async function sendIdeas(m: Extract<ToGenerator, { type: 'ideas' }>): Promise<void> {
  // Slices of the idea phase add up until the report; the other server's slices run in between.
  counting = true;
  const mine = new Map(phones.map((p) => [p.index, p]));
  const schedule: { k: number; at: number; phone: Phone }[] = [];
  const total = Math.round(m.rate * m.seconds);
  for (let k = m.kStart; k < m.kStart + total; k++) {
    const phone = mine.get(k % m.totalPhones);
    if (phone) schedule.push({ k, at: m.t0 + ((k - m.kStart) * 1000) / m.rate, phone });
  }
  let pending = 0;
  const sendOne = ({ k, at, phone }: (typeof schedule)[number], now: number) => {
    ideaReport.maxSendLag = Math.max(ideaReport.maxSendLag, now - at);
    const tag = `k${k}`;
    const sentAt = wall();
    const payload = { opId: randomUUID(), type: 'add_idea', item: setup.item, slot: phone.slot, text: taggedIdea(tag, sentAt, k) };
    pending++;
    ideaReport.sent++;
    phone.socket.timeout(30_000).emit('command', payload, (err: Error | null, ack: Ack) => {
      pending--;
      if (err) ideaReport.ackTimeouts++;
      else if (!ack.ok) count(ideaReport.refused, ack.error.code);
      else {
        ideaReport.acked++;
        ideaReport.ackedTags.push(tag);
        ideaReport.ackLatencies.push(wall() - sentAt);
      }
    });
  };
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = wall();
      while (next < schedule.length && schedule[next]!.at <= now) sendOne(schedule[next++]!, now);
      if (next < schedule.length) setTimeout(tick, Math.max(0, schedule[next]!.at - wall()));
      else resolve();
    };
    setTimeout(tick, Math.max(0, m.t0 - wall()));
  });
  const deadline = wall() + 30_000;
  while (pending > 0 && wall() < deadline) await sleep(20);
  tell({ type: 'ideas_done' });
}

function flushOutbox(p: Phone): void {
  for (const entry of p.outbox.values()) {
    if (entry.inFlight || !storm) continue;
    entry.inFlight = true;
    if (entry.attempts++ > 0) storm.report.resends++;
    const payload = { opId: entry.opId, type: 'add_idea', item: setup.item, slot: p.slot, text: entry.text };
    p.socket.timeout(10_000).emit('command', payload, (err: Error | null, ack: Ack) => {
      entry.inFlight = false;
      if (!storm) return;
      // No answer (the connection dropped, or a timeout): send the same opId again once the phone is back.
      if (err) return void (p.socket.connected && !p.awaitingResync && setTimeout(() => flushOutbox(p), 200));
      p.outbox.delete(entry.opId);
      if (ack.ok) storm.report.ackedTags.push(entry.tag);
      else count(storm.report.refused, ack.error.code);
      checkStorm();
    });
  }
}

function queueIdea(p: Phone, n: number): void {
  const tag = `s${p.index}-${n}`;
  const entry = { opId: randomUUID(), tag, text: taggedIdea(tag, wall(), p.index + n), inFlight: false, attempts: 0 };
  p.outbox.set(entry.opId, entry);
}

function checkStorm(): void {
  if (!storm || storm.report.resynced < phones.length) return;
  if (phones.some((p) => p.outbox.size > 0)) return;
  storm.done();
}

async function runStorm(m: Extract<ToGenerator, { type: 'storm' }>): Promise<void> {
  const report: StormReport = {
    phones: phones.length, resynced: 0, resyncMs: [], snapshots: 0, eventBatches: 0, connectErrors: {},
    ackedTags: [], refused: {}, resends: 0, unsent: 0, stuck: [],
  };
  const finished = new Promise<void>((resolve) => (storm = { at: m.at, report, done: resolve }));
  const senders = new Set(m.senders);
  await sleep(Math.max(0, m.at - wall()));
  // Storm senders send one idea and lose the connection before its ack can come back…
  for (const p of phones) {
    if (!senders.has(p.index)) continue;
    queueIdea(p, 1);
    flushOutbox(p);
  }
  for (const p of phones) {
    p.awaitingResync = true;
    p.socket.disconnect();
  }
  // …and write a second one while offline.
  for (const p of phones) if (senders.has(p.index)) queueIdea(p, 2);
  for (const p of phones) p.socket.connect();
  await Promise.race([finished, sleep(m.timeoutMs)]);
  report.unsent = phones.reduce((n, p) => n + p.outbox.size, 0);
  report.stuck = phones.filter((p) => p.awaitingResync).slice(0, 3).map((p) => {
    const io = p.socket.io as unknown as { _readyState: string; _reconnecting: boolean; backoff: { attempts: number } };
    return `phone ${p.index}: connected=${p.socket.connected} manager=${io._readyState} reconnecting=${io._reconnecting} attempts=${io.backoff.attempts}; ${p.trail.join(', ')}`;
  });
  storm = undefined;
  tell({ type: 'storm_done', report });
}

async function handle(m: ToGenerator): Promise<void> {
  switch (m.type) {
    case 'setup':
      setup = m;
      await connectObservers();
      return tell({ type: 'ready' });
    case 'connect_phones':
      return connectPhones();
    case 'start_item':
      return startItems();
    case 'await_running':
      return awaitRunning(m.timeoutMs);
    case 'ideas':
      return sendIdeas(m);
    case 'report': {
      counting = false;
      const report = ideaReport;
      ideaReport = freshIdeaReport();
      return tell({ type: 'ideas_report', report });
    }
    case 'collect_garbage':
      (globalThis as { gc?: () => void }).gc?.();
      return tell({ type: 'garbage_collected' });
    case 'storm':
      return runStorm(m);
    case 'close':
      for (const s of [...phones.map((p) => p.socket), ...observers.flatMap((o) => [o.screen, o.facilitator])]) s.disconnect();
      await sleep(100);
      process.exit(0);
  }
}

process.on('message', (m: ToGenerator) => {
  handle(m).catch((error: unknown) => tell({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) }));
});
// The orchestrator is gone: nothing left to do.
process.on('disconnect', () => process.exit(0));
