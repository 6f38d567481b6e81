import { describe, expect, it } from 'vitest';
import type { Idea, Snapshot } from '@karusell/shared';
import type { Karusell } from '../src/app';
import { createWorkshop, lastSnapshot, received, tempDb, until, useServers, type Client } from './harness';

const plan = (extra: Record<string, unknown> = {}, stations = 4) => ({
  title: 'Karusell 4×4', language: 'sv', groups: 4,
  agenda: [
    { id: 'intro', kind: 'talk', title: 'Intro' },
    {
      id: 'ex1', kind: 'carousel', title: 'Förutsättningar för samverkan', roundMinutes: 8,
      stations: Array.from({ length: stations }, (_, i) => ({ id: `s${i + 1}`, prompt: `Fråga ${i + 1}` })), ...extra,
    },
  ],
});

const { server, client, stop } = useServers();
const ideasOf = (snapshot: Snapshot): Idea[] => snapshot.state.ideaOrder.map((id) => snapshot.state.ideas[id]!);

/** A workshop with a facilitator, a screen and one phone in each of groups 1..4 (and one without a group). */
async function room(extra?: Record<string, unknown>, stations?: number) {
  const s = await server();
  const w = await createWorkshop(s, plan(extra, stations));
  const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
  const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
  const phones: Client[] = [];
  for (let g = 1; g <= 4; g++) {
    const p = await client(s, { code: w.code });
    expect(await p.send({ type: 'join_group', group: g })).toEqual({ ok: true });
    phones.push(p);
  }
  const loner = await client(s, { code: w.code });
  return { s, w, f, screen, phones, loner };
}

describe('the carousel with real clients, 4 groups × 4 stations', () => {
  it('runs rounds: each phone sees only its station, ideas and emphasis reach facilitator and screen', async () => {
    const { f, screen, phones, loner } = await room();
    const resynced = phones.map((p) => p.snapshots.length);
    expect(await f.send({ type: 'start_item', item: 'ex1' })).toEqual({ ok: true });
    await until(() => phones.every((p, i) => p.snapshots.length > resynced[i]!), 'fresh snapshots on start');
    expect(lastSnapshot(phones[0]!).state.items.ex1).toMatchObject({ round: 0, timer: { state: 'running' } });

    const ack = await phones[0]!.send({ type: 'add_idea', item: 'ex1', slot: 's1', text: 'Blanda kompetens, lära av varandra' });
    expect(ack).toMatchObject({ ok: true, result: { idea: expect.any(String) } });
    const ideaId = (ack as unknown as { result: { idea: string } }).result.idea;
    await until(() => received(f, 'idea_added').length === 1 && received(screen, 'idea_added').length === 1, 'the idea on facilitator and screen');
    await until(() => received(phones[0]!, 'idea_added').length === 1, 'the idea on its own group');
    expect(received(phones[1]!, 'idea_added')).toHaveLength(0);

    const refusals: [Client, Record<string, unknown>, string][] = [
      [phones[0]!, { type: 'add_idea', item: 'ex1', slot: 's2', text: 'För tidigt' }, 'not_at_station'],
      [loner, { type: 'add_idea', item: 'ex1', slot: 's1', text: 'Ingen grupp' }, 'no_group'],
      [phones[0]!, { type: 'add_idea', item: 'ex1', slot: 's1', text: '   ' }, 'empty_text'],
      [phones[0]!, { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x'.repeat(501) }, 'text_too_long'],
      [phones[1]!, { type: 'emphasise', idea: ideaId }, 'not_at_station'],
      [phones[0]!, { type: 'next_round', item: 'ex1' }, 'forbidden'],
      [f, { type: 'set_groups', count: 2 }, 'group_item_running'],
    ];
    for (const [who, command, code] of refusals) {
      expect(await who.send(command), code).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    }

    const before = phones.map((p) => p.snapshots.length);
    expect(await f.send({ type: 'next_round', item: 'ex1' })).toEqual({ ok: true });
    await until(() => phones.every((p, i) => p.snapshots.length > before[i]!), 'fresh snapshots on the next round');
    const group4 = lastSnapshot(phones[3]!);
    expect(group4.state.items.ex1?.round).toBe(1);
    expect(ideasOf(group4).map((i) => i.text)).toEqual(['Blanda kompetens, lära av varandra']);
    expect(ideasOf(lastSnapshot(phones[0]!))).toEqual([]);

    expect(await phones[3]!.send({ type: 'emphasise', idea: ideaId })).toEqual({ ok: true });
    expect(await phones[3]!.send({ type: 'emphasise', idea: ideaId })).toEqual({ ok: true });
    await until(() => received(f, 'emphasis_added').length === 1 && received(screen, 'emphasis_added').length === 1, 'emphasis everywhere');
    expect(received(f, 'emphasis_added')[0]).toMatchObject({ idea: ideaId, supporter: 'g:4' });

    const late = await phones[0]!.send({ type: 'add_idea', item: 'ex1', slot: 's1', text: 'Skrevs på låst telefon' });
    expect(late.ok).toBe(true);
    await until(() => received(f, 'idea_added').length === 2, 'the late idea');
    expect(received(f, 'idea_added').map((e) => (e as { idea: Idea }).idea.slot)).toEqual(['s1', 's1']);

    for (let r = 2; r < 4; r++) expect(await f.send({ type: 'next_round', item: 'ex1' })).toEqual({ ok: true });
    expect(await f.send({ type: 'next_round', item: 'ex1' })).toMatchObject({ ok: false, error: { code: 'last_round' } });
    expect(await f.send({ type: 'end_item', item: 'ex1' })).toEqual({ ok: true });
    expect(await phones[0]!.send({ type: 'add_idea', item: 'ex1', slot: 's1', text: 'Efteråt' })).toMatchObject({ ok: false, error: { code: 'item_not_running' } });
  });

  it('a duplicated opId adds one idea and answers the same', async () => {
    const { f, phones } = await room();
    await f.send({ type: 'start_item', item: 'ex1' });
    const command = { opId: 'idea-once', type: 'add_idea', item: 'ex1', slot: 's2', text: 'En gång' };
    const first = await phones[1]!.socket.emitWithAck('command', command);
    const second = await phones[1]!.socket.emitWithAck('command', command);
    expect(first).toMatchObject({ ok: true, result: { idea: expect.any(String) } });
    expect(second).toEqual(first);
    const other = await phones[2]!.socket.emitWithAck('command', { ...command, slot: 's3' });
    expect(other).not.toEqual(first);
    await until(() => received(f, 'idea_added').length === 2, 'two ideas');
    await new Promise((r) => setTimeout(r, 100));
    expect(received(f, 'idea_added')).toHaveLength(2);
  });

  it('the facilitator types in a paper table\'s idea at any station; pause, resume and +1 min reach every role', async () => {
    const { f, screen, phones } = await room();
    await f.send({ type: 'start_item', item: 'ex1' });
    expect(await f.send({ type: 'add_idea', item: 'ex1', slot: 's3', text: 'Från pappret', group: 1 })).toMatchObject({ ok: true });
    expect(await f.send({ type: 'pause_timer', item: 'ex1' })).toEqual({ ok: true });
    expect(await f.send({ type: 'extend_timer', item: 'ex1', seconds: 60 })).toEqual({ ok: true });
    expect(await f.send({ type: 'resume_timer', item: 'ex1' })).toEqual({ ok: true });
    for (const c of [screen, ...phones]) {
      await until(() => received(c, 'timer_resumed').length === 1, 'the resumed timer');
      expect(received(c, 'timer_extended')).toHaveLength(1);
    }
    const resumed = received(f, 'timer_resumed')[0] as unknown as { timer: { state: string; deadline: number } };
    const remaining = resumed.timer.deadline - Date.now();
    expect(remaining).toBeGreaterThan(8.5 * 60_000);
    expect(remaining).toBeLessThanOrEqual(9 * 60_000);
    expect(received(phones[2]!, 'idea_added')).toHaveLength(1);
  });

  it('autoAdvance moves on when the time is up, and stops at the last round', async () => {
    const { f, phones } = await room({ roundMinutes: 0.01, autoAdvance: true }, 2);
    await f.send({ type: 'start_item', item: 'ex1' });
    await until(() => received(f, 'round_started').length === 2, 'the automatic second round', 5000);
    await new Promise((r) => setTimeout(r, 1200));
    expect(received(f, 'round_started').map((e) => (e as { round: number }).round)).toEqual([0, 1]);
    expect(lastSnapshot(phones[0]!).state.items.ex1?.round).toBe(1);
    expect(await f.send({ type: 'next_round', item: 'ex1', round: 0 })).toEqual({ ok: true });
    expect(received(f, 'round_started')).toHaveLength(2);
  });

  it('a phone that drops right after a round change comes back to its new station', async () => {
    const { s, f, phones } = await room();
    await f.send({ type: 'start_item', item: 'ex1' });
    await phones[1]!.send({ type: 'add_idea', item: 'ex1', slot: 's2', text: 'Vid station 2' });
    const phone = phones[0]!;
    await until(() => lastSnapshot(phone).state.items.ex1?.round === 0, 'round 0 on the phone');
    const seqBefore = Math.max(lastSnapshot(phone).seq, ...phone.batches.map((b) => b.seq));
    expect(await f.send({ type: 'next_round', item: 'ex1' })).toEqual({ ok: true });
    // Round changes reach phones only as snapshots, so a phone's seq never passes a change it lacks the wall for.
    await new Promise((r) => setTimeout(r, 100));
    expect(received(phone, 'round_started')).toHaveLength(0);
    const { participantToken } = phone.snapshots[0]!;
    phone.close();
    const back = await client(s, { code: lastSnapshot(f).info.code, participantToken, lastSeq: seqBefore });
    expect(lastSnapshot(back).state.items.ex1?.round).toBe(1);
    expect(ideasOf(lastSnapshot(back)).map((i) => i.text)).toEqual(['Vid station 2']);
  });
});

describe('the timer across a restart', () => {
  it('keeps the deadline from the log, re-arms autoAdvance, and a late phone gets the same timer and the server clock', async () => {
    const dbPath = tempDb();
    const s1 = await server(dbPath);
    const w = await createWorkshop(s1, plan({ roundMinutes: 0.05, autoAdvance: true }, 3));
    const f = await client(s1, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    await f.send({ type: 'start_item', item: 'ex1' });
    const started = received(f, 'round_started')[0] as unknown as { timer: { deadline: number } };
    f.close();
    await stop(s1);

    const s2 = await server(dbPath);
    const f2 = await client(s2, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    expect(lastSnapshot(f2).state.items.ex1?.timer).toEqual(started.timer);
    const late = await client(s2, { code: w.code });
    expect(lastSnapshot(late).state.items.ex1?.timer).toEqual(started.timer);
    expect(Math.abs(lastSnapshot(late).serverNow - Date.now())).toBeLessThan(2000);
    await until(() => received(f2, 'round_started').length === 1, 'auto advance armed again after the restart', 8000);
    expect(received(f2, 'round_started')[0]).toMatchObject({ round: 1 });
  });

  it('a paused timer stays paused with the same time left after a restart', async () => {
    const dbPath = tempDb();
    const s1 = await server(dbPath);
    const w = await createWorkshop(s1, plan());
    const f = await client(s1, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    await f.send({ type: 'start_item', item: 'ex1' });
    await f.send({ type: 'pause_timer', item: 'ex1' });
    await until(() => received(f, 'timer_paused').length === 1, 'the pause');
    const paused = received(f, 'timer_paused')[0] as unknown as { timer: { state: string; remainingMs: number } };
    f.close();
    await stop(s1);
    const s2 = await server(dbPath);
    const f2 = await client(s2, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    expect(lastSnapshot(f2).state.items.ex1?.timer).toEqual(paused.timer);
    expect(paused.timer).toMatchObject({ state: 'paused' });
  });
});
