/**
 * Wires store, hub, HTTP and sockets into one server. Tests start it on
 * port 0; main.ts starts it from the environment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { publicBase } from './config';
import { createAutoAdvance } from './autoAdvance';
import { createHub, type Publisher } from './hub';
import { createHttpApp, joinUrl } from './http';
import { attachSockets, roomName } from './sockets';
import { openSqliteStore } from './store/sqlite';
import { createLimiters, DEFAULT_LIMITS } from './limits';
import { startRetention } from './retention';

/** A running Karusell server. */
export interface Karusell {
  http: Server;
  port: number;
  base: string;
  close: () => Promise<void>;
  /** Deletes ended workshops past the retention setting now (it also runs hourly); returns their ids. */
  purge: () => string[];
}

/** Starts Karusell with the given settings; resolves once it listens. */
export async function startKarusell(config: Config): Promise<Karusell> {
  const store = openSqliteStore(config.dbPath);
  let publisher: Publisher = { events: () => {}, resync: () => {} };
  const autoAdvance = createAutoAdvance(() => hub);
  const hub = createHub(store, {
    publisher: { events: (...args) => publisher.events(...args), resync: (...args) => publisher.resync(...args) },
    onCommit: (room) => autoAdvance.arm(room),
  });
  for (const room of hub.rooms.values()) autoAdvance.arm(room);
  let port = config.port;
  const base = () => publicBase(config, port);

  let sockets: ReturnType<typeof attachSockets> | undefined;
  /** Deletes a workshop with all its data (the facilitator's DELETE, or retention) and drops its connections. */
  const remove = (id: string) => {
    store.deleteWorkshop(id);
    hub.forget(id);
    autoAdvance.clear(id);
    for (const audience of ['facilitator', 'screen', 'participants'] as const) {
      sockets?.io.in(roomName(id, audience)).disconnectSockets(true);
    }
  };
  const limiters = createLimiters({ ...DEFAULT_LIMITS, ...config.limits });
  const app = createHttpApp({ hub, store, base, remove, limiters });
  const http = createServer(app);
  sockets = attachSockets(http, {
    hub,
    store,
    joinUrl: (code) => joinUrl(base(), code),
    limiters,
    allowedOrigin: (origin, host) => origin === new URL(base()).origin || (host !== undefined && sameHost(origin, host)),
  });
  publisher = sockets.publisher;
  const retention = startRetention({ hub, days: config.retentionDays, remove });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // A long accept queue: in a reconnect storm of thousands of phones the default (511) overflows, and each
    // dropped attempt waits seconds before its retry.
    http.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () => {
    autoAdvance.stop();
    retention.stop();
    closing ??= new Promise<void>((resolve) => {
      void sockets!.io.close(() => {
        void store.close().then(resolve);
      });
      http.closeAllConnections();
    });
    return closing;
  };
  return { http, port, base: base(), close, purge: retention.purge };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
