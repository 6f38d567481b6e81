import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_MATRIX, type CommandType, type Role } from '@karusell/shared';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import Database from 'better-sqlite3';
import { connect, createWorkshop, lastSnapshot, refusedCode, tempDb, useServers, type Client } from './harness';

const { server, client } = useServers();

/** Who may send what, as CONTRACT.md §3 lists it (plus the commands the contract leaves open). */
const MAY: Record<CommandType, Role[]> = {
  set_profile: ['participant'], join_group: ['participant'],
  add_idea: ['participant', 'facilitator'], emphasise: ['participant'], withdraw_emphasis: ['participant'],
  cast_ranking: ['participant'], cast_dots: ['participant'], cast_scale: ['participant'],
  ask_question: ['participant', 'facilitator'], upvote_question: ['participant'],
  set_question_status: ['facilitator'], answer_question: ['facilitator'],
  start_item: ['facilitator'], end_item: ['facilitator'], next_round: ['facilitator'], pause_timer: ['facilitator'],
  resume_timer: ['facilitator'], extend_timer: ['facilitator'], reveal_results: ['facilitator'],
  edit_idea: ['facilitator'], hide_idea: ['facilitator'], unhide_idea: ['facilitator'], merge_ideas: ['facilitator'],
  unmerge_idea: ['facilitator'], add_note: ['facilitator'], edit_note: ['facilitator'], set_groups: ['facilitator'],
  move_participant: ['facilitator'], remove_participant: ['facilitator'], set_attendance: ['facilitator'],
  lock_workshop: ['facilitator'], end_workshop: ['facilitator'], focus_screen: ['facilitator'],
};

/** A well-formed example of every command (aimed at ids that need not exist: only the role is judged here). */
const SAMPLE: Record<CommandType, Record<string, unknown>> = {
  set_profile: { name: 'Åsa' }, join_group: { group: 1 },
  add_idea: { item: 'ex2', slot: 'h1', text: 'Idé' }, emphasise: { idea: 'nope' }, withdraw_emphasis: { idea: 'nope' },
  cast_ranking: { item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } }, cast_dots: { item: 'vote', dots: {} }, cast_scale: { item: 'vote', value: 1 },
  ask_question: { item: 'qa', text: 'Fråga?' }, upvote_question: { item: 'qa', question: 'nope' },
  set_question_status: { question: 'nope', status: 'answered' }, answer_question: { question: 'nope', text: 'Svar' },
  start_item: { item: 'intro' }, end_item: { item: 'intro' }, next_round: { item: 'ex1' }, pause_timer: { item: 'ex1' },
  resume_timer: { item: 'ex1' }, extend_timer: { item: 'ex1', seconds: 60 }, reveal_results: { item: 'vote' },
  edit_idea: { idea: 'nope', text: 'x' }, hide_idea: { idea: 'nope' }, unhide_idea: { idea: 'nope' }, merge_ideas: { into: 'a', from: 'b' },
  unmerge_idea: { idea: 'nope' }, add_note: { item: 'intro', text: 'Anteckning' }, edit_note: { note: 'nope', text: 'x' },
  set_groups: { count: 8 }, move_participant: { participant: 'nobody', group: 1 }, remove_participant: { participant: 'nobody' },
  set_attendance: { participants: 59 }, lock_workshop: { locked: false }, end_workshop: {}, focus_screen: {},
};

async function room() {
  const s = await server(undefined, { commands: 1_000_000 });
  const w = await createWorkshop(s, examplePlanJson);
  const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
  const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
  const phone = await client(s, { code: w.code });
  return { s, w, f, screen, phone };
}

describe('the role matrix', () => {
  it('matches the contract', () => {
    expect(Object.fromEntries(Object.entries(ROLE_MATRIX).map(([k, v]) => [k, [...v].sort()]))).toEqual(
      Object.fromEntries(Object.entries(MAY).map(([k, v]) => [k, [...v].sort()])));
  });

  it('every command from every role over real sockets: allowed, or refused as forbidden', async () => {
    const { f, screen, phone } = await room();
    const roles: [Role, Client][] = [['facilitator', f], ['screen', screen], ['participant', phone]];
    // end_workshop last: after it, almost everything is refused for another reason.
    const types = (Object.keys(SAMPLE) as CommandType[]).sort((a, b) => Number(a === 'end_workshop') - Number(b === 'end_workshop'));
    for (const type of types) {
      for (const [role, c] of roles) {
        const ack = await c.send({ type, ...SAMPLE[type] });
        const code = ack.ok ? null : ack.error.code;
        if (MAY[type].includes(role)) expect(code, `${type} by ${role}`).not.toBe('forbidden');
        else expect(code, `${type} by ${role}`).toBe('forbidden');
      }
    }
  });

  it('a token or id of another workshop gets nowhere', async () => {
    const { s, w, f, phone } = await room();
    const other = await createWorkshop(s, {
      title: 'Annat möte', groups: 2,
      agenda: [{ id: 'otherwall', kind: 'wall', title: 'Vägg', headings: [{ id: 'oh', title: 'Rubrik' }] }],
    });
    expect(await refusedCode(s, { workshopId: w.id, facilitatorToken: other.facilitatorToken })).toBe('bad_token');
    expect(await refusedCode(s, { workshopId: other.id, screenToken: w.screenToken })).toBe('bad_token');
    expect(await refusedCode(s, { workshopId: w.id, screenToken: w.facilitatorToken })).toBe('bad_token');
    const token = lastSnapshot(phone).participantToken!;
    expect(await refusedCode(s, { code: other.code, participantToken: token })).toBe('bad_token');

    // Ids of the other workshop mean nothing here.
    const of = await client(s, { workshopId: other.id, facilitatorToken: other.facilitatorToken });
    const otherPhone = await client(s, { code: other.code });
    await otherPhone.send({ type: 'join_group', group: 1 });
    await of.send({ type: 'start_item', item: 'otherwall' });
    const idea = await otherPhone.send({ type: 'add_idea', item: 'otherwall', slot: 'oh', text: 'Deras idé' });
    const ideaId = (idea as unknown as { result: { idea: string } }).result.idea;
    const stranger = lastSnapshot(otherPhone).participant!;
    expect(await phone.send({ type: 'emphasise', idea: ideaId })).toMatchObject({ ok: false, error: { code: 'unknown_idea' } });
    expect(await f.send({ type: 'hide_idea', idea: ideaId })).toMatchObject({ ok: false, error: { code: 'unknown_idea' } });
    expect(await f.send({ type: 'remove_participant', participant: stranger })).toMatchObject({ ok: false, error: { code: 'unknown_participant' } });
    expect(await f.send({ type: 'start_item', item: 'otherwall' })).toMatchObject({ ok: false, error: { code: 'unknown_item' } });
    // A command cannot name its actor or workshop: such fields are refused as unknown.
    expect(await phone.send({ type: 'set_profile', name: 'X', participant: stranger })).toMatchObject({ ok: false, error: { code: 'bad_command' } });
    expect(await phone.send({ type: 'join_group', group: 1, workshopId: other.id })).toMatchObject({ ok: false, error: { code: 'bad_command' } });
    const theirs = await connect(s, { workshopId: other.id, facilitatorToken: other.facilitatorToken });
    expect(lastSnapshot(theirs).state.participants[stranger]!.profile).toEqual({});
    expect(lastSnapshot(theirs).state.ideas[ideaId]!.hidden).toBe(false);
    theirs.close();
  });
});

/** Payloads that are never a valid command: random values, known types with a field no schema has, deep nesting, __proto__. */
const malformed = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }),
  fc.record({
    opId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    type: fc.constantFrom(...Object.keys(SAMPLE), 'nope', '__proto__', 'constructor'),
    item: fc.oneof(fc.constantFrom('ex1', 'ex2', 'vote', 'intro'), fc.string()),
    sneaky: fc.anything({ maxDepth: 2 }),
  }),
  fc.integer({ min: 50, max: 3000 }).map((depth) => {
    let nested: unknown = { opId: 'deep', type: 'add_idea', item: 'ex2', slot: 'h1', text: 'x' };
    for (let i = 0; i < depth; i++) nested = { text: nested };
    return nested;
  }),
  fc.constantFrom(...Object.keys(SAMPLE)).map((type) => JSON.parse(`{"opId":"p","type":"${type}","__proto__":{"role":"facilitator"}}`) as unknown),
  fc.constantFrom(...Object.keys(SAMPLE)).map((type) => ({ opId: 'b', type, text: Buffer.from('binär') })),
);

describe('fuzz against a live server', () => {
  it('thousands of malformed payloads from every role: each refused, the server serves on, the state unchanged', async () => {
    const { s, w, f, screen, phone } = await room();
    await phone.send({ type: 'join_group', group: 1 });
    await f.send({ type: 'start_item', item: 'ex2' });
    await phone.send({ type: 'add_idea', item: 'ex2', slot: 'h1', text: 'Före fuzzen' });
    const before = lastSnapshot(await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).state;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(f, screen, phone), malformed, fc.boolean(), async (c, payload, withoutAck) => {
        sent++;
        if (withoutAck) {
          c.socket.emit('command', payload);
          return;
        }
        const ack = await c.socket.timeout(5000).emitWithAck('command', payload);
        expect(ack.ok).toBe(false);
      }),
      { seed: 1122, numRuns: 3000 },
    );
    expect(sent).toBe(3000);
    const health = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(health.status).toBe(200);
    const after = lastSnapshot(await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).state;
    expect(after).toEqual(before);
    // Every socket is still connected and still works.
    for (const c of [f, screen, phone]) expect(c.socket.connected).toBe(true);
    expect(await phone.send({ type: 'add_idea', item: 'ex2', slot: 'h1', text: 'Efter fuzzen' })).toMatchObject({ ok: true });
  });

  it('a message over the size limit closes only that connection', async () => {
    const { s, w, phone } = await room();
    const closed = new Promise((resolve) => phone.socket.on('disconnect', resolve));
    phone.socket.emit('command', { opId: 'big', type: 'add_idea', item: 'ex2', slot: 'h1', text: 'x'.repeat(40_000) });
    await closed;
    const again = await client(s, { code: w.code });
    expect(again.socket.connected).toBe(true);
  });
});

describe('rate limits', () => {
  it('a socket over its command limit is told so, and the same command is taken once the window has passed', async () => {
    const s = await server(undefined, { commands: 5, commandWindowSeconds: 1 });
    const w = await createWorkshop(s, examplePlanJson);
    const phone = await client(s, { code: w.code });
    const acks = [];
    for (let i = 0; i < 8; i++) acks.push(await phone.socket.emitWithAck('command', { opId: `r${i}`, type: 'set_profile', name: `N${i}` }));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'rate_limited', 'rate_limited', 'rate_limited']);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await phone.socket.emitWithAck('command', { opId: 'r7', type: 'set_profile', name: 'N7' })).toEqual({ ok: true });
  });

  it('300 joins in a minute from one address all get in; 100 wrong codes stop new joins from it, not resuming phones', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const joined: Client[] = [];
    for (let i = 0; i < 300; i++) {
      const c = await connect(s, { code: w.code });
      joined.push(c);
      c.close();
    }
    expect(joined.every((c) => lastSnapshot(c).participantToken)).toBe(true);
    const token = lastSnapshot(joined[0]!).participantToken!;
    for (let i = 0; i < 99; i++) expect(await refusedCode(s, { code: 'ZZZZZZ' })).toBe('unknown_code');
    expect(await refusedCode(s, { code: w.code })).toBe('connected');
    expect(await refusedCode(s, { code: 'ZZZZZZ' })).toBe('unknown_code');
    // The hundredth failure used up the address's allowance: even the right code waits now…
    expect(await refusedCode(s, { code: w.code })).toBe('rate_limited');
    expect(await refusedCode(s, { code: 'ZZZZZZ' })).toBe('rate_limited');
    // …but a phone resuming with its token, the facilitator and the screen still get in.
    expect(await refusedCode(s, { code: w.code, participantToken: token })).toBe('connected');
    expect(await refusedCode(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).toBe('connected');
    expect(await refusedCode(s, { workshopId: w.id, screenToken: w.screenToken })).toBe('connected');
  });

  it('an address that has created or imported its allowance of workshops gets 429 before its body is read, and nothing is stored', async () => {
    const dbPath = tempDb();
    const s = await server(dbPath, { workshops: 3 });
    const stored = () => {
      const db = new Database(dbPath, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n;
      db.close();
      return n;
    };
    const post = (path: string, body: string) =>
      fetch(`http://127.0.0.1:${s.port}/api/workshops${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const w = await createWorkshop(s, examplePlanJson);
    const archive = await (await fetch(`http://127.0.0.1:${s.port}/api/workshops/${w.id}/minutes.json`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).text();
    expect((await post('', '{"title":')).status).toBe(400); // a bad plan counts too: parsing it costs the server
    expect((await post('/import', archive)).status).toBe(201);
    expect(stored()).toBe(2);
    for (const [path, body] of [['', JSON.stringify(examplePlanJson)], ['/import', archive]] as const) {
      const res = await post(path, body);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3000);
      expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    }
    expect(stored()).toBe(2);
    // Facilitators of the workshops already made carry on.
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    expect(await f.send({ type: 'start_item', item: 'intro' })).toEqual({ ok: true });
  });
});
