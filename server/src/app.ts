/**
 * Wires store, hub, HTTP and sockets into one server. Tests start it on
 * port 0; main.ts starts it from the environment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { publicBase } from './config';
import { createHub, type Publish } from './hub';
import { createHttpApp, joinUrl } from './http';
import { attachSockets, roomName } from './sockets';
import { openSqliteStore } from './store/sqlite';

/** A running Karusell server. */
export interface Karusell {
  http: Server;
  port: number;
  base: string;
  close: () => Promise<void>;
}

/** Starts Karusell with the given settings; resolves once it listens. */
export async function startKarusell(config: Config): Promise<Karusell> {
  const store = openSqliteStore(config.dbPath);
  let publish: Publish = () => {};
  const hub = createHub(store, (...args) => publish(...args));
  let port = config.port;
  const base = () => publicBase(config, port);

  let sockets: ReturnType<typeof attachSockets> | undefined;
  const app = createHttpApp({
    hub,
    store,
    base,
    onDelete: (id) => {
      for (const audience of ['facilitator', 'screen', 'participants'] as const) {
        sockets?.io.in(roomName(id, audience)).disconnectSockets(true);
      }
    },
  });
  const http = createServer(app);
  sockets = attachSockets(http, {
    hub,
    store,
    joinUrl: (code) => joinUrl(base(), code),
    allowedOrigin: (origin, host) => origin === new URL(base()).origin || (host !== undefined && sameHost(origin, host)),
  });
  publish = sockets.publish;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      void sockets!.io.close(() => {
        store.close();
        resolve();
      });
      http.closeAllConnections();
    });
    return closing;
  };
  return { http, port, base: base(), close };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
