import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { decide, type Actor } from './decide';
import type { WorkshopEvent } from './events';
import type { Plan } from './plan';
import { evolve, evolveAll, initialState, type WorkshopState } from './state';
import { projectState, resyncs, shownIdeas, shows, type Viewer } from './visibility';

const plan: Plan = {
  title: 'Fuzz',
  language: 'en',
  groups: 3,
  agenda: [
    { id: 'a', kind: 'talk', title: 'A' },
    { id: 'b', kind: 'talk', title: 'B' },
    { id: 'w', kind: 'wall', title: 'W', headings: [{ id: 'h1', title: 'H' }] },
    { id: 'q', kind: 'qa', title: 'Frågestund' },
    { id: 'c', kind: 'carousel', title: 'C', roundMinutes: 1, autoAdvance: false, stations: [{ id: 's1', prompt: 'A' }, { id: 's2', prompt: 'B' }] },
    { id: 'r', kind: 'ranking', title: 'R', of: 'c', voter: 'group', ties: false, lowerIsBetter: true, reveal: 'on_close' },
    { id: 'd', kind: 'dots', title: 'D', wall: 'w', dotsPerVoter: 3, maxPerIdea: 2, voter: 'participant', reveal: 'on_close' },
    { id: 'k', kind: 'scale', title: 'K', min: 1, max: 5, voter: 'participant', reveal: 'live' },
  ],
};

const PIDS = ['p1', 'p2', 'p3'];
const actor = fc.oneof(
  fc.constant<Actor>({ role: 'facilitator' }),
  fc.constant<Actor>({ role: 'screen' }),
  fc.constantFrom(...PIDS).map((participant): Actor => ({ role: 'participant', participant })),
);
const some = fc.constantFrom('id1', 'id2', 'id3', 'id4', 'id5', 'id6');
/** Commands as a facilitator sends them. */
const byFacilitator = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('start_item'), item: fc.constantFrom('w', 'c', 'w', 'c', 'q', 'a', 'x', 'r', 'd', 'k') }) },
  fc.record({ type: fc.constant('reveal_results'), item: fc.constantFrom('r', 'd', 'k', 'a') }),
  fc.record({ type: fc.constant('end_item'), item: fc.constantFrom('a', 'w', 'c', 'q') }),
  fc.record({ type: fc.constant('add_note'), item: fc.constantFrom('a', 'b'), text: fc.constantFrom('Note', '') }),
  fc.record({ type: fc.constant('edit_note'), note: some, text: fc.constant('Edited') }),
  fc.record({ type: fc.constant('set_groups'), count: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ type: fc.constant('move_participant'), participant: fc.constantFrom(...PIDS), group: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }),
  fc.record({ type: fc.constant('lock_workshop'), locked: fc.boolean() }),
  fc.record({ type: fc.constant('add_idea'), item: fc.constantFrom('c', 'w'), slot: fc.constantFrom('s1', 's2', 'h1'), text: fc.constant('Papper'), group: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constantFrom('next_round', 'pause_timer', 'resume_timer'), item: fc.constant('c') }),
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('hide_idea', 'unhide_idea', 'unmerge_idea'), idea: some }) },
  fc.record({ type: fc.constant('edit_idea'), idea: some, text: fc.constant('Rättad') }),
  { weight: 2, arbitrary: fc.record({ type: fc.constant('merge_ideas'), into: some, from: some }) },
  fc.record({ type: fc.constant('ask_question'), item: fc.constant('q'), text: fc.constant('Ställd högt') }),
  fc.record({ type: fc.constant('set_question_status'), question: some, status: fc.constantFrom('queued', 'answering', 'answered', 'hidden') }),
  fc.record({ type: fc.constant('answer_question'), question: some, text: fc.constant('Svar') }),
);
/** Commands as a phone sends them. */
const byParticipant = fc.oneof(
  fc.constant({ type: 'join' }),
  fc.record({ type: fc.constant('set_profile'), name: fc.constantFrom('Anna', ' ', 'Åsa Öberg'), sector: fc.constantFrom('civil', 'public') }),
  fc.record({ type: fc.constant('join_group'), group: fc.integer({ min: 1, max: 4 }) }),
  { weight: 4, arbitrary: fc.record({ type: fc.constant('add_idea'), item: fc.constantFrom('c', 'w'), slot: fc.constantFrom('s1', 's2', 'h1'), text: fc.constantFrom('Idé', ' ') }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('emphasise', 'withdraw_emphasis'), idea: some }) },
  fc.record({ type: fc.constant('ask_question'), item: fc.constant('q'), text: fc.constantFrom('Varför?', '') }),
  fc.record({ type: fc.constant('upvote_question'), item: fc.constant('q'), question: some }),
  { weight: 2, arbitrary: fc.record({ type: fc.constant('cast_ranking'), item: fc.constant('r'), ranks: fc.constantFrom({ s1: 1, s2: 2 }, { s1: 2, s2: 1 }, { s1: 1, s2: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('cast_dots'), item: fc.constant('d'), dots: fc.dictionary(some, fc.integer({ min: 0, max: 3 }), { maxKeys: 3 }) }) },
  fc.record({ type: fc.constant('cast_scale'), item: fc.constant('k'), value: fc.integer({ min: 0, max: 6 }) }),
);
const participantActor = fc.constantFrom(...PIDS).map((participant): Actor => ({ role: 'participant', participant }));
/** A meeting step: mostly the right role for the command, sometimes anyone for anything. */
const step = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(fc.constant<Actor>({ role: 'facilitator' }), byFacilitator) },
  { weight: 40, arbitrary: fc.tuple(participantActor, byParticipant) },
  { weight: 10, arbitrary: fc.tuple(actor, fc.oneof(byFacilitator, byParticipant)) },
  // Rare, since it ends most of what a phone can do (end_workshop is left to the decide table tests).
  { weight: 1, arbitrary: fc.tuple(fc.constant<Actor>({ role: 'facilitator' }), fc.record({ type: fc.constant('remove_participant'), participant: fc.constantFrom(...PIDS) })) },
);
const meeting = fc.array(step, { minLength: 60, maxLength: 150 });

const VIEWERS: Viewer[] = [{ role: 'facilitator' }, { role: 'screen' }, ...PIDS.map((participant): Viewer => ({ role: 'participant', participant }))];

/** What a client of this viewer holds after the server sent it the log: shown events folded, fresh snapshots on resync. */
function follow(log: WorkshopEvent[], viewer: Viewer, from: Plan = plan): WorkshopState {
  let full = initialState(from, 0);
  let seen = projectState(full, viewer);
  for (const event of log) {
    full = evolve(full, event);
    if (shows(event, viewer, full)) seen = evolve(seen, event);
    const mine = resyncs(event).some((t) => (t === 'participants' && viewer.role === 'participant')
      || (t === 'screen' && viewer.role === 'screen')
      || (typeof t === 'object' && viewer.role === 'participant' && t.participant === viewer.participant));
    if (mine) seen = projectState(full, viewer);
  }
  return seen;
}

/** Runs commands against the full state, returning the final state and the events that happened. */
function play(steps: [Actor, Record<string, unknown>][]): { state: WorkshopState; log: WorkshopEvent[] } {
  let state = initialState(plan, 0);
  const log: WorkshopEvent[] = [];
  let ids = 0;
  // Every meeting starts with p1 and p2 in groups 1 and 2; p3 joins (or not) later.
  const opening: [Actor, Record<string, unknown>][] = [
    [{ role: 'participant', participant: 'p1' }, { type: 'join' }], [{ role: 'participant', participant: 'p1' }, { type: 'join_group', group: 1 }],
    [{ role: 'participant', participant: 'p2' }, { type: 'join' }], [{ role: 'participant', participant: 'p2' }, { type: 'join_group', group: 2 }],
  ];
  [...opening, ...steps].forEach(([who, c], i) => {
    let events: WorkshopEvent[] = [];
    if (c.type === 'join') {
      if (who.role === 'participant' && !state.participants[who.participant]) events = [{ type: 'participant_joined', participant: who.participant, at: i }];
    } else {
      const parsed = parseCommand({ opId: `op${i}`, ...c });
      if (!parsed.ok) throw new Error('fuzz generated an invalid command');
      const d = decide(state, parsed.command, { now: i, actor: who, newId: () => `id${++ids}` });
      if (d.ok) events = d.events;
    }
    for (const e of events) {
      state = evolve(state, e);
      log.push(e);
    }
  });
  return { state, log };
}

describe('what each role sees', () => {
  it('folding the events a viewer is shown gives the state that viewer is shown (seeded fuzz)', () => {
    fc.assert(
      fc.property(meeting, (steps) => {
        const { state, log } = play(steps);
        for (const viewer of VIEWERS) expect(follow(log, viewer), JSON.stringify(viewer)).toEqual(projectState(state, viewer));
      }),
      { seed: 20261122, numRuns: 600 },
    );
  });

  it('folding a whole log at once (a restart, an import) gives what folding it event by event gives', () => {
    fc.assert(
      fc.property(meeting, (steps) => {
        const { state, log } = play(steps);
        const start = initialState(plan, 0);
        const frozen = JSON.stringify(start);
        expect(evolveAll(start, log)).toEqual(state);
        // Folding the whole log in one go never changes the state it started from.
        const half = log.slice(0, log.length >> 1).reduce(evolve, start);
        const copy = JSON.stringify(half);
        expect(evolveAll(half, log.slice(log.length >> 1))).toEqual(state);
        expect(JSON.stringify(half)).toBe(copy);
        expect(JSON.stringify(start)).toBe(frozen);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('no phone is shown an idea at a station its group does not stand at', () => {
    fc.assert(
      fc.property(meeting, (steps) => {
        const { state } = play(steps);
        for (const participant of PIDS) {
          const seen = projectState(state, { role: 'participant', participant });
          const { item, slots } = shownIdeas(state, participant);
          for (const idea of Object.values(seen.ideas)) {
            expect(idea.item).toBe(item);
            expect(slots.has(idea.slot)).toBe(true);
          }
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('no phone or screen ever holds a hidden or merged-away idea, or a hidden question', () => {
    fc.assert(
      fc.property(meeting, (steps) => {
        const { log } = play(steps);
        for (const viewer of VIEWERS.filter((v) => v.role !== 'facilitator')) {
          for (let n = 1; n <= log.length; n++) {
            const held = follow(log.slice(0, n), viewer);
            for (const idea of Object.values(held.ideas)) expect(idea.hidden || idea.mergedInto !== null).toBe(false);
            for (const question of Object.values(held.questions)) expect(question.status).not.toBe('hidden');
          }
        }
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it('a phone holding only the survivor shows the same marks as the server after an emphasis (4 groups)', () => {
    const four: Plan = { ...plan, groups: 4 };
    let full = initialState(four, 0);
    const log: WorkshopEvent[] = [];
    let n = 0;
    const run = (who: Actor, c: Record<string, unknown>) => {
      const parsed = parseCommand({ opId: 'x', ...c });
      if (!parsed.ok) throw new Error('bad');
      const d = decide(full, parsed.command, { now: 1, actor: who, newId: () => `i${++n}` });
      if (!d.ok) throw new Error(d.code);
      for (const e of d.events) {
        full = evolve(full, e);
        log.push(e);
      }
    };
    const P = (p: string): Actor => ({ role: 'participant', participant: p });
    for (const [p, g] of [['p1', 1], ['p2', 2], ['p3', 3], ['p4', 4]] as const) {
      log.push({ type: 'participant_joined', participant: p, at: 0 }, { type: 'group_joined', participant: p, group: g, at: 0 });
      full = evolve(evolve(full, log.at(-2)!), log.at(-1)!);
    }
    run({ role: 'facilitator' }, { type: 'start_item', item: 'w' });
    run(P('p1'), { type: 'add_idea', item: 'w', slot: 'h1', text: 'Samma' });
    run(P('p2'), { type: 'add_idea', item: 'w', slot: 'h1', text: 'Samma' });
    run(P('p3'), { type: 'emphasise', idea: 'i2' });
    run({ role: 'facilitator' }, { type: 'merge_ideas', into: 'i1', from: 'i2' });
    run(P('p4'), { type: 'emphasise', idea: 'i1' });
    run({ role: 'facilitator' }, { type: 'edit_idea', idea: 'i1', text: 'Rättad' });
    run(P('p3'), { type: 'withdraw_emphasis', idea: 'i1' });
    for (const viewer of [{ role: 'screen' } as Viewer, P('p1')]) {
      const held = follow(log, viewer, four);
      expect(held, JSON.stringify(viewer)).toEqual(projectState(full, viewer));
      expect(held.ideas.i1!.support.sort()).toEqual(['g:1', 'g:2', 'g:4']);
      expect(held.ideas.i1!.originalText).toBeNull();
    }
    expect(full.ideas.i1!.originalText).toBe('Samma');
  });

  it('until results are revealed, phones and the screen hold no ballot but their own (or their group\'s), and the true count', () => {
    fc.assert(
      fc.property(meeting, (steps) => {
        const { state, log } = play(steps);
        for (const viewer of VIEWERS.filter((v) => v.role !== 'facilitator')) {
          const held = follow(log, viewer);
          for (const [id, vote] of Object.entries(held.votes)) {
            const full = state.votes[id]!;
            expect(vote.voted).toBe(full.voters.length);
            if (full.revealed || id === 'k') continue;
            const mine = viewer.role === 'participant'
              ? [`p:${viewer.participant}`, `g:${state.participants[viewer.participant]?.group}`] : [];
            for (const voter of Object.keys(vote.ballots)) expect(mine).toContain(voter);
          }
        }
      }),
      { seed: 77, numRuns: 300 },
    );
  });

  it('the screen never sees a name, organisation or note', () => {
    const { state } = play([
      [{ role: 'participant', participant: 'p1' }, { type: 'join' }],
      [{ role: 'participant', participant: 'p1' }, { type: 'set_profile', name: 'Anna Hemlig', organisation: 'Orgen' }],
      [{ role: 'facilitator' }, { type: 'add_note', item: 'a', text: 'Hemlig anteckning' }],
    ]);
    const text = JSON.stringify(projectState(state, { role: 'screen' }));
    expect(text).not.toMatch(/Anna|Orgen|Hemlig/);
    expect(projectState(state, { role: 'screen' }).participants.p1).toBeDefined();
  });
});
