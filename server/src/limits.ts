/**
 * Rate limits (rate-limiter-flexible, in memory): commands per socket, and
 * failed join codes or tokens per address. A venue is one address behind
 * NAT, so successful joins are never counted: only failures are, and when
 * an address has failed too often, new joins from it wait until the window
 * ends (so the code space cannot be searched) while phones that resume with
 * a valid participant token still get in. Creating and importing workshops
 * are counted per address too: each stores data, and an import's body may
 * be 5 MB.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The limits; tests may lower them. */
export interface Limits {
  /** Commands one socket may send per window… */
  commands: number;
  /** …of this many seconds. */
  commandWindowSeconds: number;
  /** Failed join codes or tokens one address may send per window… */
  failedJoins: number;
  /** …of this many seconds. */
  failedJoinWindowSeconds: number;
  /** Workshops one address may create or import (successful or not) per window… */
  workshops: number;
  /** …of this many seconds. */
  workshopWindowSeconds: number;
}

/**
 * Defaults: a phone sends a few commands a minute, an outbox draining after a
 * reconnect a few dozen at once; 100 failed codes per 5 minutes is far more
 * than a room of people mistyping, and far too few to find one code in
 * 30^6. 100 workshops an hour is more than an office of organisers makes,
 * and stops a script from filling the disk.
 */
export const DEFAULT_LIMITS: Limits = {
  commands: 120, commandWindowSeconds: 10, failedJoins: 100, failedJoinWindowSeconds: 300, workshops: 100, workshopWindowSeconds: 3600,
};

/** Takes one point for `key`: resolves 0 when it was free, else the seconds until the window lets it through. */
function take(limiter: RateLimiterMemory, key: string): Promise<number> {
  return limiter.consume(key).then(() => 0, (error: unknown) => {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  });
}

/** The limiters of one server. */
export function createLimiters(limits: Limits) {
  const commands = new RateLimiterMemory({ points: limits.commands, duration: limits.commandWindowSeconds });
  const failures = new RateLimiterMemory({ points: limits.failedJoins, duration: limits.failedJoinWindowSeconds });
  const workshops = new RateLimiterMemory({ points: limits.workshops, duration: limits.workshopWindowSeconds });
  return {
    /** Resolves true if this socket may send one more command now. */
    command(socketId: string): Promise<boolean> {
      return take(commands, socketId).then((wait) => wait === 0);
    },
    /** Forgets a closed socket. */
    forget(socketId: string): void {
      void commands.delete(socketId);
    },
    /** Whether this address has used up its failed joins for now. */
    async blocked(address: string): Promise<boolean> {
      const res = await failures.get(address);
      return res !== null && res.consumedPoints >= limits.failedJoins;
    },
    /** Resolves the seconds to wait if this address has created or imported too many workshops, else 0 (and counts this one). */
    workshop(address: string): Promise<number> {
      return take(workshops, address);
    },
    /** Counts one failed code or token from this address. */
    async failed(address: string): Promise<void> {
      await failures.penalty(address, 1);
    },
  };
}

/** The limiters type. */
export type Limiters = ReturnType<typeof createLimiters>;
