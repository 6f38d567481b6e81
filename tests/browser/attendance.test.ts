/**
 * The attendance the minutes report, in Chromium: the phones' counts by
 * default, the facilitator's totals once given (during the meeting and after
 * it), and back to the phones with one button.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSideways, join, LAPTOP, largeText, openExampleMeeting, PHONE, screenshot, useRoom } from './browser';

const room = useRoom();

/** The Markdown minutes as a tool fetches them: with the facilitator's token in the header. */
async function minutesOf(facilitator: Page): Promise<string> {
  const fragment = new URLSearchParams(new URL(facilitator.url()).hash.slice(1));
  const response = await fetch(`${room.origin}/api/workshops/${fragment.get('workshop')}/minutes.md`, {
    headers: { authorization: `Bearer ${fragment.get('token')}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** What the panel says the minutes report, its two lines with where they come from. */
async function now(facilitator: Page): Promise<string> {
  return (await facilitator.getByTestId('attendance-panel').locator('[data-testid^="attendance-now-"]').allTextContents()).join(' | ');
}

/** The panel and the downloaded minutes both say these two lines. */
async function expectReported(facilitator: Page, participants: number, organisations: string) {
  await expect.poll(() => now(facilitator)).toContain(`Antal deltagare: ${participants}`);
  await expect.poll(() => now(facilitator)).toContain(`Antal organisationer: ${organisations}`);
  const minutes = await minutesOf(facilitator);
  expect(minutes).toContain(`Antal deltagare: ${participants}`);
  expect(minutes).toContain(`Antal organisationer: ${organisations}`);
}

/** The panel in view: a screenshot to look at, and axe on the page. */
async function look(facilitator: Page, name: string) {
  await facilitator.getByTestId('attendance-panel').scrollIntoViewIfNeeded();
  await screenshot(facilitator, `attendance-facilitator-${name}`);
  await expectAccessible(facilitator, `facilitator: attendance ${name}`);
}

async function fill(facilitator: Page, values: Record<string, string>) {
  for (const [field, value] of Object.entries(values)) await facilitator.getByTestId(`attendance-${field}`).fill(value);
}

describe('attendance for the minutes, in Chromium', () => {
  it('shows the phones’ counts, takes the facilitator’s totals into the minutes, and counts from the phones again', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    await join(room, await room.phonePage(), code, 1, { name: 'Åsa', organisation: 'Röda Korset' });
    await join(room, await room.phonePage(), code, 2);
    const panel = facilitator.getByTestId('attendance-panel');

    // From the phones: two people, one organisation (civil society).
    await expectReported(facilitator, 2, '1, varav civilsamhället 1');
    expect(await facilitator.getByTestId('attendance-now-participants').getAttribute('data-source')).toBe('phones');

    // Not a whole number: said next to the field, which gets focus and is described by the message.
    await fill(facilitator, { participants: '4,5', organisations: '10', civil: '45' });
    await facilitator.getByTestId('attendance-save').click();
    const input = facilitator.getByTestId('attendance-participants');
    expect(await facilitator.getByTestId('attendance-participants-error').textContent()).toContain('heltal');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain('attendance-participants-error');
    expect(await facilitator.evaluate(() => document.activeElement?.id)).toBe('attendance-participants');
    expect(await facilitator.getByTestId('attendance-organisations-error').textContent()).toContain('fler än 10');
    await look(facilitator, 'errors');
    expect(await now(facilitator)).toContain('Antal deltagare: 2');

    // The facilitator's totals: the panel and the minutes say them.
    await fill(facilitator, { participants: '59', organisations: '45', civil: '45' });
    await facilitator.getByTestId('attendance-save').click();
    await expectReported(facilitator, 59, '45, varav civilsamhället 45');
    expect(await facilitator.getByTestId('attendance-now-participants').getAttribute('data-source')).toBe('given');
    expect(await facilitator.getByTestId('attendance-status').textContent()).toContain('Sparat');
    expect(await facilitator.getByTestId('attendance-participants-error').count()).toBe(0);
    await look(facilitator, 'given');
    await facilitator.setViewportSize(PHONE);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'attendance-facilitator-given-390');
    await expectNoSideways(facilitator, 'facilitator: attendance at 390 px');
    await facilitator.setViewportSize(LAPTOP);

    // After the end it still works: back to the phones' counts.
    await facilitator.getByTestId('end-meeting').click();
    await facilitator.getByTestId('end-meeting-confirm').click();
    await expect.poll(() => facilitator.getByTestId('workshop-ended').count()).toBe(1);
    expect(await facilitator.getByTestId('attendance-participants').inputValue()).toBe('59');
    await facilitator.getByTestId('attendance-from-phones').click();
    // The button stays where it was, with the focus on it.
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('attendance-from-phones');
    await expectReported(facilitator, 2, '1, varav civilsamhället 1');
    expect(await facilitator.getByTestId('attendance-status').textContent()).toContain('telefonerna igen');
    expect(await facilitator.getByTestId('attendance-participants').inputValue()).toBe('');
    await look(facilitator, 'ended');

    // At 200 % text on a phone the panel still reads without scrolling sideways.
    await facilitator.setViewportSize(PHONE);
    await largeText(facilitator);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(facilitator, 'attendance-facilitator-390-large-text-top');
    await panel.getByTestId('attendance-civil').scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'attendance-facilitator-390-large-text');
    await expectNoSideways(facilitator, 'facilitator: attendance at 390 px and 200 % text');
  });
});
