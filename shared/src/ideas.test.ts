import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from './commands';
import { decide, type Actor, type DecideContext } from './decide';
import type { Idea, WorkshopEvent } from './events';
import { currentStation, marks, markText, visitedStations } from './ideas';
import { freshIdea, supportOf } from './support';
import type { CarouselItem, Plan } from './plan';
import { evolveAll, initialState, type WorkshopState } from './state';

const carousel: CarouselItem = {
  id: 'ex1', kind: 'carousel', title: 'Förutsättningar', roundMinutes: 8, autoAdvance: false,
  stations: ['s1', 's2', 's3', 's4'].map((id) => ({ id, prompt: `Fråga ${id}` })),
};
const plan: Plan = {
  title: 'Karusell', language: 'sv', groups: 4,
  agenda: [{ id: 'intro', kind: 'talk', title: 'Intro' }, carousel, { id: 'wall', kind: 'wall', title: 'Vägg', headings: [{ id: 'h1', title: 'H' }] }],
};
const F: Actor = { role: 'facilitator' };
const P = (n: number): Actor => ({ role: 'participant', participant: `p${n}` });

function ctx(actor: Actor, now = 10_000): DecideContext {
  let n = 0;
  return { now, actor, newId: () => `i${now}-${++n}` };
}
function cmd(c: Record<string, unknown>): Command {
  const parsed = parseCommand({ opId: 'op', ...c });
  if (!parsed.ok) throw new Error(`bad test command ${JSON.stringify(parsed)}`);
  return parsed.command;
}
/** Participants p1..p5: p1..p4 in groups 1..4, p5 without a group. */
function joined(): WorkshopState {
  const events: WorkshopEvent[] = [];
  for (let n = 1; n <= 5; n++) {
    events.push({ type: 'participant_joined', participant: `p${n}`, at: n });
    if (n <= 4) events.push({ type: 'group_joined', participant: `p${n}`, group: n, at: n });
  }
  return evolveAll(initialState(plan, 0), events);
}
function step(state: WorkshopState, actor: Actor, c: Record<string, unknown>, now = 10_000) {
  const d = decide(state, cmd(c), ctx(actor, now));
  if (!d.ok) throw new Error(`refused ${d.code}`);
  return { state: evolveAll(state, d.events), events: d.events, result: d.result };
}
const running = () => step(joined(), F, { type: 'start_item', item: 'ex1' }, 1_000).state;

describe('starting and turning a carousel', () => {
  it('start_item opens round 0 with an 8-minute timer', () => {
    const { events, state } = step(joined(), F, { type: 'start_item', item: 'ex1' }, 1_000);
    expect(events).toEqual([
      { type: 'item_started', item: 'ex1', at: 1_000 },
      { type: 'round_started', item: 'ex1', round: 0, timer: { state: 'running', deadline: 481_000 }, at: 1_000 },
    ]);
    expect(currentStation(state, carousel, 1)).toBe('s1');
    expect(currentStation(state, carousel, 3)).toBe('s3');
  });

  it('next_round moves every group on and restarts the timer; the last round refuses', () => {
    let s = running();
    for (let r = 1; r < 4; r++) s = step(s, F, { type: 'next_round', item: 'ex1' }, 1_000 + r * 1000).state;
    expect(s.items.ex1).toMatchObject({ round: 3, timer: { state: 'running', deadline: 4_000 + 480_000 } });
    expect(currentStation(s, carousel, 1)).toBe('s4');
    expect(visitedStations(s, carousel, 2)).toEqual(['s2', 's3', 's4', 's1']);
    expect(decide(s, cmd({ type: 'next_round', item: 'ex1' }), ctx(F))).toEqual({ ok: false, code: 'last_round' });
  });

  it('a "next" that names a round already left changes nothing (autoAdvance and a tap at once)', () => {
    const s = step(running(), F, { type: 'next_round', item: 'ex1', round: 0 }).state;
    expect(s.items.ex1?.round).toBe(1);
    expect(step(s, F, { type: 'next_round', item: 'ex1', round: 0 }).events).toEqual([]);
    expect(step(s, F, { type: 'next_round', item: 'ex1', round: 1 }).state.items.ex1?.round).toBe(2);
  });

  it('a phone without a group may still pick one mid-carousel', () => {
    expect(step(running(), P(5), { type: 'join_group', group: 2 }).state.participants.p5?.group).toBe(2);
  });

  it('pause, resume and extend change the stored timer; repeats change nothing', () => {
    let s = running();
    s = step(s, F, { type: 'pause_timer', item: 'ex1' }, 61_000).state;
    expect(s.items.ex1?.timer).toEqual({ state: 'paused', remainingMs: 420_000 });
    expect(step(s, F, { type: 'pause_timer', item: 'ex1' }, 70_000).events).toEqual([]);
    s = step(s, F, { type: 'extend_timer', item: 'ex1', seconds: 60 }, 90_000).state;
    expect(s.items.ex1?.timer).toEqual({ state: 'paused', remainingMs: 480_000 });
    s = step(s, F, { type: 'resume_timer', item: 'ex1' }, 100_000).state;
    expect(s.items.ex1?.timer).toEqual({ state: 'running', deadline: 580_000 });
    expect(step(s, F, { type: 'resume_timer', item: 'ex1' }, 100_000).events).toEqual([]);
    s = step(s, F, { type: 'extend_timer', item: 'ex1', seconds: 600 }, 900_000).state;
    expect(s.items.ex1?.timer).toEqual({ state: 'running', deadline: 1_500_000 });
  });

  it('ending and starting again begins a new run at round 0, ideas kept', () => {
    let s = step(running(), P(1), { type: 'add_idea', item: 'ex1', slot: 's1', text: 'Behålls' }).state;
    s = step(s, F, { type: 'next_round', item: 'ex1' }).state;
    s = step(s, F, { type: 'end_item', item: 'ex1' }).state;
    expect(s.items.ex1).toMatchObject({ phase: 'ended', round: 1, timer: null });
    s = step(s, F, { type: 'start_item', item: 'ex1' }).state;
    expect(s.items.ex1).toMatchObject({ phase: 'running', round: 0, runs: 2 });
    expect(Object.values(s.ideas).map((i) => i.text)).toEqual(['Behålls']);
    expect(decide(s, cmd({ type: 'add_idea', item: 'ex1', slot: 's2', text: 'x' }), ctx(P(1)))).toEqual({ ok: false, code: 'not_at_station' });
  });
});

describe('ideas and emphasis in a carousel', () => {
  it('a group adds at its station; ack carries the idea id; later it may still add where it was', () => {
    const added = step(running(), P(2), { type: 'add_idea', item: 'ex1', slot: 's2', text: '  Lära av varandra ' });
    expect(added.result).toEqual({ idea: 'i10000-1' });
    expect(added.state.ideas['i10000-1']).toEqual({
      id: 'i10000-1', item: 'ex1', slot: 's2', text: 'Lära av varandra', group: 2, participant: 'p2', at: 10_000, emphasis: [],
      support: ['g:2'], hidden: false, mergedInto: null, mergedFrom: [], originalText: null,
    });
    const later = step(added.state, F, { type: 'next_round', item: 'ex1' }).state;
    expect(step(later, P(2), { type: 'add_idea', item: 'ex1', slot: 's2', text: 'Skrevs offline' }).state.ideaOrder).toHaveLength(2);
    expect(step(later, P(2), { type: 'add_idea', item: 'ex1', slot: 's3', text: 'Nya stationen' }).state.ideaOrder).toHaveLength(2);
  });

  const refusals: [string, () => WorkshopState, Actor, Record<string, unknown>, string][] = [
    ['a station not reached yet', running, P(1), { type: 'add_idea', item: 'ex1', slot: 's2', text: 'x' }, 'not_at_station'],
    ['an exercise not running', joined, P(1), { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x' }, 'item_not_running'],
    ['a participant without a group', running, P(5), { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x' }, 'no_group'],
    ['an empty idea', running, P(1), { type: 'add_idea', item: 'ex1', slot: 's1', text: ' \n ' }, 'empty_text'],
    ['an idea over 500 characters', running, P(1), { type: 'add_idea', item: 'ex1', slot: 's1', text: 'å'.repeat(501) }, 'text_too_long'],
    ['a station not in the exercise', running, P(1), { type: 'add_idea', item: 'ex1', slot: 'h1', text: 'x' }, 'unknown_slot'],
    ['an unknown item', running, P(1), { type: 'add_idea', item: 'nope', slot: 's1', text: 'x' }, 'unknown_item'],
    ['a participant naming a group', running, P(1), { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x', group: 2 }, 'forbidden'],
    ['a facilitator naming a missing group', running, F, { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x', group: 9 }, 'no_such_group'],
    ['the screen adding', running, { role: 'screen' }, { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x' }, 'forbidden'],
    ['a facilitator emphasising', running, F, { type: 'emphasise', idea: 'x' }, 'forbidden'],
    ['emphasising an unknown idea', running, P(1), { type: 'emphasise', idea: 'nope' }, 'unknown_idea'],
    ['emphasising __proto__', running, P(1), { type: 'emphasise', idea: '__proto__' }, 'unknown_idea'],
    ['next_round on a talk', running, F, { type: 'next_round', item: 'intro' }, 'not_a_carousel'],
    ['next_round when not running', joined, F, { type: 'next_round', item: 'ex1' }, 'item_not_running'],
    ['extend when not running', joined, F, { type: 'extend_timer', item: 'ex1', seconds: 60 }, 'item_not_running'],
    ['a participant pausing', running, P(1), { type: 'pause_timer', item: 'ex1' }, 'forbidden'],
    ['a phone switching group mid-carousel (it would speak for two groups)', running, P(1), { type: 'join_group', group: 2 }, 'group_item_running'],
  ];
  it.each(refusals)('refuses %s', (_name, state, actor, c, code) => {
    expect(decide(state(), cmd(c), ctx(actor))).toEqual({ ok: false, code });
  });

  it('a 501-character idea that trims to 500 is accepted', () => {
    expect(decide(running(), cmd({ type: 'add_idea', item: 'ex1', slot: 's1', text: ` ${'a'.repeat(500)} ` }), ctx(P(1))).ok).toBe(true);
  });

  it('the facilitator types in for a paper table at any station', () => {
    const { state } = step(running(), F, { type: 'add_idea', item: 'ex1', slot: 's4', text: 'Från papper', group: 1 });
    expect(Object.values(state.ideas)[0]).toMatchObject({ slot: 's4', group: 1, participant: null });
  });

  it('emphasis counts each group once, never the author, and can be withdrawn', () => {
    let s = step(running(), P(1), { type: 'add_idea', item: 'ex1', slot: 's1', text: 'Möjlighet' }).state;
    const id = s.ideaOrder[0]!;
    s = step(s, F, { type: 'next_round', item: 'ex1' }).state; // group 4 now at s1
    s = step(s, F, { type: 'next_round', item: 'ex1' }).state; // group 3 now at s1
    expect(step(s, P(1), { type: 'emphasise', idea: id }).events).toEqual([]);
    s = step(s, P(4), { type: 'emphasise', idea: id }).state;
    expect(step(s, P(4), { type: 'emphasise', idea: id }).events).toEqual([]);
    s = step(s, P(3), { type: 'emphasise', idea: id }).state;
    expect(markText(s.ideas[id]!)).toBe(' (!!)');
    expect(decide(s, cmd({ type: 'emphasise', idea: id }), ctx(P(2)))).toEqual({ ok: false, code: 'not_at_station' });
    s = step(s, P(4), { type: 'withdraw_emphasis', idea: id }).state;
    expect(markText(s.ideas[id]!)).toBe(' (!)');
    expect(step(s, P(4), { type: 'withdraw_emphasis', idea: id }).events).toEqual([]);
  });
});

describe('marks', () => {
  const idea = (group: number | null, emphasis: string[], participant: string | null = null): Idea => {
    const fresh = { ...freshIdea({ id: 'x', item: 'i', slot: 's', text: 't', group, participant, at: 0 }), emphasis };
    return { ...fresh, support: supportOf({ x: fresh }, 'x') };
  };
  const cases: [string, Idea, number, string][] = [
    ['no emphasis', idea(1, []), 0, ''],
    ['one other group', idea(1, ['g:2']), 1, ' (!)'],
    ['two other groups', idea(1, ['g:2', 'g:5']), 2, ' (!!)'],
    ['the author group listed too', idea(1, ['g:1', 'g:2']), 1, ' (!)'],
    ['no author group: first supporter does not count', idea(null, ['g:2', 'g:3']), 1, ' (!)'],
    ['per participant', idea(null, ['p:b'], 'a'), 1, ' (!)'],
  ];
  it.each(cases)('%s', (_name, i, n, text) => {
    expect(marks(i)).toBe(n);
    expect(markText(i)).toBe(text);
  });
});
