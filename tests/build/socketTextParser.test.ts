/**
 * The phone's lean Socket.IO parser (web/src/lib/socketTextParser.ts) must
 * write and read exactly what the real socket.io-parser does, for every
 * packet Karusell sends or receives (text, JSON, default namespace).
 */
import { Decoder as RealDecoder, Encoder as RealEncoder } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from '../../web/src/lib/socketTextParser';

const PACKETS: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/', data: { code: 'ABC234', lastSeq: 12 } },
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'x1', pid: 'y2' } },
  { type: PacketType.CONNECT, nsp: '/' },
  { type: PacketType.DISCONNECT, nsp: '/' },
  { type: PacketType.EVENT, nsp: '/', id: 7, data: ['command', { opId: 'o1', type: 'add_idea', text: 'Åäö "citat" \n rad, 1,2 [x]' }] },
  { type: PacketType.EVENT, nsp: '/', data: ['events', { seq: 3, events: [{ type: 'idea_added', at: 1 }] }] },
  { type: PacketType.ACK, nsp: '/', id: 123, data: [{ ok: false, error: { code: 'no_group', message: 'Välj en grupp först.' } }] },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'refused', data: { code: 'unknown_code' } } },
  { type: PacketType.EVENT, nsp: '/admin', id: 0, data: ['x', 1] },
];

function realDecode(text: string): Packet {
  const decoder = new RealDecoder();
  let out: Packet | undefined;
  decoder.on('decoded', (p: Packet) => (out = p));
  decoder.add(text);
  return out!;
}

function leanDecode(text: string): Packet {
  const decoder = new Decoder();
  let out: Packet | undefined;
  decoder.on('decoded', (p) => (out = p));
  decoder.add(text);
  return out!;
}

describe('the phone’s text-only Socket.IO parser', () => {
  it.each(PACKETS.map((p) => [JSON.stringify(p).slice(0, 60), p] as const))('encodes like socket.io-parser: %s', (_, packet) => {
    expect(new Encoder().encode(packet)).toEqual(new RealEncoder().encode({ ...packet }));
  });

  it.each(PACKETS.map((p) => [JSON.stringify(p).slice(0, 60), p] as const))('decodes like socket.io-parser: %s', (_, packet) => {
    const [text] = new RealEncoder().encode({ ...packet }) as string[];
    expect(leanDecode(text!)).toEqual(realDecode(text!));
  });

  it('refuses binary packets and malformed JSON by throwing (socket.io-client then closes and reconnects)', () => {
    expect(() => leanDecode('51-["x",{"_placeholder":true,"num":0}]')).toThrow();
    expect(() => leanDecode('2["x",')).toThrow();
    expect(() => new Decoder().add(new ArrayBuffer(2))).toThrow();
  });

  it('stops calling a listener once it is taken off', () => {
    const decoder = new Decoder();
    const seen: Packet[] = [];
    const listener = (p: Packet) => seen.push(p);
    decoder.on('decoded', listener);
    decoder.add('2["a"]');
    decoder.off('decoded', listener);
    decoder.add('2["b"]');
    expect(seen).toHaveLength(1);
  });
});
