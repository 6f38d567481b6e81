/**
 * WorkshopState and its fold `evolve(state, event)`. Pure: the server, the
 * facilitator view, the screen and the phone all fold events the same way,
 * each over the part of the log it is shown.
 */
import type { RoundTimer } from './carousel';
import type { Idea, Note, Profile, Question, SectorCounts, WorkshopEvent } from './events';
import { evolveIdeas } from './support';
import type { Plan } from './plan';
import { evolveVotes, type VoteState } from './ballots';

/** Where an agenda item stands. */
export type ItemPhase = 'pending' | 'running' | 'ended';

/** The run state of one agenda item. */
export interface ItemState {
  phase: ItemPhase;
  startedAt: number | null;
  endedAt: number | null;
  /** How many times the item has been started (an ended item may run again). */
  runs: number;
  /** The carousel's round in this run (from 0). */
  round: number;
  /** The carousel's round timer in this run; null for other kinds. */
  timer: RoundTimer | null;
}

/** A person who joined from a phone. Never carries their token. */
export interface Participant {
  id: string;
  joinedAt: number;
  profile: Profile;
  group: number | null;
  removed: boolean;
}

/** The whole state of one workshop (or the part of it a role is shown). */
export interface WorkshopState {
  plan: Plan;
  createdAt: number;
  seq: number;
  groups: number;
  participants: Record<string, Participant>;
  items: Record<string, ItemState>;
  running: string | null;
  notes: Record<string, Note>;
  /** Note ids in the order they were added. */
  noteOrder: string[];
  ideas: Record<string, Idea>;
  /** Idea ids in the order they came. */
  ideaOrder: string[];
  questions: Record<string, Question>;
  /** Question ids in the order they were asked. */
  questionOrder: string[];
  /** Ballots per vote item (for phones and the screen, only what they are shown). */
  votes: Record<string, VoteState>;
  /** The facilitator's totals for the minutes (null: count from the phones). */
  attendance: { participants: number | null; organisations: number | null; sectors: SectorCounts | null };
  /** The heading (or station) the facilitator put on the projector alone, if any. */
  screenFocus: { item: string; slot: string } | null;
  locked: boolean;
  ended: boolean;
  /** When the workshop ended (the retention setting counts from here). */
  endedAt: number | null;
}

/** The record's own entry for a key, never one from Object.prototype (ids come from outside). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A fresh state for a plan, before any event but `workshop_created`. */
export function initialState(plan: Plan, at: number): WorkshopState {
  const items: Record<string, ItemState> = {};
  for (const item of plan.agenda) items[item.id] = { phase: 'pending', startedAt: null, endedAt: null, runs: 0, round: 0, timer: null };
  return {
    plan,
    createdAt: at,
    seq: 0,
    groups: plan.groups,
    participants: {},
    items,
    running: null,
    notes: {},
    noteOrder: [],
    ideas: {},
    ideaOrder: [],
    questions: {},
    questionOrder: [],
    votes: {},
    attendance: { participants: null, organisations: null, sectors: null },
    screenFocus: null,
    locked: false,
    ended: false,
    endedAt: null,
  };
}

/** Folds one event into the state, returning a new state (inputs are never mutated). */
export function evolve(state: WorkshopState, event: WorkshopEvent): WorkshopState {
  switch (event.type) {
    case 'workshop_created':
      return initialState(event.plan, event.at);
    case 'participant_joined':
      return withParticipant(state, { id: event.participant, joinedAt: event.at, profile: {}, group: null, removed: false });
    case 'profile_set':
      return updateParticipant(state, event.participant, (p) => ({ ...p, profile: { ...event.profile } }));
    case 'group_joined':
    case 'participant_moved':
      return updateParticipant(state, event.participant, (p) => ({ ...p, group: event.group }));
    case 'participant_removed':
      return updateParticipant(state, event.participant, (p) => ({ ...p, removed: true, group: null }));
    case 'groups_set':
      return setGroups(state, event.count);
    case 'item_started':
      return startItem(state, event.item, event.at);
    case 'item_ended':
      return endItem(state, event.item, event.at);
    case 'note_added':
      return {
        ...state,
        notes: { ...state.notes, [event.note.id]: { ...event.note } },
        noteOrder: [...state.noteOrder, event.note.id],
      };
    case 'note_edited': {
      const note = own(state.notes, event.note);
      if (!note) return state;
      return { ...state, notes: { ...state.notes, [note.id]: { ...note, text: event.text, editedAt: event.at } } };
    }
    case 'round_started':
      return updateItem(state, event.item, (i) => ({ ...i, round: event.round, timer: event.timer }));
    case 'timer_paused':
    case 'timer_resumed':
    case 'timer_extended':
      return updateItem(state, event.item, (i) => ({ ...i, timer: event.timer }));
    case 'idea_added':
      return { ...state, ideas: evolveIdeas(state.ideas, event), ideaOrder: [...state.ideaOrder, event.idea.id] };
    case 'emphasis_added':
    case 'emphasis_withdrawn':
    case 'idea_edited':
    case 'idea_hidden':
    case 'idea_unhidden':
    case 'ideas_merged':
    case 'idea_unmerged':
      return { ...state, ideas: evolveIdeas(state.ideas, event) };
    case 'question_asked':
      return {
        ...state,
        questions: { ...state.questions, [event.question.id]: { ...event.question } },
        questionOrder: [...state.questionOrder, event.question.id],
      };
    case 'question_upvoted':
      return updateQuestion(state, event.question, (q) => ({ ...q, votes: [...q.votes, event.participant] }));
    case 'question_status_set':
      return updateQuestion(state, event.question, (q) => ({ ...q, status: event.status }));
    case 'question_answered':
      return updateQuestion(state, event.question, (q) => ({ ...q, answer: event.text || null }));
    case 'ballot_cast':
    case 'votes_counted':
    case 'results_revealed':
      return { ...state, votes: evolveVotes(state.votes, event, event.at) };
    case 'screen_focus_set':
      return { ...state, screenFocus: event.item && event.slot ? { item: event.item, slot: event.slot } : null };
    case 'attendance_set':
      return { ...state, attendance: { participants: event.participants, organisations: event.organisations, sectors: event.sectors ?? null } };
    case 'workshop_locked':
      return { ...state, locked: event.locked };
    case 'workshop_ended':
      return endItem({ ...state, ended: true, endedAt: event.at }, state.running, event.at);
  }
}

/**
 * Folds many events in order: the same result as `events.reduce(evolve)`
 * (a property test holds it to that), in time linear in the log. evolve
 * copies each record it changes, which is right for one live event but
 * quadratic over a whole log (a restart, an import); here the growing
 * records are copied once and their entries replaced in place.
 */
export function evolveAll(state: WorkshopState, events: readonly WorkshopEvent[]): WorkshopState {
  let s: WorkshopState = {
    ...state,
    participants: { ...state.participants }, ideas: { ...state.ideas }, ideaOrder: [...state.ideaOrder],
    questions: { ...state.questions }, questionOrder: [...state.questionOrder],
  };
  for (const event of events) s = foldOwned(s, event);
  return s;
}

/** One event into a state whose participants, ideas and questions (records and orders) this fold owns. */
function foldOwned(s: WorkshopState, event: WorkshopEvent): WorkshopState {
  switch (event.type) {
    case 'participant_joined':
    case 'profile_set':
    case 'group_joined':
    case 'participant_moved':
    case 'participant_removed': {
      // evolve's own rule, run on a record holding just this participant.
      const before = own(s.participants, event.participant);
      const after = evolve({ ...s, participants: before ? { [before.id]: before } : {} }, event).participants[event.participant];
      if (after) s.participants[event.participant] = after;
      return s;
    }
    case 'idea_added':
      s.ideas[event.idea.id] = { ...event.idea };
      s.ideaOrder.push(event.idea.id);
      return s;
    case 'emphasis_added':
    case 'emphasis_withdrawn':
    case 'idea_edited':
    case 'idea_hidden':
    case 'idea_unhidden':
    case 'ideas_merged':
    case 'idea_unmerged':
      evolveIdeas(s.ideas, event, true);
      return s;
    case 'question_asked':
      s.questions[event.question.id] = { ...event.question };
      s.questionOrder.push(event.question.id);
      return s;
    case 'question_upvoted':
    case 'question_status_set':
    case 'question_answered': {
      const before = own(s.questions, event.question);
      if (before) s.questions[before.id] = evolve({ ...s, questions: { [before.id]: before } }, event).questions[before.id]!;
      return s;
    }
    default:
      return evolve(s, event);
  }
}

function withParticipant(state: WorkshopState, participant: Participant): WorkshopState {
  return { ...state, participants: { ...state.participants, [participant.id]: participant } };
}

function updateParticipant(state: WorkshopState, id: string, change: (p: Participant) => Participant): WorkshopState {
  const participant = own(state.participants, id);
  return participant ? withParticipant(state, change(participant)) : state;
}

function updateItem(state: WorkshopState, id: string, change: (i: ItemState) => ItemState): WorkshopState {
  const item = own(state.items, id);
  return item ? { ...state, items: { ...state.items, [id]: change(item) } } : state;
}

function updateQuestion(state: WorkshopState, id: string, change: (q: Question) => Question): WorkshopState {
  const question = own(state.questions, id);
  return question ? { ...state, questions: { ...state.questions, [id]: change(question) } } : state;
}

function setGroups(state: WorkshopState, count: number): WorkshopState {
  const participants: Record<string, Participant> = {};
  for (const [id, p] of Object.entries(state.participants)) {
    participants[id] = p.group !== null && p.group > count ? { ...p, group: null } : p;
  }
  return { ...state, groups: count, participants };
}

function startItem(state: WorkshopState, id: string, at: number): WorkshopState {
  const before = { ...endItem(state, state.running === id ? null : state.running, at), screenFocus: null };
  const item = own(before.items, id);
  if (!item) return before;
  const started: ItemState = { ...item, phase: 'running', startedAt: at, endedAt: null, runs: item.runs + 1, round: 0, timer: null };
  return { ...before, running: id, items: { ...before.items, [id]: started } };
}

function endItem(state: WorkshopState, id: string | null, at: number): WorkshopState {
  if (id === null) return state;
  const item = own(state.items, id);
  if (!item || item.phase !== 'running') return state;
  return {
    ...state,
    // A heading put alone on the projector belongs to the run of its item.
    screenFocus: null,
    running: state.running === id ? null : state.running,
    items: { ...state.items, [id]: { ...item, phase: 'ended', endedAt: at, timer: null } },
  };
}

/** Participants who have not been removed. */
export function activeParticipants(state: WorkshopState): Participant[] {
  return Object.values(state.participants).filter((p) => !p.removed);
}

/** How many active participants are in each group, index 0 = group 1. */
export function groupSizes(state: WorkshopState): number[] {
  const sizes = Array.from({ length: state.groups }, () => 0);
  for (const p of activeParticipants(state)) {
    if (p.group !== null && p.group >= 1 && p.group <= state.groups) sizes[p.group - 1]! += 1;
  }
  return sizes;
}
