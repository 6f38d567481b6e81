/**
 * The round timer as views show it. The server owns the deadline; a view
 * only re-reads the server's time (our clock plus the offset the workshop
 * keeps) when the shown second changes, so every phone, the facilitator and
 * the screen show the same countdown, right after a reload or a sleep.
 */
import type { RoundTimer } from '@karusell/shared/carousel';

/**
 * The server's time now, refreshed on the running timer's second boundaries
 * until it runs out. Call during a component's setup (it uses $effect).
 */
export function ticking(serverNow: () => number, timer: () => RoundTimer | null): { readonly now: number } {
  let now = $state.raw(serverNow());
  $effect(() => {
    const current = timer();
    let handle: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      // A local copy: the effect writes `now` but never reads it, so it does not run again for its own write.
      const at = serverNow();
      now = at;
      if (current?.state !== 'running' || at >= current.deadline) return;
      // Wake just after the next whole second of the time left, when the shown number changes.
      handle = setTimeout(tick, ((current.deadline - at) % 1000 || 1000) + 15);
    };
    tick();
    // A phone that slept (or a tab in the background) shows the right time as soon as it is seen again.
    const onvisible = () => document.visibilityState === 'visible' && (clearTimeout(handle), tick());
    document.addEventListener('visibilitychange', onvisible);
    return () => {
      clearTimeout(handle);
      document.removeEventListener('visibilitychange', onvisible);
    };
  });
  return {
    get now() {
      return now;
    },
  };
}

/** Whole seconds left, rounded up (so 0 only when time is up). */
export function secondsLeft(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 1000);
}

/** mm:ss, e.g. 07:05; hours fold into minutes (75:00). */
export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
