/**
 * decide(state, command, ctx): the rules of the workshop. Given the current
 * state, a validated command and who sent it, either the events that happen
 * or a refusal with a stable code. Permissions live here, and only here.
 */
import { decideRound, firstRound } from './carousel';
import type { Command, CommandOf, CommandType } from './commands';
import { decideAddIdea, decideEmphasis, slotsOf } from './ideas';
import { decideModeration } from './moderation';
import { decideAsk, decideQuestionByFacilitator, decideUpvote } from './questions';
import type { Profile, WorkshopEvent } from './events';
import { findItem } from './agenda';
import type { AgendaItem } from './plan';
import type { RefusalCode } from './refusals';
import { own, type WorkshopState } from './state';
import { decideCast, decideReveal } from './votes';

/** Who is acting: taken from the authenticated connection, never from a command. */
export type Actor = { role: 'facilitator' } | { role: 'screen' } | { role: 'participant'; participant: string };
/** One of the three roles. */
export type Role = Actor['role'];

/** Everything decide needs from outside: the time, fresh ids, the actor. */
export interface DecideContext {
  now: number;
  newId: () => string;
  actor: Actor;
}

/** The verdict on a command. */
export type Decision =
  | { ok: true; events: WorkshopEvent[]; result?: Record<string, unknown> }
  | { ok: false; code: RefusalCode };

/** Which roles may send which command (the role matrix of CONTRACT.md). */
export const ROLE_MATRIX: Record<CommandType, readonly Role[]> = {
  set_profile: ['participant'],
  join_group: ['participant'],
  start_item: ['facilitator'],
  end_item: ['facilitator'],
  add_note: ['facilitator'],
  edit_note: ['facilitator'],
  set_groups: ['facilitator'],
  move_participant: ['facilitator'],
  remove_participant: ['facilitator'],
  set_attendance: ['facilitator'],
  lock_workshop: ['facilitator'],
  end_workshop: ['facilitator'],
  add_idea: ['participant', 'facilitator'],
  emphasise: ['participant'],
  withdraw_emphasis: ['participant'],
  next_round: ['facilitator'],
  pause_timer: ['facilitator'],
  resume_timer: ['facilitator'],
  extend_timer: ['facilitator'],
  edit_idea: ['facilitator'],
  hide_idea: ['facilitator'],
  unhide_idea: ['facilitator'],
  merge_ideas: ['facilitator'],
  unmerge_idea: ['facilitator'],
  ask_question: ['participant', 'facilitator'],
  upvote_question: ['participant'],
  set_question_status: ['facilitator'],
  answer_question: ['facilitator'],
  focus_screen: ['facilitator'],
  cast_ranking: ['participant'],
  cast_dots: ['participant'],
  cast_scale: ['participant'],
  reveal_results: ['facilitator'],
};

/** Commands a facilitator may still send after the workshop ended (finishing the minutes). */
const AFTER_END: ReadonlySet<CommandType> = new Set([
  'add_note', 'edit_note', 'set_attendance', 'edit_idea', 'hide_idea', 'unhide_idea', 'merge_ideas', 'unmerge_idea',
  'set_question_status', 'answer_question', 'reveal_results',
]);

const refuse = (code: RefusalCode): Decision => ({ ok: false, code });
const accept = (events: WorkshopEvent[], result?: Record<string, unknown>): Decision =>
  result ? { ok: true, events, result } : { ok: true, events };

/** Decides a validated command against the state, for the actor in ctx. */
export function decide(state: WorkshopState, command: Command, ctx: DecideContext): Decision {
  if (!ROLE_MATRIX[command.type].includes(ctx.actor.role)) return refuse('forbidden');
  if (state.ended && !AFTER_END.has(command.type)) return refuse('workshop_ended');
  if (ctx.actor.role === 'participant') {
    const me = own(state.participants, ctx.actor.participant);
    if (!me) return refuse('unknown_participant');
    if (me.removed) return refuse('removed');
  }
  return decideByType(state, command, ctx);
}

function decideByType(state: WorkshopState, c: Command, ctx: DecideContext): Decision {
  const at = ctx.now;
  switch (c.type) {
    case 'set_profile':
      return setProfile(state, c, ctx);
    case 'join_group':
      return joinGroup(state, c, ctx);
    case 'start_item':
      return startItem(state, c.item, at);
    case 'end_item':
      if (state.running !== c.item) return refuse(findItem(state.plan, c.item) ? 'item_not_running' : 'unknown_item');
      return accept([{ type: 'item_ended', item: c.item, at }]);
    case 'add_note':
      return addNote(state, c, ctx);
    case 'edit_note':
      if (!own(state.notes, c.note)) return refuse('unknown_note');
      return accept([{ type: 'note_edited', note: c.note, text: c.text.trim(), at }]);
    case 'set_groups':
      return setGroups(state, c.count, at);
    case 'move_participant':
      return moveParticipant(state, c, at);
    case 'remove_participant': {
      const p = own(state.participants, c.participant);
      if (!p) return refuse('unknown_participant');
      return accept(p.removed ? [] : [{ type: 'participant_removed', participant: c.participant, at }]);
    }
    case 'set_attendance':
      return accept([{
        type: 'attendance_set',
        participants: c.participants === undefined ? state.attendance.participants : c.participants,
        organisations: c.organisations === undefined ? state.attendance.organisations : c.organisations,
        sectors: c.sectors === undefined ? state.attendance.sectors : c.sectors && { ...c.sectors },
        at,
      }]);
    case 'lock_workshop':
      return accept(state.locked === c.locked ? [] : [{ type: 'workshop_locked', locked: c.locked, at }]);
    case 'add_idea':
      return decideAddIdea(state, c, ctx);
    case 'emphasise':
    case 'withdraw_emphasis':
      return decideEmphasis(state, c, ctx);
    case 'next_round':
    case 'pause_timer':
    case 'resume_timer':
    case 'extend_timer':
      return decideRound(state, c, at);
    case 'edit_idea':
    case 'hide_idea':
    case 'unhide_idea':
    case 'merge_ideas':
    case 'unmerge_idea':
      return decideModeration(state, c, at);
    case 'ask_question':
      return decideAsk(state, c, ctx);
    case 'upvote_question':
      return decideUpvote(state, c, ctx);
    case 'set_question_status':
    case 'answer_question':
      return decideQuestionByFacilitator(state, c, at);
    case 'cast_ranking':
    case 'cast_dots':
    case 'cast_scale':
      return decideCast(state, c, ctx);
    case 'reveal_results':
      return decideReveal(state, c, at);
    case 'focus_screen': {
      if (c.item === undefined || c.slot === undefined) return accept(state.screenFocus ? [{ type: 'screen_focus_set', item: null, slot: null, at }] : []);
      const item = findItem(state.plan, c.item);
      if (!item) return refuse('unknown_item');
      if (!slotsOf(item).includes(c.slot)) return refuse('unknown_slot');
      return accept([{ type: 'screen_focus_set', item: item.id, slot: c.slot, at }]);
    }
    case 'end_workshop': {
      const ending: WorkshopEvent[] = state.running ? [{ type: 'item_ended', item: state.running, at }] : [];
      return accept([...ending, { type: 'workshop_ended', at }]);
    }
  }
}

function participantOf(ctx: DecideContext): string {
  return ctx.actor.role === 'participant' ? ctx.actor.participant : '';
}

/** A field left out keeps its value; an empty one clears it. The event carries the whole new profile. */
function setProfile(state: WorkshopState, c: CommandOf<'set_profile'>, ctx: DecideContext): Decision {
  const participant = participantOf(ctx);
  const profile: Profile = { ...own(state.participants, participant)?.profile };
  const fields = {
    name: c.name?.trim(),
    organisation: c.organisation?.trim().replace(/\s+/g, ' '),
  };
  for (const key of ['name', 'organisation'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (value) profile[key] = value;
    else delete profile[key];
  }
  if (c.sector) profile.sector = c.sector;
  else if (c.sector === null) delete profile.sector;
  return accept([{ type: 'profile_set', participant, profile, at: ctx.now }]);
}

function joinGroup(state: WorkshopState, c: CommandOf<'join_group'>, ctx: DecideContext): Decision {
  if (state.groups < 1) return refuse('no_groups');
  if (c.group > state.groups) return refuse('no_such_group');
  const participant = participantOf(ctx);
  const current = own(state.participants, participant)?.group ?? null;
  if (current === c.group) return accept([]);
  // Switching groups mid-exercise would let one phone speak for several groups; the facilitator moves people then.
  if (current !== null && runsGroupItem(state)) return refuse('group_item_running');
  return accept([{ type: 'group_joined', participant, group: c.group, at: ctx.now }]);
}

function startItem(state: WorkshopState, id: string, at: number): Decision {
  const item = findItem(state.plan, id);
  if (!item) return refuse('unknown_item');
  if (state.running === id) return refuse('item_running');
  if (item.kind === 'carousel' && state.groups < 1) return refuse('no_groups');
  const ending: WorkshopEvent[] = state.running ? [{ type: 'item_ended', item: state.running, at }] : [];
  const opening = item.kind === 'carousel' ? firstRound(item, at) : [];
  return accept([...ending, { type: 'item_started', item: id, at }, ...opening]);
}

function addNote(state: WorkshopState, c: CommandOf<'add_note'>, ctx: DecideContext): Decision {
  if (!findItem(state.plan, c.item)) return refuse('unknown_item');
  const text = c.text.trim();
  if (!text) return refuse('empty_text');
  const note = { id: ctx.newId(), item: c.item, text, at: ctx.now };
  return accept([{ type: 'note_added', note, at: ctx.now }], { note: note.id });
}

/** Whether an agenda item is worked on in groups (so group numbers must hold still). */
export function isGroupItem(item: AgendaItem): boolean {
  if (item.kind === 'carousel' || item.kind === 'wall') return true;
  return 'voter' in item && item.voter === 'group';
}

function runsGroupItem(state: WorkshopState): boolean {
  const running = state.running ? findItem(state.plan, state.running) : undefined;
  return running !== undefined && isGroupItem(running);
}

function setGroups(state: WorkshopState, count: number, at: number): Decision {
  if (runsGroupItem(state)) return refuse('group_item_running');
  return accept(count === state.groups ? [] : [{ type: 'groups_set', count, at }]);
}

function moveParticipant(state: WorkshopState, c: CommandOf<'move_participant'>, at: number): Decision {
  const p = own(state.participants, c.participant);
  if (!p || p.removed) return refuse('unknown_participant');
  if (c.group !== null && c.group > state.groups) return refuse('no_such_group');
  if (p.group === c.group) return accept([]);
  return accept([{ type: 'participant_moved', participant: c.participant, group: c.group, at }]);
}

/** Lets a new participant in, or says why not (`locked`, `ended`). */
export function admit(state: WorkshopState, participant: string, now: number): Decision {
  if (state.ended) return refuse('ended');
  if (state.locked) return refuse('locked');
  return accept([{ type: 'participant_joined', participant, at: now }]);
}

/** Whether a known participant may connect again (`removed` may not). */
export function mayResume(state: WorkshopState, participant: string): 'bad_token' | 'removed' | null {
  const p = own(state.participants, participant);
  if (!p) return 'bad_token';
  return p.removed ? 'removed' : null;
}
