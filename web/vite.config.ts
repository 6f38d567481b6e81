import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// Where `vite dev` forwards the API and Socket.IO (the Karusell server).
const server = process.env.KARUSELL_SERVER ?? 'http://localhost:3000';

/**
 * socket.io-client's parser carries binary attachments (Blobs, ArrayBuffers)
 * that Karusell never sends: every message is JSON. The phone's build uses
 * src/lib/socketTextParser.ts, the same packet format for text alone, which
 * saves about 1 KB gzip. The facilitator and the screen keep the real one.
 */
function withTextParser(): Plugin {
  const lean = here('src/lib/socketTextParser.ts');
  return {
    name: 'karusell:text-parser',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    resolveId(source, importer) {
      return source === 'socket.io-parser' && importer?.includes('socket.io-client') ? lean : null;
    },
  };
}

/**
 * engine.io-client always bundles its WebTransport transport, which Karusell
 * never uses (connection.ts asks for polling and websocket only). Swapping it
 * for an empty stand-in saves the phone about 0.8 KB gzip. If a future
 * engine.io-client moves the file, nothing matches and the real one is used.
 */
function withoutWebTransport(): Plugin {
  const stub = '\0karusell:no-webtransport';
  return {
    name: 'karusell:without-webtransport',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './webtransport.js' && importer?.includes('engine.io-client')) return stub;
      return null;
    },
    load(id) {
      return id === stub ? 'export class WT {}' : null;
    },
  };
}

const build: BuildEnvironmentOptions = {
  outDir: here('dist'),
  target: 'es2022',
  // Every browser that runs the app supports modulepreload; the polyfill would cost the phone bytes.
  modulePreload: { polyfill: false },
};

/**
 * Two builds into one dist/: the phone's page alone, then the facilitator's
 * and the screen's pages. Built apart, no shared chunk can carry facilitator
 * code (or texts) to a phone.
 */
export default defineConfig({
  root: here('.'),
  plugins: [svelte(), withoutWebTransport(), withTextParser()],
  builder: {
    async buildApp(builder) {
      const { client, staff } = builder.environments;
      if (client) await builder.build(client);
      if (staff) await builder.build(staff);
    },
  },
  environments: {
    client: {
      build: {
        ...build,
        emptyOutDir: true,
        manifest: '.vite/manifest-participant.json',
        rolldownOptions: { input: { index: here('index.html') } },
      },
    },
    staff: {
      consumer: 'client',
      build: {
        ...build,
        emptyOutDir: false,
        manifest: '.vite/manifest-staff.json',
        rolldownOptions: { input: { facilitator: here('facilitator.html'), screen: here('screen.html') } },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
