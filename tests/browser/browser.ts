/**
 * Browser-test support: one Chromium (Debian's, driven by playwright-core),
 * a real Karusell server on port 0 serving the built web app, axe-core on
 * every view, and screenshots for people to look at (in .screens/).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Karusell } from '../../server/src/app';
import { startServer } from '../../server/test/harness';
import { brokenWords } from './words';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
/** Where screenshots go (git-ignored). */
export const SCREENS = new URL('../../.screens/', import.meta.url).pathname;

/** Viewports people use. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1440, height: 900 };
export const PROJECTOR_HD = { width: 1920, height: 1080 };
export const PROJECTOR_720 = { width: 1280, height: 720 };

/** Launches Debian's Chromium headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Starts the server for browser tests. */
export { startServer };

/** A fresh browser context (its own storage, like a separate phone). */
export function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE', bypassCSP: true });
}

/** Runs axe-core (WCAG 2.1 A/AA) on the page (contexts need bypassCSP: our CSP rightly refuses injected scripts); returns serious and critical violations as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

/** Saves a full-viewport screenshot under .screens/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}${name}.png` });
}

/** A test file's room: one server and one Chromium, a fresh context (like a separate device) per page, all closed after the file. */
export interface Room {
  /** The server's address, e.g. http://127.0.0.1:41225 (set once the file's beforeAll ran). */
  origin: string;
  page: (viewport: { width: number; height: number }) => Promise<Page>;
  phonePage: () => Promise<Page>;
}

/** Registers the file's beforeAll/afterAll and returns its room. */
export function useRoom(): Room {
  let server: Karusell | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const open = async (context: BrowserContext) => {
    contexts.push(context);
    return context.newPage();
  };
  const room: Room = {
    origin: '',
    page: async (viewport) => open(await browser!.newContext({ viewport, locale: 'sv-SE', bypassCSP: true })),
    phonePage: async () => open(await phone(browser!)),
  };
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    room.origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });
  return room;
}

/** Fails with the view's name if axe finds a serious or critical violation. */
export async function expectAccessible(p: Page, view: string): Promise<void> {
  expect(await seriousViolations(p), view).toEqual([]);
}

/** Joins as a participant at `/` with the code as typed; fills the profile or skips it; picks the group. */
export async function join(room: Room, p: Page, code: string, group: number, profile?: { name: string; organisation: string }) {
  await p.goto(`${room.origin}/`);
  await p.getByTestId('join-code').fill(code);
  await p.getByTestId('join-submit').click();
  if (profile) {
    await p.getByTestId('profile-name').fill(profile.name);
    await p.getByTestId('profile-organisation').fill(profile.organisation);
    await p.getByTestId('profile-sector').selectOption('civil');
    await p.getByTestId('profile-save').click();
  } else {
    await p.getByTestId('profile-skip').click();
  }
  await p.getByTestId(`group-${group}`).click();
  await expect.poll(() => p.getByTestId('my-group').textContent()).toContain(String(group));
}

/** Remembers every text the status line shows on each page load, so short-lived states can be asserted afterwards. */
export async function recordStatus(p: Page) {
  await p.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="connection-status"]')?.textContent?.trim() ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** What the status line has said since the page loaded (see recordStatus). */
export const statusSeen = (p: Page) => p.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);

/** The facilitator creates the example meeting; both projectors open its screen link. */
export async function openExampleMeeting(room: Room) {
  const facilitator = await room.page(LAPTOP);
  await facilitator.goto(`${room.origin}/facilitator`);
  await facilitator.getByTestId('use-example').click();
  const code = ((await facilitator.getByTestId('join-code-display').textContent()) ?? '').trim();
  const screenHref = await facilitator.getByTestId('screen-link').getAttribute('href');
  const projectors = [await room.page(PROJECTOR_HD), await room.page(PROJECTOR_720)] as [Page, Page];
  for (const projector of projectors) await projector.goto(new URL(screenHref ?? '', room.origin).href);
  return { facilitator, code, projectors };
}

/** One DevTools session per page, for its text size. */
const sessions = new WeakMap<Page, CDPSession>();

/** Sets the browser's text size to 200 % (its default font size 32 px instead of 16) and waits until the page has it. */
export async function largeText(p: Page): Promise<void> {
  let cdp = sessions.get(p);
  if (!cdp) {
    cdp = await p.context().newCDPSession(p);
    sessions.set(p, cdp);
  }
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await expect.poll(() => p.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
}

/**
 * How many pixels the page scrolls sideways (beyond a 1 px rounding), and every box whose content runs out of it
 * sideways: the innermost ones, leaving out the tables that scroll in their own box, visually hidden texts and
 * selects (whose options are wider than the closed box by design).
 */
export async function sideways(p: Page): Promise<{ page: number; boxes: string[] }> {
  return p.evaluate(() => {
    const html = document.documentElement;
    const over = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (el) =>
        el.tagName !== 'SELECT' &&
        !el.closest('.table-scroll, .visually-hidden') &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX === 'visible',
    );
    const boxes = over
      .filter((el) => !over.some((other) => other !== el && el.contains(other)))
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth - el.clientWidth} px too wide: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    return { page: Math.max(0, html.scrollWidth - html.clientWidth - 1), boxes };
  });
}

/** Fails with the view's name if the page scrolls sideways or a box's content runs out of it. */
export async function expectNoSideways(p: Page, view: string) {
  expect(await sideways(p), view).toEqual({ page: 0, boxes: [] });
}

/** Fails with the view's name if the projector's connection status (bottom right) overlaps anything of the exercise shown. */
export async function expectStatusClear(p: Page, view: string) {
  const overlaps = await p.evaluate(() => {
    const status = document.querySelector('.screen-status')?.getBoundingClientRect();
    if (!status) return ['no .screen-status'];
    return [...document.querySelectorAll('.exercise-screen *')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      const overlap = r.width > 0 && r.height > 0 && r.right > status.left && r.left < status.right && r.bottom > status.top && r.top < status.bottom;
      return overlap ? [`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.bottom - status.top)} px`] : [];
    });
  });
  expect(overlaps, view).toEqual([]);
}

/** Fails with the view's name if a word is split over two lines although it would fit its column at body-text size (see words.ts). */
export async function expectWholeWords(p: Page, view: string) {
  expect(await brokenWords(p), view).toEqual([]);
}
