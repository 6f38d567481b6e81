/**
 * The retention setting (KARUSELL_RETENTION_DAYS, off by default): ended
 * workshops are deleted with all their data once they have been over for
 * that many days. Checked at start and then every hour.
 */
import type { Hub } from './hub';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** What retention needs: the workshops, a way to delete one, the time. */
export interface RetentionOptions {
  hub: Hub;
  days: number | undefined;
  remove: (workshopId: string) => void;
  clock?: () => number;
}

/** Starts purging (if a number of days is set); returns purge (for tests) and stop. */
export function startRetention({ hub, days, remove, clock = Date.now }: RetentionOptions) {
  const purge = (): string[] => {
    if (days === undefined) return [];
    const cutoff = clock() - days * DAY_MS;
    // Counted from the end, or from the import for a meeting restored from an archive after it ended.
    const old = [...hub.rooms.values()]
      .filter(({ state, row }) => state.endedAt !== null && Math.max(state.endedAt, row.createdAt) <= cutoff)
      .map((room) => room.row.id);
    for (const id of old) remove(id);
    return old;
  };
  purge();
  const timer = days === undefined ? undefined : setInterval(purge, HOUR_MS);
  timer?.unref();
  return { purge, stop: () => clearInterval(timer) };
}
