/**
 * The facilitator's hold on the meeting, in Chromium: lock it against new
 * joins, remove a participant, end it (the minutes stay and download), and
 * delete it with all its data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSideways, join, LAPTOP, openExampleMeeting, screenshot, useRoom } from './browser';

const room = useRoom();
const { page, phonePage } = room;

/** Types the code on a fresh phone and waits for what the join form says. */
async function tryJoin(p: Page, code: string, testid: 'join-notice' | 'join-error'): Promise<string> {
  await p.goto(`${room.origin}/`);
  await p.getByTestId('join-code').fill(code);
  await p.getByTestId('join-submit').click();
  await expect.poll(() => p.getByTestId(testid).count(), { timeout: 10_000 }).toBe(1);
  return (await p.getByTestId(testid).textContent()) ?? '';
}

/** The facilitator's page at phone width too: screenshot, no sideways scrolling, then back to the laptop. */
async function atPhoneWidth(p: Page, name: string) {
  await p.setViewportSize({ width: 390, height: 844 });
  await screenshot(p, name);
  await expectNoSideways(p, `${name} at 390 px`);
  await p.setViewportSize(LAPTOP);
}

describe('locking, removing, ending and deleting a meeting, in Chromium', () => {
  it('lock refuses a new phone; a removed phone is told; the end reaches phones and the minutes download; delete forgets it all', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    const link = facilitator.url();
    const [stays, leaves] = [await phonePage(), await phonePage()];
    await join(room, stays, code, 1);
    await join(room, leaves, code, 2);

    // Locked: a new phone is refused, those already in stay.
    expect(await facilitator.getByTestId('lock-state').textContent()).toContain('Öppet');
    await facilitator.getByTestId('lock-toggle').click();
    await expect.poll(() => facilitator.getByTestId('lock-state').textContent()).toContain('Låst');
    expect(await tryJoin(await phonePage(), code, 'join-notice')).toContain('låst');
    await screenshot(facilitator, 'controls-facilitator-locked');
    await expectAccessible(facilitator, 'facilitator: locked');
    await facilitator.getByTestId('lock-toggle').click();
    await expect.poll(() => facilitator.getByTestId('lock-state').textContent()).toContain('Öppet');

    // Removed, after a question that says what it means.
    const members = facilitator.getByTestId('group-members-2');
    await members.locator('[data-testid^="remove-"]').first().click();
    const box = members.locator('[data-testid$="-box"]');
    expect(await box.textContent()).toContain('kan inte längre skicka något');
    expect(await facilitator.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/^remove-.+-confirm$/);
    await members.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(facilitator, 'controls-facilitator-remove');
    await expectAccessible(facilitator, 'facilitator: confirming a removal');
    await box.locator('[data-testid$="-confirm"]').click();
    await expect.poll(() => facilitator.getByTestId('participant-count').getAttribute('data-count')).toBe('1');
    await expect.poll(() => leaves.getByTestId('removed').count()).toBe(1);
    expect(await leaves.getByTestId('removed').textContent()).toContain('tagits bort');
    await expectAccessible(leaves, 'phone: removed');
    // Its own phone cannot come back in.
    await leaves.reload();
    await expect.poll(() => leaves.getByTestId('join-notice').textContent(), { timeout: 10_000 }).toContain('tagits bort');

    // Ended: phones say so, the facilitator keeps the downloads and moderation, and the minutes download.
    await facilitator.getByTestId('start-ex2').click();
    await facilitator.getByTestId('end-meeting').click();
    expect(await facilitator.getByTestId('end-meeting-box').textContent()).toContain('Anteckningarna finns kvar');
    await facilitator.getByTestId('end-meeting-confirm').click();
    await expect.poll(() => facilitator.getByTestId('workshop-ended').count()).toBe(1);
    await expect.poll(() => stays.getByTestId('meeting-ended').count()).toBe(1);
    expect(await facilitator.getByTestId('start-ex1').count()).toBe(0);
    expect(await facilitator.getByTestId('end-meeting').count()).toBe(0);
    expect(await facilitator.getByTestId('lock-toggle').count()).toBe(0);
    expect(await facilitator.getByTestId('phase-ex2').textContent()).toBe('Avslutad');
    expect(await tryJoin(await phonePage(), code, 'join-notice')).toContain('avslutat');
    const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('download-md').click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const minutes = readFileSync((await download.path())!, 'utf8');
    expect(minutes).toContain('1. Bakgrund');
    expect(minutes).toContain('Antal deltagare:');
    await facilitator.evaluate(() => window.scrollTo(0, 0));
    await screenshot(facilitator, 'controls-facilitator-ended');
    await atPhoneWidth(facilitator, 'controls-facilitator-ended-390');
    await screenshot(stays, 'controls-phone-ended');
    await expectAccessible(facilitator, 'facilitator: the meeting has ended');
    await expectAccessible(stays, 'phone: the meeting has ended');

    // Deleted: back to the create page, the token gone from the address and storage, the old links refused.
    const workshopId = new URLSearchParams(new URL(link).hash.slice(1)).get('workshop');
    expect(await facilitator.evaluate((id) => localStorage.getItem(`karusell:screen:${id}`), workshopId)).not.toBeNull();
    await facilitator.getByTestId('delete-meeting').click();
    expect(await facilitator.getByTestId('delete-meeting-box').textContent()).toContain('Det går inte att ångra');
    await facilitator.getByTestId('delete-meeting-box').scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'controls-facilitator-delete');
    await expectAccessible(facilitator, 'facilitator: confirming the deletion');
    await facilitator.getByTestId('delete-meeting-confirm').click();
    await expect.poll(() => facilitator.getByTestId('use-example').count()).toBe(1);
    expect(await facilitator.getByTestId('deleted-notice').textContent()).toContain('raderat');
    expect(new URL(facilitator.url()).hash).toBe('');
    expect(await facilitator.evaluate((id) => localStorage.getItem(`karusell:screen:${id}`), workshopId)).toBeNull();
    await screenshot(facilitator, 'controls-facilitator-deleted');
    await expectAccessible(facilitator, 'facilitator: back on the create page after a deletion');

    const old = await page(LAPTOP);
    await old.goto(link);
    await expect.poll(() => old.getByTestId('connect-refused').count(), { timeout: 10_000 }).toBe(1);
    expect(await tryJoin(await phonePage(), code, 'join-error')).toContain('Ingen pågående workshop');
  });
});
