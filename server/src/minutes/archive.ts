/**
 * The JSON archive: everything needed to restore a workshop, and nothing
 * that names this copy of it. It holds the plan, the creation time and the
 * event log (without sequence numbers: their order is the sequence), but no
 * workshop id, join code, tokens or time of export. Keys are written in a
 * fixed order (`type` first, the rest sorted), one event per line, so
 * export → import → export gives the same bytes.
 */
import * as v from 'valibot';
import {
  ballotProblem, evolveAll, findItem, initialState, parsePlan, rankingOptions,
  type Plan, type SequencedEvent, type WorkshopEvent, type WorkshopState,
} from '@karusell/shared';
import { archivedEvent } from './eventSchema';

/** The format tag an archive starts with. */
export const ARCHIVE_FORMAT = 'karusell-archive';
/** The archive format's version; a later one is refused rather than misread. */
export const ARCHIVE_VERSION = 1;
/** The most events an archive may hold (a long meeting of 150 people has a few thousand). */
const MAX_EVENTS = 20_000;
/**
 * The most of each kind of thing an archive may bring: far above a real
 * meeting, and low enough that folding the log (each event copies the
 * records it changes) stays within seconds.
 */
const MAX_OF: Partial<Record<WorkshopEvent['type'], number>> = { participant_joined: 1_000, idea_added: 5_000, question_asked: 2_000 };

/** A copy of a value with object keys in a fixed order: `type` first, then the rest sorted. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a === 'type' ? -1 : b === 'type' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v)]));
}

/** The archive of a workshop from its stored event log. */
export function renderArchive(log: readonly SequencedEvent[]): string {
  const [created, ...rest] = log;
  if (created?.type !== 'workshop_created') throw new Error('the event log does not start with workshop_created');
  const events = rest.map(({ seq: _seq, ...event }) => JSON.stringify(ordered(event)));
  const plan = JSON.stringify(ordered(created.plan), null, 2).replace(/\n/g, '\n  ');
  return [
    '{',
    `  "format": ${JSON.stringify(ARCHIVE_FORMAT)},`,
    `  "version": ${ARCHIVE_VERSION},`,
    `  "createdAt": ${created.at},`,
    `  "plan": ${plan},`,
    events.length ? `  "events": [\n    ${events.join(',\n    ')}\n  ]` : '  "events": []',
    '}',
    '',
  ].join('\n');
}

const archiveSchema = v.strictObject({
  format: v.literal(ARCHIVE_FORMAT),
  version: v.literal(ARCHIVE_VERSION),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
  plan: v.unknown(),
  events: v.pipe(v.array(v.unknown()), v.maxLength(MAX_EVENTS)),
});

/** A readable reason an archive was refused, naming where. */
export interface ArchiveError {
  code: 'invalid_archive';
  field: string;
  message: string;
}

/** The outcome of reading an archive: the events to store (from workshop_created) and their state. */
export type ArchiveResult =
  | { ok: true; events: WorkshopEvent[]; state: WorkshopState }
  | { ok: false; error: ArchiveError };

const refuse = (field: string, message: string): ArchiveResult => ({ ok: false, error: { code: 'invalid_archive', field, message } });

/** valibot's issue in plainer words. */
function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'variant' && issue.input !== undefined) return `${JSON.stringify(issue.input)} is not a known ${issue.path?.at(-1)?.key === 'kind' ? 'kind' : 'type'}`;
  if (issue.type === 'regex') return 'is not a valid id';
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a known field';
  if (issue.type === 'strict_object' && issue.input === undefined) return 'is missing';
  return issue.message;
}

function issueText(issue: v.BaseIssue<unknown>, prefix: string): ArchiveResult {
  const path = v.getDotPath(issue);
  const field = path ? `${prefix}${prefix && !path.startsWith('[') ? '.' : ''}${path}` : prefix || 'archive';
  return refuse(field, `${field}: ${describe(issue)}`);
}

/** Checks an untrusted archive; never throws. */
export function readArchive(input: unknown): ArchiveResult {
  const top = v.safeParse(archiveSchema, input);
  if (!top.success) {
    const first = top.issues[0];
    if (first.path?.[0]?.key === 'format' || first.path?.[0]?.key === 'version' || !first.path) {
      return refuse(v.getDotPath(first) ?? 'archive', `This is not a Karusell archive (format "${ARCHIVE_FORMAT}", version ${ARCHIVE_VERSION}).`);
    }
    return issueText(first, '');
  }
  const plan = parsePlan(top.output.plan);
  if (!plan.ok) return refuse(`plan.${plan.error.field}`, `plan: ${plan.error.message}`);
  const events: WorkshopEvent[] = [{ type: 'workshop_created', plan: plan.plan, at: top.output.createdAt }];
  const counts = new Map<string, number>();
  for (const [i, raw] of top.output.events.entries()) {
    const parsed = v.safeParse(archivedEvent, raw);
    if (!parsed.success) return issueText(parsed.issues[0], `events[${i}]`);
    const { type } = parsed.output;
    const count = (counts.get(type) ?? 0) + 1;
    counts.set(type, count);
    const max = MAX_OF[type];
    if (max !== undefined && count > max) return refuse(`events[${i}]`, `events[${i}]: more than ${max} events of the type "${type}"`);
    const ballot = parsed.output.type === 'ballot_cast' ? ballotFault(plan.plan, parsed.output) : null;
    if (ballot) return refuse(`events[${i}].ballot`, `events[${i}].ballot: ${ballot}`);
    events.push(parsed.output);
  }
  return { ok: true, events, state: stateOf(plan.plan, events) };
}

/** Why an archived ballot could not have been cast in this plan's vote, or null. */
function ballotFault(plan: Plan, event: Extract<WorkshopEvent, { type: 'ballot_cast' }>): string | null {
  const item = findItem(plan, event.item);
  const { ballot } = event;
  if (item?.kind !== ballot.kind) return `is not a ballot of a ${ballot.kind} named "${event.item}" in the plan`;
  if (item.kind === 'ranking' && ballot.kind === 'ranking') {
    const problem = ballotProblem(ballot.ranks, rankingOptions(plan, item).map((o) => o.id), item.ties);
    return problem ? `does not fit the ranking (${problem})` : null;
  }
  if (item.kind === 'scale' && ballot.kind === 'scale') return ballot.value < item.min || ballot.value > item.max ? 'is outside the scale' : null;
  if (item.kind === 'dots' && ballot.kind === 'dots') {
    const counts = Object.values(ballot.dots);
    const over = counts.reduce((a, b) => a + b, 0) > item.dotsPerVoter || counts.some((n) => n > (item.maxPerIdea ?? Infinity));
    return over ? 'has more dots than the vote allows' : null;
  }
  return null;
}

/** The state the events fold to, with the sequence number they reach. */
export function stateOf(plan: Plan, events: readonly WorkshopEvent[]): WorkshopState {
  const state = evolveAll(initialState(plan, events[0]?.at ?? 0), events);
  return { ...state, seq: events.length };
}
