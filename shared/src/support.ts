/**
 * Who backs an idea: its author, the supporters who emphasised it, and
 * everyone behind the ideas merged into it. Kept on each idea (`support`)
 * so a phone holding only its station's wall still shows the right marks.
 */
import type { Idea, SupportChange, WorkshopEvent } from './events';

/** The supporter key of an idea's author, or null when nobody (a facilitator's idea for no group). */
export function authorKey(idea: Idea): string | null {
  if (idea.group !== null) return `g:${idea.group}`;
  return idea.participant ? `p:${idea.participant}` : null;
}

/** The distinct supporters of an idea and of every idea merged into it, in first-seen order. */
export function supportOf(ideas: Readonly<Record<string, Idea>>, id: string, seen = new Set<string>()): string[] {
  const idea = Object.hasOwn(ideas, id) ? ideas[id] : undefined;
  if (!idea || seen.has(id)) return [];
  seen.add(id);
  const author = authorKey(idea);
  const keys = [...(author ? [author] : []), ...idea.emphasis, ...idea.mergedFrom.flatMap((from) => supportOf(ideas, from, seen))];
  return [...new Set(keys)];
}

/** An idea as it is first stored: nobody but its author behind it, visible, unmerged. */
export function freshIdea(fields: Omit<Idea, 'emphasis' | 'support' | 'hidden' | 'mergedInto' | 'mergedFrom' | 'originalText'>): Idea {
  const idea: Idea = { ...fields, emphasis: [], support: [], hidden: false, mergedInto: null, mergedFrom: [], originalText: null };
  const author = authorKey(idea);
  return { ...idea, support: author ? [author] : [] };
}

/**
 * Folds an idea event into the ideas, recomputing the support of the survivor
 * it touches. Returns a new record, or with `inPlace` (evolveAll, which owns
 * its copy) changes the given one: entries are replaced, never mutated.
 */
export function evolveIdeas(ideas: Record<string, Idea>, event: WorkshopEvent, inPlace = false): Record<string, Idea> {
  const next = inPlace ? ideas : { ...ideas };
  const change = (id: string, f: (i: Idea) => Idea) => {
    const idea = Object.hasOwn(next, id) ? next[id] : undefined;
    if (idea) next[id] = f(idea);
  };
  let touched: string | null = null;
  switch (event.type) {
    case 'idea_added':
      next[event.idea.id] = { ...event.idea };
      return next;
    case 'emphasis_added':
    case 'emphasis_withdrawn': {
      const added = event.type === 'emphasis_added';
      change(event.idea, (i) => ({ ...i, emphasis: added ? [...i.emphasis, event.supporter] : i.emphasis.filter((s) => s !== event.supporter) }));
      for (const [id, support] of Object.entries(event.support)) change(id, (i) => ({ ...i, support: [...support] }));
      return next;
    }
    case 'idea_edited':
      change(event.idea, (i) => ({ ...i, text: event.text, originalText: i.originalText ?? i.text }));
      return next;
    case 'idea_hidden':
    case 'idea_unhidden':
      change(event.idea, (i) => ({ ...i, hidden: event.type === 'idea_hidden' }));
      return next;
    case 'ideas_merged':
      change(event.from, (i) => ({ ...i, mergedInto: event.into }));
      change(event.into, (i) => ({ ...i, mergedFrom: [...i.mergedFrom, event.from] }));
      touched = event.into;
      break;
    case 'idea_unmerged': {
      const into = Object.hasOwn(next, event.idea) ? next[event.idea]!.mergedInto : null;
      change(event.idea, (i) => ({ ...i, mergedInto: null }));
      if (into) change(into, (i) => ({ ...i, mergedFrom: i.mergedFrom.filter((f) => f !== event.idea) }));
      touched = into;
      break;
    }
    default:
      return ideas;
  }
  return touched ? Object.assign(next, chainIdeas(next, touched)) : next;
}

/** The ideas from `id` up its merge chain to the final survivor, each with its support recomputed. */
function chainIdeas(ideas: Readonly<Record<string, Idea>>, id: string): Record<string, Idea> {
  const out: Record<string, Idea> = {};
  const next = { ...ideas };
  for (let current: string | null = id, hops = 0; current && hops < 1000; hops++) {
    const idea: Idea | undefined = Object.hasOwn(next, current) ? next[current] : undefined;
    if (!idea) break;
    out[current] = next[current] = { ...idea, support: supportOf(next, current) };
    current = idea.mergedInto;
  }
  return out;
}

/** The support each idea up the chain will have once `supporter` is added to or removed from `id`'s emphasis (full state only). */
export function supportChange(ideas: Readonly<Record<string, Idea>>, id: string, supporter: string, added: boolean): SupportChange {
  const idea = Object.hasOwn(ideas, id) ? ideas[id] : undefined;
  if (!idea) return {};
  const emphasis = added ? [...idea.emphasis, supporter] : idea.emphasis.filter((s) => s !== supporter);
  const changed = chainIdeas({ ...ideas, [id]: { ...idea, emphasis } }, id);
  return Object.fromEntries(Object.entries(changed).map(([key, i]) => [key, i.support]));
}
