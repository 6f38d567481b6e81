import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { decide, type Actor } from './decide';
import type { WorkshopEvent } from './events';
import type { Plan } from './plan';
import { evolve, initialState, type WorkshopState } from './state';
import { projectState, resyncs, shownSlots, shows, type Viewer } from './visibility';

const plan: Plan = {
  title: 'Fuzz',
  language: 'en',
  groups: 3,
  agenda: [
    { id: 'a', kind: 'talk', title: 'A' },
    { id: 'b', kind: 'talk', title: 'B' },
    { id: 'w', kind: 'wall', title: 'W', headings: [{ id: 'h1', title: 'H' }] },
    { id: 'c', kind: 'carousel', title: 'C', roundMinutes: 1, autoAdvance: false, stations: [{ id: 's1', prompt: 'A' }, { id: 's2', prompt: 'B' }] },
  ],
};

const PIDS = ['p1', 'p2', 'p3'];
const actor = fc.oneof(
  fc.constant<Actor>({ role: 'facilitator' }),
  fc.constant<Actor>({ role: 'screen' }),
  fc.constantFrom(...PIDS).map((participant): Actor => ({ role: 'participant', participant })),
);
const command = fc.oneof(
  fc.record({ type: fc.constant('set_profile'), name: fc.constantFrom('Anna', ' ', 'Åsa Öberg'), sector: fc.constantFrom('civil', 'public') }),
  fc.record({ type: fc.constant('join_group'), group: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constantFrom('start_item', 'end_item'), item: fc.constantFrom('a', 'b', 'w', 'c', 'c', 'x') }),
  fc.record({ type: fc.constant('add_idea'), item: fc.constantFrom('c', 'w'), slot: fc.constantFrom('s1', 's2', 'h1'), text: fc.constantFrom('Idé', ' ') }),
  fc.record({ type: fc.constant('add_idea'), item: fc.constantFrom('c', 'w'), slot: fc.constantFrom('s1', 's2', 'h1'), text: fc.constant('Papper'), group: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constantFrom('emphasise', 'withdraw_emphasis'), idea: fc.constantFrom('id1', 'id2', 'id3', 'id4') }),
  fc.record({ type: fc.constantFrom('next_round', 'pause_timer', 'resume_timer'), item: fc.constant('c') }),
  fc.record({ type: fc.constant('add_note'), item: fc.constantFrom('a', 'b'), text: fc.constantFrom('Note', '') }),
  fc.record({ type: fc.constant('edit_note'), note: fc.constantFrom('id1', 'id2'), text: fc.constant('Edited') }),
  fc.record({ type: fc.constant('set_groups'), count: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ type: fc.constant('move_participant'), participant: fc.constantFrom(...PIDS), group: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }),
  fc.record({ type: fc.constant('remove_participant'), participant: fc.constantFrom(...PIDS) }),
  fc.record({ type: fc.constant('lock_workshop'), locked: fc.boolean() }),
  fc.constant({ type: 'end_workshop' }),
  fc.constant({ type: 'join' }),
);

const VIEWERS: Viewer[] = [{ role: 'facilitator' }, { role: 'screen' }, ...PIDS.map((participant): Viewer => ({ role: 'participant', participant }))];

/** What a client of this viewer holds after the server sent it the log: shown events folded, fresh snapshots on resync. */
function follow(log: WorkshopEvent[], viewer: Viewer): WorkshopState {
  let full = initialState(plan, 0);
  let seen = projectState(full, viewer);
  for (const event of log) {
    full = evolve(full, event);
    if (shows(event, viewer, full)) seen = evolve(seen, event);
    const target = resyncs(event);
    const mine = target === 'participants' || (target !== null && viewer.role === 'participant' && target.participant === viewer.participant);
    if (mine && viewer.role === 'participant') seen = projectState(full, viewer);
  }
  return seen;
}

/** Runs commands against the full state, returning the final state and the events that happened. */
function play(steps: [Actor, Record<string, unknown>][]): { state: WorkshopState; log: WorkshopEvent[] } {
  let state = initialState(plan, 0);
  const log: WorkshopEvent[] = [];
  let ids = 0;
  steps.forEach(([who, c], i) => {
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
      fc.property(fc.array(fc.tuple(actor, command), { maxLength: 60 }), (steps) => {
        const { state, log } = play(steps);
        for (const viewer of VIEWERS) expect(follow(log, viewer)).toEqual(projectState(state, viewer));
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });

  it('no phone is shown an idea at a station its group does not stand at', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actor, command), { maxLength: 60 }), (steps) => {
        const { state } = play(steps);
        for (const participant of PIDS) {
          const seen = projectState(state, { role: 'participant', participant });
          const slots = shownSlots(state, participant);
          for (const idea of Object.values(seen.ideas)) {
            expect(idea.item).toBe(state.running);
            expect(slots.has(idea.slot)).toBe(true);
          }
        }
      }),
      { seed: 11, numRuns: 200 },
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
