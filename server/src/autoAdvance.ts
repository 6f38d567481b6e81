/**
 * A carousel planned with `autoAdvance: true` moves to the next round by
 * itself when its timer runs out. The deadline lives in the state (folded
 * from the log), so after a restart the timer is armed again from it.
 */
import { findItem, own } from '@karusell/shared';
import type { Hub, Room } from './hub';

/** Arms one timeout per workshop whose running carousel advances by itself. */
export function createAutoAdvance(hub: () => Hub, clock: () => number = Date.now) {
  const timeouts = new Map<string, NodeJS.Timeout>();

  function clear(workshopId: string) {
    clearTimeout(timeouts.get(workshopId));
    timeouts.delete(workshopId);
  }

  /** (Re)arms the timeout for a workshop after any change. */
  function arm(room: Room) {
    clear(room.row.id);
    const { state } = room;
    const item = state.running ? findItem(state.plan, state.running) : undefined;
    const run = item ? own(state.items, item.id) : undefined;
    if (item?.kind !== 'carousel' || !item.autoAdvance || !run || run.timer?.state !== 'running') return;
    if (run.round + 1 >= item.stations.length) return;
    // A deadline from before this workshop's row existed came with an imported archive: the meeting it timed is over.
    if (run.timer.deadline < room.row.createdAt) return;
    // The opId names the run and round, so an advance is applied once however often it fires.
    // It names the round it leaves, so a facilitator's "next" at the same moment does not skip a station.
    const command = { opId: `auto:${item.id}:${run.runs}:${run.round}`, type: 'next_round', item: item.id, round: run.round };
    const fire = () => {
      timeouts.delete(room.row.id);
      const current = hub().rooms.get(room.row.id);
      if (!current) return;
      hub().execute(current, { role: 'facilitator' }, command, 'system').catch((error: unknown) => {
        console.error('auto advance failed, retrying:', error instanceof Error ? error.message : error);
        timeouts.set(room.row.id, setTimeout(fire, 5_000));
      });
    };
    timeouts.set(room.row.id, setTimeout(fire, Math.max(0, run.timer.deadline - clock())));
  }

  return {
    arm,
    clear,
    /** Stops every timeout (on shutdown). */
    stop() {
      for (const id of [...timeouts.keys()]) clear(id);
    },
  };
}
