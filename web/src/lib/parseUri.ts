/**
 * engine.io-client's `parse(uri)` on the browser's own URL parser, in place of
 * its 14-part regular expression on the phone (vite.config.ts swaps it in).
 * It gives the parts socket.io-client and engine.io-client read (protocol,
 * host, port, path, query); tests/build/phoneSocket.test.ts checks them against
 * the real parse for the addresses a phone connects to.
 */

/** The parts of an address, as engine.io-client's parse names them. */
export interface ParsedUri {
  source: string;
  /** Without the colon: `http`, `https`, `ws`, `wss`. */
  protocol: string;
  /** The host name; an IPv6 address without its brackets. */
  host: string;
  /** Empty when the address has none (or the protocol's default). */
  port: string;
  path: string;
  /** Without the question mark. */
  query: string;
}

/** Splits an absolute address into its parts. */
export function parse(source: string): ParsedUri {
  const url = new URL(source);
  return {
    source,
    protocol: url.protocol.slice(0, -1),
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    path: url.pathname,
    query: url.search.slice(1),
  };
}
