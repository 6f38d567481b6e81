import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { io } from 'socket.io-client';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import type { Karusell } from '../src/app';
import { createWorkshop, refusedCode, tempDb, until, useServers } from './harness';

const { server, client, stop } = useServers();
const url = (s: Karusell, path: string) => `http://127.0.0.1:${s.port}${path}`;

describe('creating a workshop over HTTP', () => {
  it('answers 201 with id, code, tokens and the three links', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    expect(w.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(w.facilitatorToken.length).toBeGreaterThanOrEqual(22);
    expect(w.screenToken).not.toBe(w.facilitatorToken);
    expect(w.joinUrl).toBe(`${s.base}/?code=${w.code}`);
    expect(w.facilitatorUrl).toBe(`${s.base}/facilitator#workshop=${w.id}&token=${w.facilitatorToken}`);
    expect(w.screenUrl).toBe(`${s.base}/screen#workshop=${w.id}&token=${w.screenToken}`);
    const other = await createWorkshop(s, examplePlanJson);
    expect(other.code).not.toBe(w.code);
  });

  it('refuses a bad plan with 400 naming the field, and creates nothing', async () => {
    const dbPath = tempDb();
    const s = await server(dbPath);
    const plan = structuredClone(examplePlanJson) as { agenda: { stations?: unknown }[] };
    plan.agenda[2]!.stations = [];
    const res = await fetch(url(s, '/api/workshops'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error.code).toBe('invalid_plan');
    expect(body.error.field).toBe('agenda[2].stations');
    expect(body.error.message).toContain('agenda[2].stations');
    const bad = await fetch(url(s, '/api/workshops'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_json');
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM workshops').get()).toEqual({ n: 0 });
    db.close();
  });

  it('healthz answers 200; minutes need the facilitator token; DELETE removes everything', async () => {
    const s = await server();
    expect((await fetch(url(s, '/healthz'))).status).toBe(200);
    const w = await createWorkshop(s, examplePlanJson);
    const auth = { authorization: `Bearer ${w.facilitatorToken}` };
    expect((await fetch(url(s, `/api/workshops/${w.id}/minutes.md`))).status).toBe(401);
    expect((await fetch(url(s, `/api/workshops/${w.id}/minutes.md`), { headers: { authorization: `Bearer ${w.screenToken}` } })).status).toBe(401);
    expect((await fetch(url(s, `/api/workshops/nope/minutes.md`), { headers: auth })).status).toBe(401);
    expect((await fetch(url(s, `/api/workshops/${w.id}/minutes.md`), { headers: auth })).status).toBe(200);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    expect((await fetch(url(s, `/api/workshops/${w.id}`), { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(url(s, `/api/workshops/${w.id}`), { method: 'DELETE', headers: auth })).status).toBe(204);
    await until(() => f.socket.disconnected, 'the facilitator to be disconnected');
    expect((await fetch(url(s, `/api/workshops/${w.id}/minutes.md`), { headers: auth })).status).toBe(401);
    expect(await refusedCode(s, { code: w.code })).toBe('unknown_code');
  });
});

describe('the three roles over Socket.IO', () => {
  it('joins by code in any case, sets a profile, joins a group; each role sees what it may', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
    expect(f.snapshots[0]).toMatchObject({ role: 'facilitator', info: { id: w.id, code: w.code, joinUrl: w.joinUrl } });
    expect(screen.snapshots[0]?.role).toBe('screen');

    const joined = f.nextEvent('participant_joined');
    const p = await client(s, { code: ` ${w.code.toLowerCase()} ` });
    const snap = p.snapshots[0]!;
    expect(snap.role).toBe('participant');
    expect(snap.participantToken).toMatch(/^[\w-]{32}$/);
    expect(Object.keys(snap.state.participants)).toEqual([snap.participant]);
    await joined;

    const profiled = f.nextEvent('profile_set');
    expect(await p.send({ type: 'set_profile', name: 'Anna', organisation: 'Röda Korset', sector: 'civil' })).toEqual({ ok: true });
    expect((await profiled).events[0]).toMatchObject({ participant: snap.participant, profile: { name: 'Anna', organisation: 'Röda Korset', sector: 'civil' } });
    const grouped = screen.nextEvent('group_joined');
    expect(await p.send({ type: 'join_group', group: 3 })).toEqual({ ok: true });
    await grouped;
    expect(screen.batches.flatMap((b) => b.events).map((e) => e.type)).toEqual(['participant_joined', 'group_joined']);
    expect(JSON.stringify(screen.batches)).not.toContain('Anna');
  });

  it('applies a duplicate opId once and answers it the same', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const command = { opId: 'same-op', type: 'add_note', item: 'intro', text: 'En gång.' };
    const first = await f.socket.emitWithAck('command', command);
    const second = await f.socket.emitWithAck('command', command);
    expect(first).toMatchObject({ ok: true, result: { note: expect.any(String) } });
    expect(second).toEqual(first);
    await until(() => f.batches.length >= 1, 'the note event');
    await new Promise((r) => setTimeout(r, 100));
    expect(f.batches.flatMap((b) => b.events).filter((e) => e.type === 'note_added')).toHaveLength(1);
  });

  it('refuses a participant sending a facilitator command, with a code, and stays connected', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const p = await client(s, { code: w.code });
    const ack = await p.send({ type: 'start_item', item: 'intro' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Din roll får inte göra det här.' } });
    expect(await p.send({ type: 'join_group', group: 99 })).toMatchObject({ ok: false, error: { code: 'no_such_group' } });
    expect(await p.send({ type: 'join_group', group: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_command', field: 'group' } });
    expect(await p.send({ type: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
    expect(await screen.send({ type: 'end_workshop' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(p.socket.connected).toBe(true);
  });

  it('runs a talk: start, notes of several paragraphs, end; phones follow but never see notes', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const p = await client(s, { code: w.code });
    expect(await f.send({ type: 'start_item', item: 'intro' })).toEqual({ ok: true });
    // Phones get a fresh snapshot when the running item changes (what they work on changed).
    await until(() => p.snapshots.at(-1)?.state.running === 'intro', 'the phone to follow the item');
    const note = await f.send({ type: 'add_note', item: 'intro', text: 'Första stycket.\n\nAndra stycket.' });
    expect(note.ok).toBe(true);
    const noteId = (note as unknown as { result: { note: string } }).result.note;
    expect(await f.send({ type: 'edit_note', note: noteId, text: 'Rättat.\n\nAndra.' })).toEqual({ ok: true });
    const switched = f.nextEvent('item_ended');
    expect(await f.send({ type: 'start_item', item: 'update' })).toEqual({ ok: true });
    expect((await switched).events.map((e) => e.type)).toEqual(['item_ended', 'item_started']);
    await until(() => p.snapshots.at(-1)?.state.running === 'update', 'the phone to follow the switch');
    expect(p.batches.flatMap((b) => b.events).some((e) => e.type.startsWith('note_'))).toBe(false);
    expect(p.snapshots.every((snap) => Object.keys(snap.state.notes).length === 0)).toBe(true);
    const f2 = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const state = f2.snapshots[0]!.state;
    expect(state.running).toBe('update');
    expect(state.notes[noteId]?.text).toBe('Rättat.\n\nAndra.');
    const p2 = await client(s, { code: w.code });
    expect(p2.snapshots[0]!.state.notes).toEqual({});
  });

  it('refuses bad connections with the contract codes', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    expect(await refusedCode(s, { code: 'ZZZZZZ' })).toBe('unknown_code');
    expect(await refusedCode(s, { code: 'not a code' })).toBe('unknown_code');
    expect(await refusedCode(s, { workshopId: w.id, facilitatorToken: w.screenToken })).toBe('bad_token');
    expect(await refusedCode(s, { workshopId: w.id, screenToken: 'x'.repeat(32) })).toBe('bad_token');
    expect(await refusedCode(s, { workshopId: 'nope', facilitatorToken: w.facilitatorToken })).toBe('bad_token');
    expect(await refusedCode(s, { code: w.code, participantToken: 'forged' })).toBe('bad_token');
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const p = await client(s, { code: w.code });
    const token = p.snapshots[0]!.participantToken!;
    expect(await f.send({ type: 'lock_workshop', locked: true })).toEqual({ ok: true });
    expect(await refusedCode(s, { code: w.code })).toBe('locked');
    expect(await refusedCode(s, { code: w.code, participantToken: token })).toBe('connected');
    expect(await f.send({ type: 'remove_participant', participant: p.snapshots[0]!.participant })).toEqual({ ok: true });
    expect(await refusedCode(s, { code: w.code, participantToken: token })).toBe('removed');
    expect(await f.send({ type: 'end_workshop' })).toEqual({ ok: true });
    expect(await refusedCode(s, { code: w.code })).toBe('ended');
  });

  it('refuses a browser from another Origin', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const socket = io(`http://127.0.0.1:${s.port}`, {
      auth: { code: w.code }, transports: ['websocket'], reconnection: false, forceNew: true,
      extraHeaders: { origin: 'http://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
    const same = io(`http://127.0.0.1:${s.port}`, {
      auth: { code: w.code }, transports: ['websocket'], reconnection: false, forceNew: true,
      extraHeaders: { origin: `http://127.0.0.1:${s.port}` },
    });
    await new Promise<void>((resolve) => same.once('snapshot', () => resolve()));
    same.close();
  });
});

describe('coming back', () => {
  it('a first connection retried with the same joinKey is the same participant, with a working token', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const joinKey = 'k'.repeat(10) + 'abcdefghij';
    const first = await client(s, { code: w.code, joinKey });
    first.close();
    const retry = await client(s, { code: w.code, joinKey });
    expect(retry.snapshots[0]!.participant).toBe(first.snapshots[0]!.participant);
    expect(retry.snapshots[0]!.participantToken).not.toBe(first.snapshots[0]!.participantToken);
    const other = await client(s, { code: w.code, joinKey: 'z'.repeat(20) });
    expect(other.snapshots[0]!.participant).not.toBe(first.snapshots[0]!.participant);
    for (const token of [first.snapshots[0]!.participantToken, retry.snapshots[0]!.participantToken]) {
      expect(await refusedCode(s, { code: w.code, participantToken: token })).toBe('connected');
    }
    expect(await refusedCode(s, { code: w.code, participantToken: 123 })).toBe('bad_token');
    await until(() => f.batches.flatMap((b) => b.events).filter((e) => e.type === 'participant_joined').length === 2, 'two joins');
  });

  it('a removed participant is disconnected and cannot come back', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const p = await client(s, { code: w.code });
    const me = p.snapshots[0]!.participant!;
    expect(await f.send({ type: 'remove_participant', participant: me })).toEqual({ ok: true });
    await until(() => p.socket.disconnected, 'the removed phone to be disconnected');
    expect(p.snapshots.at(-1)!.state.participants[me]?.removed).toBe(true);
    expect(await refusedCode(s, { code: w.code, participantToken: p.snapshots[0]!.participantToken })).toBe('removed');
  });

  it('a refused op resent after the state changed gets the same refusal', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const end = { opId: 'end-intro', type: 'end_item', item: 'intro' };
    const first = await f.socket.emitWithAck('command', end);
    expect(first).toMatchObject({ ok: false, error: { code: 'item_not_running' } });
    await f.send({ type: 'start_item', item: 'intro' });
    expect(await f.socket.emitWithAck('command', end)).toEqual(first);
  });

  it('a reconnecting facilitator with lastSeq gets only what it missed; a phone gets a fresh snapshot', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const p = await client(s, { code: w.code });
    const { participantToken } = p.snapshots[0]!;
    const seq = f.snapshots[0]!.seq + 1;
    f.close();
    p.close();
    await (await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).send({ type: 'start_item', item: 'intro' });
    const other = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    await other.send({ type: 'add_note', item: 'intro', text: 'Hemligt för telefoner.' });
    await other.send({ type: 'set_groups', count: 4 });
    const back = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken, lastSeq: seq });
    expect(back.snapshots).toHaveLength(0);
    expect(back.batches[0]!.events.map((e) => e.type)).toEqual(['item_started', 'note_added', 'groups_set']);
    expect(back.batches[0]!.seq).toBe(seq + 3);
    const phone = await client(s, { code: w.code, participantToken, lastSeq: seq });
    expect(phone.snapshots[0]).toMatchObject({ seq: seq + 3, state: { running: 'intro', groups: 4, notes: {} } });
    const current = await client(s, { code: w.code, participantToken, lastSeq: seq + 3 });
    expect(current.batches[0]).toMatchObject({ seq: seq + 3, events: [] });
    const stale = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken, lastSeq: 10_000 });
    expect(stale.snapshots[0]?.seq).toBe(seq + 3);
  });

  it('a restart from the same database keeps everything, and the phone resumes as itself', async () => {
    const dbPath = tempDb();
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const s1 = await server(dbPath);
    const w = await createWorkshop(s1, examplePlanJson);
    const f = await client(s1, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const p = await client(s1, { code: w.code });
    const { participantToken, participant } = p.snapshots[0]!;
    await p.send({ type: 'join_group', group: 2 });
    await f.send({ type: 'start_item', item: 'intro' });
    const note = await f.send({ type: 'add_note', item: 'intro', text: 'Sparas.' });
    const seq = f.snapshots[0]!.seq + 4;
    p.close();
    f.close();
    await stop(s1);

    const s2 = await server(dbPath);
    const f2 = await client(s2, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const state = f2.snapshots[0]!.state;
    expect(f2.snapshots[0]!.seq).toBe(seq);
    expect(state.running).toBe('intro');
    expect(state.participants[participant!]?.group).toBe(2);
    expect(Object.values(state.notes).map((n) => n.text)).toEqual(['Sparas.']);
    const p2 = await client(s2, { code: w.code, participantToken });
    expect(p2.snapshots[0]).toMatchObject({ participant, state: { running: 'intro' } });
    expect(p2.snapshots[0]!.state.participants[participant!]?.group).toBe(2);
    expect(note.ok).toBe(true);
    const printed = [...log.mock.calls, ...error.mock.calls].flat().join(' ');
    for (const secret of [w.facilitatorToken, w.screenToken, participantToken!]) expect(printed).not.toContain(secret);
    log.mockRestore();
    error.mockRestore();
  });
});
