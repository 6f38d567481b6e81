import { afterEach, describe, expect, it, vi } from 'vitest';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import { startKarusell, type Karusell } from '../src/app';
import { readConfig } from '../src/config';
import { connect, createWorkshop, refusedCode, tempDb } from './harness';

const started: Karusell[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of started.splice(0)) await s.close();
});
async function start(retentionDays?: number): Promise<Karusell> {
  const s = await startKarusell({ port: 0, host: '127.0.0.1', dbPath: tempDb(), publicUrl: undefined, retentionDays });
  started.push(s);
  return s;
}

describe('retention', () => {
  it('is off by default: nothing is ever purged', async () => {
    const s = await start();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await connect(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    await f.send({ type: 'end_workshop' });
    f.close();
    expect(s.purge()).toEqual([]);
    expect(await refusedCode(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).toBe('connected');
  });

  it('deletes ended workshops past the setting with all their data, and only those', async () => {
    const s = await start(0);
    const ended = await createWorkshop(s, examplePlanJson);
    const running = await createWorkshop(s, examplePlanJson);
    const f = await connect(s, { workshopId: ended.id, facilitatorToken: ended.facilitatorToken });
    const closed = new Promise((resolve) => f.socket.on('disconnect', resolve));
    expect(await f.send({ type: 'end_workshop' })).toEqual({ ok: true });
    expect(s.purge()).toEqual([ended.id]);
    await closed;
    expect(await refusedCode(s, { workshopId: ended.id, facilitatorToken: ended.facilitatorToken })).toBe('bad_token');
    expect(await refusedCode(s, { workshopId: running.id, facilitatorToken: running.facilitatorToken })).toBe('connected');
    expect((await fetch(`http://127.0.0.1:${s.port}/api/workshops/${ended.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ended.facilitatorToken}` } })).status).toBe(401);
  });

  it.each([
    [{}, undefined],
    [{ KARUSELL_RETENTION_DAYS: '30' }, 30],
    [{ KARUSELL_RETENTION_DAYS: ' ' }, undefined],
  ])('reads %o', (env, days) => {
    expect(readConfig(env).retentionDays).toBe(days);
  });
  it('refuses a retention that is not a number of days', () => {
    expect(() => readConfig({ KARUSELL_RETENTION_DAYS: 'ett år' })).toThrow(/KARUSELL_RETENTION_DAYS/);
  });
});

describe('tokens never reach the logs', () => {
  it('through a whole session with failures, errors and a delete', async () => {
    const lines: string[] = [];
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    }
    const s = await start();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await connect(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const phone = await connect(s, { code: w.code });
    const token = phone.snapshots[0]!.participantToken!;
    await phone.send({ type: 'join_group', group: 1 });
    await phone.send({ type: 'nope' });
    await f.send({ type: 'start_item', item: 'nope' });
    await refusedCode(s, { workshopId: w.id, facilitatorToken: `${w.facilitatorToken}x` });
    await refusedCode(s, { code: w.code, participantToken: `${token}x` });
    await fetch(`http://127.0.0.1:${s.port}/api/workshops/${w.id}/minutes.md`, { headers: { authorization: `Bearer ${w.screenToken}` } });
    await fetch(`http://127.0.0.1:${s.port}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    f.close();
    phone.close();
    const logged = lines.join('\n');
    for (const secret of [w.facilitatorToken, w.screenToken, token]) expect(logged).not.toContain(secret);
  });
});

describe('headers', () => {
  it.each(['/', '/facilitator', '/screen', '/healthz'])('%s carries a Content Security Policy and the security headers', async (path) => {
    const s = await start();
    const res = await fetch(`http://127.0.0.1:${s.port}${path}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'|frame-ancestors 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });
});

describe('an imported archive of a meeting long over', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const then = Date.now() - 60 * DAY;
  const archive = {
    format: 'karusell-archive', version: 1, createdAt: then,
    plan: {
      title: 'Gammalt möte', groups: 2,
      agenda: [{ id: 'c', kind: 'carousel', title: 'Karusell', roundMinutes: 1, autoAdvance: true, stations: [{ id: 's1', prompt: 'A' }, { id: 's2', prompt: 'B' }] }],
    },
    events: [
      { type: 'item_started', item: 'c', at: then + 1000 },
      { type: 'round_started', item: 'c', round: 0, timer: { state: 'running', deadline: then + 61_000 }, at: then + 1000 },
    ],
  };
  const post = (s: Karusell, body: unknown) => fetch(`http://127.0.0.1:${s.port}/api/workshops/import`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const exported = async (s: Karusell, w: { id: string; facilitatorToken: string }) => {
    const res = await fetch(`http://127.0.0.1:${s.port}/api/workshops/${w.id}/minutes.json`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    return (await res.json()) as { events: unknown[] };
  };

  it('does not move its carousel on by itself: its round timer ran out long ago', async () => {
    const s = await start();
    const res = await post(s, archive);
    expect(res.status).toBe(201);
    const w = (await res.json()) as { id: string; facilitatorToken: string };
    await new Promise((r) => setTimeout(r, 300));
    expect((await exported(s, w)).events).toHaveLength(2);
  });

  it('is kept for the retention days from its import, not from when it ended', async () => {
    const s = await start(30);
    const res = await post(s, { ...archive, events: [...archive.events, { type: 'workshop_ended', at: then + 2000 }] });
    expect(res.status).toBe(201);
    const w = (await res.json()) as { id: string; facilitatorToken: string };
    expect(s.purge()).toEqual([]);
    expect((await exported(s, w)).events).toHaveLength(3);
  });
});

describe('GET never changes state', () => {
  it('downloading every format, in both languages, leaves the workshop exactly as it was', async () => {
    const s = await start();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await connect(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    await f.send({ type: 'start_item', item: 'ex2' });
    const before = (await connect(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).snapshots[0]!;
    for (const format of ['md', 'docx', 'html', 'csv', 'json']) {
      for (const query of ['', '?lang=en']) {
        const res = await fetch(`http://127.0.0.1:${s.port}/api/workshops/${w.id}/minutes.${format}${query}`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
        expect(res.status).toBe(200);
      }
    }
    for (const path of ['/', '/facilitator', '/screen', '/healthz', `/api/qr/${w.code}.svg`]) await fetch(`http://127.0.0.1:${s.port}${path}`);
    const after = (await connect(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken })).snapshots[0]!;
    expect(after.seq).toBe(before.seq);
    expect(after.state).toEqual(before.state);
    f.close();
  });
});
