/**
 * The WorkshopEvent union: everything that can happen in a workshop, in the
 * past tense. The event log in the store is the truth; state is its fold.
 */
import type { RoundTimer } from './carousel';
import type { Plan } from './plan';

/** Sectors a participant may say they come from. */
export const SECTORS = ['civil', 'public', 'business', 'other'] as const;
/** One of SECTORS. */
export type Sector = (typeof SECTORS)[number];

/** Organisations per sector, as the facilitator counted them. */
export type SectorCounts = Partial<Record<Sector, number>>;

/** A participant's optional self-description; every field may be absent. */
export interface Profile {
  name?: string;
  organisation?: string;
  sector?: Sector;
}

/** A facilitator's note on an agenda item (a talk's notes, several paragraphs). */
export interface Note {
  id: string;
  item: string;
  text: string;
  at: number;
  editedAt?: number;
}

/** An idea on a station's or heading's wall. */
export interface Idea {
  id: string;
  item: string;
  /** The station or heading id. */
  slot: string;
  text: string;
  /** The author's group (null: a facilitator's idea for no group, or a workshop without groups). */
  group: number | null;
  /** The participant who wrote it (null: typed in by the facilitator). */
  participant: string | null;
  at: number;
  /** Supporter keys (`g:3`, or `p:<id>` without groups) that emphasised it, in order. */
  emphasis: string[];
  /** Every distinct supporter behind it: author, emphasisers and the ideas merged into it. Marks = length − 1. */
  support: string[];
  /** Hidden by the facilitator: kept, but shown to nobody else. */
  hidden: boolean;
  /** The idea it was merged into (then shown only as part of that one). */
  mergedInto: string | null;
  /** Ideas merged into this one, in order. */
  mergedFrom: string[];
  /** The text as written, once the facilitator has edited it. */
  originalText: string | null;
}

/**
 * The new `support` of each idea an emphasis changes (the idea and the ideas
 * it is merged into), carried in the event so a phone that holds only the
 * survivor (never the ideas merged into it) shows the same marks.
 */
export type SupportChange = Record<string, string[]>;

/** Where a question stands. */
export const QUESTION_STATUSES = ['queued', 'answering', 'answered', 'hidden'] as const;
/** One of QUESTION_STATUSES. */
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A question in a Q&A item: sent from a phone, or asked aloud and typed in by the facilitator. */
export interface Question {
  id: string;
  item: string;
  text: string;
  /** The name the asker chose to give, if any. */
  name: string | null;
  /** The participant who sent it (null: typed in by the facilitator). */
  participant: string | null;
  at: number;
  /** Participants who upvoted it, once each. */
  votes: string[];
  status: QuestionStatus;
  /** The facilitator's short summary of the answer. */
  answer: string | null;
}

/** What one voter chose: ranks per option, dots per idea, or a value on the scale. */
export type Ballot =
  | { kind: 'ranking'; ranks: Record<string, number> }
  | { kind: 'dots'; dots: Record<string, number> }
  | { kind: 'scale'; value: number };

/** Every event carries the time it happened (ms since epoch, from ctx.now). */
interface At {
  at: number;
}

/** The union of all workshop events. */
export type WorkshopEvent =
  | ({ type: 'workshop_created'; plan: Plan } & At)
  | ({ type: 'participant_joined'; participant: string } & At)
  | ({ type: 'profile_set'; participant: string; profile: Profile } & At)
  | ({ type: 'group_joined'; participant: string; group: number } & At)
  | ({ type: 'participant_moved'; participant: string; group: number | null } & At)
  | ({ type: 'participant_removed'; participant: string } & At)
  | ({ type: 'groups_set'; count: number } & At)
  | ({ type: 'item_started'; item: string } & At)
  | ({ type: 'round_started'; item: string; round: number; timer: RoundTimer } & At)
  | ({ type: 'timer_paused'; item: string; timer: RoundTimer } & At)
  | ({ type: 'timer_resumed'; item: string; timer: RoundTimer } & At)
  | ({ type: 'timer_extended'; item: string; seconds: number; timer: RoundTimer } & At)
  | ({ type: 'idea_added'; idea: Idea } & At)
  | ({ type: 'emphasis_added'; idea: string; supporter: string; support: SupportChange } & At)
  | ({ type: 'emphasis_withdrawn'; idea: string; supporter: string; support: SupportChange } & At)
  | ({ type: 'idea_edited'; idea: string; text: string } & At)
  | ({ type: 'idea_hidden'; idea: string } & At)
  | ({ type: 'idea_unhidden'; idea: string } & At)
  | ({ type: 'ideas_merged'; into: string; from: string } & At)
  | ({ type: 'idea_unmerged'; idea: string } & At)
  | ({ type: 'question_asked'; question: Question } & At)
  | ({ type: 'question_upvoted'; question: string; participant: string } & At)
  | ({ type: 'question_status_set'; question: string; status: QuestionStatus; from: QuestionStatus } & At)
  | ({ type: 'question_answered'; question: string; text: string } & At)
  | ({ type: 'ballot_cast'; item: string; voter: string; participant: string; ballot: Ballot } & At)
  | ({ type: 'votes_counted'; item: string; voted: number } & At)
  | ({ type: 'results_revealed'; item: string } & At)
  | ({ type: 'screen_focus_set'; item: string | null; slot: string | null } & At)
  | ({ type: 'item_ended'; item: string } & At)
  | ({ type: 'note_added'; note: Note } & At)
  | ({ type: 'note_edited'; note: string; text: string } & At)
  | ({ type: 'attendance_set'; participants: number | null; organisations: number | null; sectors?: SectorCounts | null } & At)
  | ({ type: 'workshop_locked'; locked: boolean } & At)
  | ({ type: 'workshop_ended' } & At);

/** The type tag of a WorkshopEvent. */
export type WorkshopEventType = WorkshopEvent['type'];

/** An event as stored and sent: with the workshop's sequence number. */
export type SequencedEvent = WorkshopEvent & { seq: number };
