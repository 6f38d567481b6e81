/**
 * Which meeting a page joins at once, and what this phone was last shown in
 * it. Read by the entry (main.ts, to start fetching that view before the app
 * has arrived) and by the session; no Svelte here, so the entry stays small.
 */
import { PROTOCOL_VERSION, type Snapshot } from '@karusell/shared/protocol';
import { load } from '../lib/storage';

/** The last meeting this phone joined. */
export const LAST_CODE = 'karusell:participant:last';
/** This phone's participant token in a meeting. */
export const tokenKey = (code: string) => `karusell:participant:${code}`;
/** What this phone was last shown in a meeting, so a phone coming back paints it at once instead of after the socket. */
export const seenKey = (code: string) => `karusell:seen:${code}`;

/** The code in the address (`?code=`, from a QR code or a reload), as typed; null when there is none. */
export function linkedCode(): string | null {
  return new URLSearchParams(location.search).get('code')?.trim() || null;
}

/** The last meeting this phone joined, if it still holds its token there. */
export function lastJoined(): string | null {
  const last = load(LAST_CODE);
  return last && load(tokenKey(last)) ? last : null;
}

/**
 * The copy of what this phone was last shown in a meeting it holds a token
 * for, with when it was kept; null if there is none, or none this page can
 * read (garbled, or kept by a page of another protocol version).
 */
export function seenCopy(code: string): (Snapshot & { savedAt: number }) | null {
  const seen = load(tokenKey(code)) ? load(seenKey(code)) : null;
  try {
    const copy = seen ? (JSON.parse(seen) as Snapshot & { savedAt: number }) : null;
    return copy?.protocol === PROTOCOL_VERSION && copy.state?.plan ? copy : null;
  } catch {
    // A garbled copy only means a slower start.
    return null;
  }
}
