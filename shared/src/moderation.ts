/**
 * The facilitator's moderation of ideas, on stations and walls alike: fix a
 * typo (the original is kept), hide and unhide, merge a duplicate into
 * another (the survivor keeps its text and author and gains the other's
 * supporters) and undo a merge. Nothing is ever deleted.
 */
import type { CommandOf } from './commands';
import type { Decision } from './decide';
import { IDEA_MAX, textLength } from './ideas';
import { own, type WorkshopState } from './state';

type ModerationCommand = CommandOf<'edit_idea' | 'hide_idea' | 'unhide_idea' | 'merge_ideas' | 'unmerge_idea'>;

/** Decides a moderation command (the role matrix has already checked it is the facilitator). */
export function decideModeration(state: WorkshopState, c: ModerationCommand, at: number): Decision {
  switch (c.type) {
    case 'edit_idea': {
      const idea = own(state.ideas, c.idea);
      if (!idea) return { ok: false, code: 'unknown_idea' };
      const text = c.text.trim();
      if (!text) return { ok: false, code: 'empty_text' };
      if (textLength(text) > IDEA_MAX) return { ok: false, code: 'text_too_long' };
      return { ok: true, events: text === idea.text ? [] : [{ type: 'idea_edited', idea: idea.id, text, at }] };
    }
    case 'hide_idea':
    case 'unhide_idea': {
      const idea = own(state.ideas, c.idea);
      if (!idea) return { ok: false, code: 'unknown_idea' };
      const hide = c.type === 'hide_idea';
      if (idea.hidden === hide) return { ok: true, events: [] };
      return { ok: true, events: [{ type: hide ? 'idea_hidden' : 'idea_unhidden', idea: idea.id, at }] };
    }
    case 'merge_ideas':
      return merge(state, c.into, c.from, at);
    case 'unmerge_idea': {
      const idea = own(state.ideas, c.idea);
      if (!idea) return { ok: false, code: 'unknown_idea' };
      return { ok: true, events: idea.mergedInto ? [{ type: 'idea_unmerged', idea: idea.id, at }] : [] };
    }
  }
}

function merge(state: WorkshopState, intoId: string, fromId: string, at: number): Decision {
  const into = own(state.ideas, intoId);
  const from = own(state.ideas, fromId);
  if (!into || !from) return { ok: false, code: 'unknown_idea' };
  if (into.id === from.id) return { ok: false, code: 'merge_into_itself' };
  if (into.item !== from.item) return { ok: false, code: 'merge_across_items' };
  if (from.mergedInto === into.id) return { ok: true, events: [] };
  if (from.mergedInto || into.mergedInto) return { ok: false, code: 'already_merged' };
  return { ok: true, events: [{ type: 'ideas_merged', into: into.id, from: from.id, at }] };
}
