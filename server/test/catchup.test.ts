import { describe, expect, it } from 'vitest';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import { createWorkshop, heldState, lastSnapshot, until, useServers, type Client } from './harness';

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

  it('a phone and the screen that missed only ideas and emphasis get just the events they are shown, and hold what a fresh client holds', async () => {
    const s = await server(undefined, { commands: 100_000 });
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const phones = await Promise.all([1, 5, 3].map(async (group) => {
      const c = await client(s, { code: w.code });
      await c.send({ type: 'join_group', group });
      return c;
    }));
    await f.send({ type: 'start_item', item: 'ex1' });
    const [away, sameStation, otherStation] = phones as [Client, Client, Client];
    await until(() => lastSnapshot(away).state.running === 'ex1', 'the carousel on the phone');
    const roles = {
      screen: { workshopId: w.id, screenToken: w.screenToken },
      participant: { code: w.code, participantToken: lastSnapshot(away).participantToken! },
    };
    const gone = await Promise.all(Object.values(roles).map((auth) => client(s, auth)));
    await until(() => gone.every((c) => view(c).running === 'ex1'), 'the carousel everywhere');
    const left = gone.map((c) => view(c));
    for (const c of gone) c.close();

    // Meanwhile, in round 0: station 1 (groups 1 and 5; the away phone is in group 1) and station 3 (group 3) get ideas.
    const stations = (examplePlanJson.agenda as { id: string; stations?: { id: string }[] }[]).find((i) => i.id === 'ex1')!.stations!;
    const ours = (await sameStation.send({ type: 'add_idea', item: 'ex1', slot: stations[0]!.id, text: 'Vår station' }) as unknown as { result: { idea: string } }).result.idea;
    await sameStation.send({ type: 'add_idea', item: 'ex1', slot: stations[0]!.id, text: 'Vår station igen' });
    await otherStation.send({ type: 'add_idea', item: 'ex1', slot: stations[2]!.id, text: 'En annan station' });
    await sameStation.send({ type: 'emphasise', idea: ours });

    for (const [i, auth] of Object.values(roles).entries()) {
      const back = await client(s, { ...auth, lastSeq: left[i]!.seq });
      const fresh = await client(s, auth);
      await until(() => view(back, left[i]).seq === view(fresh).seq, 'the returning client to reach the fresh one');
      expect(back.snapshots).toHaveLength(0);
      expect(view(back, left[i])).toEqual(view(fresh));
    }
    const phoneView = view(await client(s, roles.participant));
    expect(Object.values(phoneView.ideas).map((idea) => idea.text).sort()).toEqual(['Vår station', 'Vår station igen']);
  });
});
