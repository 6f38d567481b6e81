import { describe, expect, it } from 'vitest';
import {
  formatMean, voteProgress, voteResult, type DotsResult, type RankingResult, type ScaleResult, type VoteItem,
  type WorkshopState,
} from '@karusell/shared';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import { createWorkshop, heldState, lastSnapshot, received, tempDb, until, useServers, type Client } from './harness';

const { server, client, stop } = useServers();
const last = lastSnapshot;

const view = (c: Client) => heldState(c);
const voteItem = (state: WorkshopState, id: string) => state.plan.agenda.find((i) => i.id === id) as VoteItem;
const refused = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

describe('a priority vote by group over real sockets (the reference ranking, results on close)', () => {
  it('groups cast and replace ballots, others see only the count until the facilitator reveals', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
    const phones: Client[] = [];
    for (const g of [1, 2, 3, 1]) {
      const p = await client(s, { code: w.code });
      expect(await p.send({ type: 'join_group', group: g })).toEqual({ ok: true });
      phones.push(p);
    }
    const loner = await client(s, { code: w.code });
    const [g1, g2, g3, g1b] = phones as [Client, Client, Client, Client];

    expect(await g1.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } })).toEqual(refused('item_not_running'));
    expect(await f.send({ type: 'start_item', item: 'vote' })).toEqual({ ok: true });
    await until(() => [screen, ...phones].every((c) => view(c).running === 'vote'), 'the vote running everywhere');

    expect(await g1.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } })).toEqual({ ok: true });
    // The group's other member sees the group's ballot; the others only that one group has voted.
    await until(() => view(g1b).votes.vote?.ballots['g:1'] !== undefined, 'the group ballot on the other member\'s phone');
    await until(() => view(screen).votes.vote?.voted === 1 && view(g2).votes.vote?.voted === 1, 'the count on the screen and phones');
    expect(await g1b.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 3, h2: 1, h3: 2 } })).toEqual({ ok: true });
    await until(() => view(g1).votes.vote?.ballots['g:1']?.ballot.kind === 'ranking'
      && JSON.stringify(view(g1).votes.vote!.ballots['g:1']!.ballot) === JSON.stringify({ kind: 'ranking', ranks: { h1: 3, h2: 1, h3: 2 } }), 'the replaced ballot on the first member\'s phone');

    const refusals: [Client, Record<string, unknown>, string][] = [
      [g2, { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2 } }, 'missing_option'],
      [g2, { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 4 } }, 'rank_out_of_range'],
      [g2, { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3, s1: 1 } }, 'unknown_option'],
      [g2, { type: 'cast_scale', item: 'vote', value: 3 }, 'wrong_vote_kind'],
      [loner, { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } }, 'no_group'],
      [f, { type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } }, 'forbidden'],
      [screen, { type: 'reveal_results', item: 'vote' }, 'forbidden'],
      [g2, { type: 'reveal_results', item: 'vote' }, 'forbidden'],
      [f, { type: 'reveal_results', item: 'talk2' }, 'not_a_vote'],
    ];
    for (const [who, command, code] of refusals) expect(await who.send(command), code).toMatchObject(refused(code));
    expect(await g2.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 2, h2: 1, h3: 1 } })).toEqual({ ok: true });
    expect(await g3.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 3, h2: 1, h3: 1 } })).toEqual({ ok: true });
    expect(await f.send({ type: 'end_item', item: 'vote' })).toEqual({ ok: true });
    expect(await g3.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 1, h3: 1 } })).toEqual(refused('item_not_running'));

    // Closed but not revealed: the screen and the phones still hold only the count (and their own group's ballot).
    await until(() => view(screen).votes.vote?.voted === 3 && view(screen).running === null, 'three groups counted on the screen');
    expect(view(screen).votes.vote!.ballots).toEqual({});
    expect(Object.keys(view(g2).votes.vote!.ballots)).toEqual(['g:2']);
    expect(received(screen, 'ballot_cast')).toHaveLength(0);
    expect(received(g2, 'ballot_cast').map((e) => (e as { voter: string }).voter)).toEqual(['g:2']);
    const facilitatorView = view(f);
    expect(voteProgress(facilitatorView, voteItem(facilitatorView, 'vote'))).toEqual({ voted: 3, expected: 3 });

    const before = screen.snapshots.length;
    expect(await f.send({ type: 'reveal_results', item: 'vote' })).toEqual({ ok: true });
    await until(() => screen.snapshots.length > before && view(g2).votes.vote?.revealed === true, 'the results revealed');
    for (const c of [screen, g2, f]) {
      const state = view(c);
      const result = voteResult(state, voteItem(state, 'vote')) as RankingResult;
      expect(result.voters).toEqual(['g:1', 'g:2', 'g:3']);
      expect(result.rows.map((r) => r.values)).toEqual([[3, 2, 3], [1, 1, 1], [2, 1, 1]]);
      expect(result.rows.map((r) => formatMean(r.mean, 'sv'))).toEqual(['2,7', '1,0', '1,3']);
      expect(result.order).toEqual(['h2', 'h3', 'h1']);
    }
  });
});

const dotsPlan = {
  title: 'Prickar och skala', language: 'sv',
  agenda: [
    { id: 'wall', kind: 'wall', title: 'Idéer', headings: [{ id: 'a', title: 'Först' }, { id: 'b', title: 'Sedan' }] },
    { id: 'dots', kind: 'dots', title: 'Vilka idéer ska vi börja med?', wall: 'wall', dotsPerVoter: 3, maxPerIdea: 2 },
    { id: 'scale', kind: 'scale', title: 'Hur nöjd är du med mötet?', min: 1, max: 5, reveal: 'live' },
  ],
};

describe('dots and a scale by participant over real sockets', () => {
  it('dots go on the wall\'s visible ideas within the limits; a scale is live; ballots survive a restart', async () => {
    const db = tempDb();
    const s = await server(db);
    const w = await createWorkshop(s, dotsPlan);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
    const phones = [await client(s, { code: w.code }), await client(s, { code: w.code }), await client(s, { code: w.code })];
    const [p1, p2, p3] = phones as [Client, Client, Client];

    expect(await f.send({ type: 'start_item', item: 'wall' })).toEqual({ ok: true });
    const ideas: string[] = [];
    for (const [p, slot, text] of [[p1, 'a', 'Gemensam kalender'], [p2, 'a', 'Fika'], [p3, 'b', 'Dold idé'], [p1, 'b', 'Mötesarvoden']] as const) {
      const ack = await p.send({ type: 'add_idea', item: 'wall', slot, text });
      ideas.push((ack as unknown as { result: { idea: string } }).result.idea);
    }
    const [kalender, fika, dold, arvoden] = ideas as [string, string, string, string];
    expect(await f.send({ type: 'hide_idea', idea: dold })).toEqual({ ok: true });
    expect(await f.send({ type: 'start_item', item: 'dots' })).toEqual({ ok: true });
    // During the dots vote every phone holds the wall's visible ideas, not the hidden one.
    await until(() => phones.every((p) => view(p).running === 'dots'), 'the dots vote on the phones');
    for (const p of phones) expect(view(p).ideaOrder).toEqual([kalender, fika, arvoden]);

    const refusals: [Client, Record<string, unknown>, string][] = [
      [p1, { type: 'cast_dots', item: 'dots', dots: { [kalender]: 2, [fika]: 2 } }, 'too_many_dots'],
      [p1, { type: 'cast_dots', item: 'dots', dots: { [kalender]: 3 } }, 'too_many_on_idea'],
      [p1, { type: 'cast_dots', item: 'dots', dots: { [dold]: 1 } }, 'unknown_idea'],
      [p1, { type: 'cast_dots', item: 'dots', dots: { [kalender]: -1 } }, 'bad_command'],
      [p1, { type: 'cast_ranking', item: 'dots', ranks: {} }, 'wrong_vote_kind'],
      [p1, { type: 'cast_scale', item: 'scale', value: 4 }, 'item_not_running'],
    ];
    for (const [who, command, code] of refusals) expect(await who.send(command), code).toMatchObject(refused(code));
    expect(await p1.send({ type: 'cast_dots', item: 'dots', dots: { [kalender]: 2, [fika]: 1 } })).toEqual({ ok: true });
    expect(await p1.send({ type: 'cast_dots', item: 'dots', dots: { [arvoden]: 2, [fika]: 1 } })).toEqual({ ok: true });
    expect(await p2.send({ type: 'cast_dots', item: 'dots', dots: { [arvoden]: 1 } })).toEqual({ ok: true });
    await until(() => view(screen).votes.dots?.voted === 2, 'two voters counted on the screen');
    expect(view(screen).votes.dots!.ballots).toEqual({});
    expect(await f.send({ type: 'reveal_results', item: 'dots' })).toEqual({ ok: true });
    await until(() => view(screen).votes.dots?.revealed === true, 'dots revealed');
    const dots = voteResult(view(screen), voteItem(view(screen), 'dots')) as DotsResult;
    expect(dots.ideas.map(({ idea, dots: n }) => [idea.text, n])).toEqual([['Mötesarvoden', 3], ['Fika', 1], ['Gemensam kalender', 0]]);

    expect(await f.send({ type: 'start_item', item: 'scale' })).toEqual({ ok: true });
    expect(await p1.send({ type: 'cast_scale', item: 'scale', value: 0 })).toEqual(refused('value_out_of_range'));
    for (const [p, value] of [[p1, 5], [p2, 4], [p3, 4]] as const) expect(await p.send({ type: 'cast_scale', item: 'scale', value })).toEqual({ ok: true });
    // A live scale: the ballots themselves reach the screen and every phone as they come.
    await until(() => Object.keys(view(screen).votes.scale?.ballots ?? {}).length === 3 && Object.keys(view(p3).votes.scale?.ballots ?? {}).length === 3, 'live ballots');
    const scale = voteResult(view(p3), voteItem(view(p3), 'scale')) as ScaleResult;
    expect(formatMean(scale.mean, 'sv')).toBe('4,3');
    expect(scale.counts.map((c) => c.count)).toEqual([0, 0, 0, 2, 1]);

    // Everything acknowledged is on disk: a restarted server shows the facilitator the same votes.
    const before = view(f).votes;
    await stop(s);
    const again = await server(db);
    const f2 = await client(again, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    expect(last(f2).state.votes).toEqual(before);
  });
});
