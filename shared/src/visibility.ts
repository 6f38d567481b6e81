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

/** Who an event or state is being cut for. */
export type Viewer = Actor;

/** Where an event goes: the audiences of a workshop's broadcast. */
export type Audience = 'facilitator' | 'screen' | 'participants' | { participant: string } | { group: number };

function anonymous(p: Participant): Participant {
  return { ...p, profile: {} };
}

/** The slots of the running exercise whose ideas a participant is shown now (empty when none). */
export function shownSlots(state: WorkshopState, participant: string): Set<string> {
  const item = state.running ? findItem(state.plan, state.running) : undefined;
  if (!item) return new Set();
  if (item.kind === 'wall') return new Set(slotsOf(item));
  if (item.kind !== 'carousel') return new Set();
  const group = own(state.participants, participant)?.group ?? null;
  return group === null ? new Set() : new Set([currentStation(state, item, group)]);
}

/** The part of the state this viewer may see. */
export function projectState(state: WorkshopState, viewer: Viewer): WorkshopState {
  if (viewer.role === 'facilitator') return state;
  const participants: Record<string, Participant> = {};
  for (const p of Object.values(state.participants)) {
    if (viewer.role === 'screen') participants[p.id] = anonymous(p);
    else if (p.id === viewer.participant) participants[p.id] = p;
  }
  const cut = { ...state, participants, notes: {}, noteOrder: [] };
  if (viewer.role === 'screen') return cut;
  const slots = shownSlots(state, viewer.participant);
  const ideaOrder = state.ideaOrder.filter((id) => state.ideas[id]!.item === state.running && slots.has(state.ideas[id]!.slot));
  return { ...cut, ideas: Object.fromEntries(ideaOrder.map((id) => [id, state.ideas[id]!])), ideaOrder };
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
  if (resyncs(event) !== null) return ['facilitator', 'screen'];
  return roomsFor(event, state);
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

/** Which phones need a fresh snapshot after this event, because what they work on changed. */
export function resyncs(event: WorkshopEvent): 'participants' | { participant: string } | null {
  switch (event.type) {
    case 'item_started':
    case 'item_ended':
    case 'round_started':
    case 'groups_set':
      return 'participants';
    case 'group_joined':
    case 'participant_moved':
      return { participant: event.participant };
    default:
      return null;
  }
}
