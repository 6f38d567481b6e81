import { describe, expect, it } from 'vitest';
import type { Ack } from '@karusell/shared';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import { createWorkshop, lastSnapshot, received, until, useServers, type Client } from './harness';

const { server, client, stop } = useServers();
const last = lastSnapshot;
const resultOf = (ack: Ack, key: string) => (ack as unknown as { result: Record<string, string> }).result[key]!;

async function room() {
  const s = await server();
  const w = await createWorkshop(s, examplePlanJson);
  const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
  const screen = await client(s, { workshopId: w.id, screenToken: w.screenToken });
  const phones: Client[] = [];
  for (let g = 1; g <= 3; g++) {
    const p = await client(s, { code: w.code });
    expect(await p.send({ type: 'join_group', group: g })).toEqual({ ok: true });
    phones.push(p);
  }
  return { s, f, screen, phones };
}

describe('an idea wall under three headings, with moderation, over real sockets', () => {
  it('all groups add at once, emphasis counts per group, hide and merge vanish from phones and screen, undo brings them back', async () => {
    const { f, screen, phones } = await room();
    expect(await f.send({ type: 'start_item', item: 'ex2' })).toEqual({ ok: true });
    await until(() => phones.every((p) => last(p).state.running === 'ex2'), 'phones on the wall');
    const headings = ['h1', 'h2', 'h3'];
    const texts = ['Mötesarvoden för dialogmöten', 'Beskriva våra organisationer kort, "hisspitch"', 'Ta ej bort grundfinansiering'];
    const ids: string[] = [];
    for (const [i, p] of phones.entries()) {
      const ack = await p.send({ type: 'add_idea', item: 'ex2', slot: headings[i], text: texts[i] });
      expect(ack.ok).toBe(true);
      ids.push(resultOf(ack, 'idea'));
    }
    for (const c of [f, screen, ...phones]) await until(() => received(c, 'idea_added').length === 3, 'all three ideas everywhere');

    expect(await phones[1]!.send({ type: 'emphasise', idea: ids[0] })).toEqual({ ok: true });
    expect(await phones[2]!.send({ type: 'emphasise', idea: ids[0] })).toEqual({ ok: true });
    await until(() => received(screen, 'emphasis_added').length === 2, 'two emphases on the screen');

    const refusals: [Client, Record<string, unknown>, string][] = [
      [phones[0]!, { type: 'add_idea', item: 'ex2', slot: 'h9', text: 'x' }, 'unknown_slot'],
      [phones[0]!, { type: 'add_idea', item: 'ex1', slot: 's1', text: 'x' }, 'item_not_running'],
      [phones[0]!, { type: 'add_idea', item: 'ex2', slot: 'h1', text: '' }, 'empty_text'],
      [phones[0]!, { type: 'add_idea', item: 'ex2', slot: 'h1', text: 'ö'.repeat(501) }, 'text_too_long'],
      [phones[0]!, { type: 'hide_idea', idea: ids[1] }, 'forbidden'],
      [phones[0]!, { type: 'edit_idea', idea: ids[1], text: 'x' }, 'forbidden'],
      [screen, { type: 'merge_ideas', into: ids[0], from: ids[1] }, 'forbidden'],
      [f, { type: 'merge_ideas', into: ids[0], from: ids[0] }, 'merge_into_itself'],
    ];
    for (const [who, command, code] of refusals) {
      expect(await who.send(command), code).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    }

    const before = [screen, ...phones].map((c) => c.snapshots.length);
    expect(await f.send({ type: 'hide_idea', idea: ids[2] })).toEqual({ ok: true });
    await until(() => [screen, ...phones].every((c, i) => c.snapshots.length > before[i]!), 'fresh snapshots after hiding');
    for (const c of [screen, ...phones]) {
      expect(last(c).state.ideaOrder).toEqual([ids[0], ids[1]]);
      expect(JSON.stringify(last(c))).not.toContain('grundfinansiering');
    }
    expect(received(f, 'idea_hidden')).toHaveLength(1);
    expect(received(screen, 'idea_hidden')).toHaveLength(0);

    expect(await f.send({ type: 'merge_ideas', into: ids[1], from: ids[0] })).toEqual({ ok: true });
    await until(() => last(screen).state.ideaOrder.length === 1, 'the merged-away idea gone from the screen');
    expect(last(screen).state.ideas[ids[1]!]!.support.sort()).toEqual(['g:1', 'g:2', 'g:3']);
    expect(await f.send({ type: 'unmerge_idea', idea: ids[0] })).toEqual({ ok: true });
    expect(await f.send({ type: 'unhide_idea', idea: ids[2] })).toEqual({ ok: true });
    expect(await f.send({ type: 'edit_idea', idea: ids[1], text: 'Beskriv organisationerna kort ("hisspitch")' })).toEqual({ ok: true });
    await until(() => last(phones[0]!).state.ideaOrder.length === 3 && last(phones[0]!).state.ideas[ids[1]!]!.text.startsWith('Beskriv org'), 'everything back on the phone');
    const phoneIdeas = last(phones[0]!).state.ideas;
    expect(phoneIdeas[ids[0]!]!.support).toEqual(['g:1', 'g:2', 'g:3']);
    expect(phoneIdeas[ids[1]!]!.text).toBe('Beskriv organisationerna kort ("hisspitch")');
  });

  it('the facilitator moderates carousel stations too, and cannot merge across items', async () => {
    const { f } = await room();
    await f.send({ type: 'start_item', item: 'ex1' });
    const onStation = resultOf(await f.send({ type: 'add_idea', item: 'ex1', slot: 's1', text: 'Station', group: 1 }), 'idea');
    expect(await f.send({ type: 'hide_idea', idea: onStation })).toEqual({ ok: true });
    await f.send({ type: 'start_item', item: 'ex2' });
    const onWall = resultOf(await f.send({ type: 'add_idea', item: 'ex2', slot: 'h1', text: 'Vägg', group: 2 }), 'idea');
    expect(await f.send({ type: 'merge_ideas', into: onWall, from: onStation })).toMatchObject({ ok: false, error: { code: 'merge_across_items' } });
  });
});

describe('questions from the floor', () => {
  it('phones ask and upvote, the facilitator types in questions asked aloud, marks one answering, answers, hides one', async () => {
    const { s, f, screen, phones } = await room();
    await f.send({ type: 'start_item', item: 'qa' });
    await until(() => phones.every((p) => last(p).state.running === 'qa'), 'phones in the Q&A');
    const q1 = resultOf(await phones[0]!.send({ type: 'ask_question', item: 'qa', text: 'Hur kan civilsamhället avlasta regionen?', name: 'Åsa' }), 'question');
    const q2 = resultOf(await f.send({ type: 'ask_question', item: 'qa', text: 'Hur möta äldres ohälsa?' }), 'question');
    expect(await phones[1]!.send({ type: 'upvote_question', item: 'qa', question: q1 })).toEqual({ ok: true });
    expect(await phones[1]!.send({ type: 'upvote_question', item: 'qa', question: q1 })).toEqual({ ok: true });
    expect(await phones[2]!.send({ type: 'upvote_question', item: 'qa', question: q1 })).toEqual({ ok: true });
    for (const c of [screen, ...phones]) await until(() => received(c, 'question_upvoted').length === 2, 'two upvotes everywhere');
    expect(await f.send({ type: 'set_question_status', question: q1, status: 'answering' })).toEqual({ ok: true });
    await until(() => received(screen, 'question_status_set').length === 1, 'the screen to see the question being answered');
    expect(await f.send({ type: 'answer_question', question: q1, text: 'Frågorna behöver komma upp på högsta politiska nivå.' })).toEqual({ ok: true });
    expect(await phones[0]!.send({ type: 'set_question_status', question: q1, status: 'answered' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const before = phones.map((p) => p.snapshots.length);
    expect(await f.send({ type: 'set_question_status', question: q2, status: 'hidden' })).toEqual({ ok: true });
    await until(() => phones.every((p, i) => p.snapshots.length > before[i]!), 'fresh snapshots after hiding a question');
    expect(last(phones[2]!).state.questionOrder).toEqual([q1]);
    expect(last(phones[2]!).state.questions[q1]).toMatchObject({ votes: expect.any(Array), status: 'answering', answer: 'Frågorna behöver komma upp på högsta politiska nivå.' });
    expect(last(phones[2]!).state.questions[q1]!.votes).toHaveLength(2);

    await f.send({ type: 'end_item', item: 'qa' });
    expect(await phones[0]!.send({ type: 'ask_question', item: 'qa', text: 'För sent' })).toMatchObject({ ok: false, error: { code: 'item_not_running' } });
    const f2 = await client(s, { workshopId: last(f).info.id, facilitatorToken: (f.socket.auth as { facilitatorToken: string }).facilitatorToken });
    const all = last(f2).state;
    expect(all.questionOrder).toEqual([q1, q2]);
    expect(all.questions[q2]).toMatchObject({ status: 'hidden', participant: null });
  });
});
