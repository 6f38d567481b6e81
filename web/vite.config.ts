import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// Where `vite dev` forwards the API and Socket.IO (the Karusell server).
const server = process.env.KARUSELL_SERVER ?? 'http://localhost:3000';

/** Plugins that apply to the phone's build alone; the facilitator and the screen keep the real modules. */
const phoneOnly = (plugin: Plugin): Plugin => ({ ...plugin, applyToEnvironment: (environment) => environment.name === 'client' });

/** socket.io-client's Socket API that connection.ts never calls (it uses on, emit with an ack, connect, disconnect). */
const UNUSED_SOCKET_METHODS = [
  'send', 'emitWithAck', '_addToQueue', 'compress', 'get volatile', 'timeout',
  'onAny', 'prependAny', 'offAny', 'listenersAny', 'onAnyOutgoing', 'prependAnyOutgoing', 'offAnyOutgoing', 'listenersAnyOutgoing',
];

/** The class body without the named methods (as the library's build lays them out), or null when one is not found. */
function withoutMethods(code: string, names: string[]): string | null {
  for (const name of names) {
    const start = code.indexOf(`\n    ${name}(`);
    const end = code.indexOf('\n    }\n', start);
    if (start < 0 || end < 0) return null;
    code = code.slice(0, start) + code.slice(end + '\n    }'.length);
  }
  return code;
}

/**
 * The phone's Socket.IO, cut to what Karusell uses, module by module (each
 * file says what it replaces; tests/build/phoneSocket.test.ts compares them
 * with the real ones). Every message is JSON text, never binary, and the
 * phone connects to the page's own address, so:
 * - socket.io-parser becomes src/lib/socketTextParser.ts (text packets only),
 * - engine.io-parser becomes src/lib/engineTextParser.ts (text packets only),
 * - engine.io-client's URL parser becomes src/lib/parseUri.ts (the browser's URL),
 * - their event emitter becomes src/lib/emitter.ts (a class),
 * - long-polling goes over fetch() (engine.io-client's own Fetch transport)
 *   instead of XMLHttpRequest, whose module then drops out of the bundle,
 * - socket.io-client's Socket loses the methods connection.ts never calls.
 * Together about 2 KB gzip of the phone's JavaScript. If a future
 * socket.io-client moves or renames something, nothing matches and the real
 * module is used.
 */
function leanSocketIo(): Plugin {
  const transports = '\0karusell:phone-transports';
  let transportsDir = '';
  const swaps: [source: string, importer: RegExp, to: string][] = [
    ['socket.io-parser', /socket\.io-client/, here('src/lib/socketTextParser.ts')],
    ['engine.io-parser', /engine\.io-client/, here('src/lib/engineTextParser.ts')],
    ['./contrib/parseuri.js', /engine\.io-client/, here('src/lib/parseUri.ts')],
    ['@socket.io/component-emitter', /(engine|socket)\.io-client/, here('src/lib/emitter.ts')],
  ];
  return phoneOnly({
    name: 'karusell:lean-socket-io',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer?.includes('engine.io-client') && !importer?.includes('socket.io-client')) return null;
      if (source === './transports/index.js') {
        transportsDir = importer.replace(/[^/]*$/, 'transports/');
        return transports;
      }
      // Its only side effect is a page-hide handler for its own requests: with nothing using it, it goes.
      if (/\/polling-xhr(\.node)?\.js$/.test(source)) {
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        return resolved && { ...resolved, moduleSideEffects: false };
      }
      return swaps.find(([s, from]) => s === source && from.test(importer))?.[2] ?? null;
    },
    transform(code, id) {
      return /socket\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(id) ? withoutMethods(code, UNUSED_SOCKET_METHODS) : null;
    },
    load(id) {
      if (id !== transports) return null;
      return [
        `import { WS } from '${transportsDir}websocket.js';`,
        `import { Fetch } from '${transportsDir}polling-fetch.js';`,
        'export const transports = { websocket: WS, polling: Fetch };',
      ].join('\n');
    },
  });
}

/**
 * Vite's helper for lazy chunks (it fetches a chunk's CSS and imports
 * alongside it) becomes src/lib/preloadHelper.ts: the same for browsers with
 * modulepreload and an absolute base, in a fraction of the bytes.
 */
function preloadHelper(): Plugin {
  const lean = here('src/lib/preloadHelper.ts');
  return {
    name: 'karusell:preload-helper',
    enforce: 'pre',
    load: (id) => (id === '\0vite/preload-helper.js' ? `export { __vitePreload } from ${JSON.stringify(lean)};` : null),
  };
}

/**
 * The phone's entry (src/participant/main.ts) is small and imports the app
 * (app.ts) itself lazily, so that it can start fetching a returning phone's
 * view first. index.html preloads the app's chunk, so it still downloads
 * alongside the entry rather than after it. The entry is `async`: a module
 * script that is not waits for every stylesheet still loading, and on a slow
 * network the stylesheet, sharing the line with the app, comes in ~150 ms
 * after the entry; the page still paints only once the stylesheet is in.
 */
function preloadApp(): Plugin {
  let base = '/';
  return {
    name: 'karusell:preload-app',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, { chunk, bundle }) {
        const chunkOf = (file: string) => (bundle?.[file]?.type === 'chunk' ? bundle[file] : undefined);
        const app = chunk?.dynamicImports.map(chunkOf).find((c) => c?.facadeModuleId?.endsWith('/participant/app.ts'));
        // The app's chunk and the chunks it imports (the Svelte runtime it shares with the views), less the entry.
        const files = new Set<string>();
        const add = (file: string) => {
          if (file === chunk?.fileName || files.has(file)) return;
          files.add(file);
          chunkOf(file)?.imports.forEach(add);
        };
        if (app) add(app.fileName);
        const entry = `<script type="module" crossorigin src="${base}${chunk?.fileName}">`;
        if (!chunk || !html.includes(entry)) throw new Error(`index.html no longer holds ${entry}`);
        return {
          html: html.replace(entry, entry.replace('type="module"', 'type="module" async')),
          tags: [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + file }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

/**
 * The phone's app (what app.ts needs beyond the entry) in one chunk, with the
 * Svelte runtime it shares with the views. Left alone, the bundler gives the
 * shared part a chunk of its own, and the seams between the two cost the
 * phone about 1 KB gzip. The entry's own modules stay in the entry.
 */
function appChunk() {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'karusell:app-chunk',
    buildEnd() {
      const closure = (id: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(id)) return seen;
        seen.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) closure(next, seen);
        return seen;
      };
      const entry = closure(here('src/participant/main.ts'));
      // app.ts itself stays the face of its own small chunk, which the entry imports and index.html preloads.
      for (const id of closure(here('src/participant/app.ts'))) if (!entry.has(id) && id !== here('src/participant/app.ts')) modules.add(id);
    },
  };
  return { plugin: phoneOnly(plugin), group: { name: 'app', test: (id: string) => modules.has(id), includeDependenciesRecursively: false } };
}
const app = appChunk();

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
      if (/^\.\/(transports\/)?webtransport\.js$/.test(source) && importer?.includes('engine.io-client')) return stub;
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
  plugins: [svelte(), withoutWebTransport(), leanSocketIo(), phoneOnly(preloadHelper()), phoneOnly(preloadApp()), app.plugin],
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
        // One stylesheet for the phone (about 2 KB gzip more up front): a returning phone's view then needs no
        // stylesheets of its own, each a request more on a slow network before it can paint (LCP 2.3 -> 2.2 s).
        cssCodeSplit: false,
        rolldownOptions: { input: { index: here('index.html') }, output: { codeSplitting: { groups: [app.group] } } },
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
