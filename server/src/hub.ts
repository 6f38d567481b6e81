/**
 * The hub holds every workshop's state in memory, folded from the store's
 * event log, and runs each command through the one path: validate, check
 * the op was not applied before, decide, append to the store, evolve,
 * publish, acknowledge.
 */
import {
  audiences, decide, evolve, evolveAll, resyncs, initialState, parseCommand, refusalMessage,
  type Ack, type Actor, type Audience, type Plan, type RefusalCode, type SequencedEvent,
  type ResyncTarget, type WorkshopEvent, type WorkshopState,
} from '@karusell/shared';
import type { Store, WorkshopRow } from './store/sqlite';
import { newCode, newId } from './tokens';

/** One workshop in memory. */
export interface Room {
  row: WorkshopRow;
  state: WorkshopState;
}

/** How the hub reaches connections: a batch of events to some audiences (each socket once), or fresh snapshots to phones. */
export interface Publisher {
  events: (workshopId: string, audiences: Audience[], events: SequencedEvent[]) => void;
  resync: (workshopId: string, target: ResyncTarget) => void;
}

/** Key of an actor for op de-duplication. */
export function actorKey(actor: Actor): string {
  return actor.role === 'participant' ? `p:${actor.participant}` : actor.role;
}

/** Creates the hub over a store; loads every stored workshop by folding its events. */
/** What the hub needs besides its store. */
export interface HubOptions {
  publisher: Publisher;
  clock?: () => number;
  /** Called after every commit (the auto-advance timer re-arms here). */
  onCommit?: (room: Room) => void;
}

export function createHub(store: Store, { publisher, clock = Date.now, onCommit = () => {} }: HubOptions) {
  const rooms = new Map<string, Room>();
  const byCode = new Map<string, string>();

  for (const row of store.workshops()) {
    const events = store.events(row.id);
    const first = events[0];
    if (first?.type !== 'workshop_created') continue;
    const state = evolveAll(initialState(first.plan, first.at), events);
    rooms.set(row.id, { row, state: { ...state, seq: events.at(-1)?.seq ?? 0 } });
    index(row.id);
  }

  function index(id: string) {
    const room = rooms.get(id);
    if (!room) return;
    const current = byCode.get(room.row.code);
    if (!current || rooms.get(current)?.state.ended || current === id) byCode.set(room.row.code, id);
  }

  function freeCode(): string {
    for (;;) {
      const code = newCode();
      const holder = byCode.get(code);
      if (!holder || rooms.get(holder)?.state.ended) return code;
    }
  }

  /** Stores a new workshop with its first events, in one transaction, and holds it in memory. */
  function open(events: WorkshopEvent[], hashes: { facilitator: string; screen: string }): Room {
    const first = events[0];
    if (first?.type !== 'workshop_created') throw new Error('a workshop starts with workshop_created');
    const row: WorkshopRow = { id: newId(), code: freeCode(), facilitatorTokenHash: hashes.facilitator, screenTokenHash: hashes.screen, createdAt: clock() };
    const seq = store.createWorkshop(row, events);
    const room: Room = { row, state: { ...evolveAll(initialState(first.plan, first.at), events), seq } };
    rooms.set(row.id, room);
    index(row.id);
    return room;
  }

  /** Writes events, folds them in and publishes them; returns them with their seq numbers. */
  function commit(room: Room, events: WorkshopEvent[], extra: Omit<Parameters<Store['append']>[0], 'workshopId' | 'fromSeq' | 'events'> = {}) {
    const fromSeq = room.state.seq;
    const seq = store.append({ workshopId: room.row.id, fromSeq, events, ...extra });
    // Audiences are judged on the state just after each event (who stands at which station).
    let state = room.state;
    const routed = events.map((event, i) => {
      state = evolve(state, event);
      return { event: { ...event, seq: fromSeq + i + 1 } as SequencedEvent, to: audiences(event, state) };
    });
    room.state = { ...state, seq };
    // Sent at once, before they are synced to disk: only the ack (execute) waits for that, so a sender keeps its
    // command until it is durable, and a crash in between loses nothing anyone was told is saved.
    try {
      broadcast(room.row.id, routed);
      for (const target of new Set(events.flatMap(resyncs).map((t) => JSON.stringify(t)))) {
        publisher.resync(room.row.id, JSON.parse(target) as ResyncTarget);
      }
    } catch (error) {
      // The events are stored already; a client that missed them catches up on reconnect.
      console.error('broadcast failed:', error instanceof Error ? error.message : error);
    }
    onCommit(room);
    return routed.map((r) => r.event);
  }

  /**
   * Publishes events in seq order: consecutive events with the same audiences
   * go out as one batch, so no socket ever receives a lower seq after a higher one.
   */
  function broadcast(workshopId: string, routed: { event: SequencedEvent; to: Audience[] }[]) {
    let run: { audiences: Audience[]; key: string; events: SequencedEvent[] } | undefined;
    const flush = () => {
      if (run?.audiences.length) publisher.events(workshopId, run.audiences, run.events);
    };
    for (const { event, to } of routed) {
      const key = JSON.stringify(to);
      if (run?.key === key) {
        run.events.push(event);
        continue;
      }
      flush();
      run = { audiences: to, key, events: [event] };
    }
    flush();
  }

  function refusal(room: Room, code: RefusalCode, field?: string): Ack {
    const message = refusalMessage(code, room.state.plan.language);
    return { ok: false, error: field ? { code, message, field } : { code, message } };
  }

  return {
    rooms,
    /** Creates a workshop from a valid plan, with its hashed secrets. */
    create(plan: Plan, hashes: { facilitator: string; screen: string }): Room {
      return open([{ type: 'workshop_created', plan, at: clock() }], hashes);
    },
    /** Restores an imported workshop from its events (`workshop_created` first) under a new id, code and secrets. */
    restore(events: WorkshopEvent[], hashes: { facilitator: string; screen: string }): Room {
      // Not armed for auto-advance: an archived round timer belongs to a meeting that is over.
      return open(events, hashes);
    },
    /** The room whose join code this is (preferring a live one). */
    byCode(code: string): Room | undefined {
      const id = byCode.get(code);
      return id ? rooms.get(id) : undefined;
    },
    /**
     * Runs one untrusted command payload from an authenticated actor; resolves with its ack once what it
     * changed is on disk (its events reach the clients just before). `opActor` overrides whose ops the opId is
     * kept under (the server's own auto-advance is `system`).
     */
    async execute(room: Room, actor: Actor, payload: unknown, opActor = actorKey(actor)): Promise<Ack> {
      const parsed = parseCommand(payload);
      if (!parsed.ok) return refusal(room, parsed.code, parsed.field);
      const command = parsed.command;
      const done = store.findOp(room.row.id, opActor, command.opId);
      if (done) {
        // Found in the store, but maybe not yet synced: the first answer's fsync may still be running.
        await store.durable();
        return done;
      }
      const decision = decide(room.state, command, { now: clock(), newId, actor });
      if (!decision.ok) {
        // Stored like an acceptance, so a resent op gets the same answer even after a restart.
        const ack = refusal(room, decision.code);
        store.append({ workshopId: room.row.id, fromSeq: room.state.seq, events: [], op: { actor: opActor, opId: command.opId, ack } });
        await store.durable();
        return ack;
      }
      const ack: Ack = decision.result ? { ok: true, result: decision.result } : { ok: true };
      commit(room, decision.events, { op: { actor: opActor, opId: command.opId, ack } });
      await store.durable();
      return ack;
    },
    /** Appends events decided outside a command (a participant joining), with optional extras. */
    commit,
    /** Forgets a deleted workshop. */
    forget(id: string) {
      const room = rooms.get(id);
      rooms.delete(id);
      if (room && byCode.get(room.row.code) === id) byCode.delete(room.row.code);
    },
    refusal,
  };
}

/** The hub type. */
export type Hub = ReturnType<typeof createHub>;
