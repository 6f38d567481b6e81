/**
 * What each role is shown. The facilitator sees everything; the screen sees
 * the room without names or notes; a phone sees the workshop's public state,
 * itself, and the ideas it works on now: its group's station in a running
 * carousel, or the running wall. A phone never receives every idea.
 *
 * Events reach audiences (rooms on the server). When what a phone works on
 * changes (an item starts or ends, a round turns, its group changes), the
 * server sends it a fresh snapshot instead of the ideas it had not been shown.
 */
import type { WorkshopEvent } from './events';
import type { Actor } from './decide';
import { currentStation, slotsOf } from './ideas';
import { findItem } from './agenda';
import { own, type Participant, type WorkshopState } from './state';
import { isVoteItem, resultsShown, voterKey, type VoteState } from './votes';

/** Who an event or state is being cut for. */
export type Viewer = Actor;

/** Where an event goes: the audiences of a workshop's broadcast. */
export type Audience = 'facilitator' | 'screen' | 'participants' | { participant: string } | { group: number };

function anonymous(p: Participant): Participant {
  return { ...p, profile: {} };
}

/**
 * The ideas a participant is shown now (empty when none): the slots of the
 * running exercise they work at, or the whole named exercise during a dots vote.
 */
export function shownIdeas(state: WorkshopState, participant: string): { item: string | null; slots: Set<string> } {
  const item = state.running ? findItem(state.plan, state.running) : undefined;
  const none = { item: null, slots: new Set<string>() };
  if (item?.kind === 'dots') {
    const source = findItem(state.plan, item.wall);
    return source ? { item: source.id, slots: new Set(slotsOf(source)) } : none;
  }
  if (item?.kind === 'wall') return { item: item.id, slots: new Set(slotsOf(item)) };
  if (item?.kind !== 'carousel') return none;
  const group = own(state.participants, participant)?.group ?? null;
  return group === null ? none : { item: item.id, slots: new Set([currentStation(state, item, group)]) };
}

/** The votes as a viewer may see them: ballots only where results are shown, or the viewer's own. */
function projectVotes(state: WorkshopState, viewer: Viewer): Record<string, VoteState> {
  const votes: Record<string, VoteState> = {};
  for (const [id, vote] of Object.entries(state.votes)) {
    const item = findItem(state.plan, id);
    if (!isVoteItem(item) || resultsShown(state, item)) {
      votes[id] = vote;
      continue;
    }
    const mine = viewer.role === 'participant' ? voterKey(state, item, viewer.participant) : null;
    const keep = mine?.ok && Object.hasOwn(vote.ballots, mine.key) ? [mine.key] : [];
    votes[id] = { ...vote, voters: keep, ballots: Object.fromEntries(keep.map((k) => [k, vote.ballots[k]!])) };
  }
  return votes;
}

/** The part of the state this viewer may see. */
export function projectState(state: WorkshopState, viewer: Viewer): WorkshopState {
  if (viewer.role === 'facilitator') return state;
  const participants: Record<string, Participant> = {};
  for (const p of Object.values(state.participants)) {
    if (viewer.role === 'screen') participants[p.id] = anonymous(p);
    else if (p.id === viewer.participant) participants[p.id] = p;
  }
  // Hidden and merged-away ideas, and hidden questions, are the facilitator's alone.
  const shown = viewer.role === 'participant' ? shownIdeas(state, viewer.participant) : null;
  const ideaOrder = state.ideaOrder.filter((id) => {
    const idea = state.ideas[id]!;
    if (idea.hidden || idea.mergedInto) return false;
    return shown === null || (idea.item === shown.item && shown.slots.has(idea.slot));
  });
  const questionOrder = state.questionOrder.filter((id) => {
    const question = state.questions[id]!;
    return question.status !== 'hidden' && (shown === null || question.item === state.running);
  });
  return {
    ...state,
    participants,
    screenFocus: viewer.role === 'screen' ? state.screenFocus : null,
    notes: {},
    noteOrder: [],
    // The text before a facilitator's correction, and what was merged in, stay with the facilitator.
    ideas: Object.fromEntries(ideaOrder.map((id) => [id, { ...state.ideas[id]!, originalText: null, mergedFrom: [] }])),
    ideaOrder,
    questions: Object.fromEntries(questionOrder.map((id) => [id, state.questions[id]!])),
    questionOrder,
    votes: projectVotes(state, viewer),
  };
}

/** The groups whose members are shown ideas at this slot of this item now. */
function groupsAt(state: WorkshopState, itemId: string, slot: string): Audience[] {
  const item = findItem(state.plan, itemId);
  if (!item || state.running !== itemId) return [];
  if (item.kind === 'wall') return ['participants'];
  if (item.kind !== 'carousel') return [];
  const groups: Audience[] = [];
  for (let group = 1; group <= state.groups; group++) {
    if (currentStation(state, item, group) === slot) groups.push({ group });
  }
  return groups;
}

/**
 * The audiences shown this event, judged on the state just after it. Events
 * that resync phones go only to the facilitator and the screen: the fresh
 * snapshot carries them to the phones, so a phone's seq never moves past a
 * change it has not been given the new wall for.
 */
export function audiences(event: WorkshopEvent, state: WorkshopState): Audience[] {
  const resynced = resyncs(event);
  if (resynced.length === 0) return roomsFor(event, state);
  const screen = resynced.includes('screen');
  return roomsFor(event, state).filter((a) => a === 'facilitator' || (a === 'screen' && !screen));
}

/** Phones shown a question now: all of them while its Q&A item runs. */
function askedOf(state: WorkshopState, questionId: string): Audience[] {
  const question = own(state.questions, questionId);
  if (!question || question.status === 'hidden') return ['facilitator'];
  return state.running === question.item ? ['facilitator', 'screen', 'participants'] : ['facilitator', 'screen'];
}

function roomsFor(event: WorkshopEvent, state: WorkshopState): Audience[] {
  switch (event.type) {
    case 'note_added':
    case 'note_edited':
      return ['facilitator'];
    case 'profile_set':
      return ['facilitator', { participant: event.participant }];
    case 'participant_joined':
    case 'group_joined':
    case 'participant_moved':
    case 'participant_removed':
      return ['facilitator', 'screen', { participant: event.participant }];
    case 'idea_added':
      return ['facilitator', 'screen', ...groupsAt(state, event.idea.item, event.idea.slot)];
    case 'emphasis_added':
    case 'emphasis_withdrawn': {
      const idea = own(state.ideas, event.idea);
      return ['facilitator', 'screen', ...(idea ? groupsAt(state, idea.item, idea.slot) : [])];
    }
    case 'screen_focus_set':
      return ['facilitator', 'screen'];
    case 'ballot_cast': {
      const item = findItem(state.plan, event.item);
      if (!isVoteItem(item) || resultsShown(state, item)) return ['facilitator', 'screen', 'participants'];
      const [kind, id] = [event.voter.slice(0, 2), event.voter.slice(2)];
      return ['facilitator', kind === 'g:' ? { group: Number(id) } : { participant: id }];
    }
    case 'votes_counted':
      return ['screen', 'participants'];
    case 'question_asked':
      return askedOf(state, event.question.id);
    case 'question_upvoted':
    case 'question_status_set':
    case 'question_answered':
      return askedOf(state, event.question);
    default:
      return ['facilitator', 'screen', 'participants'];
  }
}

/** Whether this viewer is shown this event (the state is the one just after it). */
export function shows(event: WorkshopEvent, viewer: Viewer, state: WorkshopState): boolean {
  const to = audiences(event, state);
  if (viewer.role !== 'participant') return to.includes(viewer.role);
  const group = own(state.participants, viewer.participant)?.group ?? null;
  return to.some((a) => a === 'participants'
    || (typeof a === 'object' && 'participant' in a && a.participant === viewer.participant)
    || (typeof a === 'object' && 'group' in a && a.group === group));
}

/** Who gets a fresh snapshot instead of an event. */
export type ResyncTarget = 'participants' | 'screen' | { participant: string };

/**
 * Who needs a fresh snapshot after this event: phones whose wall changed (an
 * item starts or ends, a round turns, their group changes), and phones and
 * the screen after moderation, so a hidden or merged-away idea (or hidden
 * question) is gone from them at once without its text ever being sent.
 */
export function resyncs(event: WorkshopEvent): ResyncTarget[] {
  switch (event.type) {
    case 'item_started':
    case 'item_ended':
    case 'round_started':
    case 'groups_set':
      return ['participants'];
    case 'group_joined':
    case 'participant_moved':
    case 'participant_removed':
      return [{ participant: event.participant }];
    case 'idea_edited':
    case 'idea_hidden':
    case 'idea_unhidden':
    case 'ideas_merged':
    case 'idea_unmerged':
      return ['participants', 'screen'];
    case 'question_status_set':
      return event.status === 'hidden' || event.from === 'hidden' ? ['participants', 'screen'] : [];
    case 'results_revealed':
      return ['participants', 'screen'];
    default:
      return [];
  }
}
