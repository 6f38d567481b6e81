/**
 * Secrets and ids. Tokens are 192 random bits; only their SHA-256 is stored,
 * and they are never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import { CODE_ALPHABET, CODE_LENGTH } from '@karusell/shared';

/** A new secret token (32 url-safe characters = 192 bits). */
export const newToken = (): string => nanoid(32);
/** A new id for a workshop, participant, note or idea. */
export const newId = (): string => nanoid(12);
/** A new random join code. */
export const newCode: () => string = customAlphabet(CODE_ALPHABET, CODE_LENGTH);

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: unknown, hash: string): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  return timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(hash, 'hex'));
}
