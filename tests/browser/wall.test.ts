import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  screenshot, useRoom, expectAccessible, join, openExampleMeeting, expectStatusClear } from './browser';

const room = useRoom();
const { page, phonePage } = room;

/** Adds an idea under the heading whose tab is chosen; it shows at once as pending, then as the real idea, marked sent. */
async function addIdea(p: Page, text: string) {
  await p.getByTestId('idea-input').fill(text);
  await p.getByTestId('idea-add').click();
  await expect.poll(() => p.getByTestId('idea-input').inputValue()).toBe('');
  await expect.poll(() => p.locator('[data-testid="idea"]', { hasText: text }).getByTestId('idea-sent').count()).toBe(1);
  await expect.poll(() => p.getByTestId('idea-pending').count()).toBe(0);
}

const IDEA_1 =
  'Mötesarvoden för dialogmöten, så att ideellt engagerade kan vara med på samma villkor som tjänstepersoner som deltar på ' +
  'arbetstid. Utan ersättning är det svårt för mindre föreningar att delta i alla samråd som regionen bjuder in till.';
const IDEA_2 = 'Beskriva våra organisationer kort, en ”hisspitch” på en minut, i början av varje möte.';
const DUPLICATE = 'Arvode till ideella som deltar i dialogmöten.';
const QUESTION = 'Hur säkrar regionen att överenskommelsen lever vidare efter nästa val?';
const ALOUD = 'Hur ska mindre föreningar utan anställda orka delta i alla samråd?';

describe('the idea wall and the question time, clicked through in Chromium', () => {
  it('two phones write under two headings, emphasis, hide, merge and undo reach phones and screens; focus; then questions', async () => {
    const { facilitator, code, projectors } = await openExampleMeeting(room);
    const [hd, small] = projectors as [Page, Page];

    const phones = [await phonePage(), await phonePage()] as const;
    await join(room, phones[0], code, 1);
    await join(room, phones[1], code, 2);

    // The wall runs: every heading open to every group at once.
    await facilitator.getByTestId('start-ex2').click();
    for (const p of phones) await expect.poll(() => p.getByTestId('wall-tabs').count()).toBe(1);
    for (const projector of projectors) await expect.poll(() => projector.getByTestId('screen-wall').getAttribute('data-mode')).toBe('all');
    expect(await phones[0].getByTestId('wall-tab-h1').getAttribute('aria-selected')).toBe('true');

    // Phone 1 writes under the first heading, phone 2 under the second.
    await addIdea(phones[0], IDEA_1);
    await phones[1].getByTestId('wall-tab-h2').click();
    await expect.poll(() => phones[1].getByTestId('wall-heading').textContent()).toBe('Ökade kunskaper om varandra');
    await addIdea(phones[1], IDEA_2);
    await expect.poll(() => facilitator.getByTestId('wall-h1').textContent()).toContain(IDEA_1);
    await expect.poll(() => facilitator.getByTestId('wall-h2').textContent()).toContain(IDEA_2);

    // Phone 2 emphasises group 1's idea: (!) on the facilitator's wall and the screens.
    await phones[1].getByTestId('wall-tab-h1').click();
    const other = phones[1].locator('[data-testid="idea"]', { hasText: IDEA_1 });
    await other.getByTestId('emphasise').click();
    await expect.poll(() => other.getByTestId('emphasise').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => other.locator('.idea-text').textContent()).toBe(`${IDEA_1} (!)`);
    await expect.poll(() => facilitator.getByTestId('wall-h1').textContent()).toContain(`${IDEA_1} (!)`);
    for (const projector of projectors) await expect.poll(() => projector.getByTestId('screen-walls').textContent()).toContain(`${IDEA_1} (!)`);

    // A paper table (group 3) writes the same thing again; the facilitator merges it into group 1's idea: (!!).
    const wall = facilitator.getByTestId('agenda-item-ex2');
    await wall.locator('summary').click();
    await wall.getByTestId('paper-group').selectOption('3');
    await wall.getByTestId('paper-station').selectOption('h1');
    await wall.getByTestId('paper-text').fill(DUPLICATE);
    await wall.getByTestId('paper-add').click();
    await expect.poll(() => hd.getByTestId('screen-walls').textContent()).toContain(DUPLICATE);
    const survivor = facilitator.getByTestId('wall-h1').locator('[data-testid="wall-idea"]', { hasText: IDEA_1 });
    const duplicate = facilitator.getByTestId('wall-h1').locator('[data-testid="wall-idea"]', { hasText: DUPLICATE });
    await duplicate.getByTestId('idea-merge').click();
    await duplicate.getByTestId('idea-merge-into').selectOption((await survivor.getAttribute('data-idea'))!);
    await duplicate.getByTestId('idea-merge-do').click();
    await expect.poll(() => survivor.textContent()).toContain(`${IDEA_1} (!!)`);
    await expect.poll(() => duplicate.getByTestId('idea-merged').count()).toBe(1);
    for (const projector of projectors) {
      await expect.poll(() => projector.getByTestId('screen-walls').textContent()).toContain(`${IDEA_1} (!!)`);
      expect(await projector.getByTestId('screen-walls').textContent()).not.toContain(DUPLICATE);
    }
    await expect.poll(() => phones[1].getByTestId('wall-ideas').textContent()).toContain(`${IDEA_1} (!!)`);
    expect(await phones[1].getByTestId('wall-ideas').textContent()).not.toContain(DUPLICATE);

    // Hidden: group 2's idea is gone from the phones and the screens, and kept (dimmed) for the facilitator.
    await phones[0].getByTestId('wall-tab-h2').click();
    await expect.poll(() => phones[0].getByTestId('wall-ideas').textContent()).toContain(IDEA_2);
    const hidden = facilitator.getByTestId('wall-h2').locator('[data-testid="wall-idea"]', { hasText: IDEA_2 });
    await hidden.getByTestId('idea-hide').click();
    await expect.poll(() => hidden.getByTestId('idea-hide').textContent()).toContain('Visa igen');
    await expect.poll(() => phones[0].getByTestId('wall-ideas').textContent()).not.toContain(IDEA_2);
    for (const projector of projectors) await expect.poll(() => projector.getByTestId('screen-walls').textContent()).not.toContain(IDEA_2);
    // Gone from its author's phone too (not even as "sent").
    await phones[1].getByTestId('wall-tab-h2').click();
    await expect.poll(() => phones[1].getByTestId('wall-panel').textContent()).not.toContain(IDEA_2);

    await phones[0].getByTestId('wall-tab-h1').click();
    await phones[0].evaluate(() => window.scrollTo(0, 0));
    await wall.evaluate((el) => el.scrollIntoView());
    await screenshot(phones[0], 'wall-phone');
    await screenshot(facilitator, 'wall-facilitator');
    await screenshot(hd, 'wall-screen-1920');
    await screenshot(small, 'wall-screen-1280');
    await expectStatusClear(hd, 'screen 1920×1080: wall');
    await expectStatusClear(small, 'screen 1280×720: wall');
    await expectAccessible(phones[0], 'phone: wall');
    await expectAccessible(facilitator, 'facilitator: wall with a hidden and a merged idea');
    await expectAccessible(hd, 'screen 1920×1080: wall');
    await expectAccessible(small, 'screen 1280×720: wall');

    // Undo both: the duplicate is back on its own, the marks are back to (!), the hidden idea is back.
    await duplicate.getByTestId('idea-unmerge').click();
    await expect.poll(() => survivor.textContent()).toContain(`${IDEA_1} (!)`);
    expect(await survivor.textContent()).not.toContain(`${IDEA_1} (!!)`);
    await hidden.getByTestId('idea-hide').click();
    for (const projector of projectors) {
      await expect.poll(() => projector.getByTestId('screen-walls').textContent()).toContain(DUPLICATE);
      await expect.poll(() => projector.getByTestId('screen-walls').textContent()).toContain(IDEA_2);
      expect(await projector.getByTestId('screen-walls').textContent()).not.toContain(`${IDEA_1} (!!)`);
    }
    await phones[0].getByTestId('wall-tab-h2').click();
    await expect.poll(() => phones[0].getByTestId('wall-ideas').textContent()).toContain(IDEA_2);

    // The focus view: one heading alone on the projector, then the whole wall again.
    await facilitator.getByTestId('focus-h2').click();
    await expect.poll(() => facilitator.getByTestId('focus-h2').getAttribute('aria-pressed')).toBe('true');
    for (const projector of projectors) {
      await expect.poll(() => projector.getByTestId('screen-wall').getAttribute('data-mode')).toBe('focus');
      expect(await projector.getByTestId('screen-walls').textContent()).toContain('Ökade kunskaper om varandra');
      expect(await projector.getByTestId('screen-walls').textContent()).not.toContain('Jämbördig dialog');
      expect(await projector.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    }
    await screenshot(hd, 'wall-focus-1920');
    await expectAccessible(hd, 'screen 1920×1080: focus on one heading');
    await facilitator.getByTestId('focus-none-ex2').click();
    for (const projector of projectors) await expect.poll(() => projector.getByTestId('screen-wall').getAttribute('data-mode')).toBe('all');

    // Question time: a phone asks (with a name), the other upvotes, the facilitator types in one asked aloud.
    await facilitator.getByTestId('start-qa').click();
    for (const p of phones) await expect.poll(() => p.getByTestId('qa').count()).toBe(1);
    await phones[0].getByTestId('question-input').fill(QUESTION);
    await phones[0].getByTestId('question-name').fill('Anna');
    await phones[0].getByTestId('question-send').click();
    await expect.poll(() => phones[0].getByTestId('question-input').inputValue()).toBe('');
    const asked = phones[1].locator('[data-testid="question"]', { hasText: QUESTION });
    await asked.getByTestId('upvote').click();
    await expect.poll(() => asked.getByTestId('upvote').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => asked.getByTestId('upvote').textContent()).toContain('Du har röstat');
    await expect.poll(() => asked.getByTestId('question-votes').textContent()).toBe('1 röst');
    expect(await phones[0].locator('[data-testid="question"]', { hasText: QUESTION }).getByTestId('upvote').count()).toBe(0);

    const qa = facilitator.getByTestId('agenda-item-qa');
    await qa.getByTestId('aloud-text').fill(ALOUD);
    await qa.getByTestId('aloud-name').fill('Bengt');
    await qa.getByTestId('aloud-add').click();
    await expect.poll(() => phones[1].getByTestId('qa-queue').textContent()).toContain(ALOUD);
    // Most votes first.
    await expect.poll(() => qa.getByTestId('fq-queue').locator('[data-testid="fq"]').first().textContent()).toContain(QUESTION);
    for (const projector of projectors) await expect.poll(() => projector.getByTestId('screen-queue').textContent()).toContain('1 röst');

    // The phone's question is answered now: large on the screens, with its name; marked on the phones.
    await qa.locator('[data-testid="fq"]', { hasText: QUESTION }).getByTestId('q-answering').click();
    for (const projector of projectors) {
      await expect.poll(() => projector.getByTestId('screen-answering').textContent()).toBe(QUESTION);
      expect(await projector.getByTestId('screen-answering-name').textContent()).toContain('Anna');
      expect(await projector.getByTestId('screen-queue').textContent()).toContain(ALOUD);
      const size = await projector.getByTestId('screen-answering').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThan(projector === hd ? 50 : 34);
    }
    await expect.poll(() => phones[1].getByTestId('qa-answering').textContent()).toContain(QUESTION);
    await qa.getByTestId('q-answer-text').fill('Överenskommelsen ska skrivas in i regionens budget och följas upp varje år.');
    await qa.getByTestId('q-answer-save').click();
    await expect.poll(() => phones[1].getByTestId('qa-answering').textContent()).toContain('följas upp varje år');

    await phones[1].evaluate(() => window.scrollTo(0, 0));
    await qa.evaluate((el) => el.scrollIntoView());
    await screenshot(phones[1], 'qa-phone');
    await screenshot(facilitator, 'qa-facilitator');
    await screenshot(hd, 'qa-screen');
    await screenshot(small, 'qa-screen-1280');
    await expectAccessible(phones[1], 'phone: question time');
    await expectAccessible(facilitator, 'facilitator: question time');
    await expectAccessible(hd, 'screen 1920×1080: question time');
    await expectAccessible(small, 'screen 1280×720: question time');
  });
});
