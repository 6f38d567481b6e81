/**
 * Rate limits (rate-limiter-flexible, in memory): commands per socket, and
 * failed join codes or tokens per address. A venue is one address behind
 * NAT, so successful joins are never counted: only failures are, and when
 * an address has failed too often, new joins from it wait until the window
 * ends (so the code space cannot be searched) while phones that resume with
 * a valid participant token still get in.
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
}

/**
 * Defaults: a phone sends a few commands a minute, an outbox draining after a
 * reconnect a few dozen at once; 100 failed codes per 5 minutes is far more
 * than a room of people mistyping, and far too few to find one code in
 * 30^6.
 */
export const DEFAULT_LIMITS: Limits = { commands: 120, commandWindowSeconds: 10, failedJoins: 100, failedJoinWindowSeconds: 300 };

/** The limiters of one server. */
export function createLimiters(limits: Limits) {
  const commands = new RateLimiterMemory({ points: limits.commands, duration: limits.commandWindowSeconds });
  const failures = new RateLimiterMemory({ points: limits.failedJoins, duration: limits.failedJoinWindowSeconds });
  return {
    /** Resolves true if this socket may send one more command now. */
    command(socketId: string): Promise<boolean> {
      return commands.consume(socketId).then(() => true, (error: unknown) => {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      });
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
    /** Counts one failed code or token from this address. */
    async failed(address: string): Promise<void> {
      await failures.penalty(address, 1);
    },
  };
}

/** The limiters type. */
export type Limiters = ReturnType<typeof createLimiters>;
