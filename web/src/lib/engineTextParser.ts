/**
 * Engine.IO's packet format (protocol 4), text packets only, in place of
 * engine.io-parser on the phone (vite.config.ts swaps it in for
 * engine.io-client). Karusell sends and receives text alone, never binary,
 * so the base64 and Blob machinery of the full parser is bytes the phone would
 * load for nothing. tests/build/phoneSocket.test.ts checks it against the real
 * parser, packet for packet.
 */

/** The Engine.IO protocol version engine.io-client announces (`EIO=4`). */
export const protocol = 4;

/** Packet types by their digit on the wire. */
const TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'];
/** Between the packets of one long-polling payload (ASCII record separator). */
const SEPARATOR = '\x1e';
/** What engine.io-client gets for anything it cannot read: it then closes and reconnects. */
const ERROR_PACKET = { type: 'error', data: 'parser error' };

/** One Engine.IO packet. */
export interface Packet {
  type: string;
  data?: string;
}

const encode = ({ type, data }: Packet) => TYPES.indexOf(type) + (data || '');

/** Writes one packet as text (the callback form is engine.io-parser's). */
export function encodePacket(packet: Packet, _supportsBinary: boolean, callback: (encoded: string) => void): void {
  callback(encode(packet));
}

/** Reads one packet; binary and unknown types read as the error packet. */
export function decodePacket(encoded: unknown): Packet {
  if (typeof encoded !== 'string') return ERROR_PACKET;
  const type = TYPES[encoded.charCodeAt(0) - 48];
  if (!type) return ERROR_PACKET;
  return encoded.length > 1 ? { type, data: encoded.slice(1) } : { type };
}

/** Writes the packets of one long-polling request. */
export function encodePayload(packets: Packet[], callback: (encoded: string) => void): void {
  callback(packets.map(encode).join(SEPARATOR));
}

/** Reads a long-polling response, up to and including the first packet it cannot read. */
export function decodePayload(payload: string): Packet[] {
  const packets: Packet[] = [];
  for (const encoded of payload.split(SEPARATOR)) {
    const packet = decodePacket(encoded);
    packets.push(packet);
    if (packet === ERROR_PACKET) break;
  }
  return packets;
}
