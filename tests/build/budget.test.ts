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
  const language = dynamic.filter((k) => /i18n|english/.test(k));
  const connection = dynamic.filter((k) => k.includes('connection'));

  it('the participant page, once joined (entry + socket connection + the larger language), is within 35 KB gzip', () => {
    const sum = (keys: Iterable<string>) => [...keys].reduce((total, k) => total + gzipBytes(m[k]!.file), 0);
    const largestLanguage = Math.max(...language.map((k) => sum(staticClosure(m, k))));
    const total = sum(entry) + sum(connection.flatMap((k) => [...staticClosure(m, k)])) + largestLanguage;
    console.log(`participant JS once joined: ${(total / 1024).toFixed(1)} KB gzip (budget 35 KB)`);
    expect(connection).toHaveLength(1);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('the carousel view loads lazily, only when a carousel runs, as its own chunk within 10 KB gzip', () => {
    const carousel = dynamic.filter((k) => k.includes('Carousel'));
    expect(carousel).toHaveLength(1);
    expect(entry.has(carousel[0]!)).toBe(false);
    const bytes = gzipBytes(m[carousel[0]!]!.file);
    console.log(`carousel view: ${(bytes / 1024).toFixed(1)} KB gzip, loaded when a carousel runs`);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it.each(['Wall', 'Questions', 'Vote'])('the %s view loads lazily, as its own chunk (with what it shares with the carousel) within 10 KB gzip', (name) => {
    const view = dynamic.filter((k) => k.endsWith(`/${name}.svelte`));
    expect(view).toHaveLength(1);
    const chunks = [...staticClosure(m, view[0]!)].filter((k) => !entry.has(k));
    const bytes = chunks.reduce((total, k) => total + gzipBytes(m[k]!.file), 0);
    console.log(`${name.toLowerCase()} view: ${(bytes / 1024).toFixed(1)} KB gzip with its shared chunks, loaded when one runs`);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it('the steps of a first join (profile, group) load lazily, as their own chunk within 2 KB gzip', () => {
    const steps = dynamic.filter((k) => k.endsWith('/steps.ts'));
    expect(steps).toHaveLength(1);
    expect(entry.has(steps[0]!)).toBe(false);
    const bytes = [...staticClosure(m, steps[0]!)].filter((k) => !entry.has(k)).reduce((total, k) => total + gzipBytes(m[k]!.file), 0);
    console.log(`first-join steps: ${(bytes / 1024).toFixed(1)} KB gzip, loaded when a join begins on a phone not yet in the meeting`);
    expect(bytes).toBeLessThanOrEqual(2 * 1024);
  });

  it('the list of what has not got through loads lazily (with what it shares with the idea views) within 10 KB gzip', () => {
    const unsent = dynamic.filter((k) => k.endsWith('/Unsent.svelte'));
    expect(unsent).toHaveLength(1);
    const bytes = [...staticClosure(m, unsent[0]!)].filter((k) => !entry.has(k)).reduce((total, k) => total + gzipBytes(m[k]!.file), 0);
    console.log(`unsent list: ${(bytes / 1024).toFixed(1)} KB gzip with its shared chunks, loaded when something was restored or an idea exercise runs`);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it('no facilitator or screen code is reachable from the participant page', () => {
    const files = Object.values(m).map((c) => readFileSync(new URL(c.file, DIST), 'utf8')).join('\n');
    expect(Object.keys(m).some((k) => /facilitator|screen/.test(k))).toBe(false);
    expect(files).not.toMatch(/set_groups|move_participant|add_note/);
  });

  it('the join form is in the static HTML, usable before any script runs', () => {
    const html = readFileSync(new URL('index.html', DIST), 'utf8');
    expect(html).toMatch(/<form[^>]*action="\/"[^>]*method="get"/);
    expect(html).toMatch(/<input[^>]*name="code"/);
  });
});
