/**
 * Command schemas: every command's shape is checked here, at the edge, before
 * anything else looks at it. Unknown fields, wrong types and over-long text
 * are refused. The Command union is inferred from the schemas.
 */
import * as v from 'valibot';
import { QUESTION_STATUSES, SECTORS } from './events';

/** Longest note a facilitator may type (characters). */
export const NOTE_MAX = 10_000;
/** Longest idea text accepted on the wire, before trimming. */
export const IDEA_TEXT_RAW_MAX = 5_000;
/** The largest count a facilitator may give (attendance). */
export const COUNT_MAX = 100_000;
/** Longest profile field (name, organisation). */
export const PROFILE_FIELD_MAX = 120;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const opId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const groupNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100));
const profileField = v.optional(v.pipe(v.string(), v.maxLength(PROFILE_FIELD_MAX)));
const noteText = v.pipe(v.string(), v.maxLength(NOTE_MAX));
// Option or idea id → a whole number; at most 100 entries (a voter has at most 50 dots), checked against the vote by decide.
const tally = v.pipe(
  v.record(id, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  v.check((entries) => Object.keys(entries).length <= 100),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(COUNT_MAX));

function command<T extends string, E extends v.ObjectEntries>(type: T, entries: E) {
  return v.strictObject({ opId, type: v.literal(type), ...entries });
}

/** One schema per command type, keyed by type. */
export const commandSchemas = {
  set_profile: command('set_profile', {
    name: profileField,
    organisation: profileField,
    sector: v.optional(v.nullable(v.picklist(SECTORS))),
  }),
  join_group: command('join_group', { group: groupNumber }),
  start_item: command('start_item', { item: id }),
  end_item: command('end_item', { item: id }),
  add_note: command('add_note', { item: id, text: noteText }),
  edit_note: command('edit_note', { note: id, text: noteText }),
  set_groups: command('set_groups', { count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) }),
  move_participant: command('move_participant', {
    participant: id,
    group: v.nullable(groupNumber),
  }),
  remove_participant: command('remove_participant', { participant: id }),
  set_attendance: command('set_attendance', {
    participants: v.optional(v.nullable(count)),
    organisations: v.optional(v.nullable(count)),
    // Organisations per sector (civil 45 …); null clears them, a sector left out has none counted.
    sectors: v.optional(v.nullable(v.strictObject(Object.fromEntries(SECTORS.map((s) => [s, v.optional(count)])) as Record<(typeof SECTORS)[number], v.OptionalSchema<typeof count, undefined>>))),
  }),
  lock_workshop: command('lock_workshop', { locked: v.boolean() }),
  end_workshop: command('end_workshop', {}),
  add_idea: command('add_idea', {
    item: id,
    slot: id,
    // Checked again after trimming (1..500) by decide, which says which limit was hit.
    text: v.pipe(v.string(), v.maxLength(IDEA_TEXT_RAW_MAX)),
    group: v.optional(groupNumber),
  }),
  emphasise: command('emphasise', { idea: id }),
  withdraw_emphasis: command('withdraw_emphasis', { idea: id }),
  // `round` (optional) is the round being left: a second "next" for the same round changes nothing.
  next_round: command('next_round', { item: id, round: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))) }),
  pause_timer: command('pause_timer', { item: id }),
  resume_timer: command('resume_timer', { item: id }),
  extend_timer: command('extend_timer', { item: id, seconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)) }),
  edit_idea: command('edit_idea', { idea: id, text: v.pipe(v.string(), v.maxLength(IDEA_TEXT_RAW_MAX)) }),
  hide_idea: command('hide_idea', { idea: id }),
  unhide_idea: command('unhide_idea', { idea: id }),
  merge_ideas: command('merge_ideas', { into: id, from: id }),
  unmerge_idea: command('unmerge_idea', { idea: id }),
  ask_question: command('ask_question', {
    item: id,
    text: v.pipe(v.string(), v.maxLength(IDEA_TEXT_RAW_MAX)),
    name: profileField,
  }),
  upvote_question: command('upvote_question', { item: id, question: id }),
  set_question_status: command('set_question_status', { question: id, status: v.picklist(QUESTION_STATUSES) }),
  answer_question: command('answer_question', { question: id, text: v.pipe(v.string(), v.maxLength(4_000)) }),
  cast_ranking: command('cast_ranking', { item: id, ranks: tally }),
  cast_dots: command('cast_dots', { item: id, dots: tally }),
  cast_scale: command('cast_scale', { item: id, value: v.pipe(v.number(), v.integer(), v.minValue(-1000), v.maxValue(1000)) }),
  reveal_results: command('reveal_results', { item: id }),
  // Puts one heading or station alone on the projector; without item/slot, back to the whole wall.
  focus_screen: command('focus_screen', { item: v.optional(id), slot: v.optional(id) }),
} as const;

/** A command's type tag. */
export type CommandType = keyof typeof commandSchemas;
/** The union of all valid commands. */
export type Command = { [K in CommandType]: v.InferOutput<(typeof commandSchemas)[K]> }[CommandType];
/** The command of one type. */
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;
/** A command as a client writes it: without its opId, which the connection adds. */
export type CommandInput = Command extends infer C ? (C extends { opId: string } ? Omit<C, 'opId'> : never) : never;

/** The result of checking an untrusted payload. */
export type ParsedCommand =
  | { ok: true; command: Command }
  | { ok: false; code: 'bad_command' | 'unknown_command'; field: string };

function isCommandType(type: unknown): type is CommandType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(commandSchemas, type);
}

/** Checks an untrusted payload against its command's schema; never throws. */
export function parseCommand(payload: unknown): ParsedCommand {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, code: 'bad_command', field: '' };
  }
  const type = (payload as { type?: unknown }).type;
  if (!isCommandType(type)) return { ok: false, code: 'unknown_command', field: 'type' };
  const result = v.safeParse(commandSchemas[type], payload);
  if (result.success) return { ok: true, command: result.output as Command };
  const issue = result.issues[0];
  return { ok: false, code: 'bad_command', field: issue ? (v.getDotPath(issue) ?? '') : '' };
}
