/**
 * GET /api/participant/snapshot: a phone coming back that kept no copy of
 * what it was shown gets its snapshot over HTTP (to paint before its socket
 * is up), with the same token and the same view as its socket's greeting.
 */
import { describe, expect, it } from 'vitest';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import type { Snapshot } from '@karusell/shared';
import { createWorkshop, lastSnapshot, refusedCode, until, useServers, type Client } from './harness';
import type { Karusell } from '../src/app';

const { server, client } = useServers();

async function snapshotOverHttp(s: Karusell, code: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/participant/snapshot?code=${code}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as Snapshot & { error?: { code: string } } };
}

/** What the snapshot says, leaving out the clock reading (and the token, which only the socket's greeting carries). */
const shown = ({ serverNow: _now, participantToken: _token, ...rest }: Snapshot) => rest;

describe('a participant snapshot over HTTP', () => {
  it('is what a socket resuming with the same token is greeted with, without the token', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const phone = await client(s, { code: w.code });
    const token = lastSnapshot(phone).participantToken!;
    expect(await phone.send({ type: 'join_group', group: 2 })).toEqual({ ok: true });
    expect(await f.send({ type: 'start_item', item: 'ex1' })).toEqual({ ok: true });
    await until(() => phone.snapshots.length > 1, 'the phone resynced to the carousel');
    expect(await phone.send({ type: 'add_idea', item: 'ex1', slot: 's2', text: 'Mötesplatser för unga vuxna i hela länet' })).toMatchObject({ ok: true });

    const answer = await snapshotOverHttp(s, w.code.toLowerCase(), token);
    expect(answer.status).toBe(200);
    expect(answer.cache).toBe('no-store');
    expect(answer.body.participantToken).toBeUndefined();
    expect(answer.body.state.running).toBe('ex1');
    const resumed: Client = await client(s, { code: w.code, participantToken: token });
    expect(shown(answer.body)).toEqual(shown(lastSnapshot(resumed)));
  });

  it('answers 401, telling nothing, to a missing or wrong token, another meeting\'s token, a wrong code and a removed participant', async () => {
    const s = await server();
    const w = await createWorkshop(s, examplePlanJson);
    const other = await createWorkshop(s, examplePlanJson);
    const f = await client(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
    const phone = await client(s, { code: w.code });
    const stranger = await client(s, { code: other.code });
    const removed = await client(s, { code: w.code });
    const token = lastSnapshot(phone).participantToken!;
    expect(await f.send({ type: 'remove_participant', participant: lastSnapshot(removed).participant })).toEqual({ ok: true });

    const refusals = [
      await snapshotOverHttp(s, w.code),
      await snapshotOverHttp(s, w.code, `${token}x`),
      await snapshotOverHttp(s, w.code, lastSnapshot(stranger).participantToken),
      await snapshotOverHttp(s, 'ZZZZZZ', token),
      await snapshotOverHttp(s, w.code, lastSnapshot(removed).participantToken),
      await snapshotOverHttp(s, w.code, w.facilitatorToken),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error: { code: 'unauthorized', message: 'A valid participant token for this code is required.' } });
    }
    expect((await snapshotOverHttp(s, w.code, token)).status).toBe(200);
  });

  it('counts wrong codes and tokens towards the address\'s failed joins, as the socket does', async () => {
    const s = await server(undefined, { failedJoins: 3 });
    const w = await createWorkshop(s, examplePlanJson);
    const phone = await client(s, { code: w.code });
    const token = lastSnapshot(phone).participantToken!;
    for (const [code, bearer] of [['ZZZZZZ', token], [w.code, 'wrong'], [w.code, undefined]] as const) {
      expect((await snapshotOverHttp(s, code, bearer)).status).toBe(401);
    }
    expect(await refusedCode(s, { code: w.code })).toBe('rate_limited');
    // A phone holding its token is never held up.
    expect((await snapshotOverHttp(s, w.code, token)).status).toBe(200);
    expect(await refusedCode(s, { code: w.code, participantToken: token })).toBe('connected');
  });
});
