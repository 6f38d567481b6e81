import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectStatusClear,
  screenshot, useRoom, expectAccessible, join, openExampleMeeting,
} from './browser';

const room = useRoom();
const { page, phonePage } = room;

/** Adds an idea in the phone's box; it shows at once as pending, then as the real idea, marked sent. */
async function addIdea(p: Page, text: string) {
  await p.getByTestId('idea-input').fill(text);
  await p.getByTestId('idea-add').click();
  await expect.poll(() => p.getByTestId('idea-input').inputValue()).toBe('');
  await expect.poll(() => p.locator('[data-testid="idea"]', { hasText: text }).getByTestId('idea-sent').count()).toBe(1);
  await expect.poll(() => p.getByTestId('idea-pending').count()).toBe(0);
}

const IDEA_1 =
  'Vi behöver mötesplatser där föreningar och regionens tjänstepersoner kan träffas regelbundet, inte bara när ett projekt ' +
  'ska starta, så att förtroende byggs över tid och kunskapen om varandras villkor växer. Gärna ute i kommunerna, ' +
  'inte bara i Göteborg, och på tider när ideella kan komma – kvällar och helger.';
const IDEA_2 = 'Hoppfull men lite trött: vi har varit med om många dialogmöten där idéerna samlades in och sedan hörde vi aldrig mer.';
const LATE = 'Skrevs vid station 1 precis när rundan byttes – ska ändå hamna där.';
const PAPER = 'Från pappersbord 3: långsiktig finansiering i stället för ettåriga projektbidrag.';

describe('the carousel, clicked through in Chromium', () => {
  it('two phones in two groups go through two rounds: ideas, emphasis, a late idea, the rotation map and the walls', async () => {
    const { facilitator, code, projectors } = await openExampleMeeting(room);

    const phones = [await phonePage(), await phonePage()];
    await join(room, phones[0]!, code, 1);
    await join(room, phones[1]!, code, 2);

    // Round 1: group 1 at station 1, group 2 at station 2.
    await facilitator.getByTestId('start-ex1').click();
    await expect.poll(() => phones[0]!.getByTestId('carousel-heading').textContent()).toMatch(/Grupp 1 — gå till station 1/);
    await expect.poll(() => phones[1]!.getByTestId('carousel-heading').textContent()).toMatch(/Grupp 2 — gå till station 2/);
    expect(await phones[0]!.getByTestId('carousel-question').textContent()).toContain('Vilka möjligheter');
    await expect.poll(() => phones[0]!.getByTestId('countdown-time').textContent()).toMatch(/^\s*0[78]:\d\d\s*$/);
    for (const projector of projectors) {
      await expect.poll(() => projector.getByTestId('screen-carousel').getAttribute('data-mode')).toBe('map');
      await expect.poll(() => projector.getByTestId('screen-station-1').textContent()).toContain('Grupp 1');
    }
    const map = facilitator.getByTestId('rotation-map');
    expect(await map.locator('th[aria-current="true"]').textContent()).toMatch(/Runda 1\s*nu/i);

    await addIdea(phones[0]!, IDEA_1);
    await addIdea(phones[1]!, IDEA_2);

    // A paper table: the facilitator types group 3's idea at station 3.
    await facilitator.locator('[data-testid="carousel-panel-ex1"] summary').click();
    await facilitator.getByTestId('paper-group').selectOption('3');
    await facilitator.getByTestId('paper-text').fill(PAPER);
    await facilitator.getByTestId('paper-add').click();
    await expect.poll(() => facilitator.getByTestId('wall-s3').textContent()).toContain(PAPER);
    await expect.poll(() => facilitator.getByTestId('wall-s1').textContent()).toContain(IDEA_1);

    await facilitator.getByTestId('agenda-item-ex1').evaluate((el) => el.scrollIntoView());
    await phones[0]!.evaluate(() => window.scrollTo(0, 0));
    await screenshot(phones[0]!, 'carousel-phone');
    await screenshot(facilitator, 'carousel-facilitator');
    await screenshot(projectors[0]!, 'carousel-screen-1920');
    await screenshot(projectors[1]!, 'carousel-screen-1280');
    for (const [i, p] of projectors.entries()) await expectStatusClear(p, `screen ${i ? '1280×720' : '1920×1080'}: carousel`);
    await expectAccessible(phones[0]!, 'phone: carousel round 1');
    await expectAccessible(facilitator, 'facilitator: carousel round 1');
    await expectAccessible(projectors[0]!, 'screen 1920×1080: rotation map');
    await expectAccessible(projectors[1]!, 'screen 1280×720: rotation map');

    // Phone 1 starts an idea at station 1 and the round changes before it is sent.
    await phones[0]!.getByTestId('idea-input').fill(LATE);
    await facilitator.getByTestId('next-round-ex1').click();

    // Round 2: group 1 at station 2 (with group 2's idea), group 2 at station 3 (with the paper idea).
    await expect.poll(() => phones[0]!.getByTestId('carousel-heading').textContent()).toMatch(/Grupp 1 — gå till station 2/);
    await expect.poll(() => phones[1]!.getByTestId('carousel-heading').textContent()).toMatch(/Grupp 2 — gå till station 3/);
    await expect.poll(() => phones[1]!.getByTestId('carousel-announcement').textContent()).toContain('station 3');
    expect(await map.locator('th[aria-current="true"]').textContent()).toMatch(/Runda 2/);
    await expect.poll(() => phones[0]!.getByTestId('carousel-ideas').textContent()).toContain(IDEA_2);
    await expect.poll(() => phones[1]!.getByTestId('carousel-ideas').textContent()).toContain(PAPER);
    expect(await phones[0]!.getByTestId('carousel-ideas').textContent()).not.toContain(IDEA_1);

    // The late idea still goes to station 1, where it was written.
    await expect.poll(() => phones[0]!.getByTestId('draft-elsewhere').textContent()).toContain('station 1');
    await phones[0]!.getByTestId('idea-add').click();
    await expect.poll(() => facilitator.getByTestId('wall-s1').textContent()).toContain(LATE);
    expect(await facilitator.getByTestId('wall-s2').textContent()).not.toContain(LATE);

    // Each phone emphasises the idea another group wrote at its new station.
    for (const [p, text] of [[phones[0]!, IDEA_2], [phones[1]!, PAPER]] as const) {
      const idea = p.locator('[data-testid="idea"]', { hasText: text });
      await idea.getByTestId('emphasise').click();
      await expect.poll(() => idea.getByTestId('emphasise').getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => idea.locator('.idea-text').textContent()).toBe(`${text} (!)`);
    }
    await expect.poll(() => facilitator.getByTestId('wall-s2').textContent()).toContain(`${IDEA_2} (!)`);
    await expect.poll(() => facilitator.getByTestId('wall-s3').textContent()).toContain(`${PAPER} (!)`);
    await expectAccessible(phones[0]!, 'phone: carousel round 2, emphasised');

    // Paused: the screens show the walls, with the marks.
    await facilitator.getByTestId('pause-ex1').click();
    for (const projector of projectors) {
      await expect.poll(() => projector.getByTestId('screen-carousel').getAttribute('data-mode')).toBe('walls');
      await expect.poll(() => projector.getByTestId('screen-walls').textContent()).toContain(`${IDEA_2} (!)`);
      await expect.poll(() => projector.getByTestId('countdown-state').textContent()).toContain('Pausad');
      expect(await projector.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    }
    await expect.poll(() => phones[0]!.getByTestId('countdown-state').textContent()).toContain('Pausad');
    await screenshot(projectors[0]!, 'carousel-walls-1920');
    await screenshot(projectors[1]!, 'carousel-walls-1280');
    await expectAccessible(projectors[0]!, 'screen 1920×1080: walls');
    await expectAccessible(projectors[1]!, 'screen 1280×720: walls');

    // Withdrawing takes the mark away everywhere.
    const emphasised = phones[0]!.locator('[data-testid="idea"]', { hasText: IDEA_2 });
    await emphasised.getByTestId('emphasise').click();
    await expect.poll(() => emphasised.getByTestId('emphasise').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => projectors[0]!.getByTestId('screen-walls').textContent()).not.toContain(`${IDEA_2} (!)`);
  });
});
