import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  LAPTOP, PROJECTOR_720, PROJECTOR_HD, SCREENS, expectAccessible, expectNoSideways, join, largeText, openExampleMeeting, screenshot, useRoom,
} from './browser';

const room = useRoom();
const { page, phonePage } = room;

/** The numbers in a screen chart's bars, top to bottom. */
const barValues = (p: Page, chart: string) => p.getByTestId(`${chart}-value`).allTextContents();

/** The whole length of a phone's page, for reading it all at once. */
const fullScreenshot = (p: Page, name: string) => p.screenshot({ path: `${SCREENS}${name}.png`, fullPage: true });

/** Taps the options in this order with the tap-to-order control. */
async function tapInOrder(p: Page, options: string[]) {
  for (const [index, option] of options.entries()) {
    const row = p.locator(`[data-testid="rank-option"][data-option="${option}"]`);
    await row.getByTestId('rank-tap').click();
    await expect.poll(() => row.getByTestId('rank-pick').inputValue()).toBe(String(index + 1));
  }
}

/** Picks a number per option with the number picker. */
async function pickNumbers(p: Page, ranks: Record<string, number>) {
  for (const [option, rank] of Object.entries(ranks)) {
    await p.locator(`[data-testid="rank-option"][data-option="${option}"]`).getByTestId('rank-pick').selectOption(String(rank));
  }
}

async function sendVote(p: Page) {
  await p.getByTestId('vote-send').click();
  await expect.poll(() => p.getByTestId('vote-status').textContent()).toBe('Rösten är skickad.');
}

/** Opens the facilitator's page and both projectors for a workshop created over HTTP. */
async function openCreated(plan: unknown) {
  const res = await fetch(`${room.origin}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; code: string; facilitatorToken: string; screenToken: string };
  const facilitator = await page(LAPTOP);
  await facilitator.goto(`${room.origin}/facilitator#workshop=${created.id}&token=${created.facilitatorToken}`);
  const projectors = [await page(PROJECTOR_HD), await page(PROJECTOR_720)] as [Page, Page];
  for (const p of projectors) await p.goto(`${room.origin}/screen#workshop=${created.id}&token=${created.screenToken}`);
  await expect.poll(() => facilitator.getByTestId('workshop-title').count()).toBe(1);
  return { facilitator, projectors, code: created.code };
}

async function addIdea(p: Page, text: string) {
  await p.getByTestId('idea-input').fill(text);
  await p.getByTestId('idea-add').click();
  await expect.poll(() => p.locator('[data-testid="idea"]', { hasText: text.slice(0, 60) }).getByTestId('idea-sent').count()).toBe(1);
}

const LONG_A = 'Långsiktiga finansieringsformer för civilsamhällets organisationer i regionen';
const LONG_B = 'Ökade kunskaper om varandras villkor, arbetssätt och beslutsvägar mellan förvaltningar och föreningar';
const LONG_C = 'Jämbördig dialog där civilsamhället är med från början och inte bara inbjuds att tycka till i slutet';
const LONG_IDEA =
  'Mötesarvoden för dialogmöten, så att ideellt engagerade kan vara med på samma villkor som tjänstepersoner som deltar på ' +
  'arbetstid. Utan ersättning är det svårt för mindre föreningar att delta i alla samråd som regionen bjuder in till, och ' +
  'de som kommer är ofta samma personer som redan har många uppdrag. Ersättningen bör gälla även förberedelsetid och resor, ' +
  'och den bör kunna betalas ut till föreningen i stället för till personen ' +
  'när föreningen hellre vill det. Gärna en enkel blankett.';
const IDEA_2 = 'Beskriva våra organisationer kort, en ”hisspitch” på en minut, i början av varje möte.';
const IDEA_3 = 'Gemensam kalender för alla samråd.';

const PLAN = {
  title: 'Prioriteringar för samverkan',
  language: 'sv',
  groups: 4,
  agenda: [
    { id: 'w', kind: 'wall', title: 'Idéer om samverkan', headings: [{ id: 'h1', title: 'Ersättning och villkor' }, { id: 'h2', title: 'Kunskap om varandra' }] },
    { id: 'prio', kind: 'ranking', title: 'Vilket område är viktigast att börja med?', voter: 'group', ties: false,
      options: [{ id: 'a', title: LONG_A }, { id: 'b', title: LONG_B }, { id: 'c', title: LONG_C }] },
    { id: 'dots', kind: 'dots', title: 'Vilka idéer ska vi börja med?', wall: 'w', dotsPerVoter: 3, maxPerIdea: 2, voter: 'participant' },
    { id: 'nojd', kind: 'scale', title: 'Hur nöjd är du med mötet?', min: 1, max: 5, voter: 'participant' },
  ],
};

describe('votes, clicked through in Chromium', () => {
  it('the example ranking: two groups vote by tapping and by picking numbers, the screen shows the count, then the table and chart', async () => {
    const { facilitator, code, projectors } = await openExampleMeeting(room);
    const [hd, small] = projectors;
    const phones = [await phonePage(), await phonePage(), await phonePage()] as const;
    await join(room, phones[0], code, 1);
    await join(room, phones[1], code, 2);
    await join(room, phones[2], code, 1);

    await facilitator.getByTestId('start-vote').click();
    for (const p of phones) await expect.poll(() => p.getByTestId('vote').getAttribute('data-kind')).toBe('ranking');
    for (const p of projectors) await expect.poll(() => p.getByTestId('screen-vote-count').textContent()).toBe('0 av 2 grupper har röstat');

    // Sending with nothing ranked is answered at once, in words.
    await phones[0].getByTestId('vote-send').click();
    await expect.poll(() => phones[0].getByTestId('vote-notice').textContent()).toBe('Ge varje alternativ en plats.');

    // Group 1 taps in priority order; a second tap takes a place back.
    await tapInOrder(phones[0], ['h2']);
    await phones[0].locator('[data-option="h2"]').getByTestId('rank-tap').click();
    await expect.poll(() => phones[0].locator('[data-option="h2"]').getByTestId('rank-pick').inputValue()).toBe('');
    await tapInOrder(phones[0], ['h2', 'h3', 'h1']);
    await sendVote(phones[0]);
    // Group 2 picks numbers, with a tie (the plan allows ties, like the reference).
    await pickNumbers(phones[1], { h1: 2, h2: 1, h3: 1 });
    await sendVote(phones[1]);

    // The other member of group 1 sees the group's ballot, sent from another phone.
    await expect.poll(() => phones[2].getByTestId('vote-cast').textContent()).toContain('Någon annan i din grupp skickade den.');
    expect(await phones[2].getByTestId('vote-cast-ballot').textContent()).toMatch(/^1\.\s*Ökade kunskaper om varandra\s*2\.\s*Långsiktiga finansieringsformer\s*3\.\s*Jämbördig dialog$/);
    expect(await phones[2].locator('[data-option="h1"]').getByTestId('rank-pick').inputValue()).toBe('3');

    // Until the results are shown: only how many have voted, on the screens and the phones.
    for (const p of projectors) {
      await expect.poll(() => p.getByTestId('screen-vote-count').textContent()).toBe('2 av 2 grupper har röstat');
      expect(await p.getByTestId('screen-ballots').count()).toBe(0);
    }
    await expect.poll(() => phones[1].getByTestId('vote-count').textContent()).toContain('2 grupper har röstat');
    expect(await phones[1].getByTestId('vote-results').count()).toBe(0);

    // The facilitator sees the ballots all along: Jämbördig dialog 3, 2 (2,5); Ökade kunskaper 1, 1 (1,0); Långsiktiga 2, 1 (1,5).
    const panel = facilitator.getByTestId('vote-panel-vote');
    await expect.poll(() => panel.getByTestId('vote-progress-vote').textContent()).toBe('2 av 2 grupper har röstat');
    await expect.poll(() => panel.getByTestId('ballots-vote-mean').allTextContents()).toEqual(['2,5', '1,0', '1,5']);
    expect(await panel.getByTestId('ballots-vote').locator('thead').textContent()).toMatch(/Grupp 1\s*Grupp 2/);
    expect(await panel.getByTestId('priority-vote').textContent()).toMatch(/Ökade kunskaper om varandra.*Långsiktiga finansieringsformer.*Jämbördig dialog/);
    expect(await panel.getByTestId('direction-vote').textContent()).toBe('Ju lägre medeltal desto mer prioriterat.');

    await phones[0].evaluate(() => window.scrollTo(0, 0));
    await facilitator.getByTestId('agenda-item-vote').evaluate((el) => el.scrollIntoView());
    await screenshot(phones[0], 'vote-ranking-phone');
    await screenshot(hd, 'vote-count-1920');
    await expectAccessible(phones[0], 'phone: ranking');
    await expectAccessible(hd, 'screen 1920×1080: vote count');

    await panel.getByTestId('reveal-vote').click();
    await expect.poll(() => panel.getByTestId('revealed-vote').count()).toBe(1);
    for (const p of projectors) {
      await expect.poll(() => p.getByTestId('screen-ballots-mean').allTextContents()).toEqual(['2,5', '1,0', '1,5']);
      expect(await p.getByTestId('screen-ballots').locator('tbody').textContent()).toMatch(/Jämbördig dialog\s*3\s*2\s*2,5/);
      expect(await barValues(p, 'screen-mean-chart')).toEqual(['1,0', '1,5', '2,5']);
      expect(await p.getByTestId('screen-mean-chart').getAttribute('role')).toBe('img');
      expect(await p.getByTestId('screen-direction').textContent()).toBe('Ju lägre medeltal desto mer prioriterat.');
      expect(await p.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    }
    await expect.poll(() => phones[1].getByTestId('vote-results').textContent()).toMatch(/Ökade kunskaper om varandra\s*medeltal 1,0/);

    // A later ballot from group 1 (from its other phone) replaces the earlier one everywhere.
    await phones[2].getByTestId('rank-clear').click();
    await tapInOrder(phones[2], ['h1', 'h2', 'h3']);
    await sendVote(phones[2]);
    await expect.poll(() => hd.getByTestId('screen-ballots-mean').allTextContents()).toEqual(['1,5', '1,5', '2,0']);
    await expect.poll(() => phones[0].getByTestId('vote-cast').textContent()).toContain('Någon annan i din grupp skickade den.');

    await phones[1].evaluate(() => window.scrollTo(0, 0));
    await screenshot(phones[1], 'vote-ranking-phone-results');
    await fullScreenshot(phones[1], 'vote-ranking-phone-results-full');
    await fullScreenshot(phones[2], 'vote-ranking-phone-other-member-full');
    await screenshot(facilitator, 'vote-ranking-facilitator');
    await screenshot(hd, 'vote-ranking-1920');
    await screenshot(small, 'vote-ranking-1280');
    await expectAccessible(phones[1], 'phone: ranking with results');
    await expectAccessible(facilitator, 'facilitator: ranking');
    await expectAccessible(hd, 'screen 1920×1080: ranking results');
    await expectAccessible(small, 'screen 1280×720: ranking results');

    await largeText(phones[1]);
    await expectNoSideways(phones[1], 'phone 200 %: ranking');
    await phones[1].getByTestId('vote-form').evaluate((el) => el.scrollIntoView());
    await screenshot(phones[1], 'vote-ranking-phone-200');
  });

  it('a custom plan: a ranking with long titles and no ties, dots on a wall, a scale; each cast, revealed and shown', async () => {
    const { facilitator, projectors, code } = await openCreated(PLAN);
    const [hd, small] = projectors;
    const phones = [await phonePage(), await phonePage()] as const;
    await join(room, phones[0], code, 1);
    await join(room, phones[1], code, 2);

    // The wall gets three ideas, one of them 500 characters long.
    expect(LONG_IDEA.length).toBeLessThanOrEqual(500);
    await facilitator.getByTestId('start-w').click();
    await expect.poll(() => phones[0].getByTestId('wall-tabs').count()).toBe(1);
    await addIdea(phones[0], LONG_IDEA);
    await addIdea(phones[0], IDEA_3);
    await phones[1].getByTestId('wall-tab-h2').click();
    await addIdea(phones[1], IDEA_2);

    // The ranking without ties: a number picked twice moves the other option, so no number is used twice.
    await facilitator.getByTestId('start-prio').click();
    await expect.poll(() => phones[1].getByTestId('vote').getAttribute('data-kind')).toBe('ranking');
    await pickNumbers(phones[1], { a: 1, b: 1 });
    expect(await phones[1].locator('[data-option="a"]').getByTestId('rank-pick').inputValue()).toBe('');
    await pickNumbers(phones[1], { a: 2, c: 3 });
    await sendVote(phones[1]);
    await tapInOrder(phones[0], ['a', 'c', 'b']);
    await sendVote(phones[0]);
    const prio = facilitator.getByTestId('vote-panel-prio');
    await expect.poll(() => prio.getByTestId('ballots-prio-mean').allTextContents()).toEqual(['1,5', '2,0', '2,5']);
    await phones[0].evaluate(() => window.scrollTo(0, 0));
    await screenshot(phones[0], 'vote-long-phone');
    await fullScreenshot(phones[0], 'vote-long-phone-full');
    await largeText(phones[1]);
    await expectNoSideways(phones[1], 'phone 200 %: ranking with long titles');
    await phones[1].getByTestId('vote-form').evaluate((el) => el.scrollIntoView());
    await screenshot(phones[1], 'vote-long-phone-200');
    await prio.getByTestId('reveal-prio').click();
    for (const p of projectors) {
      await expect.poll(() => barValues(p, 'screen-mean-chart')).toEqual(['1,5', '2,0', '2,5']);
      expect(await p.getByTestId('screen-ballots').textContent()).toContain(LONG_A);
      // The whole table is up, not cut off at the bottom of its box.
      expect(await p.getByTestId('screen-ballots').evaluate((table) => table.parentElement!.scrollHeight <= table.parentElement!.clientHeight + 1)).toBe(true);
    }
    await facilitator.getByTestId('agenda-item-prio').evaluate((el) => el.scrollIntoView());
    await screenshot(facilitator, 'vote-long-facilitator');
    await screenshot(hd, 'vote-long-1920');
    await screenshot(small, 'vote-long-1280');
    await expectAccessible(hd, 'screen 1920×1080: ranking with long titles');

    // Dots: each participant has 3, at most 2 on one idea; the long idea wraps on the phone.
    await facilitator.getByTestId('start-dots').click();
    await expect.poll(() => phones[0].getByTestId('vote').getAttribute('data-kind')).toBe('dots');
    const long = (p: Page) => p.locator('[data-testid="dot-idea"]', { hasText: LONG_IDEA.slice(0, 40) });
    expect(await long(phones[0]).getByTestId('dot-plus').getAttribute('aria-labelledby')).toMatch(/dot-add-label dot-text-/);
    await long(phones[0]).getByTestId('dot-plus').click();
    await long(phones[0]).getByTestId('dot-plus').click();
    expect(await long(phones[0]).getByTestId('dot-plus').isDisabled()).toBe(true);
    await phones[0].locator('[data-testid="dot-idea"]', { hasText: IDEA_2 }).getByTestId('dot-plus').click();
    await expect.poll(() => phones[0].getByTestId('dots-left').textContent()).toBe('Prickar kvar: 0 av 3');
    await sendVote(phones[0]);
    await long(phones[1]).getByTestId('dot-plus').click();
    await sendVote(phones[1]);
    for (const p of projectors) await expect.poll(() => p.getByTestId('screen-vote-count').textContent()).toBe('2 av 2 deltagare har röstat');
    await phones[0].evaluate(() => window.scrollTo(0, 0));
    await screenshot(phones[0], 'vote-dots-phone');
    await expectAccessible(phones[0], 'phone: dots');
    expect(await long(phones[0]).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await fullScreenshot(phones[0], 'vote-dots-phone-full');
    // (A full-page screenshot sets the text size back: set it again before each look at 200 %.)
    await largeText(phones[1]);
    await expectNoSideways(phones[1], 'phone 200 %: dots with a 500-character idea');
    await long(phones[1]).evaluate((el) => el.scrollIntoView());
    await screenshot(phones[1], 'vote-dots-phone-200');

    const dots = facilitator.getByTestId('vote-panel-dots');
    await dots.getByTestId('reveal-dots').click();
    for (const p of projectors) {
      await expect.poll(() => barValues(p, 'screen-dots-chart')).toEqual(['3 prickar', '1 prick']);
      expect(await p.getByTestId('screen-dots-table').textContent()).toContain(LONG_IDEA);
    }
    await facilitator.getByTestId('agenda-item-dots').evaluate((el) => el.scrollIntoView());
    await screenshot(facilitator, 'vote-dots-facilitator');
    await screenshot(hd, 'vote-dots-1920');
    await screenshot(small, 'vote-dots-1280');
    await expectAccessible(facilitator, 'facilitator: dots');
    await expectAccessible(hd, 'screen 1920×1080: dots');
    await expectAccessible(small, 'screen 1280×720: dots');

    // The scale: 4 and 5 make a mean of 4,5.
    await facilitator.getByTestId('start-nojd').click();
    await expect.poll(() => phones[0].getByTestId('vote').getAttribute('data-kind')).toBe('scale');
    await phones[0].getByTestId('scale-4').check();
    await sendVote(phones[0]);
    await phones[1].getByTestId('scale-5').check();
    await sendVote(phones[1]);
    await largeText(phones[1]);
    await expectNoSideways(phones[1], 'phone 200 %: scale');
    await phones[1].getByTestId('vote-form').evaluate((el) => el.scrollIntoView());
    await screenshot(phones[1], 'vote-scale-phone-200');
    const scale = facilitator.getByTestId('vote-panel-nojd');
    await expect.poll(() => scale.getByTestId('scale-mean-nojd').textContent()).toContain('Medeltal: 4,5');
    await scale.getByTestId('reveal-nojd').click();
    for (const p of projectors) {
      await expect.poll(() => p.getByTestId('screen-scale-mean').textContent()).toMatch(/Medeltal\s*4,5/);
      expect(await barValues(p, 'screen-scale-chart')).toEqual(['0', '0', '0', '1', '1']);
    }
    await expect.poll(() => phones[0].getByTestId('vote-results').textContent()).toContain('Medeltal: 4,5');
    await phones[0].evaluate(() => window.scrollTo(0, 0));
    await screenshot(phones[0], 'vote-scale-phone');
    await fullScreenshot(phones[0], 'vote-scale-phone-full');
    await screenshot(hd, 'vote-scale-1920');
    await screenshot(small, 'vote-scale-1280');
    await expectAccessible(phones[0], 'phone: scale with results');
    await expectAccessible(hd, 'screen 1920×1080: scale');
    await expectAccessible(small, 'screen 1280×720: scale');

    // After the vote ends, the screens keep its results up until another item starts.
    await facilitator.getByTestId('end-nojd').click();
    await expect.poll(() => hd.getByTestId('screen-vote').getAttribute('data-state')).toBe('results');
    await expect.poll(() => phones[0].getByTestId('waiting').count()).toBe(1);
  });
});
