/**
 * One workshop as a view sees it: the snapshot it was sent, with every
 * later event folded in by the same `evolve` the server runs. Also knows
 * the last seq (for reconnects) and how far the server's clock is from ours.
 */
import { activeParticipants, evolve, groupSizes, type Participant, type WorkshopState } from '@karusell/shared/state';
import type { AgendaItem } from '@karusell/shared/plan';
import type { EventBatch, Snapshot, WorkshopInfo } from '@karusell/shared/protocol';

/** The live state of one workshop, for one role. */
export class Workshop {
  /** The folded state; null until the first snapshot. */
  state: WorkshopState | null = $state.raw(null);
  /** Public facts: id, code, join address. */
  info: WorkshopInfo | null = $state.raw(null);
  /** The last seq folded in; null until the first snapshot. */
  seq: number | null = $state.raw(null);
  /** On a phone: this participant's id. */
  me: string | null = $state.raw(null);
  /** Server clock minus ours, in ms, from the last message. */
  clockOffset = 0;

  /** The agenda item running now, if any. */
  running: AgendaItem | null = $derived.by(() => {
    const s = this.state;
    return (s?.running && s.plan.agenda.find((item) => item.id === s.running)) || null;
  });
  /** On a phone: the participant's own record. */
  myself: Participant | null = $derived((this.me && this.state?.participants[this.me]) || null);

  /** Replaces everything with a snapshot. */
  applySnapshot(snapshot: Snapshot): void {
    this.state = { ...snapshot.state, seq: snapshot.seq };
    this.info = snapshot.info;
    this.seq = snapshot.seq;
    this.me = snapshot.participant ?? this.me;
    this.clockOffset = snapshot.serverNow - Date.now();
  }

  /** Folds a batch of events; events already folded (by seq) are skipped. */
  applyEvents(batch: EventBatch): void {
    if (!this.state || this.seq === null) return;
    const from = this.seq;
    let state = this.state;
    for (const event of batch.events) if (event.seq > from) state = evolve(state, event);
    const seq = Math.max(from, batch.seq);
    this.state = { ...state, seq };
    this.seq = seq;
    this.clockOffset = batch.serverNow - Date.now();
  }

  /** Forgets everything (before joining afresh). */
  reset(): void {
    this.state = null;
    this.info = null;
    this.seq = null;
    this.me = null;
  }

  /** The server's time now, in ms since epoch. */
  now(): number {
    return Date.now() + this.clockOffset;
  }
}

/** The workshop as the facilitator and the screen see it: with everyone in the room. */
export class RoomWorkshop extends Workshop {
  /** Participants who have not been removed. */
  participants: Participant[] = $derived(this.state ? activeParticipants(this.state) : []);
  /** Members per group, index 0 = group 1. */
  groupSizes: number[] = $derived(this.state ? groupSizes(this.state) : []);
}
