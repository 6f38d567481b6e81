/**
 * WCAG 1.4.4 (resize text): at 200 % text size a 390 px phone and the
 * facilitator's page on a phone still read without scrolling sideways, and no
 * word or button runs out of its box.
 *
 * Nor is a heading so large that an ordinary word ("Presentation",
 * "anteckningarna") breaks in two: a word may break only when it is wider than
 * its column even at body-text size. On the phone this holds in every view of
 * an exercise (the carousel's station, the wall, the question time, a ranking
 * with its results, dots with theirs), at 200 % and at 100 %: a title squeezed
 * beside a number or into half a row breaks a long compound even at 100 %.
 *
 * The text size is set the way a browser's own setting does it: Chromium's
 * default font size doubled (16 → 32 px, so the root font size is 200 % and
 * em-based media queries follow), not a zoom, which would also narrow the page.
 */
import { describe, expect, it } from 'vitest';
import {
  LAPTOP, PHONE, expectAccessible, expectNoSideways, expectWholeWords, join, largeText, screenshot, sideways, useRoom,
} from './browser';
import { brokenWords } from './words';

const room = useRoom();
const { page, phonePage } = room;

describe('200 % text size, in Chromium', () => {
  it('the phone (join page, current item) and the facilitator run view at 390 px, and at 1280 px, need no sideways scrolling', async () => {
    const facilitator = await page(PHONE);
    await facilitator.goto(`${room.origin}/facilitator`);
    await largeText(facilitator);
    await expectNoSideways(facilitator, 'facilitator 390: create');
    await expectWholeWords(facilitator, 'facilitator 390: create');
    await facilitator.getByTestId('use-example').click();
    const code = ((await facilitator.getByTestId('join-code-display').textContent()) ?? '').trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

    const p = await phonePage();
    await p.goto(`${room.origin}/`);
    await largeText(p);
    await expectNoSideways(p, 'phone: join');
    await expectWholeWords(p, 'phone: join');
    await screenshot(p, 'textsize-phone-join');
    await p.getByTestId('join-code').fill(code);
    await p.getByTestId('join-submit').click();
    await p.getByTestId('profile-skip').click();
    await p.getByTestId('group-1').click();
    await expect.poll(() => p.getByTestId('my-group').textContent()).toContain('1');

    // A talk runs, with a note: the roomy notes field and its button are on the page.
    await facilitator.getByTestId('start-intro').click();
    await facilitator.getByTestId('note-input-intro').fill('Planen presenterades. Frågor om finansiering togs upp.');
    await facilitator.getByTestId('note-save-intro').click();
    await expect.poll(() => facilitator.locator('[data-testid^="note-text-"]').count()).toBe(1);
    await expect.poll(() => p.getByTestId('current-item').textContent()).toContain('Presentation av planen');
    await expect.poll(() => facilitator.getByTestId('participant-count').textContent()).toMatch(/\b1\b/);

    await largeText(p);
    await p.evaluate(() => window.scrollTo(0, 0));
    await expectNoSideways(p, 'phone: current item');
    await expectWholeWords(p, 'phone: current item');
    await screenshot(p, 'textsize-phone-current-item');

    await largeText(facilitator);
    await facilitator.evaluate(() => window.scrollTo(0, 0));
    await expectNoSideways(facilitator, 'facilitator 390: run view');
    await expectWholeWords(facilitator, 'facilitator 390: run view');
    await screenshot(facilitator, 'textsize-facilitator-390');
    await facilitator.getByTestId('note-save-intro').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(facilitator, 'textsize-facilitator-390-notes');

    const wide = await page({ width: 1280, height: 800 });
    await wide.goto(facilitator.url());
    await expect.poll(() => wide.getByTestId('participant-count').textContent()).toMatch(/\b1\b/);
    await largeText(wide);
    await expectNoSideways(wide, 'facilitator 1280: run view');
    await expectWholeWords(wide, 'facilitator 1280: run view');
    await screenshot(wide, 'textsize-facilitator-1280');
  });
});

/**
 * Headings and titles full of the long words Swedish plans are made of: at body size each fits the phone's column
 * at 200 % ("regionstyrelsens", "Frågestund") or at 100 % ("Civilsamhällesorganisationernas", as an option and in an
 * idea, not in a heading, which at 100 % is larger than body text and has no dictionary here to hyphenate it).
 */
const WORDS_PLAN = {
  title: 'Dialogmöte om samverkan',
  language: 'sv',
  groups: 2,
  agenda: [
    { id: 'ordf', kind: 'talk', title: 'Regionstyrelsens ordförande' },
    {
      id: 'car', kind: 'carousel', title: 'Förutsättningar för samverkan', roundMinutes: 8,
      stations: [
        { id: 's1', prompt: 'Vilka möjligheter finns med samverkan mellan regionstyrelsens förvaltningar och föreningarna?' },
        { id: 's2', prompt: 'Vad behöver överenskommelsens uppföljning?' },
      ],
    },
    {
      id: 'vagg', kind: 'wall', title: 'Hur kan samverkan ske?',
      headings: [
        { id: 'h1', title: 'Överenskommelsens uppföljning' },
        { id: 'h2', title: 'Långsiktiga finansieringsformer' },
        { id: 'h3', title: 'Regionstyrelsens förvaltningar' },
      ],
    },
    { id: 'fragor', kind: 'qa', title: 'Frågestund', of: 'ordf' },
    {
      id: 'prio', kind: 'ranking', title: 'Vilket utvecklingsområde är viktigast?', voter: 'participant', reveal: 'live',
      options: [
        { id: 'a', title: 'Civilsamhällesorganisationernas långsiktiga finansiering' },
        { id: 'b', title: 'Överenskommelsens uppföljning i regionstyrelsens förvaltningar' },
        { id: 'c', title: 'Samverkansöverenskommelsen' },
      ],
    },
    { id: 'prickar', kind: 'dots', title: 'Prioriteringsövning', wall: 'vagg', dotsPerVoter: 2, voter: 'participant', reveal: 'live' },
  ],
};

const IDEA = 'Mötesarvoden till civilsamhällesorganisationernas representanter i samverkansråden.';
const QUESTION = 'Hur säkerställer regionstyrelsen att överenskommelsen följs upp?';

describe('200 % text size on the phone, with long Swedish words', () => {
  it('the carousel station, the wall, the question time, the ranking and the results: no word breaks that would fit, nothing sideways', async () => {
    const res = await fetch(`${room.origin}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(WORDS_PLAN) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; code: string; facilitatorToken: string };
    const facilitator = await page(LAPTOP);
    await facilitator.goto(`${room.origin}/facilitator#workshop=${created.id}&token=${created.facilitatorToken}`);
    // One phone at 200 %, one at 100 % (where a squeezed title or a list's indent breaks a long compound too).
    const [large, normal] = [await phonePage(), await phonePage()];
    await join(room, large, created.code, 1);
    await join(room, normal, created.code, 2);
    await largeText(large);

    /** Both phones, from the top: nothing sideways, no needless break; a screenshot of each at `at` (a test id) or the top. */
    const look = async (view: string, at?: string) => {
      for (const [p, size] of [[large, 200], [normal, 100]] as const) {
        await p.evaluate(() => window.scrollTo(0, 0));
        // Soft, so one run names every view that fails.
        expect.soft(await sideways(p), `phone ${size} %: ${view}`).toEqual({ page: 0, boxes: [] });
        expect.soft(await brokenWords(p), `phone ${size} %: ${view}`).toEqual([]);
        if (at) await p.getByTestId(at).evaluate((el) => el.scrollIntoView());
        await screenshot(p, `textsize-words-${view}-${size}`);
      }
    };

    await facilitator.getByTestId('start-car').click();
    for (const p of [large, normal]) await expect.poll(() => p.getByTestId('carousel-heading').count()).toBe(1);
    await large.getByTestId('idea-input').fill(IDEA);
    await large.getByTestId('idea-add').click();
    await expect.poll(() => large.locator('[data-testid="idea"]', { hasText: IDEA }).getByTestId('idea-sent').count()).toBe(1);
    await expect.poll(() => normal.getByTestId('carousel-heading').textContent()).toContain('station 2');
    await look('carousel');

    await facilitator.getByTestId('start-vagg').click();
    for (const p of [large, normal]) await expect.poll(() => p.getByTestId('wall-tabs').count()).toBe(1);
    await large.getByTestId('idea-input').fill(IDEA);
    await large.getByTestId('idea-add').click();
    await expect.poll(() => normal.getByTestId('wall-ideas').textContent()).toContain(IDEA);
    await look('wall', 'wall-tabs');

    await facilitator.getByTestId('start-fragor').click();
    await expect.poll(() => large.getByTestId('qa').count()).toBe(1);
    await large.getByTestId('question-input').fill(QUESTION);
    await large.getByTestId('question-send').click();
    await facilitator.getByTestId('agenda-item-fragor').locator('[data-testid="fq"]', { hasText: QUESTION }).getByTestId('q-answering').click();
    await expect.poll(() => normal.getByTestId('qa-answering').textContent()).toContain(QUESTION);
    await look('questions', 'qa-answering');

    await facilitator.getByTestId('start-prio').click();
    for (const p of [large, normal]) await expect.poll(() => p.getByTestId('vote').getAttribute('data-kind')).toBe('ranking');
    for (const option of ['b', 'a', 'c']) await large.locator(`[data-testid="rank-option"][data-option="${option}"]`).getByTestId('rank-tap').click();
    await large.getByTestId('vote-send').click();
    for (const p of [large, normal]) await expect.poll(() => p.getByTestId('vote-results').count()).toBe(1);
    await expect.poll(() => large.getByTestId('vote-cast').count()).toBe(1);
    await look('ranking', 'ranking');

    await facilitator.getByTestId('start-prickar').click();
    await expect.poll(() => large.getByTestId('vote').getAttribute('data-kind')).toBe('dots');
    await large.getByTestId('dot-plus').first().click();
    await large.getByTestId('vote-send').click();
    await expect.poll(() => normal.getByTestId('vote-results').textContent()).toContain('Mötesarvoden');
    await look('dots', 'vote-results');
    await expectAccessible(large, 'phone 200 %: dots with results');
  });
});
