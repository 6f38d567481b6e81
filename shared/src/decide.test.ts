import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from './commands';
import { admit, decide, mayResume, type Actor, type DecideContext } from './decide';
import type { WorkshopEvent } from './events';
import type { Plan } from './plan';
import { evolve, evolveAll, groupSizes, initialState, type WorkshopState } from './state';

const plan: Plan = {
  title: 'Dialogmöte',
  language: 'sv',
  groups: 3,
  agenda: [
    { id: 'intro', kind: 'talk', title: 'Presentation av planen' },
    { id: 'ex1', kind: 'carousel', title: 'Karusell', roundMinutes: 8, autoAdvance: false, stations: [{ id: 's1', prompt: 'Möjligheter?' }] },
    { id: 'talk2', kind: 'talk', title: 'Ordföranden' },
  ],
};

const F: Actor = { role: 'facilitator' };
const S: Actor = { role: 'screen' };
const P1: Actor = { role: 'participant', participant: 'p1' };
const P2: Actor = { role: 'participant', participant: 'p2' };

function ctx(actor: Actor, now = 1000): DecideContext {
  let n = 0;
  return { now, actor, newId: () => `id${++n}` };
}

/** A workshop with two participants, p1 in group 1, p2 in no group. */
function base(): WorkshopState {
  const events: WorkshopEvent[] = [
    { type: 'workshop_created', plan, at: 0 },
    { type: 'participant_joined', participant: 'p1', at: 1 },
    { type: 'participant_joined', participant: 'p2', at: 2 },
    { type: 'group_joined', participant: 'p1', group: 1, at: 3 },
    { type: 'note_added', note: { id: 'n1', item: 'intro', text: 'Första', at: 4 }, at: 4 },
  ];
  return evolveAll(initialState(plan, 0), events);
}

function cmd(c: Record<string, unknown>): Command {
  const parsed = parseCommand({ opId: 'op', ...c });
  if (!parsed.ok) throw new Error(`test command invalid: ${JSON.stringify(parsed)}`);
  return parsed.command;
}

/** Applies a list of commands in order; throws on refusal. */
function run(state: WorkshopState, steps: [Actor, Record<string, unknown>][]): WorkshopState {
  return steps.reduce((s, [actor, c]) => {
    const d = decide(s, cmd(c), ctx(actor));
    if (!d.ok) throw new Error(`refused ${d.code}`);
    return evolveAll(s, d.events);
  }, state);
}

describe('decide refuses', () => {
  const started = () => run(base(), [[F, { type: 'start_item', item: 'ex1' }]]);
  const ended = () => run(base(), [[F, { type: 'end_workshop' }]]);
  const removed = () => run(base(), [[F, { type: 'remove_participant', participant: 'p2' }]]);
  const cases: [string, () => WorkshopState, Actor, Record<string, unknown>, string][] = [
    ['a participant starting an item', base, P1, { type: 'start_item', item: 'intro' }, 'forbidden'],
    ['the screen sending anything', base, S, { type: 'set_profile' }, 'forbidden'],
    ['a facilitator joining a group', base, F, { type: 'join_group', group: 1 }, 'forbidden'],
    ['a participant setting groups', base, P1, { type: 'set_groups', count: 2 }, 'forbidden'],
    ['a participant moving someone', base, P1, { type: 'move_participant', participant: 'p2', group: 1 }, 'forbidden'],
    ['a participant adding a note', base, P1, { type: 'add_note', item: 'intro', text: 'x' }, 'forbidden'],
    ['a participant locking', base, P1, { type: 'lock_workshop', locked: true }, 'forbidden'],
    ['an unknown participant', base, { role: 'participant', participant: 'ghost' }, { type: 'set_profile' }, 'unknown_participant'],
    ['a removed participant', removed, P2, { type: 'join_group', group: 1 }, 'removed'],
    ['a group that does not exist', base, P1, { type: 'join_group', group: 4 }, 'no_such_group'],
    ['starting an unknown item', base, F, { type: 'start_item', item: 'nope' }, 'unknown_item'],
    ['starting the running item', started, F, { type: 'start_item', item: 'ex1' }, 'item_running'],
    ['ending an item not running', base, F, { type: 'end_item', item: 'intro' }, 'item_not_running'],
    ['ending an unknown item', base, F, { type: 'end_item', item: 'nope' }, 'unknown_item'],
    ['a note on an unknown item', base, F, { type: 'add_note', item: 'nope', text: 'x' }, 'unknown_item'],
    ['an empty note', base, F, { type: 'add_note', item: 'intro', text: '  \n ' }, 'empty_text'],
    ['editing an unknown note', base, F, { type: 'edit_note', note: 'nope', text: 'x' }, 'unknown_note'],
    ['set_groups while a group item runs', started, F, { type: 'set_groups', count: 2 }, 'group_item_running'],
    ['moving to a missing group', base, F, { type: 'move_participant', participant: 'p1', group: 9 }, 'no_such_group'],
    ['moving an unknown participant', base, F, { type: 'move_participant', participant: 'x', group: 1 }, 'unknown_participant'],
    ['removing an unknown participant', base, F, { type: 'remove_participant', participant: 'x' }, 'unknown_participant'],
    ['input after the workshop ended', ended, P1, { type: 'set_profile', name: 'A' }, 'workshop_ended'],
    ['starting after the workshop ended', ended, F, { type: 'start_item', item: 'intro' }, 'workshop_ended'],
  ];
  it.each(cases)('%s', (_name, state, actor, command, code) => {
    const before = state();
    const decision = decide(before, cmd(command), ctx(actor));
    expect(decision).toEqual({ ok: false, code });
  });

  it('joining a group in a workshop without groups', () => {
    const noGroups = evolve(base(), { type: 'groups_set', count: 0, at: 5 });
    expect(decide(noGroups, cmd({ type: 'join_group', group: 1 }), ctx(P2))).toEqual({ ok: false, code: 'no_groups' });
  });
});

describe('decide and evolve accept', () => {
  it('runs one item at a time: start_item ends the running one', () => {
    const s = run(base(), [[F, { type: 'start_item', item: 'intro' }]]);
    const d = decide(s, cmd({ type: 'start_item', item: 'talk2' }), ctx(F, 2000));
    expect(d).toEqual({ ok: true, events: [
      { type: 'item_ended', item: 'intro', at: 2000 },
      { type: 'item_started', item: 'talk2', at: 2000 },
    ] });
    const after = evolveAll(s, d.ok ? d.events : []);
    expect(after.running).toBe('talk2');
    expect(after.items.intro).toMatchObject({ phase: 'ended', runs: 1, endedAt: 2000 });
    expect(after.items.talk2).toMatchObject({ phase: 'running', runs: 1 });
  });

  it('an ended item can run again with its notes kept', () => {
    const s = run(base(), [
      [F, { type: 'start_item', item: 'intro' }],
      [F, { type: 'end_item', item: 'intro' }],
      [F, { type: 'start_item', item: 'intro' }],
    ]);
    expect(s.items.intro).toMatchObject({ phase: 'running', runs: 2 });
    expect(s.notes.n1?.text).toBe('Första');
  });

  it('adds and edits notes of several paragraphs, acknowledging the note id', () => {
    const text = 'Stycke ett.\n\nStycke två med å, ä och ö.';
    const d = decide(base(), cmd({ type: 'add_note', item: 'intro', text: `  ${text}  ` }), ctx(F));
    expect(d).toMatchObject({ ok: true, result: { note: 'id1' } });
    const s = run(base(), [
      [F, { type: 'add_note', item: 'intro', text }],
      [F, { type: 'edit_note', note: 'id1', text: 'Rättad.' }],
    ]);
    expect(s.noteOrder).toEqual(['n1', 'id1']);
    expect(s.notes.id1).toMatchObject({ text: 'Rättad.', item: 'intro', editedAt: 1000 });
  });

  it('sets a trimmed profile; a field left out is kept, an empty one cleared', () => {
    const s = run(base(), [[P1, { type: 'set_profile', name: ' Anna ', organisation: 'Röda  Korset ', sector: 'civil' }]]);
    expect(s.participants.p1?.profile).toEqual({ name: 'Anna', organisation: 'Röda Korset', sector: 'civil' });
    const changed = run(s, [[P1, { type: 'set_profile', sector: 'public' }]]);
    expect(changed.participants.p1?.profile).toEqual({ name: 'Anna', organisation: 'Röda Korset', sector: 'public' });
    const cleared = run(changed, [[P1, { type: 'set_profile', name: '  ', sector: null }]]);
    expect(cleared.participants.p1?.profile).toEqual({ organisation: 'Röda Korset' });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats the id %s as unknown, never as a prototype member', (id) => {
    const s = base();
    expect(decide(s, cmd({ type: 'move_participant', participant: id, group: 1 }), ctx(F))).toEqual({ ok: false, code: 'unknown_participant' });
    expect(decide(s, cmd({ type: 'remove_participant', participant: id }), ctx(F))).toEqual({ ok: false, code: 'unknown_participant' });
    expect(decide(s, cmd({ type: 'edit_note', note: id, text: 'x' }), ctx(F))).toEqual({ ok: false, code: 'unknown_note' });
    expect(decide(s, cmd({ type: 'start_item', item: id }), ctx(F))).toEqual({ ok: false, code: 'unknown_item' });
    expect(decide(s, cmd({ type: 'set_profile', name: 'x' }), ctx({ role: 'participant', participant: id }))).toEqual({ ok: false, code: 'unknown_participant' });
  });

  it('joining your own group again changes nothing', () => {
    expect(decide(base(), cmd({ type: 'join_group', group: 1 }), ctx(P1))).toEqual({ ok: true, events: [] });
  });

  it('moves a participant and counts group sizes', () => {
    const s = run(base(), [
      [P2, { type: 'join_group', group: 1 }],
      [F, { type: 'move_participant', participant: 'p2', group: 3 }],
    ]);
    expect(groupSizes(s)).toEqual([1, 0, 1]);
    const out = run(s, [[F, { type: 'move_participant', participant: 'p2', group: null }]]);
    expect(out.participants.p2?.group).toBeNull();
  });

  it('fewer groups: members of removed groups lose their group', () => {
    const s = run(base(), [
      [P2, { type: 'join_group', group: 3 }],
      [F, { type: 'set_groups', count: 2 }],
    ]);
    expect(s.participants.p2?.group).toBeNull();
    expect(s.participants.p1?.group).toBe(1);
    expect(groupSizes(s)).toEqual([1, 0]);
  });

  it('set_attendance keeps an omitted count and clears a null one', () => {
    const s = run(base(), [
      [F, { type: 'set_attendance', participants: 59, organisations: 45, sectors: { civil: 45 } }],
      [F, { type: 'set_attendance', organisations: null }],
    ]);
    expect(s.attendance).toEqual({ participants: 59, organisations: null, sectors: { civil: 45 } });
    expect(run(s, [[F, { type: 'set_attendance', sectors: null }]]).attendance.sectors).toBeNull();
    expect(parseCommand({ opId: 'x', type: 'set_attendance', sectors: { föreningar: 3 } })).toMatchObject({ ok: false, field: 'sectors.föreningar' });
  });

  it('end_workshop ends the running item, then refuses input', () => {
    const s = run(base(), [[F, { type: 'start_item', item: 'intro' }], [F, { type: 'end_workshop' }]]);
    expect(s).toMatchObject({ ended: true, running: null });
    expect(s.items.intro?.phase).toBe('ended');
    expect(decide(s, cmd({ type: 'edit_note', note: 'n1', text: 'efteråt' }), ctx(F)).ok).toBe(true);
  });

  it('lock_workshop twice emits once', () => {
    const s = run(base(), [[F, { type: 'lock_workshop', locked: true }]]);
    expect(s.locked).toBe(true);
    expect(decide(s, cmd({ type: 'lock_workshop', locked: true }), ctx(F))).toEqual({ ok: true, events: [] });
  });
});

describe('admission', () => {
  const cases: [string, (s: WorkshopState) => WorkshopState, string | null][] = [
    ['an open workshop admits', (s) => s, null],
    ['a locked workshop refuses', (s) => evolve(s, { type: 'workshop_locked', locked: true, at: 9 }), 'locked'],
    ['an ended workshop refuses', (s) => evolve(s, { type: 'workshop_ended', at: 9 }), 'ended'],
  ];
  it.each(cases)('%s', (_name, change, code) => {
    const d = admit(change(base()), 'p3', 10);
    if (code) expect(d).toEqual({ ok: false, code });
    else expect(d).toEqual({ ok: true, events: [{ type: 'participant_joined', participant: 'p3', at: 10 }] });
  });

  it('resuming: known ok, removed refused, unknown bad_token', () => {
    const s = evolve(base(), { type: 'participant_removed', participant: 'p2', at: 9 });
    expect(mayResume(s, 'p1')).toBeNull();
    expect(mayResume(s, 'p2')).toBe('removed');
    expect(mayResume(s, 'zz')).toBe('bad_token');
  });
});

describe('parseCommand', () => {
  const bad: [string, unknown, string][] = [
    ['not an object', 'hello', 'bad_command'],
    ['null', null, 'bad_command'],
    ['an array', [], 'bad_command'],
    ['unknown type', { opId: 'a', type: 'drop_tables' }, 'unknown_command'],
    ['prototype type', { opId: 'a', type: 'toString' }, 'unknown_command'],
    ['missing opId', { type: 'end_workshop' }, 'bad_command'],
    ['unknown field', { opId: 'a', type: 'end_workshop', extra: 1 }, 'bad_command'],
    ['__proto__ field', JSON.parse('{"opId":"a","type":"end_workshop","__proto__":{"x":1}}'), 'bad_command'],
    ['wrong type', { opId: 'a', type: 'join_group', group: '2' }, 'bad_command'],
    ['fractional group', { opId: 'a', type: 'join_group', group: 1.5 }, 'bad_command'],
    ['bad sector', { opId: 'a', type: 'set_profile', sector: 'mafia' }, 'bad_command'],
    ['note too long', { opId: 'a', type: 'add_note', item: 'x', text: 'x'.repeat(10_001) }, 'bad_command'],
    ['opId too long', { opId: 'a'.repeat(65), type: 'end_workshop' }, 'bad_command'],
  ];
  it.each(bad)('refuses %s', (_name, payload, code) => {
    expect(parseCommand(payload)).toMatchObject({ ok: false, code });
  });
  it('names the field that is wrong', () => {
    expect(parseCommand({ opId: 'a', type: 'join_group', group: 'x' })).toEqual({ ok: false, code: 'bad_command', field: 'group' });
  });
});
