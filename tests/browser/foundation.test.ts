import { describe, expect, it } from 'vitest';
import {
  LAPTOP, PROJECTOR_720, PROJECTOR_HD, screenshot, useRoom, expectAccessible, join,
} from './browser';

const room = useRoom();
const { page, phonePage } = room;

describe('the foundation, clicked through in Chromium', () => {
  it('a facilitator creates the example meeting, three phones join by code, the screens count them, a talk runs, a reload keeps the group', async () => {
    const facilitator = await page(LAPTOP);
    await facilitator.goto(`${room.origin}/facilitator`);
    await expectAccessible(facilitator, 'facilitator: create');
    await screenshot(facilitator, 'facilitator-create');

    await facilitator.getByTestId('plan-json').fill('{"title": "x", "agenda": [{"kind": "carousel", "title": "K", "roundMinutes": 8, "stations": []}]}');
    await facilitator.getByTestId('create-submit').click();
    await expect.poll(() => facilitator.getByTestId('plan-error-field').textContent()).toContain('agenda[0].stations');

    await facilitator.getByTestId('use-example').click();
    const codeText = await facilitator.getByTestId('join-code-display').textContent();
    const code = (codeText ?? '').replace(/[^A-Z0-9]/g, '');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    await expect.poll(() => facilitator.locator('img[src$=".svg"]').first().getAttribute('src')).toBe(`/api/qr/${code}.svg`);
    const screenHref = await facilitator.getByTestId('screen-link').getAttribute('href');
    const screenUrl = new URL(screenHref ?? '', room.origin);
    const screenLink = `${room.origin}${screenUrl.pathname}${screenUrl.hash}`;
    expect(screenUrl.hash).toMatch(/^#workshop=.+&token=.+/);

    const projectors = [await page(PROJECTOR_HD), await page(PROJECTOR_720)];
    for (const projector of projectors) await projector.goto(screenLink);
    await expect.poll(() => projectors[0]!.getByTestId('participant-count').textContent()).toContain('0');

    const phones = [await phonePage(), await phonePage(), await phonePage()];
    await join(room, phones[0]!, code.toLowerCase(), 1, { name: 'Åsa Öberg', organisation: 'Studieförbundet Vuxenskolan Västra Götaland' });
    await expectAccessible(phones[0]!, 'phone: current item');
    await join(room, phones[1]!, code.toLowerCase(), 2);
    await join(room, phones[2]!, code.toLowerCase(), 2);

    for (const p of [...projectors, facilitator]) {
      await expect.poll(() => p.getByTestId('participant-count').textContent()).toMatch(/\b3\b/);
    }
    await expect.poll(() => facilitator.getByTestId('group-members-2').locator('li').count()).toBe(2);
    await expect.poll(() => facilitator.getByTestId('group-members-1').textContent()).toContain('Åsa Öberg');

    await facilitator.getByTestId('start-intro').click();
    for (const p of [...phones, ...projectors]) {
      await expect.poll(() => p.getByTestId('current-item').textContent()).toContain('Presentation av planen');
    }
    const notes = 'Planen presenterades.\n\nFrågor om finansiering togs upp – se punkt 3.3.';
    await facilitator.getByTestId('note-input-intro').fill(notes);
    await facilitator.getByTestId('note-save-intro').click();
    await expect.poll(() => facilitator.locator('[data-testid^="note-text-"]').first().innerText()).toBe(notes);

    await facilitator.getByTestId('start-update').click();
    await expect.poll(() => phones[1]!.getByTestId('current-item').textContent()).toContain('Kort uppdatering');
    await phones[1]!.reload();
    await expect.poll(() => phones[1]!.getByTestId('my-group').textContent()).toContain('2');
    await expect.poll(() => phones[1]!.getByTestId('current-item').textContent()).toContain('Kort uppdatering');
    await expect.poll(() => facilitator.getByTestId('participant-count').textContent()).toMatch(/\b3\b/);

    const moved = facilitator.locator('[data-testid^="move-"]').nth(2);
    await moved.selectOption('3');
    await expect.poll(async () => (await Promise.all(phones.map((p) => p.getByTestId('my-group').textContent()))).join('|')).toContain('3');

    await screenshot(facilitator, 'facilitator-run');
    await screenshot(phones[0]!, 'phone-current-item');
    await screenshot(projectors[0]!, 'screen-1920x1080');
    await screenshot(projectors[1]!, 'screen-1280x720');
    await expectAccessible(facilitator, 'facilitator: run');
    await expectAccessible(projectors[0]!, 'screen 1920×1080');
    await expectAccessible(projectors[1]!, 'screen 1280×720');
  });

  it('the phone join page works in English, refuses an unknown code in plain words, and passes axe', async () => {
    const p = await phonePage();
    await p.goto(`${room.origin}/`);
    await expectAccessible(p, 'phone: join');
    await screenshot(p, 'phone-join');
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByTestId('join-code').fill('ZZZZZZ');
    await p.getByTestId('join-submit').click();
    await expect.poll(() => p.getByTestId('join-error').textContent()).toMatch(/code/i);
    expect(await p.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(p, 'phone: join error');
  });
});
