/**
 * Phones try WebSocket first and fall back to long-polling. Behind a venue
 * proxy that refuses WebSocket upgrades, or one that lets them hang, a phone
 * still joins, sends an idea and has it acknowledged, over long-polling; with
 * nothing in the way it uses a WebSocket from its first request on.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join, openExampleMeeting, recordStatus, statusSeen, useRoom } from './browser';

const room = useRoom();

/**
 * An HTTP proxy in front of the test's server: it passes every request on as
 * it came (Host included, so the server's origin check sees the proxy's own
 * address) and either refuses WebSocket upgrades with 403 or never answers them.
 */
async function proxy(target: string, upgrades: 'refuse' | 'hang') {
  const { hostname, port } = new URL(target);
  const seen = { upgrades: 0, polls: 0 };
  const held: Socket[] = [];
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/socket.io/')) seen.polls += 1;
    const onward = request({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    onward.on('error', () => res.destroy());
    req.pipe(onward);
  });
  server.on('upgrade', (_req, socket: Socket) => {
    seen.upgrades += 1;
    if (upgrades === 'refuse') socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    else held.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close() {
      for (const socket of held) socket.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The Socket.IO requests a page made, by kind. */
function socketRequests(p: Page) {
  const made = { websocket: 0, polling: 0 };
  p.on('websocket', (ws) => void (ws.url().includes('/socket.io/') && (made.websocket += 1)));
  p.on('request', (r) => void (r.url().includes('/socket.io/') && r.url().includes('transport=polling') && (made.polling += 1)));
  return made;
}

async function sendIdea(p: Page, text: string) {
  await p.getByTestId('idea-input').fill(text);
  await p.getByTestId('idea-add').click();
  await expect.poll(() => p.locator('[data-testid="idea"]', { hasText: text }).getByTestId('idea-sent').count()).toBe(1);
}

describe('WebSocket first, long-polling when a proxy blocks it, in Chromium', () => {
  it('with nothing in the way, the phone connects over WebSocket without long-polling first', async () => {
    const { facilitator, code } = await openExampleMeeting(room);
    await facilitator.getByTestId('start-ex2').click();
    const p = await room.phonePage();
    const made = socketRequests(p);
    await join(room, p, code, 1);
    await sendIdea(p, 'Direkt över WebSocket.');
    expect(made).toEqual({ websocket: 1, polling: 0 });
  });

  it.each(['refuse', 'hang'] as const)('behind a proxy that %ss WebSocket upgrades, the phone joins and its idea gets through over long-polling', async (upgrades) => {
    const { facilitator, code } = await openExampleMeeting(room);
    await facilitator.getByTestId('start-ex2').click();
    const via = await proxy(room.origin, upgrades);
    try {
      const p = await room.phonePage();
      const made = socketRequests(p);
      await recordStatus(p);
      const text = `Genom en proxy som ${upgrades === 'refuse' ? 'vägrar' : 'hänger'} WebSocket.`;
      await join({ ...room, origin: via.origin }, p, code, 2);
      await sendIdea(p, text);
      await expect.poll(() => p.getByTestId('connection-status').textContent()).toBe('Ansluten');
      await expect.poll(() => facilitator.getByTestId('wall-h1').textContent()).toContain(text);
      expect(via.seen.upgrades).toBeGreaterThan(0);
      expect(via.seen.polls).toBeGreaterThan(0);
      expect(made.polling).toBeGreaterThan(0);
      // A refused upgrade falls back within the same attempt; a hanging one costs an attempt (then long-polling comes first).
      const offline = (await statusSeen(p)).filter((s) => s.startsWith('Offline'));
      if (upgrades === 'refuse') expect(offline).toEqual([]);
      else expect(offline.length).toBeGreaterThan(0);
    } finally {
      via.close();
    }
  });
});
