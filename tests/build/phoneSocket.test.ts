/**
 * The phone's lean stand-ins for parts of Socket.IO (vite.config.ts swaps them
 * in for the phone's build) must do what the real modules do for everything
 * Karusell sends, receives and calls; and the phone's built connection must
 * really be the lean one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Emitter as RealEmitter } from '@socket.io/component-emitter';
import * as real from 'engine.io-parser';
import { parse as realParse } from 'engine.io-client';
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../web/src/lib/emitter';
import * as lean from '../../web/src/lib/engineTextParser';
import { parse } from '../../web/src/lib/parseUri';

const PACKETS: lean.Packet[] = [
  { type: 'open', data: '{"sid":"a-b_c","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}' },
  { type: 'close' },
  { type: 'ping' },
  { type: 'ping', data: 'probe' },
  { type: 'pong', data: 'probe' },
  { type: 'message', data: '2["command",{"opId":"o1","type":"add_idea","text":"Åäö \\u001e ”citat” 😀"}]' },
  { type: 'message', data: '' },
  { type: 'upgrade' },
  { type: 'noop' },
];

const encoded = (encode: (cb: (s: string) => void) => void) => {
  let out = '';
  encode((s) => (out = s));
  return out;
};

describe('the phone’s text-only Engine.IO parser', () => {
  it('speaks the same protocol version', () => expect(lean.protocol).toBe(real.protocol));

  it.each(PACKETS.map((p) => [JSON.stringify(p).slice(0, 50), p] as const))('writes and reads a packet like engine.io-parser: %s', (_, packet) => {
    const text = encoded((cb) => real.encodePacket({ ...packet } as real.Packet, false, cb));
    expect(encoded((cb) => lean.encodePacket(packet, false, cb))).toBe(text);
    expect(lean.decodePacket(text)).toEqual(real.decodePacket(text));
  });

  it('writes and reads a long-polling payload like engine.io-parser', () => {
    const payload = encoded((cb) => real.encodePayload(PACKETS.map((p) => ({ ...p })) as real.Packet[], cb));
    expect(encoded((cb) => lean.encodePayload(PACKETS, cb))).toBe(payload);
    expect(lean.decodePayload(payload)).toEqual(real.decodePayload(payload, 'arraybuffer'));
  });

  it('reads what it cannot understand as the error packet, and stops a payload there', () => {
    for (const bad of ['', '9', 'x', ' 4']) expect(lean.decodePacket(bad)).toEqual(real.decodePacket(bad));
    expect(lean.decodePayload('4a\x1e9\x1e4b')).toEqual(real.decodePayload('4a\x1e9\x1e4b', 'arraybuffer'));
    // Binary never comes from Karusell's server: the real parser would read it, the lean one refuses it (a reconnect).
    expect(lean.decodePacket(new ArrayBuffer(2))).toEqual({ type: 'error', data: 'parser error' });
    expect(lean.decodePacket('bAQI=')).toEqual({ type: 'error', data: 'parser error' });
  });
});

describe('the phone’s URL parser', () => {
  it.each([
    'http://192.168.1.20:3000',
    'https://karusell.example.org',
    'http://localhost:5173',
    'http://[::1]:3000',
    'https://karusell.example.org:8443/socket.io/?EIO=4',
  ])('gives the parts Socket.IO reads as engine.io-client does: %s', (address) => {
    const mine = parse(address);
    const theirs = realParse(address);
    expect(mine.source).toBe(theirs.source);
    expect(mine.protocol).toBe(theirs.protocol);
    expect(mine.host).toBe(theirs.host);
    expect(mine.port).toBe(theirs.port);
    expect(mine.query).toBe(theirs.query);
    // socket.io-client reads an empty path as "/".
    expect(mine.path).toBe(theirs.path || '/');
  });

  it('leaves out a port that is the protocol’s default (both libraries then fill in the default)', () => {
    expect(parse('http://example.org:80').port).toBe('');
    expect(parse('https://example.org:443').port).toBe('');
  });
});

type Listener = (...args: any[]) => void;
/** The emitter calls socket.io-client and engine.io-client make. */
interface Calls {
  on(event: string, fn: Listener): unknown;
  once(event: string, fn: Listener): unknown;
  off(event?: string, fn?: Listener): unknown;
  removeListener(event: string, fn: Listener): unknown;
  removeAllListeners(event?: string): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  emitReserved(event: string, ...args: unknown[]): unknown;
  listeners(event: string): unknown[];
  hasListeners(event: string): boolean;
}

/** Runs the same calls on an emitter and returns what its listeners saw, and what it answered. */
function script(make: () => Calls) {
  const seen: string[] = [];
  const e = make();
  const a = (...args: unknown[]) => seen.push(`a ${args.join(',')}`);
  const b = (...args: unknown[]) => seen.push(`b ${args.join(',')}`);
  const once = (...args: unknown[]) => seen.push(`once ${args.join(',')}`);
  const selfRemoving = () => {
    seen.push('self');
    e.off('x', selfRemoving);
  };
  e.on('x', a);
  e.on('x', b);
  e.once('x', once);
  e.on('x', selfRemoving);
  e.on('y', a);
  const answers: unknown[] = [e.hasListeners('x'), e.listeners('x').length];
  e.emit('x', 1, 2);
  e.emitReserved('x', 3);
  e.off('x', a);
  e.emit('x', 4);
  const c = () => seen.push('c');
  e.once('z', c);
  e.off('z', c);
  e.emit('z');
  e.removeListener('x', b);
  answers.push(e.hasListeners('x'), e.listeners('x').length);
  e.on('x', a);
  e.removeAllListeners('x');
  e.emit('x', 5);
  e.emit('y', 6);
  e.removeAllListeners();
  e.emit('y', 7);
  answers.push(e.hasListeners('y'), e.listeners('nothing'));
  return { seen, answers };
}

describe('the phone’s event emitter', () => {
  it('calls, keeps and drops listeners as @socket.io/component-emitter does', () => {
    const mine = script(() => new Emitter() as unknown as Calls);
    expect(mine).toEqual(script(() => new RealEmitter() as unknown as Calls));
    expect(mine.seen).toContain('once 1,2');
  });

  it('keeps emitReserved the plain emit when a subclass sends with emit (as socket.io-client’s Socket does)', () => {
    class Sending extends Emitter {
      sent: unknown[] = [];
      override emit(event: string, ...args: unknown[]): this {
        this.sent.push([event, ...args]);
        return this;
      }
    }
    const s = new Sending() as Sending & { emitReserved: (event: string, ...args: unknown[]) => Sending };
    const heard: unknown[] = [];
    s.on('connect', (...args: unknown[]) => heard.push(args));
    s.emitReserved('connect', 'id');
    s.emit('command', 1);
    expect(heard).toEqual([['id']]);
    expect(s.sent).toEqual([['command', 1]]);
  });
});

describe('the phone’s built connection', () => {
  const dist = new URL('../../web/dist/assets/', import.meta.url);
  const chunk = readdirSync(dist).find((f) => /^connection-.*\.js$/.test(f));
  const code = chunk ? readFileSync(new URL(chunk, dist), 'utf8') : '';

  it('long-polls with fetch, not XMLHttpRequest, and carries no binary or URL-regex machinery', () => {
    expect(chunk).toBeDefined();
    expect(code).toContain('fetch(');
    expect(code).not.toContain('XMLHttpRequest');
    expect(code).not.toContain('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    expect(code).not.toContain('FileReader');
    expect(code).not.toContain('ipv6uri');
  });

  it('leaves out the Socket methods connection.ts never calls, and keeps the ones socket.io-client itself calls', () => {
    for (const unused of ['emitWithAck', 'onAnyOutgoing', 'listenersAny', 'prependAny']) expect(code).not.toContain(unused);
    for (const used of ['_drainQueue', 'notifyOutgoingListeners', 'emitBuffered']) expect(code).toContain(used);
  });
});
