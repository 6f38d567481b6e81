import { describe, expect, it } from 'vitest';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import { createWorkshop, heldState, lastSnapshot, until, useServers } from './harness';

const { server, client } = useServers();

const view = heldState;

describe('catching up after a gap', () => {
  it.each([[40, 'events'], [700, 'a fresh snapshot']])('after %i missed changes every role catches up (%s) to what a fresh client sees', async (missed) => {
    const s = await server(undefined, { commands: 100_000 });
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const phone = await client(s, { code: w.code });
    await phone.send({ type: 'join_group', group: 1 });
    await f.send({ type: 'start_item', item: 'ex2' });
    const token = lastSnapshot(phone).participantToken!;
    const roles = {
      facilitator: { workshopId: w.id, facilitatorToken: w.facilitatorToken },
      screen: { workshopId: w.id, screenToken: w.screenToken },
      participant: { code: w.code, participantToken: token },
    };
    const away = await Promise.all(Object.values(roles).map((auth) => client(s, auth)));
    const left = away.map((c) => view(c));
    for (const c of away) c.close();

    // Meanwhile: ideas, emphasis, moderation, a vote with a ballot and a reveal.
    const writer = await client(s, { code: w.code });
    await writer.send({ type: 'join_group', group: 2 });
    const ideas: string[] = [];
    for (let i = 0; i < missed - 8; i++) {
      const ack = await writer.send({ type: 'add_idea', item: 'ex2', slot: ['h1', 'h2', 'h3'][i % 3], text: `Idé ${i}` });
      ideas.push((ack as unknown as { result: { idea: string } }).result.idea);
    }
    await phone.send({ type: 'emphasise', idea: ideas[0] });
    await f.send({ type: 'hide_idea', idea: ideas[1] });
    await f.send({ type: 'merge_ideas', into: ideas[2], from: ideas[3] });
    await f.send({ type: 'start_item', item: 'vote' });
    await phone.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: 1, h2: 2, h3: 3 } });
    await f.send({ type: 'reveal_results', item: 'vote' });

    for (const [i, auth] of Object.values(roles).entries()) {
      const back = await client(s, { ...auth, lastSeq: left[i]!.seq });
      const fresh = await client(s, auth);
      await until(() => view(back, left[i]).seq === view(fresh).seq, 'the returning client to reach the fresh one');
      expect(view(back, left[i])).toEqual(view(fresh));
      // The facilitator within reach of the log gets only the events it missed; past 500, a snapshot.
      if (i === 0) expect(back.snapshots.length).toBe(missed > 500 ? 1 : 0);
    }
  });
});
