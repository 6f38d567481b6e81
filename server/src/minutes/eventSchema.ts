/**
 * The shape of every workshop event as an imported archive may carry it.
 * An archive is untrusted input: ids must be safe record keys, texts have
 * limits, numbers are whole and in range. The type check at the bottom
 * fails to compile when events.ts gains an event this schema lacks.
 */
import * as v from 'valibot';
import { QUESTION_STATUSES, SECTORS, type WorkshopEvent } from '@karusell/shared';

// Never a name that reaches an object's prototype: ids become record keys.
const id = v.pipe(v.string(), v.regex(/^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_-]{1,64}$/));
const supporter = v.pipe(v.string(), v.regex(/^(?:g:\d{1,3}|p:[A-Za-z0-9_-]{1,64})$/));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const at = int(0, 8.64e15);
const group = int(1, 100);
const keys = <T extends v.GenericSchema>(value: T) =>
  v.pipe(v.record(id, value), v.check((record) => Object.keys(record).length <= 1000, 'too many entries'));
const supporters = v.pipe(v.array(supporter), v.maxLength(1000));
const timer = v.variant('state', [
  v.strictObject({ state: v.literal('running'), deadline: at }),
  v.strictObject({ state: v.literal('paused'), remainingMs: int(0, 8.64e15) }),
]);
const status = v.picklist(QUESTION_STATUSES);

const idea = v.strictObject({
  id, item: id, slot: id, text: text(5000), group: v.nullable(group), participant: v.nullable(id), at,
  emphasis: supporters, support: supporters, hidden: v.boolean(), mergedInto: v.nullable(id),
  mergedFrom: v.pipe(v.array(id), v.maxLength(1000)), originalText: v.nullable(text(5000)),
});
const question = v.strictObject({
  id, item: id, text: text(5000), name: v.nullable(text(120)), participant: v.nullable(id), at,
  votes: v.pipe(v.array(id), v.maxLength(100_000)), status, answer: v.nullable(text(4000)),
});
const note = v.strictObject({ id, item: id, text: text(10_000), at, editedAt: v.optional(at) });
const profile = v.strictObject({ name: v.optional(text(120)), organisation: v.optional(text(120)), sector: v.optional(v.picklist(SECTORS)) });
const ballot = v.variant('kind', [
  v.strictObject({ kind: v.literal('ranking'), ranks: keys(int(0, 1000)) }),
  v.strictObject({ kind: v.literal('dots'), dots: keys(int(0, 1000)) }),
  v.strictObject({ kind: v.literal('scale'), value: int(-1000, 1000) }),
]);
const count = v.nullable(int(0, 100_000));

const event = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.strictObject({ type: v.literal(type), at, ...entries });

/** Every event but `workshop_created`, which an archive carries as its plan and createdAt. */
export const archivedEvent = v.variant('type', [
  event('participant_joined', { participant: id }),
  event('profile_set', { participant: id, profile }),
  event('group_joined', { participant: id, group }),
  event('participant_moved', { participant: id, group: v.nullable(group) }),
  event('participant_removed', { participant: id }),
  event('groups_set', { count: int(0, 100) }),
  event('item_started', { item: id }),
  event('round_started', { item: id, round: int(0, 100), timer }),
  event('timer_paused', { item: id, timer }),
  event('timer_resumed', { item: id, timer }),
  event('timer_extended', { item: id, seconds: int(1, 600), timer }),
  event('idea_added', { idea }),
  event('emphasis_added', { idea: id, supporter, support: keys(supporters) }),
  event('emphasis_withdrawn', { idea: id, supporter, support: keys(supporters) }),
  event('idea_edited', { idea: id, text: text(5000) }),
  event('idea_hidden', { idea: id }),
  event('idea_unhidden', { idea: id }),
  event('ideas_merged', { into: id, from: id }),
  event('idea_unmerged', { idea: id }),
  event('question_asked', { question }),
  event('question_upvoted', { question: id, participant: id }),
  event('question_status_set', { question: id, status, from: status }),
  event('question_answered', { question: id, text: text(4000) }),
  event('ballot_cast', { item: id, voter: supporter, participant: id, ballot }),
  event('votes_counted', { item: id, voted: int(0, 100_000) }),
  event('results_revealed', { item: id }),
  event('screen_focus_set', { item: v.nullable(id), slot: v.nullable(id) }),
  event('item_ended', { item: id }),
  event('note_added', { note }),
  event('note_edited', { note: id, text: text(10_000) }),
  event('attendance_set', {
    participants: count, organisations: count,
    sectors: v.optional(v.nullable(v.strictObject({ civil: v.optional(int(0, 100_000)), public: v.optional(int(0, 100_000)), business: v.optional(int(0, 100_000)), other: v.optional(int(0, 100_000)) }))),
  }),
  event('workshop_locked', { locked: v.boolean() }),
  event('workshop_ended', {}),
]);

/** An event as an archive holds it. */
export type ArchivedEvent = v.InferOutput<typeof archivedEvent>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time: the schema covers exactly the events of events.ts (but workshop_created).
const covers: Same<ArchivedEvent, Exclude<WorkshopEvent, { type: 'workshop_created' }>> = true;
void covers;
