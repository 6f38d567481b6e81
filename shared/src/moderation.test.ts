import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from './commands';
import { decide, type Actor, type DecideContext } from './decide';
import type { WorkshopEvent } from './events';
import { markText } from './ideas';
import type { Plan } from './plan';
import { evolveAll, initialState, type WorkshopState } from './state';

const wallPlan = (groups: number): Plan => ({
  title: 'Vägg', language: 'sv', groups,
  agenda: [
    { id: 'ex2', kind: 'wall', title: 'Hur kan samverkan ske?', headings: [
      { id: 'h1', title: 'Jämbördig dialog' }, { id: 'h2', title: 'Ökade kunskaper om varandra' }, { id: 'h3', title: 'Långsiktiga finansieringsformer' }] },
    { id: 'other', kind: 'wall', title: 'Annan', headings: [{ id: 'x1', title: 'X' }] },
    { id: 'talk2', kind: 'talk', title: 'Ordföranden' },
    { id: 'qa', kind: 'qa', title: 'Frågestund', of: 'talk2' },
  ],
});
const F: Actor = { role: 'facilitator' };
const P = (n: number): Actor => ({ role: 'participant', participant: `p${n}` });
let clock = 0;
function ctx(actor: Actor): DecideContext {
  clock += 1;
  const now = clock;
  return { now, actor, newId: () => `id${now}` };
}
function cmd(c: Record<string, unknown>): Command {
  const parsed = parseCommand({ opId: 'op', ...c });
  if (!parsed.ok) throw new Error(`bad test command ${JSON.stringify(parsed)}`);
  return parsed.command;
}
function step(state: WorkshopState, actor: Actor, c: Record<string, unknown>) {
  const d = decide(state, cmd(c), ctx(actor));
  if (!d.ok) throw new Error(`refused ${d.code}`);
  return { state: evolveAll(state, d.events), events: d.events, result: d.result as Record<string, string> | undefined };
}
/** p1..p4 in groups 1..4 (or no groups), with `item` running. */
function meeting(groups = 4, item = 'ex2'): WorkshopState {
  const events: WorkshopEvent[] = [];
  for (let n = 1; n <= 4; n++) {
    events.push({ type: 'participant_joined', participant: `p${n}`, at: 0 });
    if (groups > 0) events.push({ type: 'group_joined', participant: `p${n}`, group: n, at: 0 });
  }
  return step(evolveAll(initialState(wallPlan(groups), 0), events), F, { type: 'start_item', item }).state;
}
function add(state: WorkshopState, actor: Actor, slot: string, text: string) {
  const r = step(state, actor, { type: 'add_idea', item: 'ex2', slot, text });
  return { state: r.state, id: r.result!.idea! };
}

describe('a wall under three headings', () => {
  it('every group adds under any heading; emphasis is counted per group, across headings', () => {
    let s = meeting();
    let a: string, b: string;
    ({ state: s, id: a } = add(s, P(1), 'h1', 'Mötesarvoden för dialogmöten'));
    ({ state: s, id: b } = add(s, P(2), 'h3', 'Långa avtal'));
    s = step(s, P(2), { type: 'emphasise', idea: a }).state;
    s = step(s, P(3), { type: 'emphasise', idea: a }).state;
    s = step(s, P(1), { type: 'emphasise', idea: b }).state;
    expect(markText(s.ideas[a]!)).toBe(' (!!)');
    expect(markText(s.ideas[b]!)).toBe(' (!)');
  });

  it('without groups, ideas and emphasis count per participant', () => {
    let s = meeting(0);
    let a: string;
    ({ state: s, id: a } = add(s, P(1), 'h2', 'Hisspitch'));
    expect(s.ideas[a]).toMatchObject({ group: null, participant: 'p1', support: ['p:p1'] });
    s = step(s, P(2), { type: 'emphasise', idea: a }).state;
    s = step(s, P(3), { type: 'emphasise', idea: a }).state;
    expect(step(s, P(1), { type: 'emphasise', idea: a }).events).toEqual([]);
    expect(markText(s.ideas[a]!)).toBe(' (!!)');
  });

  it('refuses ideas to a heading that does not exist or a wall not running; a participant without group', () => {
    const s = meeting();
    expect(decide(s, cmd({ type: 'add_idea', item: 'ex2', slot: 'nope', text: 'x' }), ctx(P(1)))).toEqual({ ok: false, code: 'unknown_slot' });
    expect(decide(s, cmd({ type: 'add_idea', item: 'other', slot: 'x1', text: 'x' }), ctx(P(1)))).toEqual({ ok: false, code: 'item_not_running' });
    const joinedLate = evolveAll(s, [{ type: 'participant_joined', participant: 'p9', at: 1 }]);
    expect(decide(joinedLate, cmd({ type: 'add_idea', item: 'ex2', slot: 'h1', text: 'x' }), ctx(P(9)))).toEqual({ ok: false, code: 'no_group' });
  });
});

describe('moderation', () => {
  /** Two duplicates: a by group 1 (backed by 2), b by group 3 (backed by 2 and 4); c on another heading. */
  function duplicates() {
    let s = meeting();
    let a: string, b: string, c: string;
    ({ state: s, id: a } = add(s, P(1), 'h1', 'Kontinuitet'));
    ({ state: s, id: b } = add(s, P(3), 'h1', 'Kontinuitet!'));
    ({ state: s, id: c } = add(s, P(4), 'h2', 'Hisspitch'));
    s = step(s, P(2), { type: 'emphasise', idea: a }).state;
    s = step(s, P(2), { type: 'emphasise', idea: b }).state;
    s = step(s, P(4), { type: 'emphasise', idea: b }).state;
    return { s, a, b, c };
  }

  it('merge keeps the survivor\'s text and author and the union of groups; undo restores both', () => {
    const { s, a, b } = duplicates();
    expect([markText(s.ideas[a]!), markText(s.ideas[b]!)]).toEqual([' (!)', ' (!!)']);
    const merged = step(s, F, { type: 'merge_ideas', into: a, from: b }).state;
    expect(merged.ideas[a]).toMatchObject({ text: 'Kontinuitet', group: 1, mergedFrom: [b] });
    expect(merged.ideas[a]!.support.sort()).toEqual(['g:1', 'g:2', 'g:3', 'g:4']);
    expect(markText(merged.ideas[a]!)).toBe(' (!!!)');
    expect(merged.ideas[b]!.mergedInto).toBe(a);
    const undone = step(merged, F, { type: 'unmerge_idea', idea: b }).state;
    expect([markText(undone.ideas[a]!), markText(undone.ideas[b]!)]).toEqual([' (!)', ' (!!)']);
    expect(undone.ideas[b]!.mergedInto).toBeNull();
  });

  it('emphasising a merged-away idea emphasises the survivor', () => {
    let s = meeting();
    let x: string, y: string;
    ({ state: s, id: x } = add(s, P(1), 'h1', 'Rak kommunikation'));
    ({ state: s, id: y } = add(s, P(2), 'h1', 'Rak kommunikation'));
    s = step(s, F, { type: 'merge_ideas', into: x, from: y }).state;
    expect(markText(s.ideas[x]!)).toBe(' (!)');
    const r = step(s, P(3), { type: 'emphasise', idea: y });
    expect(r.events).toMatchObject([{ type: 'emphasis_added', idea: x, supporter: 'g:3' }]);
    expect(markText(r.state.ideas[x]!)).toBe(' (!!)');
    expect(step(r.state, P(2), { type: 'emphasise', idea: x }).events).toEqual([]);
  });

  it('a withdrawal takes the group back from the survivor and from the ideas merged into it', () => {
    let s = meeting();
    let x: string, y: string;
    ({ state: s, id: x } = add(s, P(1), 'h1', 'Kontinuitet'));
    ({ state: s, id: y } = add(s, P(2), 'h1', 'Kontinuitet'));
    s = step(s, P(3), { type: 'emphasise', idea: y }).state;
    s = step(s, F, { type: 'merge_ideas', into: x, from: y }).state;
    expect(markText(s.ideas[x]!)).toBe(' (!!)');
    const r = step(s, P(3), { type: 'withdraw_emphasis', idea: x });
    expect(r.events).toMatchObject([{ type: 'emphasis_withdrawn', idea: y, supporter: 'g:3' }]);
    expect(markText(r.state.ideas[x]!)).toBe(' (!)');
  });

  it('emojis count once toward the 500 characters', () => {
    const s = meeting();
    expect(decide(s, cmd({ type: 'add_idea', item: 'ex2', slot: 'h1', text: '🤝'.repeat(500) }), ctx(P(1))).ok).toBe(true);
    expect(decide(s, cmd({ type: 'add_idea', item: 'ex2', slot: 'h1', text: '🤝'.repeat(501) }), ctx(P(1)))).toEqual({ ok: false, code: 'text_too_long' });
    expect(decide(s, cmd({ type: 'add_idea', item: 'ex2', slot: 'h1', text: 'x'.repeat(3000) }), ctx(P(1)))).toEqual({ ok: false, code: 'text_too_long' });
  });

  it('merges chain: a survivor merged again carries everything along', () => {
    const { s, a, b, c } = duplicates();
    let m = step(s, F, { type: 'merge_ideas', into: a, from: b }).state;
    expect(decide(m, cmd({ type: 'merge_ideas', into: b, from: c }), ctx(F))).toEqual({ ok: false, code: 'already_merged' });
    m = step(m, F, { type: 'merge_ideas', into: c, from: a }).state;
    expect(m.ideas[c]!.support.sort()).toEqual(['g:1', 'g:2', 'g:3', 'g:4']);
    m = step(m, F, { type: 'unmerge_idea', idea: a }).state;
    expect(m.ideas[c]!.support).toEqual(['g:4']);
    expect(m.ideas[a]!.support.sort()).toEqual(['g:1', 'g:2', 'g:3', 'g:4']);
  });

  it('edit keeps the original; hide and unhide never delete', () => {
    const { s, a } = duplicates();
    let m = step(s, F, { type: 'edit_idea', idea: a, text: ' Kontinuitet i mötena ' }).state;
    m = step(m, F, { type: 'edit_idea', idea: a, text: 'Kontinuitet i dialogmötena' }).state;
    expect(m.ideas[a]).toMatchObject({ text: 'Kontinuitet i dialogmötena', originalText: 'Kontinuitet' });
    m = step(m, F, { type: 'hide_idea', idea: a }).state;
    expect(m.ideas[a]!.hidden).toBe(true);
    expect(decide(m, cmd({ type: 'emphasise', idea: a }), ctx(P(3)))).toEqual({ ok: false, code: 'unknown_idea' });
    expect(step(m, F, { type: 'hide_idea', idea: a }).events).toEqual([]);
    m = step(m, F, { type: 'unhide_idea', idea: a }).state;
    expect(m.ideas[a]!.hidden).toBe(false);
    expect(m.ideaOrder).toHaveLength(3);
  });

  const refusals: [string, Actor, (ids: { a: string; b: string; c: string }) => Record<string, unknown>, string][] = [
    ['a merge into itself', F, ({ a }) => ({ type: 'merge_ideas', into: a, from: a }), 'merge_into_itself'],
    ['a merge of an unknown idea', F, ({ a }) => ({ type: 'merge_ideas', into: a, from: 'nope' }), 'unknown_idea'],
    ['an edit to empty', F, ({ a }) => ({ type: 'edit_idea', idea: a, text: ' ' }), 'empty_text'],
    ['an edit over 500 characters', F, ({ a }) => ({ type: 'edit_idea', idea: a, text: 'x'.repeat(501) }), 'text_too_long'],
    ['a participant editing', P(1), ({ a }) => ({ type: 'edit_idea', idea: a, text: 'x' }), 'forbidden'],
    ['a participant hiding', P(1), ({ a }) => ({ type: 'hide_idea', idea: a }), 'forbidden'],
    ['a participant merging', P(1), ({ a, b }) => ({ type: 'merge_ideas', into: a, from: b }), 'forbidden'],
    ['the screen unmerging', { role: 'screen' }, ({ b }) => ({ type: 'unmerge_idea', idea: b }), 'forbidden'],
    ['hiding an unknown idea', F, () => ({ type: 'hide_idea', idea: 'constructor' }), 'unknown_idea'],
  ];
  it.each(refusals)('refuses %s', (_name, actor, c, code) => {
    const { s, a, b, c: third } = duplicates();
    expect(decide(s, cmd(c({ a, b, c: third })), ctx(actor))).toEqual({ ok: false, code });
  });

  it('refuses a merge across items', () => {
    const { s, a } = duplicates();
    let t = step(s, F, { type: 'start_item', item: 'other' }).state;
    const r = step(t, P(1), { type: 'add_idea', item: 'other', slot: 'x1', text: 'Annat' });
    t = r.state;
    expect(decide(t, cmd({ type: 'merge_ideas', into: a, from: r.result!.idea! }), ctx(F))).toEqual({ ok: false, code: 'merge_across_items' });
  });
});

describe('questions', () => {
  function qa() {
    let s = meeting(4, 'qa');
    const asked = step(s, P(1), { type: 'ask_question', item: 'qa', text: ' Hur kan civilsamhället avlasta regionen? ', name: ' Åsa ' });
    s = asked.state;
    return { s, q: asked.result!.question! };
  }

  it('asks with an optional name, upvotes once each, never one\'s own', () => {
    let { s, q } = qa();
    expect(s.questions[q]).toMatchObject({ text: 'Hur kan civilsamhället avlasta regionen?', name: 'Åsa', participant: 'p1', status: 'queued', votes: [], answer: null });
    expect(step(s, P(1), { type: 'upvote_question', item: 'qa', question: q }).events).toEqual([]);
    s = step(s, P(2), { type: 'upvote_question', item: 'qa', question: q }).state;
    expect(step(s, P(2), { type: 'upvote_question', item: 'qa', question: q }).events).toEqual([]);
    s = step(s, P(3), { type: 'upvote_question', item: 'qa', question: q }).state;
    expect(s.questions[q]!.votes).toEqual(['p2', 'p3']);
  });

  it('the facilitator types in questions asked aloud, sets status and writes the answer, also afterwards', () => {
    let { s, q } = qa();
    const aloud = step(s, F, { type: 'ask_question', item: 'qa', text: 'Finansiering: vart vänder vi oss?' });
    s = aloud.state;
    expect(s.questions[aloud.result!.question!]).toMatchObject({ participant: null, name: null });
    s = step(s, F, { type: 'set_question_status', question: q, status: 'answering' }).state;
    s = step(s, F, { type: 'end_item', item: 'qa' }).state;
    s = step(s, F, { type: 'set_question_status', question: q, status: 'answered' }).state;
    s = step(s, F, { type: 'answer_question', question: q, text: 'Frågorna behöver upp på högsta politiska nivå.' }).state;
    expect(s.questions[q]).toMatchObject({ status: 'answered', answer: 'Frågorna behöver upp på högsta politiska nivå.' });
    expect(s.questionOrder).toHaveLength(2);
  });

  const refusals: [string, Actor, Record<string, unknown>, string][] = [
    ['a question to an item not running', P(2), { type: 'ask_question', item: 'talk2', text: 'x' }, 'not_a_qa'],
    ['an empty question', P(2), { type: 'ask_question', item: 'qa', text: '  ' }, 'empty_text'],
    ['a question over 500 characters', P(2), { type: 'ask_question', item: 'qa', text: 'y'.repeat(501) }, 'text_too_long'],
    ['an upvote of an unknown question', P(2), { type: 'upvote_question', item: 'qa', question: 'nope' }, 'unknown_question'],
    ['a facilitator upvoting', F, { type: 'upvote_question', item: 'qa', question: 'x' }, 'forbidden'],
    ['a participant setting status', P(2), { type: 'set_question_status', question: 'x', status: 'answered' }, 'forbidden'],
    ['a participant answering', P(2), { type: 'answer_question', question: 'x', text: 'x' }, 'forbidden'],
    ['a status on an unknown question', F, { type: 'set_question_status', question: 'x', status: 'answered' }, 'unknown_question'],
  ];
  it.each(refusals)('refuses %s', (_name, actor, c, code) => {
    expect(decide(qa().s, cmd(c), ctx(actor))).toEqual({ ok: false, code });
  });

  it('one question is answered at a time: marking another answering marks the first answered', () => {
    let { s, q } = qa();
    const other = step(s, F, { type: 'ask_question', item: 'qa', text: 'Nästa fråga' });
    s = step(other.state, F, { type: 'set_question_status', question: q, status: 'answering' }).state;
    const r = step(s, F, { type: 'set_question_status', question: other.result!.question!, status: 'answering' });
    expect(r.events.map((e) => e.type === 'question_status_set' && [e.question, e.status])).toEqual([[q, 'answered'], [other.result!.question!, 'answering']]);
    expect(r.state.questions[q]!.status).toBe('answered');
  });

  it('the screen focus ends with the run of its item', () => {
    let s = meeting();
    s = step(s, F, { type: 'focus_screen', item: 'ex2', slot: 'h2' }).state;
    expect(s.screenFocus).toEqual({ item: 'ex2', slot: 'h2' });
    expect(decide(s, cmd({ type: 'focus_screen', item: 'ex2', slot: 'zz' }), ctx(F))).toEqual({ ok: false, code: 'unknown_slot' });
    s = step(s, F, { type: 'end_item', item: 'ex2' }).state;
    expect(s.screenFocus).toBeNull();
    s = step(s, F, { type: 'start_item', item: 'ex2' }).state;
    expect(s.screenFocus).toBeNull();
  });

  it('refuses questions when the Q&A is not running, and upvotes of a hidden question', () => {
    let { s, q } = qa();
    s = step(s, F, { type: 'set_question_status', question: q, status: 'hidden' }).state;
    expect(decide(s, cmd({ type: 'upvote_question', item: 'qa', question: q }), ctx(P(2)))).toEqual({ ok: false, code: 'unknown_question' });
    s = step(s, F, { type: 'end_item', item: 'qa' }).state;
    expect(decide(s, cmd({ type: 'ask_question', item: 'qa', text: 'Sent' }), ctx(P(2)))).toEqual({ ok: false, code: 'item_not_running' });
  });
});
