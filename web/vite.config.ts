import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// Where `vite dev` forwards the API and Socket.IO (the Karusell server).
const server = process.env.KARUSELL_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [svelte()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    // Every browser that runs the app supports modulepreload; the polyfill would cost the phone bytes.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: here('index.html'),
        facilitator: here('facilitator.html'),
        screen: here('screen.html'),
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
