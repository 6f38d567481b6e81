/**
 * The projector's vote results at 1920×1080 and 1280×720 with long Swedish
 * titles: the results start right under the head (no empty band above the
 * bars), every bar and label stays inside the screen in type read from the
 * back of the room, and the ballots table is all up. Ballots come from
 * Socket.IO clients, so the test is about the screen alone.
 */
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECTOR_720, PROJECTOR_HD, expectAccessible, screenshot, useRoom } from './browser';

const room = useRoom();
const sockets: Socket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

const TITLES = [
  'Stärka samverkan mellan region, kommuner och civilsamhälle kring psykisk hälsa för unga vuxna',
  'Långsiktiga finansieringsformer för civilsamhällets organisationer i regionen',
  'Ökade kunskaper om varandras villkor, arbetssätt och beslutsvägar mellan förvaltningar och föreningar',
  'Jämbördig dialog där civilsamhället är med från början och inte bara inbjuds att tycka till i slutet',
  'Gemensamma mötesplatser',
];
const IDEAS = [
  'Mötesarvoden för dialogmöten, så att ideellt engagerade kan vara med på samma villkor som tjänstepersoner som deltar på arbetstid.',
  'Beskriva våra organisationer kort, en ”hisspitch” på en minut, i början av varje möte.',
];
const PLAN = {
  title: 'Dialogmöte om samverkan', language: 'sv', groups: 4,
  agenda: [
    { id: 'w', kind: 'wall', title: 'Hur kan samverkan ske?', headings: [{ id: 'h1', title: 'Jämbördig dialog' }] },
    { id: 'prio', kind: 'ranking', title: 'Vilket utvecklingsområde är viktigast?', voter: 'group', ties: true,
      options: TITLES.map((title, i) => ({ id: `o${i}`, title })) },
    { id: 'dots', kind: 'dots', title: 'Vilka idéer ska vi börja med?', wall: 'w', dotsPerVoter: 3, maxPerIdea: 2, voter: 'participant' },
    { id: 'nojd', kind: 'scale', title: 'Hur nöjd är du med mötet?', min: 1, max: 5, voter: 'participant' },
  ],
};

function connect(auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(room.origin, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('snapshot', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

let op = 0;
async function send(socket: Socket, command: Record<string, unknown>): Promise<{ idea?: string }> {
  const ack = (await socket.emitWithAck('command', { opId: `projector-${++op}`, ...command })) as { ok: boolean; result?: { idea?: string } };
  expect(ack.ok, JSON.stringify(command)).toBe(true);
  return ack.result ?? {};
}

/**
 * Where a chart stands on the screen, in --u (1 % of a 16:9 screen's height): the gap between the head and its
 * first bar, how far its last bar (or the axis) runs past the screen's foot, and its smallest label and bar.
 */
function chartLayout(p: Page, chart: string) {
  return p.evaluate((testid) => {
    const u = Math.min(innerHeight / 100, (innerWidth * 0.5625) / 100);
    const head = document.querySelector('.exercise-head')!.getBoundingClientRect();
    const bars = [...document.querySelectorAll(`[data-testid="${testid}-bar"]`)];
    const first = bars[0]!.getBoundingClientRect();
    const chartBox = document.querySelector(`[data-testid="${testid}"]`)!.getBoundingClientRect();
    const lowest = Math.max(chartBox.bottom, ...bars.map((b) => b.getBoundingClientRect().bottom));
    // The type of a label and a bar's thickness, as drawn (an SVG's text is scaled with the SVG).
    const label = (b: Element) => b.querySelector('.label, text')!.getBoundingClientRect().height;
    const bar = (b: Element) => b.querySelector('.fill, rect')!.getBoundingClientRect().height;
    const round = (n: number) => Math.round((n / u) * 10) / 10;
    return {
      gapAbove: round(first.top - head.bottom),
      pastFoot: round(Math.max(0, lowest - innerHeight)),
      smallestLabel: round(Math.min(...bars.map(label))),
      thinnestBar: round(Math.min(...bars.map(bar))),
    };
  }, chart);
}

/** What is wrong with a chart's layout, in words with the figures (in --u); empty when nothing is. */
async function chartProblems(p: Page, chart: string): Promise<string[]> {
  const layout = await chartLayout(p, chart);
  const size = await p.evaluate(() => `${innerWidth}×${innerHeight}`);
  return [
    layout.gapAbove > 6 && `${size}: ${layout.gapAbove} between the head and the first bar (at most 6)`,
    layout.pastFoot > 0 && `${size}: runs ${layout.pastFoot} below the screen`,
    layout.smallestLabel < 2.2 && `${size}: a label line only ${layout.smallestLabel} high (at least 2.2)`,
    layout.thinnestBar < 2.2 && `${size}: a bar only ${layout.thinnestBar} thick (at least 2.2)`,
  ].filter((problem): problem is string => typeof problem === 'string');
}

/** Waits for a chart to settle on both projectors, then fails with what is wrong if anything is. */
async function expectChartFills(projectors: Page[], chart: string) {
  for (const p of projectors) await expect.poll(() => chartProblems(p, chart), { message: chart }).toEqual([]);
}

describe('vote results on the projector, in Chromium', () => {
  it('ranking, dots and scale charts start under the head and fit 1920×1080 and 1280×720; the ballots table is all up', async () => {
    const res = await fetch(`${room.origin}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(PLAN) });
    const created = (await res.json()) as { id: string; code: string; facilitatorToken: string; screenToken: string };
    const facilitator = await connect({ workshopId: created.id, facilitatorToken: created.facilitatorToken });
    const phones = await Promise.all([1, 2, 3, 4].map(async (group) => {
      const phone = await connect({ code: created.code });
      await send(phone, { type: 'join_group', group });
      return phone;
    }));
    const projectors = [await room.page(PROJECTOR_HD), await room.page(PROJECTOR_720)];
    for (const p of projectors) await p.goto(`${room.origin}/screen#workshop=${created.id}&token=${created.screenToken}`);
    const shown = (testid: string) => Promise.all(projectors.map((p) => expect.poll(() => p.getByTestId(testid).count()).toBe(1)));

    await send(facilitator, { type: 'start_item', item: 'w' });
    const ideas = [await send(phones[0]!, { type: 'add_idea', item: 'w', slot: 'h1', text: IDEAS[0] }), await send(phones[1]!, { type: 'add_idea', item: 'w', slot: 'h1', text: IDEAS[1] })];

    await send(facilitator, { type: 'start_item', item: 'prio' });
    const ballots = [[2, 1, 3, 4, 5], [1, 2, 2, 3, 5], [3, 1, 2, 5, 4], [1, 3, 2, 4, 5]];
    for (const [i, ranks] of ballots.entries()) {
      await send(phones[i]!, { type: 'cast_ranking', item: 'prio', ranks: Object.fromEntries(ranks.map((rank, o) => [`o${o}`, rank])) });
    }
    await send(facilitator, { type: 'reveal_results', item: 'prio' });
    await shown('screen-mean-chart');
    for (const p of projectors) {
      await expect.poll(() => p.getByTestId('screen-ballots-mean').allTextContents()).toEqual(['1,8', '1,8', '2,3', '4,0', '4,8']);
      // Every option's row is up, not cut off at the foot or the side of its box (once the type has been fitted).
      await expect.poll(() => p.getByTestId('screen-ballots').evaluate((table) => {
        const box = table.parentElement!;
        return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
      })).toBe(true);
    }
    await expectChartFills(projectors, 'screen-mean-chart');
    await screenshot(projectors[1]!, 'projector-ranking-1280');
    await expectAccessible(projectors[1]!, 'screen 1280×720: ranking with five long titles');

    // Dots on two ideas: two bars, which used to stand in the middle of the screen with a wide band above.
    await send(facilitator, { type: 'start_item', item: 'dots' });
    await send(phones[0]!, { type: 'cast_dots', item: 'dots', dots: { [ideas[0]!.idea!]: 2, [ideas[1]!.idea!]: 1 } });
    await send(phones[1]!, { type: 'cast_dots', item: 'dots', dots: { [ideas[0]!.idea!]: 1 } });
    await send(facilitator, { type: 'reveal_results', item: 'dots' });
    await shown('screen-dots-chart');
    await expectChartFills(projectors, 'screen-dots-chart');
    await screenshot(projectors[1]!, 'projector-dots-1280');

    await send(facilitator, { type: 'start_item', item: 'nojd' });
    for (const [i, value] of [4, 5, 3].entries()) await send(phones[i]!, { type: 'cast_scale', item: 'nojd', value });
    await send(facilitator, { type: 'reveal_results', item: 'nojd' });
    await shown('screen-scale-chart');
    await expectChartFills(projectors, 'screen-scale-chart');
    await screenshot(projectors[1]!, 'projector-scale-1280');
    await expectAccessible(projectors[1]!, 'screen 1280×720: scale');
  });
});
