import { describe, it, expect } from 'vitest';
import { parsePlan, rankingOptions, findItem, type Plan, type RankingItem } from './plan';
import { examplePlanJson } from './examplePlan';

/** The example plan of CONTRACT.md section 1, verbatim. */
const contractPlan = {
  title: 'Dialogmöte om samverkan',
  place: 'Centralhuset, Göteborg',
  date: '2024-05-13',
  start: '14:00',
  end: '17:30',
  language: 'sv',
  purpose: 'Att föra dialog mellan underskrivare och politiker …',
  goal: 'Samla in idéer och förslag …',
  groups: 8,
  agenda: [
    { id: 'intro', kind: 'talk', title: 'Presentation av planen' },
    { id: 'ex1', kind: 'carousel', title: 'Förutsättningar för samverkan', roundMinutes: 8,
      stations: [
        { id: 's1', prompt: 'Vilka möjligheter finns med samverkan?' },
        { id: 's2', prompt: 'Vad känner du inför samverkan?' }] },
    { id: 'ex2', kind: 'wall', title: 'Hur kan samverkan ske?',
      headings: [
        { id: 'h1', title: 'Jämbördig dialog' },
        { id: 'h2', title: 'Ökade kunskaper om varandra' }] },
    { id: 'vote', kind: 'ranking', title: 'Prioriteringsövning', of: 'ex2', voter: 'group', ties: true, lowerIsBetter: true },
    { id: 'dots', kind: 'dots', title: 'Vilka idéer ska vi börja med?', wall: 'ex2', dotsPerVoter: 3, voter: 'participant' },
    { id: 'scale', kind: 'scale', title: 'Hur nöjd är du med mötet?', min: 1, max: 5, voter: 'participant' },
    { id: 'talk2', kind: 'talk', title: 'Regionstyrelsens ordförande' },
    { id: 'qa', kind: 'qa', title: 'Frågestund', of: 'talk2' },
  ],
};

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
const talk = (extra: Json = {}): Json => ({ kind: 'talk', title: 'Talk', ...extra });
const wall = (extra: Json = {}): Json => ({ kind: 'wall', title: 'Wall', headings: [{ title: 'A' }, { title: 'B' }], ...extra });
const carousel = (extra: Json = {}): Json => ({ kind: 'carousel', title: 'C', roundMinutes: 8, stations: [{ prompt: 'P' }], ...extra });
const plan = (agenda: unknown[], extra: Json = {}): Json => ({ title: 'Plan', agenda, ...extra });

function accepted(input: unknown): Plan {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.plan;
}

describe('parsePlan accepts', () => {
  it('the contract example, keeping its ids and values', () => {
    const parsed = accepted(contractPlan);
    expect(parsed.agenda.map((item) => item.id)).toEqual(['intro', 'ex1', 'ex2', 'vote', 'dots', 'scale', 'talk2', 'qa']);
    expect(parsed).toMatchObject({ title: 'Dialogmöte om samverkan', language: 'sv', groups: 8, date: '2024-05-13' });
    expect(findItem(parsed, 'vote')).toEqual({
      id: 'vote', kind: 'ranking', title: 'Prioriteringsövning', of: 'ex2',
      voter: 'group', ties: true, lowerIsBetter: true, reveal: 'on_close',
    });
  });

  it('fills defaults', () => {
    const parsed = accepted(plan([
      talk(), wall({ id: 'w' }), { kind: 'ranking', title: 'R', of: 'w' },
      { kind: 'dots', title: 'D', wall: 'w', dotsPerVoter: 3 }, { kind: 'scale', title: 'S' },
    ]));
    expect(parsed.language).toBe('sv');
    expect(parsed.groups).toBe(0);
    expect(accepted(plan([carousel()], { groups: 2 })).agenda[0]).toMatchObject({ autoAdvance: false });
    expect(parsed.agenda[2]).toMatchObject({ voter: 'participant', ties: false, lowerIsBetter: true, reveal: 'on_close' });
    expect(parsed.agenda[3]).toEqual({ id: 'item4', kind: 'dots', title: 'D', wall: 'w', dotsPerVoter: 3, voter: 'participant', reveal: 'on_close' });
    expect(parsed.agenda[4]).toMatchObject({ min: 1, max: 5, voter: 'participant', reveal: 'on_close' });
    const grouped = accepted(plan([wall({ id: 'w' }), { kind: 'ranking', title: 'R', of: 'w' }], { groups: 4 }));
    expect(grouped.agenda[1]).toMatchObject({ voter: 'group' });
  });

  it('trims strings and drops empty optional text', () => {
    const parsed = accepted(plan([talk({ title: '  Hej  ', description: '   ' })], { title: ' P ', place: ' ' }));
    expect(parsed.title).toBe('P');
    expect(parsed.agenda[0]).toEqual({ id: 'item1', kind: 'talk', title: 'Hej' });
    expect(parsed).not.toHaveProperty('place');
  });

  it('assigns missing ids deterministically, stepping around given ones', () => {
    const input = plan([
      talk(), talk({ id: 'item3' }), talk(), wall({ headings: [{ title: 'A' }, { id: 'h1', title: 'B' }] }),
      { kind: 'ranking', title: 'R', options: [{ title: 'x' }, { title: 'y' }] }, carousel({ stations: [{ prompt: 'a' }, { prompt: 'b' }] }),
    ], { groups: 3 });
    const parsed = accepted(input);
    expect(parsed.agenda.map((item) => item.id)).toEqual(['item1', 'item3', 'item3_2', 'item4', 'item5', 'item6']);
    expect(parsed.agenda[3]).toMatchObject({ headings: [{ id: 'h1_2', title: 'A' }, { id: 'h1', title: 'B' }] });
    expect(parsed.agenda[4]).toMatchObject({ options: [{ id: 'o1', title: 'x' }, { id: 'o2', title: 'y' }] });
    expect(parsed.agenda[5]).toMatchObject({ stations: [{ id: 's1', prompt: 'a' }, { id: 's2', prompt: 'b' }] });
    expect(accepted(clone(input))).toEqual(parsed);
  });

  it('accepts half-minute rounds, leap days and a ranking of a carousel', () => {
    const parsed = accepted(plan([carousel({ id: 'c', roundMinutes: 0.5, stations: [{ prompt: 'a' }, { prompt: 'b' }] }),
      { kind: 'ranking', title: 'R', of: 'c' }], { date: '2024-02-29', groups: 2 }));
    expect(rankingOptions(parsed, parsed.agenda[1] as RankingItem)).toEqual([{ id: 's1', title: 'a' }, { id: 's2', title: 'b' }]);
  });
});

const refusals: [string, Json | unknown, string][] = [
  ['no title', { agenda: [talk()] }, 'title'],
  ['empty title', plan([talk()], { title: '   ' }), 'title'],
  ['title too long', plan([talk()], { title: 'x'.repeat(201) }), 'title'],
  ['unknown top-level key', plan([talk()], { colour: 'red' }), 'colour'],
  ['typo of a required key', plan([talk(), { kind: 'carousel', title: 'C', roundMinute: 8, stations: [{ prompt: 'a' }] }]), 'agenda[1].roundMinute'],
  ['bad language', plan([talk()], { language: 'de' }), 'language'],
  ['groups not whole', plan([talk()], { groups: 2.5 }), 'groups'],
  ['too many groups', plan([talk()], { groups: 101 }), 'groups'],
  ['not a real date', plan([talk()], { date: '2023-02-29' }), 'date'],
  ['date in another form', plan([talk()], { date: '13/05/2024' }), 'date'],
  ['bad time', plan([talk()], { start: '24:00' }), 'start'],
  ['end before start', plan([talk()], { start: '14:00', end: '13:59' }), 'end'],
  ['empty agenda', plan([]), 'agenda'],
  ['agenda too long', plan(Array.from({ length: 51 }, () => talk())), 'agenda'],
  ['agenda not a list', { title: 'P', agenda: {} }, 'agenda'],
  ['item not an object', plan([talk(), 'talk']), 'agenda[1]'],
  ['item a list', plan([talk(), [talk()]]), 'agenda[1]'],
  ['unknown kind', plan([talk({ kind: 'poll' })]), 'agenda[0].kind'],
  ['carousel without stations', plan([talk(), talk(), carousel({ stations: [] })]), 'agenda[2].stations'],
  ['station without prompt', plan([carousel({ stations: [{ prompt: 'a' }, { prompt: ' ' }] })]), 'agenda[0].stations[1].prompt'],
  ['station a list', plan([carousel({ stations: [['a']] })]), 'agenda[0].stations[0]'],
  ['thirteen stations', plan([carousel({ stations: Array.from({ length: 13 }, () => ({ prompt: 'p' })) })]), 'agenda[0].stations'],
  ['zero-minute rounds', plan([carousel({ roundMinutes: 0 })]), 'agenda[0].roundMinutes'],
  ['rounds too long', plan([carousel({ roundMinutes: 121 })]), 'agenda[0].roundMinutes'],
  ['autoAdvance not boolean', plan([carousel({ autoAdvance: 'yes' })]), 'agenda[0].autoAdvance'],
  ['wall without headings', plan([wall({ headings: [] })]), 'agenda[0].headings'],
  ['duplicate item id', plan([talk({ id: 'a' }), talk({ id: 'b' }), talk(), talk({ id: 'a' })]), 'agenda[3].id'],
  ['duplicate heading id', plan([wall({ headings: [{ id: 'x', title: 'A' }, { id: 'x', title: 'B' }] })]), 'agenda[0].headings[1].id'],
  ['bad id characters', plan([talk({ id: 'a b' })]), 'agenda[0].id'],
  ['id too long', plan([talk({ id: 'a'.repeat(41) })]), 'agenda[0].id'],
  ['ranking with neither of nor options', plan([{ kind: 'ranking', title: 'R' }]), 'agenda[0].options'],
  ['ranking with both', plan([wall({ id: 'w' }), { kind: 'ranking', title: 'R', of: 'w', options: [{ title: 'a' }, { title: 'b' }] }]), 'agenda[1].options'],
  ['ranking with one option', plan([{ kind: 'ranking', title: 'R', options: [{ title: 'a' }] }]), 'agenda[0].options'],
  ['ranking of a missing item', plan([{ kind: 'ranking', title: 'R', of: 'nowhere' }]), 'agenda[0].of'],
  ['ranking of a talk', plan([talk({ id: 't' }), { kind: 'ranking', title: 'R', of: 't' }]), 'agenda[1].of'],
  ['ranking of a one-station carousel', plan([carousel({ id: 'c' }), { kind: 'ranking', title: 'R', of: 'c' }], { groups: 2 }), 'agenda[1].of'],
  ['a carousel without groups', plan([talk(), carousel()]), 'agenda[1].kind'],
  ['group vote without groups', plan([wall({ id: 'w' }), { kind: 'ranking', title: 'R', of: 'w', voter: 'group' }]), 'agenda[1].voter'],
  ['bad reveal', plan([{ kind: 'scale', title: 'S', reveal: 'later' }]), 'agenda[0].reveal'],
  ['dots without wall', plan([{ kind: 'dots', title: 'D', dotsPerVoter: 3 }]), 'agenda[0].wall'],
  ['dots on a talk', plan([talk(), { kind: 'dots', title: 'D', wall: 'item1', dotsPerVoter: 3 }]), 'agenda[1].wall'],
  ['dots per voter zero', plan([wall({ id: 'w' }), { kind: 'dots', title: 'D', wall: 'w', dotsPerVoter: 0 }]), 'agenda[1].dotsPerVoter'],
  ['maxPerIdea fractional', plan([wall({ id: 'w' }), { kind: 'dots', title: 'D', wall: 'w', dotsPerVoter: 3, maxPerIdea: 1.5 }]), 'agenda[1].maxPerIdea'],
  ['scale upside down', plan([{ kind: 'scale', title: 'S', min: 5, max: 1 }]), 'agenda[0].max'],
  ['scale too wide', plan([{ kind: 'scale', title: 'S', min: 0, max: 11 }]), 'agenda[0].max'],
  ['scale min not whole', plan([{ kind: 'scale', title: 'S', min: 0.5 }]), 'agenda[0].min'],
  ['qa of a wall', plan([wall({ id: 'w' }), { kind: 'qa', title: 'Q', of: 'w' }]), 'agenda[1].of'],
  ['description too long', plan([talk({ description: 'x'.repeat(2001) })]), 'agenda[0].description'],
  ['purpose not text', plan([talk()], { purpose: 5 }), 'purpose'],
  ['__proto__ key', JSON.parse('{"title":"P","agenda":[{"kind":"talk","title":"T","__proto__":{"polluted":true}}]}'), 'agenda[0].__proto__'],
  ['constructor key', plan([talk({ constructor: 'x' })]), 'agenda[0].constructor'],
  ['root null', null, 'plan'],
  ['root a list', [contractPlan], 'plan'],
  ['root a string', '{"title":"P"}', 'plan'],
];

describe('parsePlan refuses', () => {
  it.each(refusals)('%s', (_, input, field) => {
    const result = parsePlan(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_plan');
    expect(result.error.field).toBe(field);
    expect(result.error.message.startsWith(`${field}: `)).toBe(true);
    expect(result.error.message.length).toBeGreaterThan(field.length + 6);
  });
});

describe('refusal messages', () => {
  const noStations = (language?: string) => plan([talk(), talk(), carousel({ stations: [] })], language ? { language } : {});
  it.each([
    [undefined, 'agenda[2].stations: en karusell behöver minst en station'],
    ['sv', 'agenda[2].stations: en karusell behöver minst en station'],
    ['en', 'agenda[2].stations: a carousel needs at least one station'],
  ])('follow language %s', (language, message) => {
    const result = parsePlan(noStations(language));
    expect(result.ok ? '' : result.error.message).toBe(message);
  });

  it('say what is wrong in both languages for rule refusals', () => {
    const input = plan([wall({ id: 'w' }), { kind: 'ranking', title: 'R', of: 'w', voter: 'group' }]);
    const sv = parsePlan(input);
    const en = parsePlan({ ...input, language: 'en' });
    expect(sv.ok ? '' : sv.error.message).toMatch(/^agenda\[1\]\.voter: röstning per grupp/);
    expect(en.ok ? '' : en.error.message).toMatch(/^agenda\[1\]\.voter: voting by group/);
  });
});

/** A small deterministic generator (mulberry32), so a failing seed can be kept as a test. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['title', 'agenda', 'kind', 'stations', 'headings', 'options', 'of', 'wall', 'id', 'prompt', 'min', 'max', '__proto__', 'constructor', 'x'];
const ATOMS: unknown[] = [null, undefined, true, 0, -1, 2.5, NaN, 1e300, '', ' ', 'talk', 'carousel', 'wall', 'ranking', 'dots', 'qa', 'w', 'item1', '2024-02-30'];

function randomValue(next: () => number, depth: number): unknown {
  const roll = next();
  if (depth > 5 || roll < 0.4) return ATOMS[Math.floor(next() * ATOMS.length)];
  if (roll < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const entries = Array.from({ length: Math.floor(next() * 5) }, () => [KEYS[Math.floor(next() * KEYS.length)], randomValue(next, depth + 1)]);
  return JSON.parse(JSON.stringify(Object.fromEntries(entries)) ?? 'null');
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { agenda: [value] };
  return value;
}

describe('parsePlan never throws', () => {
  it('for odd values', () => {
    const odd: unknown[] = [undefined, 0, 'plan', Symbol('s'), () => 1, new Date(), Object.create(null), deeplyNested(10_000),
      { title: 'P', agenda: [deeplyNested(10_000)] }, new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); } })];
    for (const input of odd) expect(parsePlan(input).ok).toBe(false);
    expect(({} as Json)['polluted']).toBeUndefined();
  });

  it('for 2000 seeded random JSON-ish values, mutated around a valid plan', () => {
    const next = random(20240513);
    for (let i = 0; i < 2000; i++) {
      const base = clone(contractPlan) as Json;
      const agenda = base['agenda'] as Json[];
      const target = next() < 0.5 ? base : (agenda[Math.floor(next() * agenda.length)] ?? base);
      target[KEYS[Math.floor(next() * KEYS.length)] ?? 'x'] = randomValue(next, 0);
      const input = next() < 0.2 ? randomValue(next, 0) : base;
      const result = parsePlan(input);
      if (!result.ok) expect(result.error.field).toBeTypeOf('string');
    }
  });

  it('and its output carries only known keys', () => {
    const parsed = accepted(contractPlan);
    expect(Object.keys(parsed).sort()).toEqual(['agenda', 'date', 'end', 'goal', 'groups', 'language', 'place', 'purpose', 'start', 'title']);
    expect(Object.keys(parsed.agenda[1] ?? {}).sort()).toEqual(['autoAdvance', 'id', 'kind', 'roundMinutes', 'stations', 'title']);
  });
});

describe('the example plan', () => {
  it('passes and has 8 items', () => {
    const parsed = accepted(examplePlanJson);
    expect(parsed.agenda).toHaveLength(8);
    expect(parsed.agenda.map((item) => item.id)).toEqual(['intro', 'update', 'ex1', 'ex2', 'vote', 'talk2', 'qa', 'reflection']);
    const vote = findItem(parsed, 'vote');
    expect(vote?.kind).toBe('ranking');
    if (vote?.kind !== 'ranking') return;
    expect(rankingOptions(parsed, vote).map((o) => o.title)).toEqual(['Jämbördig dialog', 'Ökade kunskaper om varandra', 'Långsiktiga finansieringsformer']);
    expect(parsed).toMatchObject({ title: 'Dialogmötet', groups: 8, language: 'sv', start: '14:00', end: '17:30' });
  });
});
