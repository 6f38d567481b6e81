/**
 * The "nothing lost, nothing twice" check: a fresh facilitator connection
 * per workshop reads `state.ideas` from its snapshot, and every idea a
 * phone had acknowledged must be there exactly once.
 */
import { io } from 'socket.io-client';
import type { CreatedWorkshop } from './fleet';
import { readTag } from './text';

/** What the store holds against what phones were told. */
export interface Verification {
  acked: number;
  stored: number;
  /** Acknowledged to a phone but not stored. */
  lost: number;
  /** The same bench idea stored more than once. */
  duplicated: number;
  /** Stored but never acknowledged to its phone (an ack lost for good). */
  storedNotAcked: number;
}

function facilitatorIdeas(url: string, w: CreatedWorkshop): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { workshopId: w.id, facilitatorToken: w.facilitatorToken } });
    const timer = setTimeout(() => (socket.disconnect(), reject(new Error(`no snapshot for ${w.id}`))), 30_000);
    socket.once('snapshot', (s: { state: { ideas: Record<string, { text: string }> } }) => {
      clearTimeout(timer);
      socket.disconnect();
      resolve(Object.values(s.state.ideas).map((i) => i.text));
    });
    socket.once('connect_error', (e) => (clearTimeout(timer), reject(e)));
  });
}

/** Compares the acknowledged tags with what the workshops store. */
export async function verifyStored(url: string, workshops: CreatedWorkshop[], ackedTags: string[]): Promise<Verification> {
  const storedCount = new Map<string, number>();
  let stored = 0;
  for (const w of workshops) {
    for (const text of await facilitatorIdeas(url, w)) {
      const tag = readTag(text)?.tag;
      if (!tag) continue;
      stored++;
      storedCount.set(tag, (storedCount.get(tag) ?? 0) + 1);
    }
  }
  const acked = new Set(ackedTags);
  return {
    acked: acked.size,
    stored,
    lost: [...acked].filter((t) => !storedCount.has(t)).length,
    duplicated: [...storedCount.values()].filter((n) => n > 1).length,
    storedNotAcked: [...storedCount.keys()].filter((t) => !acked.has(t)).length,
  };
}
