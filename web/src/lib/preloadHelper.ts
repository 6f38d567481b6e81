/**
 * The phone's stand-in for Vite's preload helper (vite.config.ts swaps it in),
 * through which every lazily loaded chunk comes: it starts the chunk's CSS
 * and the chunks it imports alongside the chunk itself, and waits for the CSS
 * so that a view never shows unstyled. Vite's own also serves browsers
 * without modulepreload, CSP nonces and relative bases, none of which the
 * phone needs, and it is bytes every phone loads before it is usable.
 */

const started: Record<string, Promise<unknown>> = {};

/** Puts a `<link>` for one dependency in the page; resolves once a stylesheet has loaded (or failed: the view still shows). */
function fetchAlongside(dep: string): Promise<unknown> {
  const link = document.createElement('link');
  const css = dep.endsWith('.css');
  link.rel = css ? 'stylesheet' : 'modulepreload';
  link.crossOrigin = '';
  link.href = import.meta.env.BASE_URL + dep;
  document.head.append(link);
  return css ? new Promise((settle) => (link.onload = link.onerror = settle)) : Promise.resolve();
}

/** Vite calls this for each `import()`, with the chunk's dependencies (paths from the base), or none. */
export function __vitePreload<T>(load: () => Promise<T>, deps?: string[]): Promise<T> {
  return Promise.all((deps ?? []).map((dep) => (started[dep] ??= fetchAlongside(dep)))).then(load);
}
