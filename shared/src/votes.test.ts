import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { decide, type Actor } from './decide';
import { parsePlan } from './plan';
import { voteProgress, voteResult, voterLabel, voterOrder, type DotsResult, type RankingResult, type ScaleResult } from './results';
import { evolve, initialState, type WorkshopState } from './state';
import { formatMean } from './voting';
import { voteOf, type VoteItem } from './votes';

const planned = parsePlan({
  title: 'Röstning', language: 'sv', groups: 8,
  agenda: [
    { id: 'ex2', kind: 'wall', title: 'Teman', headings: [
      { id: 'h1', title: 'Jämbördig dialog' }, { id: 'h2', title: 'Ökade kunskaper om varandra' }, { id: 'h3', title: 'Långsiktiga finansieringsformer' },
    ] },
    { id: 'vote', kind: 'ranking', title: 'Prioriteringsövning', of: 'ex2', voter: 'group', ties: true },
    { id: 'strict', kind: 'ranking', title: 'Strikt', options: [{ title: 'A' }, { title: 'B' }, { title: 'C' }], voter: 'participant', reveal: 'live' },
    { id: 'dots', kind: 'dots', title: 'Prickar', wall: 'ex2', dotsPerVoter: 3, maxPerIdea: 2, voter: 'participant' },
    { id: 'scale', kind: 'scale', title: 'Nöjd?', min: 1, max: 5, voter: 'participant', reveal: 'live' },
    { id: 'talk', kind: 'talk', title: 'Prat' },
  ],
});
if (!planned.ok) throw new Error(planned.error.message);
const plan = planned.plan;
const F: Actor = { role: 'facilitator' };
const P = (participant: string): Actor => ({ role: 'participant', participant });

/** A meeting with participants p1..p8, pN in group N, and a command runner that folds what it accepts. */
function meeting(members = 8) {
  let state: WorkshopState = initialState(plan, 0);
  for (let n = 1; n <= members; n++) {
    state = evolve(state, { type: 'participant_joined', participant: `p${n}`, at: 0 });
    state = evolve(state, { type: 'group_joined', participant: `p${n}`, group: n, at: 0 });
  }
  let ids = 0;
  const run = (who: Actor, command: Record<string, unknown>) => {
    const parsed = parseCommand({ opId: 'op', ...command });
    if (!parsed.ok) return { ok: false as const, code: parsed.code, events: [] };
    const decision = decide(state, parsed.command, { now: 5, actor: who, newId: () => `i${++ids}` });
    if (!decision.ok) return { ok: false as const, code: decision.code, events: [] };
    for (const event of decision.events) state = evolve(state, event);
    return { ok: true as const, code: null, events: decision.events };
  };
  return { run, get state() { return state; } };
}
const item = (id: string) => plan.agenda.find((i) => i.id === id) as VoteItem;

// The reference minutes' priority vote, ballot by ballot (group 1..8).
const REFERENCE = {
  h1: [3, 2, 3, 3, 3, 1, 3, 3],
  h2: [2, 1, 2, 1, 2, 1, 1, 1],
  h3: [1, 2, 1, 2, 1, 2, 1, 2],
};

describe('ranking by group: the reference vote', () => {
  const m = meeting();
  m.run(F, { type: 'start_item', item: 'vote' });
  // Cast in a scrambled order: the table is still by group number.
  for (const g of [5, 1, 8, 2, 7, 3, 6, 4]) {
    const ranks = { h1: REFERENCE.h1[g - 1], h2: REFERENCE.h2[g - 1], h3: REFERENCE.h3[g - 1] };
    expect(m.run(P(`p${g}`), { type: 'cast_ranking', item: 'vote', ranks }).ok).toBe(true);
  }
  const result = voteResult(m.state, item('vote')) as RankingResult;

  it('gives one row per heading in plan order with every group\'s value in group order', () => {
    expect(result.voters).toEqual(['g:1', 'g:2', 'g:3', 'g:4', 'g:5', 'g:6', 'g:7', 'g:8']);
    expect(result.rows.map((r) => r.values)).toEqual([REFERENCE.h1, REFERENCE.h2, REFERENCE.h3]);
    expect(result.options.map((o) => o.title)).toEqual(['Jämbördig dialog', 'Ökade kunskaper om varandra', 'Långsiktiga finansieringsformer']);
  });
  it.each([['sv', ['2,6', '1,4', '1,5']], ['en', ['2.6', '1.4', '1.5']]] as const)('means in %s', (language, means) => {
    expect(result.rows.map((r) => formatMean(r.mean, language))).toEqual(means);
  });
  it('orders Ökade kunskaper, Långsiktiga, Jämbördig', () => {
    expect(result.order).toEqual(['h2', 'h3', 'h1']);
  });
  it('counts 8 of 8 groups', () => {
    expect(voteProgress(m.state, item('vote'))).toEqual({ voted: 8, expected: 8 });
    expect(voterLabel('g:3', 2, 'sv')).toBe('Grupp 3');
  });
});

describe('ballots', () => {
  it('a later ballot from the same group replaces the earlier one, from any member', () => {
    const m = meeting();
    m.run(F, { type: 'move_participant', participant: 'p2', group: 1 });
    m.run(F, { type: 'start_item', item: 'vote' });
    m.run(P('p1'), { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } });
    const second = m.run(P('p2'), { type: 'cast_ranking', item: 'vote', ranks: { h1: 3, h2: 2, h3: 1 } });
    expect(second.events.map((e) => e.type)).toEqual(['ballot_cast', 'votes_counted']);
    expect(second.events[1]).toMatchObject({ voted: 1 });
    const vote = voteOf(m.state, 'vote');
    expect(vote.voted).toBe(1);
    expect(vote.ballots['g:1']).toMatchObject({ ballot: { kind: 'ranking', ranks: { h1: 3, h2: 2, h3: 1 } }, participant: 'p2' });
    // The same ballot again changes nothing.
    expect(m.run(P('p1'), { type: 'cast_ranking', item: 'vote', ranks: { h3: 1, h2: 2, h1: 3 } }).events).toEqual([]);
    // Expected: groups with members (p2 left group 2 for group 1).
    expect(voteProgress(m.state, item('vote'))).toEqual({ voted: 1, expected: 7 });
  });

  it.each([
    ['a permutation passes', 'strict', { o1: 2, o2: 1, o3: 3 }, null],
    ['ties refused without ties', 'strict', { o1: 1, o2: 1, o3: 2 }, 'not_a_permutation'],
    ['ties allowed with ties: true', 'vote', { h1: 1, h2: 1, h3: 2 }, null],
    ['3,1,1 allowed with ties: true', 'vote', { h1: 3, h2: 1, h3: 1 }, null],
    ['a missing option', 'strict', { o1: 1, o2: 2 }, 'missing_option'],
    ['an unknown option', 'strict', { o1: 1, o2: 2, o3: 3, o9: 4 }, 'unknown_option'],
    ['zero', 'vote', { h1: 0, h2: 1, h3: 2 }, 'rank_out_of_range'],
    ['above N', 'vote', { h1: 4, h2: 1, h3: 2 }, 'rank_out_of_range'],
    ['a fraction', 'vote', { h1: 1.5, h2: 1, h3: 2 }, 'bad_command'],
    ['__proto__ is no option', 'strict', JSON.parse('{"__proto__": 1, "o1": 1, "o2": 2}'), 'missing_option'],
  ] as const)('%s', (_, vote, ranks, code) => {
    const m = meeting();
    m.run(F, { type: 'start_item', item: vote });
    expect(m.run(P('p1'), { type: 'cast_ranking', item: vote, ranks }).code).toBe(code);
  });

  it.each([
    ['a vote that is not running', (m: ReturnType<typeof meeting>) => m.run(P('p1'), { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } }), 'item_not_running'],
    ['the wrong kind of ballot', (m: ReturnType<typeof meeting>) => m.run(P('p1'), { type: 'cast_scale', item: 'vote', value: 3 }), 'wrong_vote_kind'],
    ['a facilitator casting', (m: ReturnType<typeof meeting>) => m.run(F, { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } }), 'forbidden'],
    ['a screen revealing', (m: ReturnType<typeof meeting>) => m.run({ role: 'screen' }, { type: 'reveal_results', item: 'vote' }), 'forbidden'],
    ['revealing a talk', (m: ReturnType<typeof meeting>) => m.run(F, { type: 'reveal_results', item: 'talk' }), 'not_a_vote'],
    ['a group ballot without a group', (m: ReturnType<typeof meeting>) => {
      m.run(F, { type: 'start_item', item: 'vote' });
      m.run(F, { type: 'move_participant', participant: 'p1', group: null });
      return m.run(P('p1'), { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } });
    }, 'no_group'],
  ] as const)('refuses %s', (_, act, code) => {
    const m = meeting();
    expect(act(m).code).toBe(code);
  });

  it('a ballot for a vote whose results are shown goes out as it is, without a separate count', () => {
    const m = meeting();
    m.run(F, { type: 'start_item', item: 'strict' });
    const cast = m.run(P('p1'), { type: 'cast_ranking', item: 'strict', ranks: { o1: 1, o2: 2, o3: 3 } });
    expect(cast.events.map((e) => e.type)).toEqual(['ballot_cast']);
    expect(voterOrder(m.state, item('strict'))).toEqual(['p:p1']);
    expect(voterLabel('p:p1', 0, 'en')).toBe('Ballot 1');
  });

  it('reveal is once; later reveals change nothing', () => {
    const m = meeting();
    expect(m.run(F, { type: 'reveal_results', item: 'vote' }).events.map((e) => e.type)).toEqual(['results_revealed']);
    expect(m.run(F, { type: 'reveal_results', item: 'vote' }).events).toEqual([]);
    expect(voteOf(m.state, 'vote').revealed).toBe(true);
  });
});

describe('dots', () => {
  /** Ideas i1..i4 on the wall, i4 hidden; then the dots vote runs. */
  function withIdeas() {
    const m = meeting(4);
    m.run(F, { type: 'start_item', item: 'ex2' });
    for (const [p, slot] of [['p1', 'h1'], ['p2', 'h1'], ['p3', 'h2'], ['p4', 'h3']] as const) {
      m.run(P(p), { type: 'add_idea', item: 'ex2', slot, text: `Idé från ${p}` });
    }
    m.run(F, { type: 'hide_idea', idea: 'i4' });
    m.run(F, { type: 'start_item', item: 'dots' });
    return m;
  }
  it.each([
    ['three dots spread', { i1: 2, i3: 1 }, null],
    ['fewer than all dots', { i2: 1 }, null],
    ['zeros are dropped', { i1: 0, i2: 1 }, null],
    ['more than dotsPerVoter', { i1: 2, i2: 1, i3: 1 }, 'too_many_dots'],
    ['more than maxPerIdea on one idea', { i1: 3 }, 'too_many_on_idea'],
    ['a hidden idea', { i4: 1 }, 'unknown_idea'],
    ['an idea of no such wall', { nope: 1 }, 'unknown_idea'],
    ['a negative count', { i1: -1 }, 'bad_command'],
  ] as const)('%s', (_, dots, code) => {
    const m = withIdeas();
    expect(m.run(P('p1'), { type: 'cast_dots', item: 'dots', dots }).code).toBe(code);
  });

  it('a later ballot replaces the earlier; results sort ideas by dots, ties in the order they came', () => {
    const m = withIdeas();
    m.run(P('p1'), { type: 'cast_dots', item: 'dots', dots: { i1: 2, i2: 1 } });
    m.run(P('p1'), { type: 'cast_dots', item: 'dots', dots: { i3: 2, i2: 1 } });
    m.run(P('p2'), { type: 'cast_dots', item: 'dots', dots: { i1: 1 } });
    expect(voteOf(m.state, 'dots').ballots['p:p1']!.ballot).toEqual({ kind: 'dots', dots: { i2: 1, i3: 2 } });
    const result = voteResult(m.state, item('dots')) as DotsResult;
    expect(result.ideas.map(({ idea, dots }) => [idea.id, dots])).toEqual([['i3', 2], ['i1', 1], ['i2', 1]]);
    expect(voteProgress(m.state, item('dots'))).toEqual({ voted: 2, expected: 4 });
  });

  it('dots on an idea merged away afterwards count for the idea it joined', () => {
    const m = withIdeas();
    m.run(P('p1'), { type: 'cast_dots', item: 'dots', dots: { i1: 1, i2: 2 } });
    m.run(F, { type: 'merge_ideas', into: 'i1', from: 'i2' });
    const result = voteResult(m.state, item('dots')) as DotsResult;
    expect(result.ideas.map(({ idea, dots }) => [idea.id, dots])).toEqual([['i1', 3], ['i3', 0]]);
  });
});

describe('scale', () => {
  it('one value per voter within min..max; mean and distribution', () => {
    const m = meeting(4);
    m.run(F, { type: 'start_item', item: 'scale' });
    expect(m.run(P('p1'), { type: 'cast_scale', item: 'scale', value: 6 }).code).toBe('value_out_of_range');
    expect(m.run(P('p1'), { type: 'cast_scale', item: 'scale', value: 0 }).code).toBe('value_out_of_range');
    for (const [p, value] of [['p1', 4], ['p2', 5], ['p3', 4], ['p1', 2]] as const) m.run(P(p), { type: 'cast_scale', item: 'scale', value });
    const result = voteResult(m.state, item('scale')) as ScaleResult;
    expect(result.mean).toEqual({ sum: 11, count: 3 });
    expect(formatMean(result.mean, 'sv')).toBe('3,7');
    expect(result.counts).toEqual([{ value: 1, count: 0 }, { value: 2, count: 1 }, { value: 3, count: 0 }, { value: 4, count: 1 }, { value: 5, count: 1 }]);
  });
});
