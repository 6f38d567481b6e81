/**
 * The phone's outbox in Chromium: what a person sends while offline is kept
 * in the browser's storage, survives a reload, and arrives exactly once when
 * the connection is back; what can no longer go anywhere is kept with its
 * reason and a way to copy it.
 */
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, join, openExampleMeeting, PHONE, recordStatus, screenshot, statusSeen, useRoom } from './browser';

const room = useRoom();
const { phonePage } = room;
/** Long enough for Socket.IO's reconnection backoff (at most 5 s between tries). */
const RECONNECT = { timeout: 20_000, interval: 100 };

/**
 * Puts a page's connection to the server in the test's hands: its WebSocket
 * goes through a route, so the open one can be closed and new ones refused,
 * and its polling requests are aborted while offline. Set up before the page loads.
 * A WebSocket refused here closes without an error event (a real failed
 * handshake fires one first), so engine.io-client reports that attempt as
 * neither open nor failed: the phone gives it up after its connect timeout
 * (8 s in connection.ts; socket.io-client's own 20 s made these tests miss the
 * reconnect) and tries long-polling first from then on.
 */
async function network(p: Page) {
  let offline = false;
  const open: WebSocketRoute[] = [];
  await p.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return void ws.close();
    ws.connectToServer();
    open.push(ws);
  });
  await p.route(/\/socket\.io\//, (route) => (offline ? route.abort() : route.continue()));
  return {
    /** Whether a WebSocket is up (the phone tries one first). */
    upgraded: () => open.length > 0,
    async off() {
      offline = true;
      for (const ws of open.splice(0)) await ws.close();
    },
    on() {
      offline = false;
    },
  };
}

const outbox = (p: Page, code: string) => p.evaluate((key) => localStorage.getItem(key), `karusell:outbox:${code}`);
const status = (p: Page) => p.getByTestId('connection-status').textContent();

async function typeIdea(p: Page, text: string) {
  await p.getByTestId('idea-input').fill(text);
  await p.getByTestId('idea-add').click();
  await expect.poll(() => p.locator('[data-testid="idea-pending"][data-status="sending"]', { hasText: text }).count()).toBe(1);
}

/** A phone in group `group` on the running wall (ex2), its connection in the test's hands. */
async function phoneOnWall(code: string, group: number) {
  const p = await phonePage();
  const net = await network(p);
  await recordStatus(p);
  await join(room, p, code, group);
  await expect.poll(() => p.getByTestId('wall-tabs').count()).toBe(1);
  await expect.poll(net.upgraded, RECONNECT).toBe(true);
  return { p, net };
}

const FIRST = 'Gemensamma utbildningsdagar för föreningar och tjänstepersoner, två gånger om året.';
const SECOND = 'En kontaktperson i varje kommun som föreningarna kan ringa direkt.';
const LATE = 'Skrivet i tunneln – hann inte fram innan övningen var slut.';
const QUESTION = 'Vem ansvarar för att överenskommelsen följs upp efter valet?';

describe('the phone’s outbox, offline and back, in Chromium', () => {
  it('two ideas typed offline survive a reload and arrive exactly once; the phone says offline and sending', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    await facilitator.getByTestId('start-ex2').click();
    const { p, net } = await phoneOnWall(code, 1);

    await net.off();
    await expect.poll(() => status(p), RECONNECT).toContain('Offline');
    await typeIdea(p, FIRST);
    await typeIdea(p, SECOND);
    expect(JSON.parse((await outbox(p, code)) ?? '[]')).toHaveLength(2);
    expect(await status(p)).toContain('Offline');
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'outbox-phone-offline');
    await p.getByTestId('idea-pending').last().scrollIntoViewIfNeeded();
    await screenshot(p, 'outbox-phone-offline-ideas');
    await expectAccessible(p, 'phone: offline with two ideas sending');

    // A reload while still offline: the phone shows the wall it last saw, with both ideas back from storage, as sending.
    await p.reload();
    for (const text of [FIRST, SECOND]) {
      await expect.poll(() => p.locator('[data-testid="idea-pending"][data-status="sending"]', { hasText: text }).count()).toBe(1);
    }
    await expect.poll(() => status(p), RECONNECT).toContain('Offline');
    expect(p.viewportSize()).toEqual(PHONE);
    await screenshot(p, 'outbox-phone-reloaded-offline');
    await expectAccessible(p, 'phone: reloaded offline, two ideas kept');

    // Back online: both land once, the outbox empties, and the phone said "Sending…" on the way.
    net.on();
    for (const text of [FIRST, SECOND]) {
      await expect.poll(() => p.locator('[data-testid="idea"]', { hasText: text }).getByTestId('idea-sent').count(), RECONNECT).toBe(1);
    }
    await expect.poll(() => outbox(p, code)).toBeNull();
    await expect.poll(() => status(p)).toBe('Ansluten');
    const wall = facilitator.getByTestId('wall-h1');
    for (const text of [FIRST, SECOND]) {
      await expect.poll(() => wall.locator('[data-testid="wall-idea"]', { hasText: text }).count()).toBe(1);
    }
    expect(await p.getByTestId('idea-pending').count()).toBe(0);
    expect(await p.getByTestId('unsent-item').count()).toBe(0);
    const seen = await statusSeen(p);
    expect(seen).toContain('Skickar…');
    expect(seen.some((s) => s.startsWith('Offline'))).toBe(true);
    expect(seen.indexOf('Skickar…')).toBeLessThan(seen.lastIndexOf('Ansluten'));

    // Still once after the facilitator reloads (the server's own count, not a stale view).
    await facilitator.reload();
    for (const text of [FIRST, SECOND]) {
      await expect.poll(() => facilitator.getByTestId('wall-h1').locator('[data-testid="wall-idea"]', { hasText: text }).count()).toBe(1);
    }
  });

  it('an idea restored after its exercise ended is kept with the reason and a copy button', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    await facilitator.getByTestId('start-ex2').click();
    const { p, net } = await phoneOnWall(code, 2);
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: room.origin });

    await net.off();
    await expect.poll(() => status(p), RECONNECT).toContain('Offline');
    await typeIdea(p, LATE);
    await p.reload();
    await expect.poll(() => p.locator('[data-testid="idea-pending"][data-status="sending"]', { hasText: LATE }).count()).toBe(1);

    // The wall ends while the phone is away; when it is back, the server refuses the idea and the phone keeps it.
    await facilitator.getByTestId('end-ex2').click();
    await expect.poll(() => facilitator.getByTestId('phase-ex2').textContent()).toBe('Avslutad');
    net.on();
    const kept = p.locator('[data-testid="unsent-item"][data-status="failed"]', { hasText: 'Idé' });
    await expect.poll(() => kept.count(), RECONNECT).toBe(1);
    expect(await kept.getByTestId('draft-failed').textContent()).toContain('Övningen pågår inte längre');
    expect(await kept.locator('textarea').inputValue()).toBe(LATE);
    await kept.getByTestId('draft-copy').click();
    await expect.poll(() => kept.getByTestId('draft-copy').textContent()).toBe('Kopierad');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(LATE);
    await expect.poll(() => outbox(p, code)).toBeNull();
    expect(await facilitator.getByTestId('wall-h1').textContent()).not.toContain(LATE);
    expect(await facilitator.getByTestId('wall-h2').textContent()).not.toContain(LATE);

    await screenshot(p, 'outbox-phone-kept');
    await expectAccessible(p, 'phone: an idea kept after its exercise ended');

    // Taken care of: it goes when the person removes it.
    await kept.getByTestId('draft-discard').click();
    await expect.poll(() => p.getByTestId('unsent-item').count()).toBe(0);
  });

  it('a question restored after the question time ended is kept with the reason and its text', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    await facilitator.getByTestId('start-ex2').click();
    const { p, net } = await phoneOnWall(code, 3);
    await facilitator.getByTestId('start-qa').click();
    await expect.poll(() => p.getByTestId('qa').count()).toBe(1);

    await net.off();
    await expect.poll(() => status(p), RECONNECT).toContain('Offline');
    await p.getByTestId('question-input').fill(QUESTION);
    await p.getByTestId('question-send').click();
    await expect.poll(() => p.getByTestId('question-status').textContent()).toContain('Skickas');
    await p.reload();
    const waiting = p.locator('[data-testid="unsent-item"][data-status="sending"]', { hasText: QUESTION });
    await expect.poll(() => waiting.count()).toBe(1);
    expect(await waiting.textContent()).toContain('Fråga');

    await facilitator.getByTestId('end-qa').click();
    await expect.poll(() => facilitator.getByTestId('phase-qa').textContent()).toBe('Avslutad');
    net.on();
    const kept = p.locator('[data-testid="unsent-item"][data-status="failed"]', { hasText: 'Fråga' });
    await expect.poll(() => kept.count(), RECONNECT).toBe(1);
    expect(await kept.getByTestId('draft-failed').textContent()).toContain('Punkten pågår inte just nu');
    expect(await kept.locator('textarea').inputValue()).toBe(QUESTION);
    expect(await kept.getByTestId('draft-copy').count()).toBe(1);
    await expect.poll(() => outbox(p, code)).toBeNull();
    await expectAccessible(p, 'phone: a question kept after the question time ended');
  });

  it('a phone coming back that kept no copy of its view paints it from the server before its socket is up', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    await facilitator.getByTestId('start-ex2').click();
    const { p, net } = await phoneOnWall(code, 2);

    // Its kept copy gone (another version of the page kept it, or the browser dropped it) and no socket to be had:
    // what it paints can only come from the server's snapshot over HTTP.
    // (Dropped as the page loads, so the copy the phone keeps a second after each change cannot come back first.)
    await net.off();
    await p.addInitScript((key) => localStorage.removeItem(key), `karusell:seen:${code}`);
    const asked: string[] = [];
    p.on('request', (r) => r.url().includes('/api/participant/snapshot') && asked.push(r.headers().authorization ?? ''));
    await p.reload();
    await expect.poll(() => p.getByTestId('wall-tabs').count()).toBe(1);
    expect(await p.getByTestId('wall-tabs').textContent()).toContain('Jämbördig dialog');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^Bearer \S{20,}$/);
    expect(await status(p)).not.toBe('Ansluten');
    await screenshot(p, 'outbox-phone-no-copy-offline');
    await expectAccessible(p, 'phone: back without a kept copy, painted from the server');

    // Online again, the socket takes over without a second first paint.
    net.on();
    await expect.poll(() => status(p), RECONNECT).toBe('Ansluten');
    expect(await p.getByTestId('wall-tabs').count()).toBe(1);
  });
});
