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
