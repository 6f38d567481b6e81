/**
 * What the phone has typed for the carousel and not yet seen land: the text
 * being written (and the station it is written for) and every idea sent
 * until it is acknowledged. Kept outside the carousel view, so opening the
 * group step, a new round or the end of the exercise never drops a text.
 */

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
  /** The text in the box. */
  text = $state('');
  /** The station the text is being written for (set when writing starts), and the item run it belongs to. */
  slot: string | null = $state(null);
  run: string | null = $state(null);
  /** The last station (run, round and group) announced, so it is announced once. */
  seen: string | null = null;
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
}

/** This phone's carousel drafts. */
export const drafts = new Drafts();
