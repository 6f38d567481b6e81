/**
 * WCAG 1.4.4 (resize text): at 200 % text size a 390 px phone and the
 * facilitator's page on a phone still read without scrolling sideways, and no
 * word or button runs out of its box.
 *
 * Nor is a heading so large that an ordinary word ("Presentation",
 * "anteckningarna") breaks in two: a word may break only when it is wider than
 * its column even at body-text size.
 *
 * The text size is set the way a browser's own setting does it: Chromium's
 * default font size doubled (16 → 32 px, so the root font size is 200 % and
 * em-based media queries follow), not a zoom, which would also narrow the page.
 */
import { describe, expect, it } from 'vitest';
import {
  PHONE, expectNoSideways, expectWholeWords, largeText, screenshot, useRoom,
} from './browser';

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
