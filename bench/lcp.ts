/**
 * Largest Contentful Paint of the participant's pages in Debian's Chromium
 * (playwright-core), network throttled over CDP to 400 kbps / 400 ms RTT, on
 * a 390×844 phone viewport, against the production server serving web/dist:
 * the join page, a first join from a `?code=` link while a carousel runs,
 * and a returning phone (token remembered, in group 1) at its station.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { removeOnExit } from './procs';
import { benchPlan, createWorkshops, startServer, stopServer } from './server';
import { fmt, sleep } from './stats';
import { swedishIdea } from './text';

/** One page's figures. */
export interface LcpResult {
  page: string;
  path: string;
  lcpMs: number;
  lcpElement: string;
  fcpMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  transferredKB: number;
  scriptKB: number;
  shows: string;
  /** From navigation start (ms): the first Socket.IO request (the phone tries a WebSocket first, long-polling if that fails), its first answer, and the WebSocket handshake answered. */
  socket: { first: number; firstAnswer: number; websocket: number };
  /** Scripts that finished loading after DOMContentLoaded (lazy views), with when they finished. */
  lateScripts: string;
  /** Every request of the page: when it was sent, answered and finished (ms from navigation start), for the log. */
  waterfall: string[];
}

/** The LCP step's outcome. */
export interface LcpRun {
  build: string;
  results: LcpResult[];
  screenshots: string | null;
}

const THROTTLE = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

function build(root: string, wanted: boolean): string {
  const dist = join(root, 'web/dist/index.html');
  if (!wanted) return existsSync(dist) ? `web/dist as found (built ${statSync(dist).mtime.toISOString()})` : 'no web/dist';
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) return 'web/dist built by this run (npm run build)';
  const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-5).join(' / ');
  return existsSync(dist) ? `npm run build failed (${tail}); measured the web/dist already there (built ${statSync(dist).mtime.toISOString()})` : `npm run build failed: ${tail}`;
}

function command(socket: Socket, payload: Record<string, unknown>): Promise<{ ok: boolean }> {
  return socket.timeout(10_000).emitWithAck('command', { opId: crypto.randomUUID(), ...payload }) as Promise<{ ok: boolean }>;
}

function connected(url: string, auth: Record<string, unknown>): Promise<{ socket: Socket; token?: string; snapshot: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, auth });
    socket.once('snapshot', (s: { participantToken?: string }) => resolve({ socket, snapshot: s, ...(s.participantToken ? { token: s.participantToken } : {}) }));
    socket.once('connect_error', reject);
  });
}

/** A running carousel with a few ideas at station 1, and a participant in group 1. */
async function prepare(url: string): Promise<{ code: string; token: string; seen: string; sockets: Socket[] }> {
  const { plan, item, stationIds } = benchPlan(8, 4);
  const [w] = await createWorkshops(url, plan, 1);
  const fac = await connected(url, { workshopId: w!.id, facilitatorToken: w!.facilitatorToken });
  await command(fac.socket, { type: 'start_item', item });
  const phone = await connected(url, { code: w!.code });
  await command(phone.socket, { type: 'join_group', group: 1 });
  for (let i = 0; i < 6; i++) await command(phone.socket, { type: 'add_idea', item, slot: stationIds[0], text: swedishIdea(i) });
  // What that phone's page keeps of what it was shown (the page stores it without the token), for the returning phone.
  const again = await connected(url, { code: w!.code, participantToken: phone.token! });
  const { participantToken: _token, ...shown } = again.snapshot;
  const seen = JSON.stringify({ ...shown, savedAt: Date.now() });
  return { code: w!.code, token: phone.token!, seen, sockets: [fac.socket, phone.socket, again.socket] };
}

async function measure(browser: Browser, origin: string, page: string, path: string, storage: Record<string, string>, shot: string | null): Promise<LcpResult> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE' });
  try {
    if (Object.keys(storage).length) {
      await context.addInitScript((entries: Record<string, string>) => {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, storage);
    }
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    const times = { nav: NaN, first: NaN, firstAnswer: NaN, websocket: NaN };
    const requests = new Map<string, { url: string; sent: number; answered: number; done: number; bytes: number }>();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Document' && Number.isNaN(times.nav)) times.nav = e.timestamp;
      requests.set(e.requestId, { url: e.request.url, sent: e.timestamp, answered: NaN, done: NaN, bytes: 0 });
      if (e.request.url.includes('/socket.io/') && Number.isNaN(times.first)) times.first = e.timestamp;
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.answered = e.timestamp;
      if (e.response.url.includes('/socket.io/') && Number.isNaN(times.firstAnswer)) times.firstAnswer = e.timestamp;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { done: e.timestamp, bytes: e.encodedDataLength });
    });
    const sockets = new Map<string, number>();
    cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => {
      sockets.set(e.requestId, e.timestamp);
      if (Number.isNaN(times.first)) times.first = e.timestamp;
    });
    cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
      if (Number.isNaN(times.websocket)) times.websocket = e.timestamp;
      if (Number.isNaN(times.firstAnswer)) times.firstAnswer = e.timestamp;
      const sent = sockets.get(e.requestId);
      if (sent !== undefined) requests.set(e.requestId, { url: 'WebSocket /socket.io/ (handshake)', sent, answered: e.timestamp, done: e.timestamp, bytes: 0 });
    });
    await tab.goto(origin + path, { waitUntil: 'load', timeout: 120_000 });
    // The socket connects and lazy views load after `load`: give later paints time to land.
    await sleep(8000);
    const figures = await tab.evaluate(async () => {
      const entries = await new Promise<PerformanceEntryList>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve([]), 2000);
      });
      const last = entries.at(-1) as (PerformanceEntry & { element?: Element | null; size?: number; url?: string }) | undefined;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const el = last?.element;
      return {
        lcpMs: last?.startTime ?? NaN,
        lcpElement: el ? `<${el.tagName.toLowerCase()}> “${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}”` : last ? last.url || '(an element since removed from the page)' : '–',
        fcpMs: fcp,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        loadMs: nav.loadEventEnd,
        transferredKB: (nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0)) / 1024,
        scriptKB: resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js')).reduce((n, r) => n + r.transferSize, 0) / 1024,
        shows: document.body.innerText.trim().replace(/\s+/g, ' ').slice(0, 90),
        lateScripts: resources
          .filter((r) => r.name.endsWith('.js') && r.startTime > nav.domContentLoadedEventEnd)
          .map((r) => `${r.name.split('/').pop()} @${Math.round(r.responseEnd)}`).join(', ') || '–',
      };
    });
    if (shot) await tab.screenshot({ path: join(shot, `${page.replace(/\W+/g, '-')}.png`) });
    const since = (t: number) => (t - times.nav) * 1000;
    const waterfall = [...requests.values()].map((r) =>
      `${fmt(since(r.sent), 0).padStart(5)} → ${fmt(since(r.answered), 0).padStart(5)} → ${fmt(since(r.done), 0).padStart(5)} ms ${fmt(r.bytes / 1024, 1).padStart(5)} KB  ${r.url.replace(origin, '').slice(0, 70)}`);
    return { page, path, ...figures, waterfall, socket: { first: since(times.first), firstAnswer: since(times.firstAnswer), websocket: since(times.websocket) } };
  } finally {
    await context.close();
  }
}

/** Builds (unless told not to), serves, and measures the three phone pages. */
export async function runLcp(root: string, opts: { build: boolean; keepTmp: boolean }, log: (s: string) => void): Promise<LcpRun> {
  const built = build(root, opts.build);
  log(`LCP: ${built}`);
  const tmp = mkdtempSync(join(tmpdir(), 'karusell-bench-lcp-'));
  if (!opts.keepTmp) removeOnExit(tmp);
  const server = await startServer('karusell', root, tmp);
  let browser: Browser | undefined;
  const sockets: Socket[] = [];
  try {
    const { code, token, seen, sockets: open } = await prepare(server.url);
    sockets.push(...open);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const shot = opts.keepTmp ? tmp : null;
    const results = [
      await measure(browser, server.url, 'join page', '/', {}, shot),
      await measure(browser, server.url, 'first join from a ?code= link (carousel running)', `/?code=${code}`, {}, shot),
      await measure(browser, server.url, 'returning phone at its station (token remembered, group 1)', `/?code=${code}`,
        { [`karusell:participant:${code}`]: token, 'karusell:participant:last': code }, shot),
      // A phone that showed this station before also holds what it was shown (karusell:seen:<code>).
      await measure(browser, server.url, 'returning phone at its station (with what it was last shown)', `/?code=${code}`,
        { [`karusell:participant:${code}`]: token, 'karusell:participant:last': code, [`karusell:seen:${code}`]: seen }, shot),
    ];
    for (const r of results) {
      log(`LCP ${r.page}: ${fmt(r.lcpMs, 0)} ms (${r.lcpElement}); requests (sent → answered → finished):`);
      for (const line of r.waterfall) log(`  ${line}`);
    }
    return { build: built, results, screenshots: shot };
  } finally {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await stopServer(server);
    if (!opts.keepTmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The LCP figures as Markdown. */
export function lcpMarkdown(run: LcpRun): string {
  const rows = run.results.map((r) =>
    `| ${r.page} | ${fmt(r.lcpMs, 0)} | ${r.lcpMs <= 2500 ? 'met' : '**missed**'} | ${fmt(r.fcpMs, 0)} | ${fmt(r.domContentLoadedMs, 0)} | ${fmt(r.loadMs, 0)} | ` +
    `${fmt(r.socket.first, 0)} / ${fmt(r.socket.firstAnswer, 0)} / ${fmt(r.socket.websocket, 0)} | ${r.lateScripts} | ${fmt(r.transferredKB, 1)} | ${fmt(r.scriptKB, 1)} | ` +
    `${r.lcpElement.replace(/\|/g, '\\|')} | ${r.shows.replace(/\|/g, '\\|')} |`);
  return [
    `Build: ${run.build}.`,
    '',
    '| page | LCP ms | ≤ 2500 | FCP ms | DOMContentLoaded ms | load ms | Socket.IO: first request / first answer / WebSocket open, ms | scripts loaded after DOMContentLoaded @ done ms | transferred KB | of it script KB | LCP element | page shows (first words) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |',
    ...rows,
  ].join('\n');
}
