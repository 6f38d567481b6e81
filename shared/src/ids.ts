/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), typed by people on phones and read from a projector.
 */

/** The join-code alphabet: digits and capitals without 0, O, 1, I, L. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Length of a join code. */
export const CODE_LENGTH = 6;

/** Uppercases, trims and removes spaces/dashes from what a person typed; null if it cannot be a code. */
export function normaliseCode(typed: string): string | null {
  const code = typed.trim().toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}
