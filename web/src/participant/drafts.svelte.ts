/**
 * What the phone has typed for an exercise and not yet seen land: the text
 * being written (the carousel's box, with the station it is written for, and
 * the wall's box per heading) and every idea sent until it is acknowledged.
 * Kept outside the views, so opening the group step, a new round or the end
 * of the exercise never drops a text.
 */
import type { CommandInput } from '@karusell/shared/commands';
import type { Ack } from '@karusell/shared/protocol';

/** One idea on its way: pending until acknowledged, then sent; a refused one keeps its text. */
export interface Draft {
  key: number;
  item: string;
  slot: string;
  text: string;
  status: 'sending' | 'sent' | 'failed';
  /** The idea's id, once acknowledged. */
  idea?: string;
  /** The refusal, in words. */
  error?: string;
}

class Drafts {
  /** Ideas sent from this phone, oldest first. */
  list: Draft[] = $state([]);
  /** The carousel's box. */
  text = $state('');
  /** The station the carousel's text is being written for (set when writing starts), and the item run it belongs to. */
  slot: string | null = $state(null);
  run: string | null = $state(null);
  /** The last station (run, round and group) announced, so it is announced once. */
  seen: string | null = null;
  /** The wall's boxes: the text being written under each heading, keyed `item:heading`. */
  texts: Record<string, string> = $state({});
  #next = 0;

  add(item: string, slot: string, text: string): Draft {
    const draft: Draft = { key: ++this.#next, item, slot, text, status: 'sending' };
    this.list.push(draft);
    return this.list.at(-1)!;
  }

  remove(key: number): void {
    const index = this.list.findIndex((d) => d.key === key);
    if (index >= 0) this.list.splice(index, 1);
  }

  /** Sends a draft (again): sending until acknowledged, then sent with its idea's id, or failed with the refusal in words. */
  async deliver(draft: Draft, send: (command: CommandInput) => Promise<Ack>, refusal: (code: string, message: string) => string): Promise<boolean> {
    draft.status = 'sending';
    draft.error = undefined;
    const ack = await send({ type: 'add_idea', item: draft.item, slot: draft.slot, text: draft.text });
    if (ack.ok) {
      draft.status = 'sent';
      draft.idea = String(ack.result?.idea ?? '');
    } else {
      draft.status = 'failed';
      draft.error = refusal(ack.error.code, ack.error.message);
    }
    return ack.ok;
  }
}

/** This phone's idea drafts, for the carousel and the wall alike. */
export const drafts = new Drafts();
