/**
 * What each role is shown. The facilitator sees everything; the screen sees
 * the room without names or notes; a phone sees the workshop's public state
 * and only itself. The same rules cut the snapshot and every event, so a
 * client that folds its events equals a fresh client.
 */
import type { WorkshopEvent } from './events';
import type { Actor } from './decide';
import type { Participant, WorkshopState } from './state';

/** Who an event or state is being cut for. */
export type Viewer = Actor;

function anonymous(p: Participant): Participant {
  return { ...p, profile: {} };
}

/** The part of the state this viewer may see. */
export function projectState(state: WorkshopState, viewer: Viewer): WorkshopState {
  if (viewer.role === 'facilitator') return state;
  const participants: Record<string, Participant> = {};
  for (const p of Object.values(state.participants)) {
    if (viewer.role === 'screen') participants[p.id] = anonymous(p);
    else if (p.id === viewer.participant) participants[p.id] = p;
  }
  return { ...state, participants, notes: {}, noteOrder: [] };
}

/** Whether this viewer is shown this event. */
export function shows(event: WorkshopEvent, viewer: Viewer): boolean {
  if (viewer.role === 'facilitator') return true;
  switch (event.type) {
    case 'note_added':
    case 'note_edited':
      return false;
    case 'profile_set':
      return viewer.role === 'participant' && event.participant === viewer.participant;
    case 'participant_joined':
    case 'group_joined':
    case 'participant_moved':
    case 'participant_removed':
      return viewer.role === 'screen' || event.participant === viewer.participant;
    default:
      return true;
  }
}

/** Where an event goes: the audiences of a workshop's broadcast. */
export type Audience = 'facilitator' | 'screen' | 'participants' | { participant: string };

/** The audiences that are shown this event (the server sends it to each). */
export function audiences(event: WorkshopEvent): Audience[] {
  const all: Audience[] = ['facilitator', 'screen', 'participants'];
  const screen = shows(event, { role: 'screen' });
  if ('participant' in event && typeof event.participant === 'string') {
    const own: Audience = { participant: event.participant };
    return screen ? ['facilitator', 'screen', own] : ['facilitator', own];
  }
  return all.filter((a) => a === 'facilitator' || shows(event, a === 'screen' ? { role: 'screen' } : { role: 'participant', participant: '' }));
}
