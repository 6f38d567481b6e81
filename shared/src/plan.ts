import * as v from 'valibot';

/** The language of a workshop: sets the minutes' language, numbers and dates. */
export type Language = 'sv' | 'en';
/** Who casts a ballot: each group (table) or each participant. */
export type Voter = 'group' | 'participant';
/** When phones and the screen see a vote's results. */
export type Reveal = 'live' | 'on_close';
/** One question of a carousel, visited by each group in turn. */
export interface Station { id: string; prompt: string }
/** One heading of an idea wall. */
export interface Heading { id: string; title: string }
/** One thing to rank in a ranking. */
export interface RankingOption { id: string; title: string }
interface ItemBase { id: string; title: string; description?: string }
/** A talk or presentation: nothing for participants to do but ask. */
export interface TalkItem extends ItemBase { kind: 'talk' }
/** Groups rotate between stations, one round each, writing ideas. */
export interface CarouselItem extends ItemBase { kind: 'carousel'; roundMinutes: number; stations: Station[]; autoAdvance: boolean }
/** Groups write ideas under headings. */
export interface WallItem extends ItemBase { kind: 'wall'; headings: Heading[] }
/** Voters rank options 1..N; the mean rank decides. */
export interface RankingItem extends ItemBase { kind: 'ranking'; of?: string; options?: RankingOption[]; voter: Voter; ties: boolean; lowerIsBetter: boolean; reveal: Reveal }
/** Voters spread dots over the ideas of a wall or carousel. */
export interface DotsItem extends ItemBase { kind: 'dots'; wall: string; dotsPerVoter: number; maxPerIdea?: number; voter: Voter; reveal: Reveal }
/** Voters pick one whole number from min to max. */
export interface ScaleItem extends ItemBase { kind: 'scale'; min: number; max: number; voter: Voter; reveal: Reveal }
/** Questions from the room, optionally to a talk. */
export interface QaItem extends ItemBase { kind: 'qa'; of?: string }
/** One point of the agenda. */
export type AgendaItem = TalkItem | CarouselItem | WallItem | RankingItem | DotsItem | ScaleItem | QaItem;
/** The kind of an agenda item. */
export type ItemKind = AgendaItem['kind'];
/** A workshop plan after validation: ids assigned, defaults filled. */
export interface Plan { title: string; place?: string; date?: string; start?: string; end?: string; language: Language; purpose?: string; goal?: string; groups: number; agenda: AgendaItem[] }
/** Why a plan was refused: the field as a path such as `agenda[2].stations`. */
export interface PlanError { code: 'invalid_plan'; field: string; message: string }
/** The outcome of parsePlan. */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; error: PlanError };

// Reserved names are refused so an id can never reach an object's prototype.
const ID_RE = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_-]{1,40}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const optText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));
const matching = (re: RegExp) => v.optional(v.pipe(v.string(), v.trim(), v.regex(re)));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const list = <T extends v.GenericSchema>(item: T, min: number, max: number) =>
  v.pipe(v.array(item), v.minLength(min), v.maxLength(max));
const optId = matching(ID_RE);
const voter = v.optional(v.picklist(['group', 'participant']));
const reveal = v.optional(v.picklist(['live', 'on_close']), 'on_close');
const head = { id: optId, title: text(300), description: optText(2000) };

const itemSchema = v.variant('kind', [
  v.strictObject({ ...head, kind: v.literal('talk') }),
  v.strictObject({
    ...head, kind: v.literal('carousel'),
    roundMinutes: v.pipe(v.number(), v.gtValue(0), v.maxValue(120)),
    stations: list(v.strictObject({ id: optId, prompt: text(300) }), 1, 12),
    autoAdvance: v.optional(v.boolean(), false),
  }),
  v.strictObject({ ...head, kind: v.literal('wall'), headings: list(v.strictObject({ id: optId, title: text(300) }), 1, 12) }),
  v.strictObject({
    ...head, kind: v.literal('ranking'), of: optId,
    options: v.optional(list(v.strictObject({ id: optId, title: text(300) }), 2, 12)),
    voter, ties: v.optional(v.boolean(), false), lowerIsBetter: v.optional(v.boolean(), true), reveal,
  }),
  v.strictObject({
    ...head, kind: v.literal('dots'), wall: v.pipe(v.string(), v.trim(), v.regex(ID_RE)),
    dotsPerVoter: int(1, 50), maxPerIdea: v.optional(int(1, 50)), voter, reveal,
  }),
  v.strictObject({
    ...head, kind: v.literal('scale'),
    min: v.optional(int(-1000, 1000), 1), max: v.optional(int(-1000, 1000), 5), voter, reveal,
  }),
  v.strictObject({ ...head, kind: v.literal('qa'), of: optId }),
]);

const planSchema = v.strictObject({
  title: text(200), place: optText(300), date: matching(DATE_RE), start: matching(TIME_RE), end: matching(TIME_RE),
  language: v.optional(v.picklist(['sv', 'en']), 'sv'),
  purpose: optText(5000), goal: optText(5000),
  groups: v.optional(int(0, 100), 0),
  agenda: list(itemSchema, 1, 50),
});

type RawPlan = v.InferOutput<typeof planSchema>;
type RawItem = RawPlan['agenda'][number];

const TEXT = {
  notObject: ['måste vara ett objekt', 'must be an object'],
  missing: ['saknas men måste anges', 'is required but missing'],
  unknownKey: ['är inget känt fält', 'is not a known field'],
  string: ['måste vara text', 'must be text'],
  number: ['måste vara ett tal', 'must be a number'],
  boolean: ['måste vara true eller false', 'must be true or false'],
  array: ['måste vara en lista', 'must be a list'],
  oneOf: ['måste vara något av: {0}', 'must be one of: {0}'],
  empty: ['måste innehålla text', 'must not be empty'],
  tooLong: ['får ha högst {0} tecken', 'may have at most {0} characters'],
  listMin: ['{0} behöver minst {1}', '{0} needs at least {1}'],
  listMax: ['{0} kan ha högst {1}', '{0} can have at most {1}'],
  integer: ['måste vara ett heltal', 'must be a whole number'],
  min: ['måste vara minst {0}', 'must be at least {0}'],
  max: ['får vara högst {0}', 'must be at most {0}'],
  above: ['måste vara större än {0}', 'must be greater than {0}'],
  id: ['ett id får bara innehålla A–Z, a–z, 0–9, _ och - (högst 40 tecken)', 'an id may only contain A–Z, a–z, 0–9, _ and - (at most 40 characters)'],
  date: ['måste vara ett verkligt datum på formen ÅÅÅÅ-MM-DD', 'must be a real date in the form YYYY-MM-DD'],
  time: ['måste vara en tid på formen TT:MM mellan 00:00 och 23:59', 'must be a time in the form HH:MM between 00:00 and 23:59'],
  endBeforeStart: ['sluttiden måste vara efter starttiden', 'the end time must be after the start time'],
  duplicateId: ['id "{0}" används redan', 'the id "{0}" is already used'],
  carouselGroups: ['en karusell kräver att planen har grupper (groups minst 1)', 'a carousel needs a plan with groups (groups at least 1)'],
  groupVoter: ['röstning per grupp kräver att planen har grupper (groups minst 1)', 'voting by group needs a plan with groups (groups at least 1)'],
  ofOrOptions: ['ange antingen of eller options (precis ett av dem)', 'give either of or options (exactly one of them)'],
  noSuchItem: ['det finns ingen punkt med id "{0}"', 'there is no item with the id "{0}"'],
  notIdeaItem: ['"{0}" måste vara en vägg eller en karusell', '"{0}" must be a wall or a carousel'],
  notTalk: ['"{0}" måste vara ett föredrag (talk)', '"{0}" must be a talk'],
  fewToRank: ['"{0}" har färre än två rubriker eller stationer att rangordna', '"{0}" has fewer than two headings or stations to rank'],
  scaleOrder: ['max måste vara större än min', 'max must be greater than min'],
  scaleSpan: ['skalan får spänna högst 10 steg från min till max', 'the scale may span at most 10 steps from min to max'],
  invalid: ['är ogiltigt', 'is invalid'],
} as const satisfies Record<string, readonly [string, string]>;
type TextKey = keyof typeof TEXT;

type Words = readonly [owner: string, one: string, many: string];
const LISTS: Record<string, readonly [sv: Words, en: Words]> = {
  agenda: [['planen', 'en punkt', 'punkter'], ['the plan', 'one item', 'items']],
  stations: [['en karusell', 'en station', 'stationer'], ['a carousel', 'one station', 'stations']],
  headings: [['en vägg', 'en rubrik', 'rubriker'], ['a wall', 'one heading', 'headings']],
  options: [['en rangordning', 'ett alternativ', 'alternativ'], ['a ranking', 'one option', 'options']],
};

/** A refusal found while normalising; caught inside parsePlan only. */
class Refusal extends Error {
  constructor(readonly field: string, readonly key: TextKey, readonly args: readonly (string | number)[] = []) { super(key); }
}
function refuse(field: string, key: TextKey, ...args: (string | number)[]): never {
  throw new Refusal(field, key, args);
}

function planError(field: string, lang: Language, key: TextKey, args: readonly (string | number)[] = []): PlanError {
  const text = TEXT[key][lang === 'sv' ? 0 : 1].replace(/\{(\d)\}/g, (_, n: string) => String(args[Number(n)] ?? ''));
  return { code: 'invalid_plan', field, message: `${field}: ${text}` };
}

const clip = (key: string) => (key.length > 60 ? `${key.slice(0, 60)}…` : key);
const fieldOf = (path: readonly v.IssuePathItem[]) =>
  path.map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i ? '.' : ''}${clip(String(p.key))}`)).join('') || 'plan';
type Issue = v.BaseIssue<unknown>;
const isUnknownKey = (issue: Issue) => issue.type === 'strict_object' && issue.expected === 'never';
const isMissingKey = (issue: Issue) => issue.type === 'strict_object' && issue.expected?.startsWith('"') === true;
const lastOf = (issue: Issue) => issue.path?.[issue.path.length - 1];
const oneOf = (expected: string | null) => (expected ?? '').replace(/[()"]/g, '').split(' | ').join(', ');

/** A typo'd key shows as a missing key plus an unknown one; the unknown one is the better report. */
function pickIssue([first, ...rest]: readonly [Issue, ...Issue[]]): Issue {
  if (!isMissingKey(first)) return first;
  const owner = lastOf(first)?.input;
  return rest.find((issue) => isUnknownKey(issue) && lastOf(issue)?.input === owner) ?? first;
}

function describeList(lang: Language, key: TextKey, owner: string, n: number): [TextKey, (string | number)[]] {
  const words: Words = (LISTS[owner] ?? LISTS['agenda'])?.[lang === 'sv' ? 0 : 1] ?? ['', '', ''];
  return [key, [words[0], n === 1 ? words[1] : `${n} ${words[2]}`]];
}

function describeIssue(issue: Issue, lang: Language, owner: string): [TextKey, (string | number)[]] {
  const { type, expected, input } = issue;
  const req = typeof issue.requirement === 'number' ? issue.requirement : 0;
  switch (type) {
    case 'strict_object': return [expected === 'never' ? 'unknownKey' : expected === 'Object' ? 'notObject' : 'missing', []];
    case 'variant': return [expected === 'Object' ? 'notObject' : input === undefined ? 'missing' : 'oneOf', [oneOf(expected)]];
    case 'picklist': return ['oneOf', [oneOf(expected)]];
    case 'string': case 'number': case 'boolean': case 'array': case 'integer': return [type, []];
    case 'min_length': return typeof input === 'string' ? ['empty', []] : describeList(lang, 'listMin', owner, req);
    case 'max_length': return typeof input === 'string' ? ['tooLong', [req]] : describeList(lang, 'listMax', owner, req);
    case 'regex': return [issue.requirement === DATE_RE ? 'date' : issue.requirement === TIME_RE ? 'time' : 'id', []];
    case 'min_value': return ['min', [req]];
    case 'max_value': return ['max', [req]];
    case 'gt_value': return ['above', [req]];
    default: return ['invalid', []];
  }
}

function issueError(issues: readonly [Issue, ...Issue[]], lang: Language): PlanError {
  const issue = pickIssue(issues);
  const path = issue.path ?? [];
  const last = path[path.length - 1];
  // An array passes valibot's object test, so a list where an object belongs shows up as key issues.
  if (last?.type === 'object' && Array.isArray(last.input)) return planError(fieldOf(path.slice(0, -1)), lang, 'notObject');
  const [key, args] = describeIssue(issue, lang, last && typeof last.key === 'string' ? last.key : '');
  return planError(fieldOf(path), lang, key, args);
}

function isRealDate(date: string): boolean {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return y >= 1 && d >= 1 && d <= days;
}

/** Keeps given ids (refusing duplicates); the rest get `prefix` + position, suffixed on a clash. */
function withIds<T extends { id?: string | undefined }>(entries: readonly T[], prefix: string, at: string): (T & { id: string })[] {
  const taken = new Set<string>();
  entries.forEach(({ id }, i) => {
    if (id !== undefined && taken.has(id)) refuse(`${at}[${i}].id`, 'duplicateId', id);
    if (id !== undefined) taken.add(id);
  });
  return entries.map((entry, i) => {
    let id = entry.id ?? `${prefix}${i + 1}`;
    for (let n = 2; entry.id === undefined && taken.has(id); n++) id = `${prefix}${i + 1}_${n}`;
    taken.add(id);
    return { ...entry, id };
  });
}

function resolveVoter(given: Voter | undefined, groups: number, at: string): Voter {
  if (given === 'group' && groups === 0) refuse(`${at}.voter`, 'groupVoter');
  return given ?? (groups > 0 ? 'group' : 'participant');
}

function buildItem(raw: RawItem & { id: string }, at: string, groups: number): AgendaItem {
  const base = { id: raw.id, kind: raw.kind, title: raw.title, ...(raw.description ? { description: raw.description } : {}) };
  switch (raw.kind) {
    case 'talk': return { ...base, kind: 'talk' };
    case 'qa': return { ...base, kind: 'qa', ...(raw.of !== undefined ? { of: raw.of } : {}) };
    case 'wall': return { ...base, kind: 'wall', headings: withIds(raw.headings, 'h', `${at}.headings`).map(({ id, title }) => ({ id, title })) };
    case 'carousel': {
      // Groups rotate between stations; without groups there is nothing to rotate.
      if (groups === 0) refuse(`${at}.kind`, 'carouselGroups');
      const stations = withIds(raw.stations, 's', `${at}.stations`).map(({ id, prompt }) => ({ id, prompt }));
      return { ...base, kind: 'carousel', roundMinutes: raw.roundMinutes, stations, autoAdvance: raw.autoAdvance };
    }
    case 'ranking': {
      if ((raw.of === undefined) === (raw.options === undefined)) refuse(`${at}.options`, 'ofOrOptions');
      const voter = resolveVoter(raw.voter, groups, at);
      const source = raw.options
        ? { options: withIds(raw.options, 'o', `${at}.options`).map(({ id, title }) => ({ id, title })) }
        : { of: raw.of ?? '' };
      return { ...base, kind: 'ranking', ...source, voter, ties: raw.ties, lowerIsBetter: raw.lowerIsBetter, reveal: raw.reveal };
    }
    case 'dots': {
      const voter = resolveVoter(raw.voter, groups, at);
      const cap = raw.maxPerIdea !== undefined ? { maxPerIdea: raw.maxPerIdea } : {};
      return { ...base, kind: 'dots', wall: raw.wall, dotsPerVoter: raw.dotsPerVoter, ...cap, voter, reveal: raw.reveal };
    }
    case 'scale': {
      if (raw.max <= raw.min) refuse(`${at}.max`, 'scaleOrder');
      if (raw.max - raw.min > 10) refuse(`${at}.max`, 'scaleSpan');
      return { ...base, kind: 'scale', min: raw.min, max: raw.max, voter: resolveVoter(raw.voter, groups, at), reveal: raw.reveal };
    }
  }
}

function requireRef(agenda: readonly AgendaItem[], ref: string, field: string, kinds: readonly ItemKind[]): AgendaItem {
  const target = agenda.find((item) => item.id === ref);
  if (!target) return refuse(field, 'noSuchItem', ref);
  if (!kinds.includes(target.kind)) refuse(field, kinds.includes('talk') ? 'notTalk' : 'notIdeaItem', ref);
  return target;
}

function checkReferences(agenda: readonly AgendaItem[]): void {
  agenda.forEach((item, i) => {
    if (item.kind === 'ranking' && item.of !== undefined) {
      const target = requireRef(agenda, item.of, `agenda[${i}].of`, ['wall', 'carousel']);
      const n = target.kind === 'wall' ? target.headings.length : target.kind === 'carousel' ? target.stations.length : 0;
      if (n < 2) refuse(`agenda[${i}].of`, 'fewToRank', item.of);
    }
    if (item.kind === 'dots') requireRef(agenda, item.wall, `agenda[${i}].wall`, ['wall', 'carousel']);
    if (item.kind === 'qa' && item.of !== undefined) requireRef(agenda, item.of, `agenda[${i}].of`, ['talk']);
  });
}

function normalise(raw: RawPlan): Plan {
  if (raw.date !== undefined && !isRealDate(raw.date)) refuse('date', 'date');
  if (raw.start !== undefined && raw.end !== undefined && raw.end <= raw.start) refuse('end', 'endBeforeStart');
  const agenda = withIds(raw.agenda, 'item', 'agenda').map((item, i) => buildItem(item, `agenda[${i}]`, raw.groups));
  checkReferences(agenda);
  const { title, place, date, start, end, language, purpose, goal, groups } = raw;
  return {
    title, ...(place ? { place } : {}), ...(date ? { date } : {}), ...(start ? { start } : {}), ...(end ? { end } : {}),
    language, ...(purpose ? { purpose } : {}), ...(goal ? { goal } : {}), groups, agenda,
  };
}

/** Swedish unless the input asks for something other than Swedish. */
const languageOf = (input: unknown): Language =>
  typeof input === 'object' && input !== null && 'language' in input && input.language !== undefined && input.language !== 'sv' ? 'en' : 'sv';

/** Validates and normalises untrusted plan JSON: assigns missing ids, fills defaults. */
export function parsePlan(input: unknown): PlanResult {
  let lang: Language = 'sv';
  try {
    lang = languageOf(input);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { ok: false, error: planError('plan', lang, 'notObject') };
    }
    const result = v.safeParse(planSchema, input);
    if (!result.success) return { ok: false, error: issueError(result.issues, lang) };
    return { ok: true, plan: normalise(result.output) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: planError(error.field, lang, error.key, error.args) };
    return { ok: false, error: planError('plan', lang, 'invalid') };
  }
}

// Lookups live in agenda.ts, free of valibot, so phones can use them within their budget.
export { findItem, rankingOptions } from './agenda';
