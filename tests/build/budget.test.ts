/**
 * The phone's JavaScript budget (BRIEF.md: ≤ 35 KB gzip before it is usable),
 * checked on the built app. Bytes, not time: deterministic, so it belongs in
 * `npm test` and fails the build when the phone's code grows too much.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../web/dist/', import.meta.url);
const BUDGET = 35 * 1024;

interface Chunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }
type Manifest = Record<string, Chunk>;

const manifest = (name: string): Manifest => JSON.parse(readFileSync(new URL(`.vite/${name}`, DIST), 'utf8')) as Manifest;
const gzipBytes = (file: string) => gzipSync(readFileSync(new URL(file, DIST))).length;

/** The entry's file and every chunk it imports statically. */
function staticClosure(m: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of m[key]?.imports ?? []) staticClosure(m, next, seen);
  return seen;
}

describe('the phone budget', () => {
  const m = manifest('manifest-participant.json');
  const entry = staticClosure(m, 'index.html');
  const dynamic = m['index.html']?.dynamicImports ?? [];
  const html = readFileSync(new URL('index.html', DIST), 'utf8');
  // The entry is small and imports the app lazily, while index.html preloads the app: both are the page.
  const app = dynamic.filter((k) => k.endsWith('/participant/app.ts'));
  const page = new Set([...entry, ...app.flatMap((k) => [...staticClosure(m, k)])]);
  const lazy = [...page].flatMap((k) => m[k]?.dynamicImports ?? []);
  const language = lazy.filter((k) => /i18n|english/.test(k));
  const connection = lazy.filter((k) => k.includes('connection'));
  const steps = lazy.filter((k) => k.endsWith('/steps.ts'));
  /** Gzip bytes of the chunks, each counted once. */
  const sum = (keys: Iterable<string>) => [...new Set(keys)].reduce((total, k) => total + gzipBytes(m[k]!.file), 0);
  const closures = (keys: string[]) => keys.flatMap((k) => [...staticClosure(m, k)]);
  const largestLanguage = () => language.map((k) => [...staticClosure(m, k)]).sort((a, b) => sum(b) - sum(a))[0] ?? [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`;

  it('index.html preloads the app the entry imports, so the two download side by side; the entry does not wait for the stylesheet', () => {
    expect(app).toHaveLength(1);
    for (const k of page) {
      if (k === 'index.html') expect(html).toContain(`<script type="module" async crossorigin src="/${m[k]!.file}">`);
      else expect(html).toContain(`<link rel="modulepreload" crossorigin href="/${m[k]!.file}">`);
    }
  });

  it('a phone coming back (page + socket connection + the larger language) is within 35 KB gzip', () => {
    const total = sum([...page, ...closures(connection), ...largestLanguage()]);
    console.log(`participant JS for a phone coming back: ${kb(total)} gzip (budget 35 KB)`);
    expect(connection).toHaveLength(1);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('a first join (page + connection + the larger language + the profile and group steps) is within 35 KB gzip', () => {
    expect(steps).toHaveLength(1);
    const total = sum([...page, ...closures(connection), ...largestLanguage(), ...closures(steps)]);
    console.log(`participant JS for a first join: ${kb(total)} gzip (budget 35 KB)`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  /** Gzip bytes of a lazily loaded chunk with the chunks it imports that the page does not already carry. */
  const lazyBytes = (key: string) => sum([...staticClosure(m, key)].filter((k) => !page.has(k)));

  it('the carousel view loads lazily, only when a carousel runs, as its own chunk within 10 KB gzip', () => {
    const carousel = lazy.filter((k) => k.includes('Carousel'));
    expect(carousel).toHaveLength(1);
    expect(page.has(carousel[0]!)).toBe(false);
    const bytes = gzipBytes(m[carousel[0]!]!.file);
    console.log(`carousel view: ${(bytes / 1024).toFixed(1)} KB gzip, loaded when a carousel runs`);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it.each(['Wall', 'Questions', 'Vote'])('the %s view loads lazily, as its own chunk (with what it shares with the carousel) within 10 KB gzip', (name) => {
    const view = lazy.filter((k) => k.endsWith(`/${name}.svelte`));
    expect(view).toHaveLength(1);
    const bytes = lazyBytes(view[0]!);
    console.log(`${name.toLowerCase()} view: ${(bytes / 1024).toFixed(1)} KB gzip with its shared chunks, loaded when one runs`);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it('the steps of a first join (profile, group) load lazily, as their own chunk within 2 KB gzip', () => {
    expect(steps).toHaveLength(1);
    expect(page.has(steps[0]!)).toBe(false);
    const bytes = lazyBytes(steps[0]!);
    console.log(`first-join steps: ${(bytes / 1024).toFixed(1)} KB gzip, loaded when a join begins on a phone not yet in the meeting`);
    expect(bytes).toBeLessThanOrEqual(2 * 1024);
  });

  it('the list of what has not got through loads lazily (with what it shares with the idea views) within 10 KB gzip', () => {
    const unsent = lazy.filter((k) => k.endsWith('/Unsent.svelte'));
    expect(unsent).toHaveLength(1);
    const bytes = lazyBytes(unsent[0]!);
    console.log(`unsent list: ${(bytes / 1024).toFixed(1)} KB gzip with its shared chunks, loaded when something was restored or an idea exercise runs`);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it('no facilitator or screen code is reachable from the participant page', () => {
    const files = Object.values(m).map((c) => readFileSync(new URL(c.file, DIST), 'utf8')).join('\n');
    expect(Object.keys(m).some((k) => /facilitator|screen/.test(k))).toBe(false);
    expect(files).not.toMatch(/set_groups|move_participant|add_note/);
  });

  it('the join form is in the static HTML, usable before any script runs', () => {
    expect(html).toMatch(/<form[^>]*action="\/"[^>]*method="get"/);
    expect(html).toMatch(/<input[^>]*name="code"/);
  });
});
