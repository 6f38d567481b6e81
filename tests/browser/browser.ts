/**
 * Browser-test support: one Chromium (Debian's, driven by playwright-core),
 * a real Karusell server on port 0 serving the built web app, axe-core on
 * every view, and screenshots for people to look at (in .screens/).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../server/test/harness';

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
