/**
 * Ideas on walls and stations, and emphasis. A supporter is a group (`g:3`)
 * or, in a workshop without groups, a participant (`p:<id>`); an idea's
 * marks are the distinct supporters among its author and emphasisers,
 * minus one: (!) for one more group, (!!) for two.
 */
import { visitedStationIndexes } from './carousel';
import type { CommandOf } from './commands';
import type { Actor, DecideContext, Decision } from './decide';
import type { Idea, WorkshopEvent } from './events';
import { findItem } from './agenda';
import type { AgendaItem, CarouselItem } from './plan';
import { own, type WorkshopState } from './state';
import { evolveIdeas, freshIdea, supportChange } from './support';

/** The longest idea, after trimming, in characters as people count them (code points, so emoji count once). */
export const IDEA_MAX = 500;

/** A text's length in code points. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export { authorKey } from './support';

/** How many exclamation marks an idea carries: its distinct supporters (merged ideas' included) minus one. */
export function marks(idea: Idea): number {
  return Math.max(0, idea.support.length - 1);
}

/** The marks as text: "", " (!)", " (!!)" … */
export function markText(idea: Idea): string {
  const n = marks(idea);
  return n === 0 ? '' : ` (${'!'.repeat(n)})`;
}

/** The station or heading ids of an exercise; empty for other kinds. */
export function slotsOf(item: AgendaItem): string[] {
  if (item.kind === 'carousel') return item.stations.map((s) => s.id);
  if (item.kind === 'wall') return item.headings.map((h) => h.id);
  return [];
}

/** The station ids a group has reached in the carousel's current run, oldest first. */
export function visitedStations(state: WorkshopState, item: CarouselItem, group: number): string[] {
  const round = own(state.items, item.id)?.round ?? 0;
  return visitedStationIndexes(group, round, item.stations.length).map((i) => item.stations[i]!.id);
}

/** The station id where a group stands now in a carousel. */
export function currentStation(state: WorkshopState, item: CarouselItem, group: number): string {
  return visitedStations(state, item, group).at(-1)!;
}

/** The idea itself, or the idea it was (finally) merged into. */
export function survivorOf(state: WorkshopState, id: string): Idea | undefined {
  let idea = own(state.ideas, id);
  for (let hops = 0; idea?.mergedInto && hops < 1000; hops++) idea = own(state.ideas, idea.mergedInto);
  return idea;
}

type Who = { ok: true; key: string; group: number | null; participant: string } | { ok: false; decision: Decision };

/** Who a participant acts for: their group, or themselves in a workshop without groups. */
function supporterOf(state: WorkshopState, actor: Actor): Who {
  if (actor.role !== 'participant') return { ok: false, decision: { ok: false, code: 'forbidden' } };
  const participant = actor.participant;
  if (state.groups < 1) return { ok: true, key: `p:${participant}`, group: null, participant };
  const group = own(state.participants, participant)?.group ?? null;
  if (group === null) return { ok: false, decision: { ok: false, code: 'no_group' } };
  return { ok: true, key: `g:${group}`, group, participant };
}

/** Whether a group may work at this slot now: always on a wall, only at reached stations in a carousel. */
function reached(state: WorkshopState, item: AgendaItem, slot: string, group: number | null): boolean {
  if (item.kind !== 'carousel' || group === null) return true;
  return visitedStations(state, item, group).includes(slot);
}

/** add_idea: to the running exercise, at a slot the author may reach. */
export function decideAddIdea(state: WorkshopState, c: CommandOf<'add_idea'>, ctx: DecideContext): Decision {
  const item = findItem(state.plan, c.item);
  if (!item) return { ok: false, code: 'unknown_item' };
  if (state.running !== item.id) return { ok: false, code: 'item_not_running' };
  if (!slotsOf(item).includes(c.slot)) return { ok: false, code: 'unknown_slot' };
  const text = c.text.trim();
  if (!text) return { ok: false, code: 'empty_text' };
  if (textLength(text) > IDEA_MAX) return { ok: false, code: 'text_too_long' };
  let group: number | null = null;
  let participant: string | null = null;
  if (ctx.actor.role === 'facilitator') {
    group = c.group ?? null;
    if (group !== null && group > state.groups) return { ok: false, code: 'no_such_group' };
  } else {
    if (c.group !== undefined) return { ok: false, code: 'forbidden' };
    const who = supporterOf(state, ctx.actor);
    if (!who.ok) return who.decision;
    if (!reached(state, item, c.slot, who.group)) return { ok: false, code: 'not_at_station' };
    ({ group, participant } = who);
  }
  const idea = freshIdea({ id: ctx.newId(), item: item.id, slot: c.slot, text, group, participant, at: ctx.now });
  return { ok: true, events: [{ type: 'idea_added', idea, at: ctx.now }], result: { idea: idea.id } };
}

/** emphasise / withdraw_emphasis: a supporter backs an idea once, or takes it back. */
export function decideEmphasis(state: WorkshopState, c: CommandOf<'emphasise' | 'withdraw_emphasis'>, ctx: DecideContext): Decision {
  // Emphasising an idea merged away emphasises the one it was merged into.
  const idea = survivorOf(state, c.idea);
  const item = idea ? findItem(state.plan, idea.item) : undefined;
  if (!idea || !item || idea.hidden) return { ok: false, code: 'unknown_idea' };
  if (state.running !== item.id) return { ok: false, code: 'item_not_running' };
  const who = supporterOf(state, ctx.actor);
  if (!who.ok) return who.decision;
  if (c.type === 'withdraw_emphasis') return withdraw(state, idea, who.key, ctx.now);
  if (!reached(state, item, idea.slot, who.group)) return { ok: false, code: 'not_at_station' };
  // Already behind it: as author, by emphasis, or through an idea merged into it.
  if (idea.support.includes(who.key)) return { ok: true, events: [] };
  const support = supportChange(state.ideas, idea.id, who.key, true);
  return { ok: true, events: [{ type: 'emphasis_added', idea: idea.id, supporter: who.key, support, at: ctx.now }] };
}

/** Takes a supporter's emphasis back from the idea and from every idea merged into it. */
function withdraw(state: WorkshopState, survivor: Idea, key: string, at: number): Decision {
  const events: WorkshopEvent[] = [];
  let ideas = state.ideas;
  const visit = (id: string) => {
    const idea = own(ideas, id);
    if (!idea) return;
    if (idea.emphasis.includes(key)) {
      const support = supportChange(ideas, id, key, false);
      const event: WorkshopEvent = { type: 'emphasis_withdrawn', idea: id, supporter: key, support, at };
      events.push(event);
      ideas = evolveIdeas(ideas, event);
    }
    for (const from of idea.mergedFrom) visit(from);
  };
  visit(survivor.id);
  return { ok: true, events };
}
