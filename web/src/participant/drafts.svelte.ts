/**
 * What the phone has typed for an exercise and not yet seen land: the text
 * being written (the carousel's box, with the station it is written for, and
 * the wall's box per heading) and every idea sent until it is acknowledged.
 * Kept outside the views, so opening the group step, a new round or the end
 * of the exercise never drops a text. Commands an earlier page left in the
 * outbox join them here: ideas as drafts at their exercise, and questions,
 * ballots and the rest until they land or are refused.
 */
import type { CommandInput } from '@karusell/shared/commands';
import type { Ack } from '@karusell/shared/protocol';
import type { Connection } from '../lib/connection';

/** A refusal in words; the command's type lets a restored question or ballot be told in its own words. */
type Refusal = (code: string, message: string, type: CommandInput['type']) => string;

/** One idea (or restored command) on its way: pending until acknowledged, then sent; a refused one keeps its text. */
export interface Draft {
  key: number;
  /** The command: `add_idea` for ideas typed here; restored ones may be any. */
  type: CommandInput['type'];
  /** The opId of a restored command, so a second restore of it is the same draft. */
  opId?: string;
  item: string;
  slot: string;
  /** What the person typed ('' for a command without text, such as a ballot). */
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
  #adopted = new WeakSet<Promise<Ack>>();

  add(item: string, slot: string, text: string, type: Draft['type'] = 'add_idea', opId?: string): Draft {
    const draft: Draft = { key: ++this.#next, type, opId, item, slot, text, status: 'sending' };
    this.list.push(draft);
    return this.list.at(-1)!;
  }

  /** Takes in the commands an earlier page left unsent (each once), showing them as sending until their ack. */
  adopt(restored: Connection['restored'], refusal: Refusal): void {
    for (const { command, ack } of restored) {
      if (this.#adopted.has(ack)) continue;
      this.#adopted.add(ack);
      const fields = command as { item?: string; slot?: string; text?: string };
      const draft =
        this.list.find((d) => d.opId === command.opId) ??
        this.add(fields.item ?? '', fields.slot ?? '', fields.text ?? '', command.type, command.opId);
      void this.#await(draft, ack, refusal);
    }
  }

  remove(key: number): void {
    const index = this.list.findIndex((d) => d.key === key);
    if (index >= 0) this.list.splice(index, 1);
  }

  /** Sends a draft (again): sending until acknowledged, then sent with its idea's id, or failed with the refusal in words. */
  deliver(draft: Draft, send: (command: CommandInput) => Promise<Ack>, refusal: Refusal): Promise<boolean> {
    return this.#await(draft, send({ type: 'add_idea', item: draft.item, slot: draft.slot, text: draft.text }), refusal);
  }

  async #await(draft: Draft, answer: Promise<Ack>, refusal: Refusal): Promise<boolean> {
    draft.status = 'sending';
    draft.error = undefined;
    const ack = await answer;
    if (ack.ok) {
      draft.status = 'sent';
      draft.idea = String(ack.result?.idea ?? '');
    } else {
      draft.status = 'failed';
      draft.error = refusal(ack.error.code, ack.error.message, draft.type);
    }
    return ack.ok;
  }
}

/** This phone's idea drafts, for the carousel and the wall alike. */
export const drafts = new Drafts();
