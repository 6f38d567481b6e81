/**
 * Socket.IO's packet format (protocol 5), text packets only, in place of
 * socket.io-parser on the phone (vite.config.ts swaps it in for
 * socket.io-client). Karusell sends and receives JSON alone, never binary,
 * so the binary attachments machinery of the full parser is bytes the phone
 * would load for nothing. tests/build/socketTextParser.test.ts checks it
 * against the real parser, packet for packet.
 */

/** The protocol version socket.io-client announces. */
export const protocol = 5;

/** Packet types, as socket.io-client reads them. */
export const PacketType = { CONNECT: 0, DISCONNECT: 1, EVENT: 2, ACK: 3, CONNECT_ERROR: 4, BINARY_EVENT: 5, BINARY_ACK: 6 } as const;

/** One Socket.IO packet. */
export interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

/** Type digit, optional `/namespace,`, optional ack id, then JSON. Binary types (5, 6) are not accepted. */
const PACKET = /^([0-4])(?:(\/[^,]*),?)?(\d*)([\s\S]*)$/;

/** Writes packets as text: `<type>[<nsp>,][<id>][<json>]`. */
export class Encoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += JSON.stringify(packet.data);
    return [text];
  }
}

type Listener = (packet: Packet) => void;

/** Reads text packets and hands each to its "decoded" listeners; anything else throws (the client then reconnects). */
export class Decoder {
  #listeners: Listener[] = [];

  on(_event: 'decoded', listener: Listener): this {
    this.#listeners.push(listener);
    return this;
  }

  off(_event?: 'decoded', listener?: Listener): this {
    this.#listeners = listener ? this.#listeners.filter((l) => l !== listener) : [];
    return this;
  }

  add(chunk: unknown): void {
    const match = typeof chunk === 'string' ? PACKET.exec(chunk) : null;
    if (!match) throw new Error('unsupported packet');
    const [, type, nsp, id, json] = match;
    const packet: Packet = { type: Number(type), nsp: nsp ?? '/' };
    if (id) packet.id = Number(id);
    if (json) packet.data = JSON.parse(json);
    for (const listener of this.#listeners) listener(packet);
  }

  destroy(): void {}
}
