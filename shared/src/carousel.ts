import type { CommandOf } from './commands';
import type { Decision } from './decide';
import type { WorkshopEvent } from './events';
import { findItem } from './agenda';
import type { CarouselItem } from './plan';
import { own, type WorkshopState } from './state';

/**
 * The carousel's rotation and its server-owned round timer, as pure
 * arithmetic. In round r (from 0) the group with index g (group number
 * g + 1) stands at station index (g + r) mod S.
 */

/** The station index where a group (number, from 1) stands in a round (from 0). */
export function stationIndexOf(group: number, round: number, stations: number): number {
  return (((group - 1 + round) % stations) + stations) % stations;
}

/** The station indexes a group has visited in rounds 0..round, oldest first. */
export function visitedStationIndexes(group: number, round: number, stations: number): number[] {
  const visited: number[] = [];
  for (let r = 0; r <= round && r < stations; r++) visited.push(stationIndexOf(group, r, stations));
  return visited;
}

/** The groups (numbers from 1) at each station index in a round; empty arrays are resting stations. */
export function rotationMap(groups: number, round: number, stations: number): number[][] {
  const map: number[][] = Array.from({ length: stations }, () => []);
  for (let g = 1; g <= groups; g++) map[stationIndexOf(g, round, stations)]!.push(g);
  return map;
}

/** A round timer: running towards a deadline, or paused with time left. */
export type RoundTimer =
  | { state: 'running'; deadline: number }
  | { state: 'paused'; remainingMs: number };

/** A timer started now for a round of `minutes`. */
export function startTimer(now: number, minutes: number): RoundTimer {
  return { state: 'running', deadline: now + Math.round(minutes * 60_000) };
}

/** Milliseconds left (never negative); 0 means time is up. */
export function remainingMs(timer: RoundTimer, now: number): number {
  return Math.max(0, timer.state === 'running' ? timer.deadline - now : timer.remainingMs);
}

/** Pauses a running timer, keeping the time left. */
export function pauseTimer(timer: RoundTimer, now: number): RoundTimer {
  return timer.state === 'running' ? { state: 'paused', remainingMs: remainingMs(timer, now) } : timer;
}

/** Resumes a paused timer from now. */
export function resumeTimer(timer: RoundTimer, now: number): RoundTimer {
  return timer.state === 'paused' ? { state: 'running', deadline: now + timer.remainingMs } : timer;
}

/** Adds seconds; after time is up the extension counts from now. */
export function extendTimer(timer: RoundTimer, now: number, seconds: number): RoundTimer {
  const ms = seconds * 1000;
  if (timer.state === 'paused') return { state: 'paused', remainingMs: timer.remainingMs + ms };
  return { state: 'running', deadline: Math.max(timer.deadline, now) + ms };
}

/** Decides the facilitator's round and timer commands for a running carousel. */
export function decideRound(
  state: WorkshopState,
  c: CommandOf<'next_round' | 'pause_timer' | 'resume_timer' | 'extend_timer'>,
  now: number,
): Decision {
  const item = findItem(state.plan, c.item);
  if (!item) return { ok: false, code: 'unknown_item' };
  if (item.kind !== 'carousel') return { ok: false, code: 'not_a_carousel' };
  const run = own(state.items, item.id);
  if (state.running !== item.id || !run) return { ok: false, code: 'item_not_running' };
  const timer = run.timer ?? startTimer(now, item.roundMinutes);
  const at = now;
  switch (c.type) {
    case 'next_round':
      // The facilitator tapped "next" just as autoAdvance moved on (or twice): that round is left already.
      if (c.round !== undefined && c.round !== run.round) return { ok: true, events: [] };
      if (run.round + 1 >= item.stations.length) return { ok: false, code: 'last_round' };
      return { ok: true, events: [{ type: 'round_started', item: item.id, round: run.round + 1, timer: startTimer(now, item.roundMinutes), at }] };
    case 'pause_timer':
      return { ok: true, events: timer.state === 'running' ? [{ type: 'timer_paused', item: item.id, timer: pauseTimer(timer, now), at }] : [] };
    case 'resume_timer':
      return { ok: true, events: timer.state === 'paused' ? [{ type: 'timer_resumed', item: item.id, timer: resumeTimer(timer, now), at }] : [] };
    case 'extend_timer':
      return { ok: true, events: [{ type: 'timer_extended', item: item.id, seconds: c.seconds, timer: extendTimer(timer, now, c.seconds), at }] };
  }
}

/** The events that open a carousel's first round (after its item_started). */
export function firstRound(item: CarouselItem, now: number): WorkshopEvent[] {
  return [{ type: 'round_started', item: item.id, round: 0, timer: startTimer(now, item.roundMinutes), at: now }];
}
