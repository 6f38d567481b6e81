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

/** What a phone was shown, with when (by its own clock) it was. */
export type Seen = Snapshot & { savedAt: number };

const readable = (copy: Seen | null | undefined): Seen | null => (copy?.protocol === PROTOCOL_VERSION && copy.state?.plan ? copy : null);

/**
 * The copy of what this phone was last shown in a meeting it holds a token
 * for, with when it was kept; null if there is none, or none this page can
 * read (garbled, or kept by a page of another protocol version).
 */
function seenCopy(code: string): Seen | null {
  const seen = load(tokenKey(code)) ? load(seenKey(code)) : null;
  try {
    return readable(seen ? (JSON.parse(seen) as Seen) : null);
  } catch {
    // A garbled copy only means a slower start.
    return null;
  }
}

let asked: { key: string; answer: Promise<Seen | null> } | undefined;

/**
 * What this phone was last shown in a meeting: its kept copy, or, when it
 * holds a token there but kept nothing this page can read, its snapshot from
 * the server over HTTP, so it paints before its socket is up. Null if neither
 * is to be had. The entry asks `forLater` (beside the app's download) and the
 * session then takes that answer: one request per page load, and a later join
 * asks anew.
 */
export function lastSeen(code: string, forLater = false): Promise<Seen | null> {
  const copy = seenCopy(code);
  if (copy) return Promise.resolve(copy);
  const token = load(tokenKey(code));
  if (!token) return Promise.resolve(null);
  const key = `${code} ${token}`;
  const early = asked?.key === key ? asked.answer : null;
  asked = undefined;
  const answer = early ?? fetch(`/api/participant/snapshot?code=${encodeURIComponent(code)}`, { headers: { authorization: `Bearer ${token}` } })
    .then((res) => (res.ok ? (res.json() as Promise<Snapshot>) : null))
    .then((snapshot) => readable(snapshot && { ...snapshot, savedAt: Date.now() }))
    // No answer only means the socket's snapshot paints instead.
    .catch(() => null);
  if (forLater) asked = { key, answer };
  return answer;
}
